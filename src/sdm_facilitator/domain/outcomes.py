"""Outcome points: what had happened for each child at each review and 3, 6 and 12 months on.

Few services record outcomes at all; the app makes the points visible as
they fall due (in the schedule, so the home screen's next date and the
follow-up's "what is due" list show them) and makes recording one a short
form. A point is due for every child the meeting is about; it stays due
until an outcome is recorded for that child at that point.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sdm_facilitator.domain.meeting import OUTCOME_POINT_LABELS, Child, Meeting, OutcomePoint

#: Months after the meeting day for the fixed points.
POINT_MONTHS = {"3-months": 3, "6-months": 6, "12-months": 12}


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


@dataclass(frozen=True)
class OutcomeDue:
    """One follow-up point and the children with no outcome recorded for it yet."""

    point: str
    due: date
    child_ids: tuple[str, ...]
    review_id: str = ""

    @property
    def ref(self) -> str:
        """A stable reference for lists: the point, and the review for a review point."""
        return f"{self.point}:{self.review_id}" if self.review_id else self.point

    def label(self) -> str:
        children = len(self.child_ids)
        who = "1 child" if children == 1 else f"{children} children"
        return f"outcomes {OUTCOME_POINT_LABELS[self.point].lower()} ({who})"


def recorded_point(child: Child, point: str, review_id: str = "") -> OutcomePoint | None:
    """The child's outcome at ``point`` (for a review point, at that review), if recorded."""
    return next(
        (o for o in child.outcomes if o.point == point and (point != "review" or o.review_id == review_id)),
        None,
    )


def point_dates(meeting: Meeting) -> list[tuple[str, date, str]]:
    """Every follow-up point of a held meeting as (point, day, review id), earliest first.

    Review points fall on the day the review was held; fixed points are
    counted from the meeting day. Before the meeting there are none.
    """
    held = meeting.held_on if meeting.record.started is not None else None
    if held is None:
        return []
    points = [("review", r.held, r.id) for r in meeting.follow_up.reviews if r.held is not None]
    points += [(name, add_months(held, months), "") for name, months in POINT_MONTHS.items()]
    return sorted(points, key=lambda p: p[1])


def outcome_points(meeting: Meeting) -> list[OutcomeDue]:
    """Every follow-up point with children still without an outcome, earliest first.

    A point with every child recorded is not listed.
    """
    out = []
    for point, due, review_id in point_dates(meeting):
        missing = tuple(c.id for c in meeting.children if recorded_point(c, point, review_id) is None)
        if missing:
            out.append(OutcomeDue(point, due, missing, review_id))
    return out


def outcomes_due(meeting: Meeting, today: date) -> list[OutcomeDue]:
    """Points whose day has come (or passed) with children still to record."""
    return [o for o in outcome_points(meeting) if o.due <= today]

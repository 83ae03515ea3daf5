"""Outcome points: what had happened for each child at each review and 3, 6 and 12 months on.

Few services record outcomes at all; the app makes the points visible as
they fall due (in the schedule, so the home screen's next date and the
follow-up's "what is due" list show them) and makes recording one a short
form. A point is due for every child the meeting is about; it stays due
until an outcome is recorded for that child at that point.

Every referral is followed, held or not: a family referred and never met
(closed before the day, declined) is the comparison a trial relies on. The
fixed points count from the referral's index date: the referral date by
default, or the letter before proceedings where one is recorded and the
organisation's setting says so (the trial's primary outcome counts from it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sdm_facilitator.domain.meeting import OUTCOME_POINT_LABELS, Child, Meeting, OutcomePoint

#: Months after the index date for the fixed points.
POINT_MONTHS = {"3-months": 3, "6-months": 6, "12-months": 12}
#: Which date the fixed points count from (the organisation's ``outcome_index`` setting).
INDEX_BASES = ("referral", "pre-proceedings-letter")
DEFAULT_INDEX_BASIS = "referral"


def index_date(meeting: Meeting, basis: str = DEFAULT_INDEX_BASIS) -> date:
    """The day a referral's outcome points count from.

    With the letter basis, the letter before proceedings where one is recorded;
    otherwise (and always by default) the referral date, or the day the record
    was made when no referral date was written.
    """
    letter = meeting.referral.pre_proceedings_letter
    if basis == "pre-proceedings-letter" and letter is not None:
        return letter
    return meeting.referral.date or meeting.created.date()


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


def fixed_point_day(meeting: Meeting, point: str, basis: str = DEFAULT_INDEX_BASIS) -> date:
    """The day of a fixed point ("3-months", "6-months", "12-months") of a referral."""
    return add_months(index_date(meeting, basis), POINT_MONTHS[point])


def point_dates(meeting: Meeting, basis: str = DEFAULT_INDEX_BASIS) -> list[tuple[str, date, str]]:
    """Every follow-up point of a referral as (point, day, review id), earliest first.

    Review points fall on the day the review was held; fixed points are
    counted from the index date, for every referral whether or not its
    meeting was held, so those closed before the day are followed too.
    """
    points = [("review", r.held, r.id) for r in meeting.follow_up.reviews if r.held is not None]
    points += [(name, fixed_point_day(meeting, name, basis), "") for name in POINT_MONTHS]
    return sorted(points, key=lambda p: p[1])


def outcome_points(meeting: Meeting, basis: str = DEFAULT_INDEX_BASIS) -> list[OutcomeDue]:
    """Every follow-up point with children still without an outcome, earliest first.

    A point with every child recorded is not listed.
    """
    out = []
    for point, due, review_id in point_dates(meeting, basis):
        missing = tuple(c.id for c in meeting.children if recorded_point(c, point, review_id) is None)
        if missing:
            out.append(OutcomeDue(point, due, missing, review_id))
    return out


def outcomes_due(meeting: Meeting, today: date) -> list[OutcomeDue]:
    """Points whose day has come (or passed) with children still to record."""
    return [o for o in outcome_points(meeting) if o.due <= today]

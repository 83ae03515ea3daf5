"""One meeting summed up in a few facts that do not depend on today's date.

The home screen, ``list`` and the service report need the same handful of facts
about every meeting. Working them out means parsing the whole file, so the
storage layer keeps these summaries in an index beside the meeting files. To be
worth keeping, a summary holds only what stays true until the file changes:
dates rather than "overdue" flags, so the words that depend on today
("2 overdue", "the meeting is tomorrow") are worked out when shown, with the
same functions the readiness panel uses, and can never disagree with it.

To add a fact: add a field here (a plain type: text, whole number, date, date
and time, a tuple of text or dates), fill it in ``summarise`` and raise
``SUMMARY_VERSION`` so summaries stored by an older version are worked out again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, TypedDict

from sdm_facilitator.domain.closure import closure_line
from sdm_facilitator.domain.fidelity_status import MET, NOT_APPLICABLE, NOT_MET, NOT_RECORDED, counts_words
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.readiness import readiness, summary_words, when_words
from sdm_facilitator.domain.schedule import DueItem, due_items
from sdm_facilitator.domain.step_progress import progress_remembered

if TYPE_CHECKING:
    from sdm_facilitator.domain.guide import Guide

#: Raise whenever a field is added or its meaning changes.
SUMMARY_VERSION = 6


@dataclass(frozen=True)
class MeetingSummary:
    """What lists and reports show about one meeting, true until its file changes."""

    id: str
    family_label: str
    kind: str
    context: str
    guide_id: str
    stage: str
    created: datetime
    updated: datetime
    #: The family's chosen wall-clock time (no zone), if any.
    when: datetime | None
    #: The day it was held (local), or the day it is planned for.
    held_on: date | None
    next_date: date | None
    next_item: str | None
    review_due: date | None
    closed_on: date | None
    closure_reason: str | None
    children: tuple[str, ...]
    people: int
    actions: int
    captures: int
    reviews: int
    plan_changes: int
    #: Readiness items with no date (never overdue) and the dates of the dated ones.
    open_undated: int
    open_due: tuple[date, ...]
    #: Of the undated items, the stop-and-check steps to settle before going ahead.
    blockers: int = 0
    #: Items that exist only from their own day on (children's outcomes to record at a
    #: follow-up point): listed on that day, overdue the day after.
    appear_on: tuple[date, ...] = ()
    #: When the meeting was started in the room (None before the day).
    started: datetime | None = None
    #: Fidelity markers by status (met, not met, not recorded, n/a) before the review is due.
    fidelity: tuple[int, ...] = (0, 0, 0, 0)
    #: The first review's due day while it is not held: after it the marker turns "not met".
    fidelity_review_due: date | None = None

    @property
    def meeting_date(self) -> date | None:
        return self.when.date() if self.when else None

    def _today_items(self, today: date) -> int:
        """Items that exist only once their day has passed: the meeting not started, the review not held."""
        if self.closed_on is not None:
            return 0  # a closed meeting has nothing open
        if self.stage == "preparation" and self.meeting_date is not None and self.meeting_date < today:
            return 1
        if self.stage == "follow_up" and self.review_due is not None and self.review_due < today:
            return 1
        return 0

    def overdue_count(self, today: date) -> int:
        appeared_before = bisect.bisect_left(self.appear_on, today)
        return bisect.bisect_left(self.open_due, today) + self._today_items(today) + appeared_before

    def open_count(self, today: date) -> int:
        appeared = bisect.bisect_right(self.appear_on, today)
        return self.open_undated + len(self.open_due) + self._today_items(today) + appeared

    def readiness_words(self, today: date) -> str:
        """The same words as ``readiness(...).summary()`` on ``today``."""
        return summary_words(
            self.stage,
            self.open_count(today),
            self.overdue_count(today),
            self.blockers,
            self.closed_on is not None,
        )

    def fidelity_words(self, today: date) -> str:
        """The same words as ``fidelity_profile(...).summary()`` on ``today``."""
        met, not_met, not_recorded, not_applicable = self.fidelity
        if self.fidelity_review_due is not None and self.fidelity_review_due < today:
            not_met, not_recorded = not_met + 1, not_recorded - 1
        return counts_words(
            {MET: met, NOT_MET: not_met, NOT_RECORDED: not_recorded, NOT_APPLICABLE: not_applicable}
        )

    def closure_words(self) -> str:
        """The same words as ``closure.closure_words`` for the meeting."""
        return closure_line(self.closed_on, self.closure_reason, held=self.started is not None)

    def when_words(self, today: date) -> str:
        """The same words as ``readiness(...).when_words()`` on ``today``."""
        return when_words(self.stage, self.meeting_date, self.review_due, today)


def summarise(meeting: Meeting, guide: Guide | None, law: ProfileLaw | None = None) -> MeetingSummary:
    """The summary of ``meeting`` read with ``guide`` (the one the app would use for it).

    ``law``: the chosen jurisdiction profile's (England's when not given), so the
    home list counts a conference's core group and review as the meeting's own
    readiness and fidelity do.
    """
    # Readiness, due dates and the fidelity grid each ask about every step: answered once each.
    with progress_remembered():
        return _summarise(meeting, guide, law or ProfileLaw())


def _summarise(meeting: Meeting, guide: Guide | None, law: ProfileLaw) -> MeetingSummary:
    # On the first possible day nothing is overdue yet, so every item is listed with its own date.
    dated = due_items(meeting, guide)  # once: readiness, the next item and the outcome points use it
    open_items = readiness(meeting, guide, date.min, law, due=dated)
    due = dated[0] if dated else None  # as next_due
    return MeetingSummary(
        id=meeting.id,
        family_label=meeting.family_label,
        kind=meeting.kind,
        context=meeting.context,
        guide_id=meeting.guide_id,
        stage=meeting.stage,
        created=meeting.created,
        updated=meeting.updated,
        when=meeting.starts_at,
        held_on=meeting.held_on,
        next_date=due.due if due else None,
        next_item=due.label if due else None,
        review_due=open_items.review_due,
        closed_on=meeting.closure.closed_on,
        closure_reason=meeting.closure.reason,
        children=tuple(child.name for child in meeting.children),
        people=len(meeting.people),
        actions=len(meeting.plan.actions),
        captures=len(meeting.record.captures),
        reviews=len(meeting.follow_up.reviews),
        plan_changes=len(meeting.follow_up.plan_changes),
        open_undated=sum(1 for item in open_items.items if item.due is None),
        open_due=tuple(sorted(item.due for item in open_items.items if item.due is not None)),
        blockers=len(open_items.blockers),
        appear_on=_appearing_dates(meeting, dated),
        started=meeting.record.started,
        **_fidelity_facts(meeting, guide, law),
    )


class _FidelityFacts(TypedDict):
    fidelity: tuple[int, int, int, int]
    fidelity_review_due: date | None


def _fidelity_facts(meeting: Meeting, guide: Guide | None, law: ProfileLaw) -> _FidelityFacts:
    """Marker counts that hold until the file changes, and the one day that moves a marker.

    Only "the review held on time" depends on today: not recorded until its due
    day has passed unheld, then not met. Counted on the first possible day, it
    is "not recorded"; ``fidelity_words`` moves it once ``fidelity_review_due`` is past.
    """
    # Imported here: the markers need the guides, conference rules and network, which the
    # home screen's first paint (rows read from the index) does not.
    from sdm_facilitator.domain.fidelity import first_review, marker_counts

    counts = marker_counts(meeting, guide, date.min, law.timescales)
    due, held = first_review(meeting, law.timescales)
    return {
        "fidelity": (counts[MET], counts[NOT_MET], counts[NOT_RECORDED], counts[NOT_APPLICABLE]),
        "fidelity_review_due": due if held is None else None,
    }


def _appearing_dates(meeting: Meeting, dated: list[DueItem]) -> tuple[date, ...]:
    """The days readiness starts listing an outcome point (at every stage, and once closed).

    ``dated`` is ``due_items`` of the meeting.
    """
    return tuple(sorted(d.due for d in dated if d.kind == "outcome"))

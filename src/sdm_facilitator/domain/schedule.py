"""Dates that matter: what is due next for a meeting, and what is overdue.

One function serves the home screen's "next thing due", the command line's
``list`` and the readiness panel, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sdm_facilitator.domain.conference_rules import is_conference, needs_plan
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.outcomes import outcome_points
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.step_progress import is_step_open


@dataclass(frozen=True, order=True)
class DueItem:
    """Something with a date: a preparation step, the meeting, an action, a review."""

    due: date
    label: str
    kind: str  # "step", "meeting", "action", "review", "info", "outcome"
    ref: str = ""

    def overdue(self, today: date) -> bool:
        return self.due < today


def step_due_date(meeting: Meeting, days_before: int | None) -> date | None:
    """When a preparation step is due: its suggested days before the meeting date.

    A review meeting opened from the earlier meeting's follow-up (often on
    the day it is held) cannot have been late before it existed: its steps
    are due no earlier than the day it was opened.
    """
    day = meeting.meeting_date
    if days_before is None or day is None:
        return None
    due = day - timedelta(days=days_before)
    if meeting.reviews_meeting_id:
        due = max(due, min(meeting.created.astimezone().date(), day))
    return due


def follow_up_due_date(meeting: Meeting, days_after: int | None) -> date | None:
    """When a follow-up step is due: its suggested days after the meeting day."""
    held = meeting.held_on
    if days_after is None or held is None:
        return None
    return held + timedelta(days=days_after)


def _open_step_items(meeting: Meeting, guide: Guide | None, stage: str) -> list[DueItem]:
    """The guide's dated steps of ``stage`` that are still to do."""
    if guide is None:
        return []
    items = []
    for step in meeting_steps(guide, stage, meeting):
        if not is_step_open(meeting, step):
            continue
        if stage == "preparation":
            due = step_due_date(meeting, step.days_before)
        else:
            due = follow_up_due_date(meeting, step.days_after)
        if due is not None:
            items.append(DueItem(due, step.title, "step", step.id))
    return items


def conference_due_items(meeting: Meeting, *, has_reviews: bool) -> list[DueItem]:
    """A conference's follow-up dates, when a child is on a plan: the first core group and the review conference.

    The core group meets outside the app: it is due until the chair marks it met.
    The review conference date stands in for the plan's review date unless a
    review was scheduled in the follow-up or the plan names its own date.
    """
    conf = meeting.conference
    if not is_conference(meeting) or not needs_plan(conf):
        return []
    items = []
    if conf.core_group_first is not None and not conf.core_group_met:
        items.append(DueItem(conf.core_group_first, "first core group", "core-group"))
    if conf.review_date is not None and not has_reviews and meeting.plan.review_date is None:
        items.append(DueItem(conf.review_date, "review conference", "review"))
    return items


def due_items(meeting: Meeting, guide: Guide | None = None) -> list[DueItem]:
    """Every open, dated item of the meeting's current stage, earliest first.

    A closed meeting has nothing due but its outcome points: the work on it has
    ended, but every referral is followed, including those closed before the day.
    Outcome points count from the referral, so they are due at every stage.
    """
    items: list[DueItem] = [DueItem(o.due, o.label(), "outcome", o.ref) for o in outcome_points(meeting)]
    if meeting.closure.is_closed:
        return sorted(items)
    stage = meeting.stage
    if stage != "follow_up":
        # During the meeting too: what was not done in time stays overdue
        # until the meeting has ended, so readiness keeps its marks.
        if meeting.meeting_date:
            items.append(DueItem(meeting.meeting_date, "the meeting", "meeting"))
        items += _open_step_items(meeting, guide, "preparation")
        for share in meeting.info_sharing:
            if share.shared is None and share.due is not None:
                items.append(DueItem(share.due, f"share: {share.document}", "info", share.id))
    else:
        for action in meeting.plan.actions:
            if action.status != "done" and action.by_when is not None:
                items.append(DueItem(action.by_when, f"action: {action.what}", "action", action.id))
        open_reviews = [r for r in meeting.follow_up.reviews if r.held is None and r.scheduled]
        for review in open_reviews:
            assert review.scheduled is not None
            items.append(DueItem(review.scheduled, "review meeting", "review", review.id))
        if not open_reviews and meeting.plan.review_date and not meeting.follow_up.reviews:
            items.append(DueItem(meeting.plan.review_date, "review meeting", "review"))
        items += conference_due_items(meeting, has_reviews=bool(open_reviews or meeting.follow_up.reviews))
        items += _open_step_items(meeting, guide, "follow_up")
    return sorted(items)


def next_due(meeting: Meeting, guide: Guide | None = None) -> DueItem | None:
    """The earliest open dated item (overdue ones come first by date)."""
    items = due_items(meeting, guide)
    return items[0] if items else None

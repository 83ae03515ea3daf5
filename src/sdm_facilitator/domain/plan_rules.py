"""Rules for the family's plan and its follow-up, with no user interface.

Checking the plan against the bottom lines, the suggested review date,
recording how actions go and how the plan changes, summaries, and starting a
review meeting that carries the current plan forward. Screens call these so
the same rules hold wherever the plan is edited (and tests can check them
without a terminal).

Nothing here ever changes the family's own words: checks and updates are kept
next to them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sdm_facilitator.domain.dates import parse_date
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    ACTION_STATUS_LABELS,
    SUPPORT_DELIVERY_CHOICES,
    Action,
    ActionUpdate,
    BottomLineCheck,
    Child,
    Meeting,
    Person,
    Plan,
    PlanChange,
    ProfessionalResponse,
    Review,
    new_meeting_id,
)
from sdm_facilitator.domain.meeting_factory import GuideSource, create_meeting

#: Used when there is no guide to say otherwise: about three months.
DEFAULT_REVIEW_AFTER_DAYS = 90


class PlanRuleError(ValueError):
    """A change that cannot be made, with a reason to show as it is."""


# ------------------------------------------------------------------ bottom lines


def _line_key(text: str) -> str:
    """Bottom lines are matched by their text, ignoring outer spaces."""
    return text.strip()


def sync_bottom_line_checks(plan: Plan, bottom_lines: Iterable[str]) -> bool:
    """Make sure every bottom line has a check; return True if any was added.

    Checks are matched by the bottom line's text. Existing checks (and their
    notes) are never removed or changed, even when the referral no longer
    names their bottom line: see ``orphan_checks``. Blank bottom lines and
    repeats are ignored. New checks keep the referral's order.
    """
    known = {_line_key(c.bottom_line) for c in plan.bottom_line_checks}
    added = False
    for line in bottom_lines:
        key = _line_key(line)
        if not key or key in known:
            continue
        plan.bottom_line_checks.append(BottomLineCheck(bottom_line=line))
        known.add(key)
        added = True
    return added


def find_check(plan: Plan, bottom_line: str) -> BottomLineCheck | None:
    """The check of ``bottom_line`` if it has one; never creates one, so drawing changes nothing."""
    key = _line_key(bottom_line)
    return next((c for c in plan.bottom_line_checks if _line_key(c.bottom_line) == key), None)


def check_for(plan: Plan, bottom_line: str) -> BottomLineCheck:
    """The check of ``bottom_line``, created (unchecked) if it has none yet."""
    found = find_check(plan, bottom_line)
    if found is not None:
        return found
    check = BottomLineCheck(bottom_line=bottom_line)
    plan.bottom_line_checks.append(check)
    return check


def orphan_checks(plan: Plan, bottom_lines: Iterable[str]) -> list[BottomLineCheck]:
    """Checks whose bottom line the referral no longer names (kept, never dropped)."""
    current = {_line_key(line) for line in bottom_lines}
    return [c for c in plan.bottom_line_checks if _line_key(c.bottom_line) not in current]


@dataclass(frozen=True)
class BottomLineSummary:
    """How many bottom lines the professionals found addressed, not addressed, not yet checked."""

    addressed: int
    not_addressed: int
    unchecked: int

    @property
    def total(self) -> int:
        return self.addressed + self.not_addressed + self.unchecked

    def __str__(self) -> str:
        if self.total == 0:
            return "no bottom lines in the referral"
        parts = [f"{self.addressed} of {self.total} bottom lines addressed"]
        if self.not_addressed:
            parts.append(f"{self.not_addressed} not yet")
        if self.unchecked:
            parts.append(f"{self.unchecked} not checked")
        return ", ".join(parts)


def bottom_line_summary(plan: Plan, bottom_lines: Iterable[str]) -> BottomLineSummary:
    """Counts over the referral's current bottom lines (not orphaned checks)."""
    by_key = {_line_key(c.bottom_line): c for c in plan.bottom_line_checks}
    addressed = not_addressed = unchecked = 0
    seen: set[str] = set()
    for line in bottom_lines:
        key = _line_key(line)
        if not key or key in seen:
            continue
        seen.add(key)
        check = by_key.get(key)
        if check is None or check.addressed is None:
            unchecked += 1
        elif check.addressed:
            addressed += 1
        else:
            not_addressed += 1
    return BottomLineSummary(addressed, not_addressed, unchecked)


# ------------------------------------------------------------------ dates


def review_after_days(guide: Guide | None) -> int:
    """How long after the meeting the guide suggests a review (about three months)."""
    return guide.review_after_days if guide is not None else DEFAULT_REVIEW_AFTER_DAYS


def suggested_review_date(meeting: Meeting, guide: Guide | None, today: date) -> date:
    """The meeting day plus the guide's review interval (today's, if no day is known)."""
    return (meeting.held_on or today) + timedelta(days=review_after_days(guide))


def parse_day(text: str, today: date) -> date | None:
    """A date as typed anywhere in the app (see ``dates.parse_date``); errors as PlanRuleError."""
    try:
        return parse_date(text, today)
    except ValueError as error:
        raise PlanRuleError(f"{str(error)[:1].upper()}{str(error)[1:]}.") from None


# ------------------------------------------------------------------ actions


def add_action(
    plan: Plan,
    *,
    what: str,
    who: str = "",
    by_when: date | None = None,
    support_needed: str = "",
    support_from: str = "",
    for_children: list[str] | None = None,
) -> Action:
    """A new action at the end of the plan. ``what`` must say something."""
    if not what.strip():
        raise PlanRuleError("Say what will happen.")
    action = Action(
        what=what,
        who=who,
        by_when=by_when,
        support_needed=support_needed,
        support_from=support_from,
        for_children=list(for_children or []),
    )
    plan.actions.append(action)
    return action


def find_action(plan: Plan, action_id: str) -> Action | None:
    return next((a for a in plan.actions if a.id == action_id), None)


def remove_action(plan: Plan, action_id: str) -> Action | None:
    """Remove an action from the plan being written; return it (or None if absent)."""
    action = find_action(plan, action_id)
    if action is not None:
        plan.actions.remove(action)
    return action


def update_action_status(action: Action, status: str, on: date, note: str = "") -> ActionUpdate:
    """Record a dated update and set the action's status to it.

    The history is appended to, never rewritten.
    """
    if status not in ACTION_STATUS_CHOICES:
        raise PlanRuleError(f"'{status}' is not an action status")
    update = ActionUpdate(date=on, status=status, note=note)
    action.updates.append(update)
    action.status = status
    return update


def next_support_delivery(current: str | None) -> str | None:
    """Cycle what is known about promised help: unknown, not yet, partly, given, unknown."""
    order: list[str | None] = [None, *SUPPORT_DELIVERY_CHOICES]
    index = order.index(current) if current in order else 0
    return order[(index + 1) % len(order)]


def support_promised(action: Action) -> bool:
    """True when the action needs help from someone (usually a service)."""
    return bool(action.support_from.strip() or action.support_needed.strip())


def open_actions(plan: Plan) -> list[Action]:
    """Actions not done yet, in plan order."""
    return [a for a in plan.actions if a.status != "done"]


def overdue_actions(plan: Plan, today: date) -> list[Action]:
    """Open actions whose date has passed."""
    return [a for a in open_actions(plan) if a.by_when is not None and a.by_when < today]


def action_summary(actions: Iterable[Action]) -> str:
    """Plain words such as "2 of 5 actions done, 1 stuck"."""
    actions = list(actions)
    if not actions:
        return "no actions yet"
    counts = {status: 0 for status in ACTION_STATUS_CHOICES}
    for action in actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    noun = "action" if len(actions) == 1 else "actions"
    parts = [f"{counts['done']} of {len(actions)} {noun} done"]
    if counts["under-way"]:
        parts.append(f"{counts['under-way']} under way")
    if counts["stuck"]:
        parts.append(f"{counts['stuck']} stuck")
    return ", ".join(parts)


def status_label(status: str) -> str:
    return ACTION_STATUS_LABELS.get(status, status)


# ------------------------------------------------------------------ response


def set_response(response: ProfessionalResponse, decision: str | None, on: date) -> None:
    """Record the professionals' decision and the day it was given.

    Reasons, changes and what would make it acceptable are kept when the
    decision changes, so nothing typed is lost.
    """
    response.decision = decision
    response.date = on if decision is not None else None


# ------------------------------------------------------------------ plan changes


def record_plan_change(meeting: Meeting, what: str, reason: str, on: date) -> PlanChange:
    """Add a dated change to the plan's history (which is only ever appended to)."""
    if not what.strip():
        raise PlanRuleError("Say what changed in the plan.")
    change = PlanChange(date=on, what=what, reason=reason)
    meeting.follow_up.plan_changes.append(change)
    return change


def plan_history(meeting: Meeting) -> list[PlanChange]:
    """Plan changes oldest first (undated ones last, in the order recorded)."""
    changes = list(enumerate(meeting.follow_up.plan_changes))
    changes.sort(key=lambda item: (item[1].date is None, item[1].date or date.min, item[0]))
    return [change for _, change in changes]


# ------------------------------------------------------------------ reviews


def schedule_review(meeting: Meeting, on: date, requested_by: str = "") -> Review:
    """Plan a review meeting on ``on``."""
    review = Review(scheduled=on, requested_by=requested_by)
    meeting.follow_up.reviews.append(review)
    return review


def find_review(meeting: Meeting, review_id: str) -> Review | None:
    return next((r for r in meeting.follow_up.reviews if r.id == review_id), None)


def record_review_outcome(review: Review, outcome: str, held: date | None) -> None:
    """What the review decided, and when it was held."""
    review.outcome = outcome
    if held is not None:
        review.held = held


def carried_plan(plan: Plan) -> Plan:
    """A copy of the plan for a review: the family's words and open actions.

    The professionals' response and the review date belong to the meeting
    that gave them, so the review starts without them. Actions keep their
    history so the review can see how they went.
    """
    carried = copy.deepcopy(plan)
    carried.actions = [a for a in carried.actions if a.status != "done"]
    carried.response = ProfessionalResponse()
    carried.review_date = None
    return carried


def start_review(meeting: Meeting, guides: GuideSource, now: datetime) -> Meeting:
    """A new review meeting of ``meeting``, held ``now``, carrying its plan forward.

    The review guide is chosen as for any new meeting; the family, children,
    people and referral come across, and the plan comes with its open actions
    only. What belongs to the first meeting's day stays there: who attended,
    preparation visits and notes, and the children's views (the review asks
    them again), so nothing reads as done for the review when it was not.
    """
    review = create_meeting(
        guides,
        kind="review",
        family_label=meeting.family_label,
        context=meeting.context,
        # The family's meeting time is wall-clock time: local, without a zone.
        when=now.astimezone().replace(tzinfo=None),
    )
    review.id = new_meeting_id(now)
    review.created = review.updated = now
    review.reviews_meeting_id = meeting.id
    review.referral = copy.deepcopy(meeting.referral)
    review.children = [_child_for_review(child) for child in meeting.children]
    review.people = [_person_for_review(person) for person in meeting.people]
    review.choices.venue = meeting.choices.venue
    review.choices.format = meeting.choices.format
    review.choices.food = meeting.choices.food
    review.choices.language = meeting.choices.language
    review.plan = carried_plan(meeting.plan)
    return review


def _person_for_review(person: Person) -> Person:
    """A copy of ``person`` without what belonged to the first meeting's day."""
    carried = copy.deepcopy(person)
    carried.attendance = None
    carried.prep_visit = None
    carried.prep_notes = ""
    return carried


def _child_for_review(child: Child) -> Child:
    """A copy of ``child`` without last time's views and meeting before the day."""
    carried = copy.deepcopy(child)
    carried.views = ""
    carried.views_consent = None
    carried.met_before = None
    return carried


def days_until_review(review: Review, today: date) -> int | None:
    """Days from ``today`` to the review's planned date, when it is still ahead."""
    if review.scheduled is None or review.scheduled <= today:
        return None
    return (review.scheduled - today).days


def link_review(review: Review, review_meeting: Meeting, held: date) -> None:
    """Point a scheduled review at the meeting file that holds it."""
    review.meeting_id = review_meeting.id
    if review.held is None:
        review.held = held

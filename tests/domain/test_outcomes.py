"""Outcome points: when they fall due, which children still need one, and how they reach the schedule."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Action, Child, Closure, Meeting, OutcomePoint, StepState
from sdm_facilitator.domain.outcomes import add_months, index_date, outcome_points, outcomes_due
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.schedule import due_items, next_due
from support.fidelity_fixtures import HELD, delivered_meeting, small_guide


def _meeting_without_other_dates() -> Meeting:
    m = delivered_meeting()
    m.plan.actions = []
    m.follow_up.reviews = []
    m.plan.review_date = None
    return m


def test_fixed_points_fall_3_6_and_12_months_after_the_referral() -> None:
    points = outcome_points(_meeting_without_other_dates())
    assert [(p.point, p.due) for p in points] == [
        ("3-months", date(2026, 6, 2)),
        ("6-months", date(2026, 9, 2)),
        ("12-months", date(2027, 3, 2)),
    ]


def test_the_letter_before_proceedings_is_the_index_only_when_the_setting_says_so() -> None:
    m = _meeting_without_other_dates()
    m.referral.pre_proceedings_letter = date(2026, 3, 20)
    assert index_date(m) == m.referral.date
    assert index_date(m, "pre-proceedings-letter") == date(2026, 3, 20)
    assert [p.due for p in outcome_points(m, "pre-proceedings-letter")][-1] == date(2027, 3, 20)
    m.referral.pre_proceedings_letter = None
    assert index_date(m, "pre-proceedings-letter") == m.referral.date


def test_a_held_review_is_a_point_on_its_day() -> None:
    points = outcome_points(delivered_meeting())
    review = delivered_meeting().follow_up.reviews[0]
    assert points[0].point == "review"
    assert points[0].due == HELD + timedelta(days=40)
    assert points[0].ref.startswith("review:")
    assert review.held == points[0].due


def test_recorded_children_drop_out_and_a_fully_recorded_point_disappears() -> None:
    m = _meeting_without_other_dates()
    m.children.append(Child(name="Ben"))
    first = m.children[0]
    first.outcomes.append(OutcomePoint(point="3-months", living="at-home"))
    three = outcome_points(m)[0]
    assert three.child_ids == (m.children[1].id,)
    assert three.label() == "outcomes 3 months after the referral (1 child)"
    m.children[1].outcomes.append(OutcomePoint(point="3-months", living="in-care", care_basis="care-order"))
    assert [p.point for p in outcome_points(m)] == ["6-months", "12-months"]


def test_a_review_point_counts_only_for_its_own_review() -> None:
    m = delivered_meeting()
    review_id = m.follow_up.reviews[0].id
    m.children[0].outcomes.append(OutcomePoint(point="review", review_id="r-other"))
    assert outcome_points(m)[0].point == "review"
    m.children[0].outcomes.append(OutcomePoint(point="review", review_id=review_id))
    assert outcome_points(m)[0].point == "3-months"


def test_a_referral_never_met_is_followed_too_but_not_without_children() -> None:
    m = _meeting_without_other_dates()
    m.record = type(m.record)()
    m.choices.when = None
    assert [p.point for p in outcome_points(m)] == ["3-months", "6-months", "12-months"]
    m.children = []
    assert outcome_points(m) == []


def test_due_points_reach_the_next_date_and_the_follow_up_list() -> None:
    m = _meeting_without_other_dates()
    guide = small_guide()
    m.steps = {"f1": StepState(status="done")}
    due = next_due(m, guide)
    assert due is not None and (due.kind, due.due) == ("outcome", date(2026, 6, 2))
    today = date(2026, 6, 10)
    assert [o.point for o in outcomes_due(m, today)] == ["3-months"]
    items = [i for i in readiness(m, guide, today).items if i.kind == "outcome"]
    assert [(i.text, i.overdue) for i in items] == [
        ("Record outcomes 3 months after the referral (1 child)", True)
    ]
    assert [i.kind for i in readiness(m, guide, date(2026, 6, 1)).items if i.kind == "outcome"] == []


def test_a_closed_meeting_has_only_its_outcome_points_due() -> None:
    m = _meeting_without_other_dates()
    m.plan.actions = [Action(what="Call", by_when=date(2026, 5, 3))]
    m.closure = Closure(closed_on=date(2026, 5, 1), reason="work-finished")
    assert [i.kind for i in due_items(m, small_guide())] == ["outcome"] * 3


def test_a_referral_closed_before_the_day_still_lists_its_due_outcomes() -> None:
    m = _meeting_without_other_dates()
    m.record = type(m.record)()
    m.closure = Closure(closed_on=date(2026, 3, 10), reason="family-declined")
    found = readiness(m, small_guide(), date(2026, 6, 3))
    assert [i.text for i in found.items] == ["Record outcomes 3 months after the referral (1 child)"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 1, 1)), st.integers(0, 36))
def test_add_months_lands_in_the_right_month_never_later_in_the_day(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day

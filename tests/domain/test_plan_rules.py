"""The plan and follow-up rules: bottom lines, dates, actions, changes, reviews."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.domain import plan_rules as rules
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    ACTION_STATUS_LABELS,
    Action,
    ActionUpdate,
    BottomLineCheck,
    Meeting,
    Person,
    Plan,
    PlanChange,
    Review,
)
from support.strategies import any_text

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TODAY = date(2026, 3, 2)


def guide(kind: str = "review", days: int = 90) -> Guide:
    return Guide(
        id=f"{kind}-guide",
        title="A guide",
        version="1",
        kinds=(kind,),
        summary="",
        steps=(),
        phases=(),
        family_questions=(),
        follow_up_prompts=(),
        review_after_days=days,
    )


class Guides:
    """A guide source with the given guides (the library's ``for_kind`` contract)."""

    def __init__(self, *guides: Guide) -> None:
        self.guides = guides

    def for_kind(self, kind: str) -> Guide | None:
        return next((g for g in self.guides if kind in g.kinds), None)


# ------------------------------------------------------------------ bottom lines


def test_sync_adds_missing_checks_in_referral_order() -> None:
    plan = Plan()
    assert rules.sync_bottom_line_checks(plan, ["Home by 9pm.", "Someone knows where he is."])
    assert [c.bottom_line for c in plan.bottom_line_checks] == ["Home by 9pm.", "Someone knows where he is."]
    assert all(c.addressed is None and c.note == "" for c in plan.bottom_line_checks)


def test_sync_keeps_notes_and_adds_only_new_lines() -> None:
    plan = Plan(bottom_line_checks=[BottomLineCheck("Home by 9pm.", True, "Uncle checks in.")])
    assert rules.sync_bottom_line_checks(plan, ["Home by 9pm.", "School every day."])
    assert plan.bottom_line_checks[0] == BottomLineCheck("Home by 9pm.", True, "Uncle checks in.")
    assert plan.bottom_line_checks[1].bottom_line == "School every day."
    assert not rules.sync_bottom_line_checks(plan, ["Home by 9pm.", "School every day."])


def test_sync_ignores_blank_and_repeated_lines_and_outer_spaces() -> None:
    plan = Plan(bottom_line_checks=[BottomLineCheck("Home by 9pm.", False, "not yet")])
    assert not rules.sync_bottom_line_checks(plan, ["  Home by 9pm.  ", "", "   "])
    assert rules.sync_bottom_line_checks(plan, ["New", "New"])
    assert len(plan.bottom_line_checks) == 2


def test_removed_bottom_line_keeps_its_check_as_orphan() -> None:
    plan = Plan(bottom_line_checks=[BottomLineCheck("Old line", True, "kept")])
    rules.sync_bottom_line_checks(plan, ["New line"])
    assert [c.bottom_line for c in rules.orphan_checks(plan, ["New line"])] == ["Old line"]
    assert plan.bottom_line_checks[0].note == "kept"


def test_check_for_finds_or_creates() -> None:
    plan = Plan()
    first = rules.check_for(plan, "A line")
    first.note = "n"
    assert rules.check_for(plan, "A line ") is first
    assert len(plan.bottom_line_checks) == 1


def test_bottom_line_summary_counts_current_lines_only() -> None:
    plan = Plan(
        bottom_line_checks=[
            BottomLineCheck("a", True),
            BottomLineCheck("b", False),
            BottomLineCheck("gone", True),
        ]
    )
    summary = rules.bottom_line_summary(plan, ["a", "b", "c"])
    assert (summary.addressed, summary.not_addressed, summary.unchecked) == (1, 1, 1)
    assert str(summary) == "1 of 3 bottom lines addressed, 1 not yet, 1 not checked"
    assert str(rules.bottom_line_summary(plan, [])) == "no bottom lines in the referral"


@given(
    lines=st.lists(any_text, max_size=6),
    existing=st.lists(st.tuples(any_text, st.none() | st.booleans(), any_text), max_size=6),
)
def test_sync_never_loses_or_changes_a_check(
    lines: list[str], existing: list[tuple[str, bool | None, str]]
) -> None:
    plan = Plan(bottom_line_checks=[BottomLineCheck(t, a, n) for t, a, n in existing])
    before = copy.deepcopy(plan.bottom_line_checks)
    rules.sync_bottom_line_checks(plan, lines)
    # Every earlier check is still there, unchanged and in its place.
    assert plan.bottom_line_checks[: len(before)] == before
    # Every non-blank bottom line now has a check.
    keys = {c.bottom_line.strip() for c in plan.bottom_line_checks}
    assert all(line.strip() in keys for line in lines if line.strip())
    # Syncing again changes nothing.
    again = copy.deepcopy(plan.bottom_line_checks)
    assert not rules.sync_bottom_line_checks(plan, lines)
    assert plan.bottom_line_checks == again


# ------------------------------------------------------------------ dates


def test_suggested_review_date_uses_meeting_day_and_guide_interval() -> None:
    m = Meeting()
    m.choices.when = datetime(2026, 3, 10, 10, 0)
    assert rules.suggested_review_date(m, guide(days=90), TODAY) == date(2026, 6, 8)
    assert rules.suggested_review_date(m, guide(days=28), TODAY) == date(2026, 4, 7)
    assert rules.suggested_review_date(m, None, TODAY) == date(2026, 6, 8)


def test_suggested_review_date_prefers_the_day_it_was_held() -> None:
    m = Meeting()
    m.choices.when = datetime(2026, 3, 10, 10, 0)
    m.record.started = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)
    assert rules.suggested_review_date(m, None, TODAY) == date(2026, 6, 10)


def test_suggested_review_date_without_any_day_counts_from_today() -> None:
    assert rules.suggested_review_date(Meeting(), None, TODAY) == TODAY + timedelta(days=90)


def test_parse_day_reads_dates_as_every_screen_does() -> None:
    today = date(2026, 3, 2)
    assert rules.parse_day(" 2026-06-01 ", today) == date(2026, 6, 1)
    assert rules.parse_day("01/06/2026", today) == date(2026, 6, 1)
    assert rules.parse_day("today", today) == today
    assert rules.parse_day("", today) is None
    with pytest.raises(rules.PlanRuleError, match="^Write the date as YYYY-MM-DD"):
        rules.parse_day("next week", today)
    with pytest.raises(rules.PlanRuleError):
        rules.parse_day("2026-02-30", today)


# ------------------------------------------------------------------ actions


def test_add_and_remove_action() -> None:
    plan = Plan()
    action = rules.add_action(
        plan, what="Saturday job", who="Farid", by_when=TODAY, support_from="youth service"
    )
    assert plan.actions == [action]
    assert action.status == "not-started"
    with pytest.raises(rules.PlanRuleError):
        rules.add_action(plan, what="   ")
    assert rules.remove_action(plan, action.id) is action
    assert rules.remove_action(plan, action.id) is None
    assert plan.actions == []


def test_update_action_status_appends_history() -> None:
    action = Action(what="x")
    rules.update_action_status(action, "stuck", TODAY, "club full")
    rules.update_action_status(action, "done", TODAY + timedelta(days=3))
    assert action.status == "done"
    assert action.updates == [
        ActionUpdate(date=TODAY, status="stuck", note="club full"),
        ActionUpdate(date=TODAY + timedelta(days=3), status="done", note=""),
    ]
    with pytest.raises(rules.PlanRuleError):
        rules.update_action_status(action, "failed", TODAY)
    assert len(action.updates) == 2


def test_no_status_is_called_a_failure() -> None:
    words = " ".join([*ACTION_STATUS_CHOICES, *ACTION_STATUS_LABELS.values()]).lower()
    assert "fail" not in words


def test_support_delivery_cycles_through_every_value() -> None:
    seen = []
    value = None
    for _ in range(4):
        value = rules.next_support_delivery(value)
        seen.append(value)
    assert seen == ["not-yet", "partly", "given", None]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], "no actions yet"),
        (["done"], "1 of 1 action done"),
        (["done", "done", "stuck", "under-way", "not-started"], "2 of 5 actions done, 1 under way, 1 stuck"),
        (["stuck", "not-started"], "0 of 2 actions done, 1 stuck"),
    ],
)
def test_action_summary(statuses: list[str], expected: str) -> None:
    assert rules.action_summary([Action(status=s) for s in statuses]) == expected


@given(st.lists(st.sampled_from(ACTION_STATUS_CHOICES), max_size=20))
def test_action_summary_counts_add_up(statuses: list[str]) -> None:
    text = rules.action_summary([Action(status=s) for s in statuses])
    if statuses:
        assert text.startswith(f"{statuses.count('done')} of {len(statuses)} ")
    assert "fail" not in text


def test_open_and_overdue_actions() -> None:
    plan = Plan(
        actions=[
            Action(what="a", status="done", by_when=TODAY - timedelta(days=5)),
            Action(what="b", status="stuck", by_when=TODAY - timedelta(days=1)),
            Action(what="c", by_when=TODAY),
            Action(what="d"),
        ]
    )
    assert [a.what for a in rules.open_actions(plan)] == ["b", "c", "d"]
    assert [a.what for a in rules.overdue_actions(plan, TODAY)] == ["b"]


# ------------------------------------------------------------------ response and changes


def test_set_response_dates_it_and_keeps_text() -> None:
    plan = Plan()
    plan.response.reasons = "keep me"
    rules.set_response(plan.response, "not-agreed", TODAY)
    assert (plan.response.decision, plan.response.date) == ("not-agreed", TODAY)
    rules.set_response(plan.response, None, TODAY)
    assert plan.response.date is None
    assert plan.response.reasons == "keep me"


def test_plan_changes_are_appended_and_listed_by_date() -> None:
    m = Meeting()
    late = rules.record_plan_change(m, "Curfew 9:30 on Fridays", "Yusuf asked", TODAY)
    early = rules.record_plan_change(m, "Nana has Tobi Tuesdays", "", TODAY - timedelta(days=10))
    assert m.follow_up.plan_changes == [late, early]
    assert rules.plan_history(m) == [early, late]
    with pytest.raises(rules.PlanRuleError):
        rules.record_plan_change(m, " ", "why", TODAY)
    assert len(m.follow_up.plan_changes) == 2


@given(st.lists(st.tuples(any_text.filter(str.strip), st.none() | st.dates()), max_size=8))
def test_plan_history_keeps_every_change(changes: list[tuple[str, date | None]]) -> None:
    m = Meeting()
    m.follow_up.plan_changes = [PlanChange(date=d, what=w) for w, d in changes]
    history = rules.plan_history(m)
    assert sorted(map(id, history)) == sorted(map(id, m.follow_up.plan_changes))
    dated = [c.date for c in history if c.date is not None]
    assert dated == sorted(dated)


# ------------------------------------------------------------------ reviews


def held_meeting() -> Meeting:
    m = Meeting(kind="fgc", context="statutory", family_label="Rahman family [b]")
    m.choices.when = datetime(2025, 12, 1, 13, 0)
    m.choices.venue = "Community centre"
    m.referral.bottom_lines = ["Home by 9pm."]
    m.people = [Person(name="Farid", attendance="present")]
    m.plan.family_words = "Our words [/]"
    m.plan.contingency = "If not home by 10, Farid looks."
    m.plan.family_keeper = "Farid"
    m.plan.professional_lead = "Owen"
    m.plan.review_date = date(2026, 3, 1)
    m.plan.bottom_line_checks = [BottomLineCheck("Home by 9pm.", True, "ok")]
    m.plan.response.decision = "agreed"
    m.plan.actions = [
        Action(
            what="Saturday job", status="under-way", updates=[ActionUpdate(TODAY, "under-way", "going well")]
        ),
        Action(what="Phone credit", status="done"),
        Action(what="Boxing club", status="stuck", support_from="youth service", support_delivered="not-yet"),
    ]
    return m


def test_start_review_carries_plan_and_open_actions() -> None:
    m = held_meeting()
    before = copy.deepcopy(m)
    review = rules.start_review(m, Guides(guide("review")), NOW)
    assert review.kind == "review"
    assert review.guide_id == "review-guide"
    assert review.reviews_meeting_id == m.id
    assert review.id != m.id and review.id.startswith("20260302-")
    assert review.created == review.updated == NOW
    assert review.choices.when == NOW.astimezone().replace(tzinfo=None)  # local wall-clock time
    assert review.choices.when.tzinfo is None
    assert review.context == "statutory"
    assert review.family_label == m.family_label
    assert review.plan.family_words == "Our words [/]"
    assert review.plan.contingency == m.plan.contingency
    assert (review.plan.family_keeper, review.plan.professional_lead) == ("Farid", "Owen")
    assert [a.what for a in review.plan.actions] == ["Saturday job", "Boxing club"]
    assert review.plan.actions[0].updates == m.plan.actions[0].updates
    assert review.plan.response.decision is None and review.plan.review_date is None
    assert review.referral.bottom_lines == ["Home by 9pm."]
    assert review.people[0].name == "Farid" and review.people[0].attendance is None
    assert review.choices.venue == "Community centre"
    # The reviewed meeting is untouched, and the copies are not shared.
    assert m == before
    review.plan.actions[0].what = "changed"
    review.people[0].name = "changed"
    assert m.plan.actions[0].what == "Saturday job" and m.people[0].name == "Farid"


def test_start_review_without_a_review_guide() -> None:
    review = rules.start_review(held_meeting(), Guides(), NOW)
    assert review.kind == "review" and review.guide_id == "" and review.agenda == []


def test_schedule_link_and_record_review() -> None:
    m = held_meeting()
    review = rules.schedule_review(m, date(2026, 3, 1), "planned at the meeting")
    assert m.follow_up.reviews == [review]
    assert rules.find_review(m, review.id) is review
    new = rules.start_review(m, Guides(), NOW)
    rules.link_review(review, new, TODAY)
    assert (review.meeting_id, review.held) == (new.id, TODAY)
    rules.record_review_outcome(review, "Plan working; next review in 3 months.", None)
    assert review.held == TODAY and review.outcome.startswith("Plan working")
    rules.record_review_outcome(review, "x", date(2026, 3, 3))
    assert review.held == date(2026, 3, 3)
    assert rules.find_review(m, "nope") is None
    assert isinstance(review, Review)


def test_plan_rules_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, sdm_facilitator.domain.plan_rules\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_find_check_never_creates_one() -> None:
    plan = Plan()
    assert rules.find_check(plan, "Home by 9") is None
    assert plan.bottom_line_checks == []
    made = rules.check_for(plan, " Home by 9 ")
    assert rules.find_check(plan, "Home by 9") is made

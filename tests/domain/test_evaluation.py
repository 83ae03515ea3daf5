"""The evaluation rows and figures: every referral followed, groups by legal stage, cost per family."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sdm_facilitator.domain.cost import total_pence
from sdm_facilitator.domain.evaluation import ALL, build_evaluation
from sdm_facilitator.domain.evaluation_rows import (
    CHILD_COLUMNS,
    REFERRAL_COLUMNS,
    EvaluationOptions,
    child_rows,
    referral_row,
)
from sdm_facilitator.domain.meeting import (
    CareEpisode,
    Child,
    Meeting,
    MeetingCost,
    OutcomePoint,
    note_first_filled,
)

TODAY = date(2026, 6, 1)


def _ids(kind: str, *parts: str) -> str:
    return f"{kind}:{'/'.join(parts)}"


def _referral(stage: str | None, referred: date = date(2025, 1, 10)) -> Meeting:
    m = Meeting(kind="fgc", context="statutory")
    m.created = datetime(2025, 1, 1, tzinfo=UTC)
    m.referral.date = referred
    m.referral.baseline_stage = stage
    return m


def test_a_referral_closed_before_the_day_has_its_12_month_outcome() -> None:
    m = _referral("pre_proceedings")
    m.closure.closed_on, m.closure.reason = date(2025, 1, 20), "family-declined"
    m.children = [
        Child(care_episodes=[CareEpisode(entered=date(2025, 3, 1), placement="kinship-foster-care")])
    ]
    [row] = child_rows(m, TODAY, EvaluationOptions(), _ids)
    assert set(row) == {c.name for c in CHILD_COLUMNS}
    assert (row["held"], row["due_12m"], row["looked_after_12m"]) == ("no", "yes", "yes")
    assert row["days_in_care_12m"] == str((date(2026, 1, 10) - date(2025, 3, 1)).days)
    assert row["arrangement_12m"] == "kinship-foster-care"
    assert row["first_entered_care_month"] == "2025-03"
    assert row["due_3m"] == "yes" and row["looked_after_3m"] == "yes"


def test_a_point_not_yet_come_leaves_the_outcome_empty() -> None:
    m = _referral("child_in_need", referred=date(2026, 1, 5))
    m.children = [
        Child(outcomes=[OutcomePoint(point="3-months", living="at-home", legal_stage="early_help")])
    ]
    [row] = child_rows(m, TODAY, EvaluationOptions(), _ids)
    assert (row["due_3m"], row["looked_after_3m"], row["stage_3m"], row["days_in_care_3m"]) == (
        "yes",
        "no",
        "early_help",
        "0",
    )
    assert (row["due_12m"], row["looked_after_12m"], row["days_in_care_12m"]) == ("no", "", "")


def test_the_letter_basis_counts_from_the_letter() -> None:
    m = _referral("pre_proceedings")
    m.referral.pre_proceedings_letter = date(2025, 6, 2)
    m.children = [Child()]
    options = EvaluationOptions(index_basis="pre-proceedings-letter")
    [row] = child_rows(m, TODAY, options, _ids)
    assert row["due_12m"] == "no"
    ref = referral_row(m, None, TODAY, options, _ids)
    assert (ref["index_month"], ref["letter_month"], ref["index_basis"]) == (
        "2025-06",
        "2025-06",
        "pre-proceedings-letter",
    )


def test_cost_joins_a_review_to_its_family_and_unrecorded_cost_is_left_out() -> None:
    first = _referral("pre_proceedings")
    first.cost = MeetingCost(preparation_minutes=300, meeting_minutes=180, venue_pence=5000)
    review = Meeting(kind="review", context="statutory", reviews_meeting_id=first.id)
    review.cost = MeetingCost(meeting_minutes=60, food_pence=1000)
    uncosted = _referral("pre_proceedings")
    options = EvaluationOptions(hourly_rate_pence=3000)
    assert total_pence(first.cost, 3000) == 8 * 3000 + 5000
    rows = [referral_row(m, None, TODAY, options, _ids) for m in (first, review, uncosted)]
    assert set(rows[0]) >= {c.name for c in REFERRAL_COLUMNS}
    figures = build_evaluation(rows, [])
    assert figures.total.cost_per_family.mean == 8 * 3000 + 5000 + 3000 + 1000
    assert figures.total.cost_per_family.n == 1
    fgc = next(g for g in figures.groups if g.kind == "fgc")
    assert (fgc.referrals, fgc.cost_per_family.n) == (2, 1)
    assert next(g for g in figures.groups if g.kind == "review").cost_per_family.n == 0


def test_groups_compare_like_with_like_by_baseline_stage() -> None:
    meetings = [_referral("pre_proceedings"), _referral("pre_proceedings"), _referral(None)]
    meetings[0].children = [Child(outcomes=[OutcomePoint(point="12-months", living="in-care")])]
    meetings[1].children = [Child(outcomes=[OutcomePoint(point="12-months", living="special-guardianship")])]
    meetings[2].children = [Child()]
    children = [r for m in meetings for r in child_rows(m, TODAY, EvaluationOptions(), _ids)]
    figures = build_evaluation([], children)
    stages = {g.baseline_stage: g for g in figures.groups}
    assert set(stages) == {"pre_proceedings", "not-recorded"}
    pre = stages["pre_proceedings"]
    assert (pre.looked_after_12.yes, pre.looked_after_12.n, pre.looked_after_12.percent) == (1, 2, 50.0)
    assert pre.arrangements_12["other-care"] == pre.arrangements_12["family-or-friends"] == 1
    assert stages["not-recorded"].looked_after_12.n == 0
    assert stages["not-recorded"].children_due_12 == 1
    assert figures.total.kind == ALL and figures.total.children == 3


def test_first_filled_keeps_the_first_day_only() -> None:
    m = _referral("child_in_need")
    note_first_filled(m, date(2025, 1, 10))
    assert m.first_filled == {}
    m.referral.bottom_lines = ["No drinking while caring"]
    note_first_filled(m, date(2025, 1, 12))
    m.referral.bottom_lines = []
    note_first_filled(m, date(2025, 2, 1))
    m.referral.bottom_lines = ["Again"]
    note_first_filled(m, date(2025, 3, 1))
    assert m.first_filled == {"referral.bottom_lines": date(2025, 1, 12)}

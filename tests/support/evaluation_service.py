"""A generated service of 240 families (and 30 reviews) whose evaluation figures are known from the index.

Family ``i`` is built from simple rules on ``i``, written out again as the
known answers below, so a test compares the report with arithmetic rather
than with the code under test. Written for the evaluation, not taken from the
demo: every referral is at least 12 months old on :data:`TODAY`, one in five
was closed before the day, and children leave and re-enter care, sit in
overlapping episodes, live in kinship foster care or under a special
guardianship order. Three families form a group too small to show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sdm_facilitator.domain.meeting import (
    CareEpisode,
    Child,
    Meeting,
    MeetingCost,
    OutcomePoint,
    StepState,
)
from sdm_facilitator.domain.outcomes import add_months

FAMILIES = 240
TODAY = date(2026, 6, 1)
FIRST = date(2025, 1, 6)
HOURLY_RATE_PENCE = 4000
MAIN_STAGES = ("child_in_need", "child_protection_plan", "pre_proceedings", "care_proceedings")
#: The last three families are referred at early help: a group below the threshold of 5.
SMALL_GROUP = range(237, 240)


def referred(i: int) -> date:
    return FIRST + timedelta(days=i % 120)


def stage(i: int) -> str:
    return "early_help" if i in SMALL_GROUP else MAIN_STAGES[(i // 2) % 4]


def held(i: int) -> bool:
    return i % 5 != 0


def children(i: int) -> int:
    return 2 if i % 3 == 0 else 1


def twelve(i: int) -> date:
    return add_months(referred(i), 12)


def kinship(i: int) -> bool:
    return i % 4 == 1


# ---------------------------------------------------------------- known answers, per child


def looked_after(i: int) -> bool | None:
    return {1: True, 5: True, 0: False, 2: False, 3: False}.get(i % 6)


def days_in_care(i: int) -> int | None:
    r, point = referred(i), twelve(i)
    return {
        0: 0,
        2: 0,
        1: (point - (r + timedelta(days=30))).days,
        3: 90,  # [r+10, r+50) and [r+40, r+100) overlap: one spell of 90 days
        5: 20 + (point - (r + timedelta(days=200))).days,  # left after 20 days, back on day 200
    }.get(i % 6)


def arrangement(i: int) -> str:
    if i % 6 in (1, 5):
        return "kinship-foster-care" if kinship(i) else "other-care"
    return {0: "parents", 2: "family-or-friends"}.get(i % 6, "")


def stage_12(i: int) -> str:
    return {0: "child_in_need", 2: "child_in_need", 1: "looked_after"}.get(i % 6, "")


def proceedings(i: int) -> bool | None:
    return {0: False, 1: True, 2: True}.get(i % 6)


def has_review(i: int) -> bool:
    return i % 8 == 0


def cost_pence(i: int) -> int | None:
    """The family's cost: its meeting's, plus its review's; none recorded for odd families."""
    if i % 2:
        return None
    minutes = 60 * (2 + i % 3) + (180 if held(i) else 0)
    own = minutes * HOURLY_RATE_PENCE // 60 + (5000 if i % 7 == 0 else 0) + 2000 + 1500
    review = 90 * HOURLY_RATE_PENCE // 60 + 1000 if has_review(i) else 0
    return own + review


def steps_done(i: int) -> tuple[int, int, int, int]:
    """(preparation done, preparation applicable, meeting done, meeting applicable) of the small guide."""
    p4_na = i % 5 == 1
    prep_done = (i % 2 == 0) + (not p4_na and i % 3 == 0)
    return prep_done, 2 - p4_na, int(held(i)), 1


# ---------------------------------------------------------------- the records


def _t(i: int, what: str) -> str:
    return f"Zq{what}Ev{i:04d}x"


def _child(i: int, c: int) -> Child:
    r = referred(i)
    child = Child(name=_t(i, f"Child{c}"), age=(i + 5 * c) % 17, views=_t(i, f"Views{c}"))
    placement = "kinship-foster-care" if kinship(i) else "unrelated-foster-care"
    kind = i % 6
    if kind == 1:
        child.care_episodes = [
            CareEpisode(entered=r + timedelta(days=30), legal_basis="interim-care-order", placement=placement)
        ]
    elif kind == 3:
        child.care_episodes = [
            CareEpisode(
                entered=r + timedelta(days=10), left=r + timedelta(days=50), legal_basis="voluntary-agreement"
            ),
            CareEpisode(
                entered=r + timedelta(days=40), left=r + timedelta(days=100), legal_basis="care-order"
            ),
        ]
    elif kind == 5:
        child.care_episodes = [
            CareEpisode(entered=r + timedelta(days=20), left=r + timedelta(days=40), placement=placement),
            CareEpisode(entered=r + timedelta(days=200), legal_basis="care-order", placement=placement),
        ]
    living = {0: "at-home", 2: "special-guardianship", 1: "kinship-foster-care" if kinship(i) else "in-care"}
    if kind in living:
        child.outcomes = [
            OutcomePoint(
                point="12-months",
                recorded_on=twelve(i) + timedelta(days=3),
                living=living[kind],
                legal_stage=stage_12(i) or None,
                proceedings_issued=proceedings(i),
            )
        ]
    return child


def family(i: int) -> list[Meeting]:
    """Family ``i``'s meeting and, for some, the review of it."""
    m = Meeting(
        id=f"20250106-e{i:07x}",
        kind="fgc",
        context="statutory",
        family_label=_t(i, "Family"),
        guide_id="g",
    )
    m.created = m.updated = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    r = referred(i)
    m.referral.date = r
    m.referral.worries = _t(i, "Worries")
    m.referral.baseline_stage = stage(i)
    if stage(i) == "pre_proceedings":
        m.referral.pre_proceedings_letter = r - timedelta(days=7)
    m.children = [_child(i, c) for c in range(children(i))]
    if held(i):
        day = r + timedelta(days=25)
        m.choices.when = datetime(day.year, day.month, day.day, 10, 0)
        m.record.started = datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)
        m.record.ended = datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)
        m.steps["m1"] = StepState(status="done")
    else:
        m.closure.closed_on = r + timedelta(days=12)
        m.closure.reason = "family-declined"
        m.closure.note = _t(i, "Closure")
    if i % 2 == 0:
        m.steps["p1"] = StepState(status="done")
    if i % 5 == 1:
        m.steps["p4"] = StepState(status="na", note="not needed")
    elif i % 3 == 0:
        m.steps["p4"] = StepState(status="done")
    if i % 2 == 0:
        m.cost = MeetingCost(
            preparation_minutes=60 * (2 + i % 3),
            meeting_minutes=180 if held(i) else None,
            interpreting_pence=5000 if i % 7 == 0 else None,
            venue_pence=2000,
            food_pence=1500,
        )
    meetings = [m]
    if has_review(i):
        review = Meeting(id=f"20250106-f{i:07x}", kind="review", context="statutory", reviews_meeting_id=m.id)
        review.created = review.updated = m.created
        review.referral.date = r + timedelta(days=90)
        if i % 2 == 0:
            review.cost = MeetingCost(meeting_minutes=90, venue_pence=1000)
        meetings.append(review)
    return meetings


def service() -> list[Meeting]:
    """Every family's meetings, families in order."""
    return [m for i in range(FAMILIES) for m in family(i)]

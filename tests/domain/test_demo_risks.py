"""The demo's risk screens make sense: the Rahman exploitation case and the Okafor-Reid mental health case."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.demo import early_meeting, follow_up_meeting, preparing_meeting
from sdm_facilitator.domain.meeting_clock import planned_phases
from sdm_facilitator.domain.risk_guidance import meeting_steps, risks_in_play
from sdm_facilitator.domain.risks import RISK_KINDS
from support.guide_library import bundled_library

LIBRARY = bundled_library()
TODAY = date(2026, 3, 1)


def test_rahman_has_exploitation_present_with_advice_and_conditions() -> None:
    m = follow_up_meeting(LIBRARY, TODAY)
    assert risks_in_play(m) == {"child-exploitation"}
    risk = next(r for r in m.risks if r.kind == "child-exploitation")
    assert risk.status == "present" and risk.at_risk == [m.children[0].id]
    assert risk.advice.recorded and risk.advice.outcome == "go-ahead-with-conditions"
    assert {c.kind for c in risk.advice.conditions} >= {"no-address-on-papers", "safe-contact"}
    # Every other harm was asked about and recorded, so the screen is complete.
    assert {r.kind for r in m.risks} == set(RISK_KINDS) - {"other"}
    guide = LIBRARY.get(m.guide_id)
    assert guide is not None
    follow_up = {s.id: m.steps.get(s.id) for s in meeting_steps(guide, "follow_up", m) if s.when_risk}
    assert list(follow_up) == ["fu-risk-ce-places"]
    assert follow_up["fu-risk-ce-places"] is not None and follow_up["fu-risk-ce-places"].status == "done"


def test_okafor_reid_has_mental_health_present_and_the_room_prompts_for_it() -> None:
    m = preparing_meeting(LIBRARY, TODAY)
    assert risks_in_play(m) == {"mental-health"}
    risk = next(r for r in m.risks if r.kind == "mental-health")
    assert risk.advice.recorded and risk.at_risk == [c.id for c in m.children]
    prompts = [text for phase in planned_phases(m, LIBRARY.get(m.guide_id)) for text in phase.prompts]
    assert "Check the plan says who cares for the children in a crisis." in prompts
    assert not [text for text in prompts if "sober adult" in text]


def test_a_meeting_just_referred_is_not_screened_yet() -> None:
    assert early_meeting(LIBRARY, TODAY).risks == []

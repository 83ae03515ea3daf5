"""The guide keys for particular harms: ``when_risk`` on steps and ``[[risk_prompts]]`` for phases."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import Prompt
from sdm_facilitator.domain.terminology import Vocabulary, apply_vocabulary
from sdm_facilitator.guides.describe import guide_to_dict, guide_to_text
from sdm_facilitator.guides.loader import GuideLibrary, load_guide_file, load_library
from sdm_facilitator.guides.step_checks import GUIDE_RISK_KINDS

VALID = Path(__file__).parent / "fixtures" / "valid_minimal.toml"
BUNDLED = ("fgc", "family-unity", "cin-family-unity", "cp-conference", "review")


@pytest.fixture(scope="module")
def library() -> GuideLibrary:
    return load_library(None)


def _with_risk_keys(tmp_path: Path) -> Path:
    text = VALID.read_text().replace(
        'title = "Review the plan"',
        'title = "Review the plan"\nwhen_risk = ["domestic-abuse", "mental-health"]',
    )
    text += (
        '\n[[risk_prompts]]\nphase = "family-time"\nwhen_risk = ["domestic-abuse"]\n'
        'text = "Check in privately at the agreed time."\nmechanism = "trust"\n'
    )
    path = tmp_path / "mini.toml"
    path.write_text(text)
    return path


def test_when_risk_and_risk_prompts_are_read_into_the_guide(tmp_path: Path) -> None:
    guide, problems = load_guide_file(_with_risk_keys(tmp_path), bundled=False)
    assert problems == []
    assert guide is not None
    assert guide.steps[0].when_risk == ()
    assert guide.steps[1].when_risk == ("domestic-abuse", "mental-health")
    family_time = guide.phases[1]
    assert [p.text for p in family_time.prompts] == [
        "Professionals leave the room.",
        "Hand over the questions.",
    ]
    assert [(p.text, p.when_risk) for p in family_time.risk_prompts] == [
        ("Check in privately at the agreed time.", ("domestic-abuse",))
    ]
    assert guide.phases[0].risk_prompts == ()


def test_a_guide_described_lists_every_step_and_says_which_harm_each_is_for(tmp_path: Path) -> None:
    guide, _ = load_guide_file(_with_risk_keys(tmp_path), bundled=False)
    assert guide is not None
    text = " ".join(guide_to_text(guide).split())  # lines are wrapped for the terminal
    assert "[follow-up-review] Review the plan" in text
    assert "Shown only where the risk screen has domestic abuse or parental mental health present" in text
    assert "Check in privately at the agreed time." in text
    data = guide_to_dict(guide)
    assert data["steps"][1]["when_risk"] == ["domestic-abuse", "mental-health"]
    assert data["phases"][1]["risk_prompts"] == [
        {
            "text": "Check in privately at the agreed time.",
            "mechanism": "trust",
            "when_risk": ["domestic-abuse"],
        }
    ]


@pytest.mark.parametrize("guide_id", BUNDLED)
def test_every_bundled_guide_has_steps_and_prompts_for_every_harm(
    library: GuideLibrary, guide_id: str
) -> None:
    guide = library.guides[guide_id]
    for kind in GUIDE_RISK_KINDS:
        steps = [s for s in guide.steps if kind in s.when_risk]
        prompts = [p for phase in guide.phases for p in phase.risk_prompts if kind in p.when_risk]
        assert steps, f"{guide_id}: no steps for {kind}"
        assert len(prompts) >= 2, f"{guide_id}: fewer than two room prompts for {kind}"
    # No stop-and-check step is hidden by the risk screen: those show on every case.
    assert not [s.id for s in guide.steps if s.stop_and_check and s.when_risk]


@pytest.mark.parametrize("guide_id", BUNDLED)
def test_forced_marriage_guidance_warns_and_gives_the_numbers(library: GuideLibrary, guide_id: str) -> None:
    guide = library.guides[guide_id]
    steps = [s for s in guide.steps if "forced-marriage" in s.when_risk]
    words = " ".join(s.why + " " + " ".join(s.how) for s in steps)
    assert "mediation" in words
    assert "danger" in words
    assert "020 7008 0151" in words  # the Forced Marriage Unit
    assert "999" in words


@pytest.mark.parametrize("guide_id", BUNDLED)
def test_domestic_abuse_guidance_keeps_the_burden_off_the_person_at_risk(
    library: GuideLibrary, guide_id: str
) -> None:
    guide = library.guides[guide_id]
    steps = [s for s in guide.steps if "domestic-abuse" in s.when_risk]
    words = " ".join(s.title + " " + s.why + " " + " ".join(s.how) for s in steps)
    assert "burden of the abuse" in words
    assert "Domestic Abuse Act 2021, section 3" in words
    assert "victims in their own right" in words
    exploitation = " ".join(s.why for s in guide.steps if "child-exploitation" in s.when_risk)
    assert "National Referral Mechanism" in exploitation and "no consent is needed" in exploitation
    assert "contextual safeguarding" in exploitation


def test_a_guide_without_private_family_time_has_no_private_prompts(library: GuideLibrary) -> None:
    guide = library.guides["family-unity"]
    assert guide.private_phase is None
    assert all(phase.risk_prompts for phase in guide.phases if phase.id in ("welcome", "concerns", "plan"))


def test_an_organisations_vocabulary_reaches_the_room_prompts_for_a_harm(tmp_path: Path) -> None:
    guide, _ = load_guide_file(_with_risk_keys(tmp_path), bundled=False)
    assert guide is not None
    phase = guide.phases[1]
    worded = dataclasses.replace(
        phase, risk_prompts=(Prompt("Ask the social worker first.", "trust", when_risk=("domestic-abuse",)),)
    )
    guide = dataclasses.replace(guide, phases=(guide.phases[0], worded))
    us = apply_vocabulary(guide, Vocabulary("us", "US", (("social worker", "caseworker"),)))
    assert [p.text for p in us.phases[1].risk_prompts] == ["Ask the caseworker first."]
    assert us.phases[1].risk_prompts[0].when_risk == ("domestic-abuse",)

"""Step evidence, stop-and-check steps, guides without family time, vocabularies: one fixture per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.guides.loader import load_guide_file, load_library, load_terms_file
from sdm_facilitator.guides.terms import guide_vocabulary_problems

FIXTURES = Path(__file__).parent / "fixtures" / "record_and_terms"

# fixture file -> every message expected from it, exactly.
EXPECTED: dict[str, list[str]] = {
    "evidence_unknown_field": [
        "evidence_unknown_field.toml:15: steps[1].evidence: unknown field 'worrys' in referral; "
        "did you mean 'worries'? (at character 1)",
    ],
    "evidence_wrong_type": [
        "evidence_wrong_type.toml:15: steps[1].evidence: count() needs a list; 'referral.worries' is text "
        "(at character 7)",
    ],
    "evidence_unknown_choice": [
        "evidence_unknown_choice.toml:15: steps[1].evidence: 'maybe' is not a choice of 'invitation'; "
        "expected one of suggested, family-agreed, invited, accepted, declined, not-invited (at character 29)",
    ],
    "evidence_incomplete": [
        "evidence_incomplete.toml:15: steps[1].evidence: the expression ends too soon (at character 21)",
    ],
    "evidence_on_judgement_step": [
        "evidence_on_judgement_step.toml:16: steps[1].evidence: a step marked judgement = true needs a "
        "person's judgement, so the record must never tick it; remove evidence or the mark",
    ],
    "evidence_says_alone": [
        "evidence_says_alone.toml:15: steps[1].evidence_says: evidence_says needs an evidence expression beside it",
    ],
    "stop_and_check_on_follow_up": [
        "stop_and_check_on_follow_up.toml:24: steps[2].stop_and_check: stop_and_check is for preparation "
        "steps (checked before the day); this step's stage is 'follow_up'",
    ],
    "risk_unknown_kind": [
        "risk_unknown_kind.toml:16: steps[1].risk: unknown risk kind 'forced-marage'; expected one of "
        "domestic-abuse, forced-marriage, sexual-abuse, child-exploitation, substance-misuse, mental-health, "
        "learning-disability, other",
    ],
    "risk_without_stop": [
        "risk_without_stop.toml:15: steps[1].risk: risk is for stop-and-check steps (stop_and_check = true): "
        "the risk screen clears them",
    ],
    "no_family_time_without_note": [
        "no_family_time_without_note.toml:2: guide: missing required key 'facilitator_note': a guide without "
        "private family time says, in a sentence, that the facilitator stays throughout and why",
    ],
    "facilitator_note_with_family_time": [
        "facilitator_note_with_family_time.toml:7: guide.facilitator_note: facilitator_note is for guides "
        "without private family time (private_family_time = false)",
    ],
    "no_family_time_but_private_parts": [
        "no_family_time_but_private_parts.toml:43: phases[2].private: this guide has no private family time "
        "(private_family_time = false), so no phase can be private",
        "no_family_time_but_private_parts.toml:22: steps[2].stage: this guide has no private family time "
        "(private_family_time = false), so no step can be for stage 'family_time'",
    ],
}

TERMS_EXPECTED: dict[str, list[str]] = {
    "terms_unknown_use": [
        "terms_unknown_use.toml:2: use: unknown vocabulary 'plian'; known vocabularies: plain, us-fgdm",
    ],
    "terms_empty_word": [
        "terms_empty_word.toml:7: vocabularies[1].terms.social worker: expected the organisation's word "
        "for 'social worker' in quotes",
    ],
    "terms_duplicate_id": [
        "terms_duplicate_id.toml:9: vocabularies[2].id: vocabulary id 'plain' is already used by vocabularies[1]",
    ],
    "terms_unknown_key": [
        "terms_unknown_key.toml:4: vocabularies[1].titel: unknown key; did you mean 'title'? allowed keys "
        "are id, terms, title",
        "terms_unknown_key.toml:2: vocabularies[1]: missing required key 'title': expected a title in quotes",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_guide_gives_exactly_its_messages(name: str) -> None:
    guide, problems = load_guide_file(FIXTURES / f"{name}.toml", bundled=False)
    assert guide is None
    assert [str(p) for p in problems] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(TERMS_EXPECTED))
def test_each_broken_terms_file_gives_exactly_its_messages(name: str) -> None:
    bundled = load_library(None).vocabularies
    _, chosen, problems = load_terms_file(FIXTURES / f"{name}.toml", bundled)
    assert chosen == ""
    assert [str(p) for p in problems] == TERMS_EXPECTED[name]


def test_a_guide_naming_an_unknown_vocabulary_is_reported_with_its_line() -> None:
    guide, problems = load_guide_file(FIXTURES / "unknown_vocabulary.toml", bundled=False)
    assert problems == [] and guide is not None
    found = guide_vocabulary_problems(guide, load_library(None).vocabularies)
    assert [str(p) for p in found] == [
        "unknown_vocabulary.toml:7: guide.vocabularies[2]: unknown vocabulary 'klingon'; known vocabularies: us-fgdm",
    ]


def test_the_library_refuses_a_user_guide_naming_an_unknown_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_bytes((FIXTURES / "unknown_vocabulary.toml").read_bytes())
    library = load_library(tmp_path)
    assert "mini" not in library.guides
    assert [p.message for p in library.unusable[tmp_path / "ours.toml"]] == [
        "unknown vocabulary 'klingon'; known vocabularies: us-fgdm"
    ]


def test_a_valid_terms_file_loads_and_chooses_its_vocabulary() -> None:
    vocabularies, chosen, problems = load_terms_file(FIXTURES / "terms_valid.toml")
    assert problems == []
    assert chosen == "plain"
    assert [(v.id, v.terms) for v in vocabularies] == [
        ("plain", (("bottom lines", "must-haves"), ("social worker", "family's worker")))
    ]


def test_a_checked_expression_works_on_a_meeting_and_a_step_keeps_it() -> None:
    guide, problems = load_guide_file(FIXTURES.parent / "valid_minimal.toml", bundled=False)
    assert problems == [] and guide is not None
    assert all(step.evidence is None for step in guide.steps)
    fgc = load_library(None).guides["fgc"]
    step = fgc.step("prep-bottom-lines")
    assert step is not None and step.evidence is not None
    meeting = Meeting()
    assert not step.evidence.holds(meeting)
    meeting.referral.worries, meeting.referral.strengths = "w", "s"
    meeting.referral.bottom_lines = ["  "]
    assert not step.evidence.holds(meeting)  # a blank bottom line is not a bottom line
    meeting.referral.bottom_lines = ["No driving after drinking"]
    assert step.evidence.holds(meeting)


def test_every_fixture_here_is_tested() -> None:
    names = {p.stem for p in FIXTURES.glob("*.toml")}
    tested = (
        set(EXPECTED)
        | set(TERMS_EXPECTED)
        | {
            "terms_valid",
            "unknown_vocabulary",
            "language_not_matching_unrelated",
            "language_not_matching_itself",
        }
    )
    assert names == tested

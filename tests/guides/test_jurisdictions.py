"""Jurisdiction profiles: each bundled one is valid and changes the law the guides name; a bad one is named."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.jurisdiction import Timescales, helpline, legal_stage_name
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR
from sdm_facilitator.guides.loader import GuideLibrary, load_library, load_profile_file
from sdm_facilitator.paths import bundled_guides_dir

PROFILES = bundled_guides_dir() / JURISDICTIONS_DIR
#: England's law and procedure, by the words that name it.
ENGLAND_LAW = (
    "letter before proceedings",
    "Working Together",
    "Children Act",
    "means-tested",
    "Public Law Outline",
    "999",
)


def guide_texts(guide: Guide) -> list[str]:
    """Every piece of text a guide shows."""
    texts = [guide.title, guide.summary, guide.facilitator_note]
    for step in guide.steps:
        texts += [step.title, step.why, *step.how, step.evidence_says]
    for phase in guide.phases:
        texts += [phase.name, *(p.text for p in phase.prompts), *(p.text for p in phase.risk_prompts)]
    texts += [q.text for q in guide.family_questions] + [q.hint for q in guide.family_questions]
    return texts + [p.text for p in guide.follow_up_prompts]


def library_text(library: GuideLibrary) -> str:
    return "\n".join(text for guide in library.guides.values() for text in guide_texts(guide))


@pytest.mark.parametrize("profile_id", ["england", "wales", "us"])
def test_each_bundled_profile_is_valid_and_names_every_legal_stage(profile_id: str) -> None:
    profile, problems = load_profile_file(PROFILES / f"{profile_id}.toml")
    assert problems == []
    assert profile is not None and profile.id == profile_id
    assert set(profile.legal_stages) == set(LEGAL_STAGE_CHOICES)
    assert helpline(profile, "emergency") in ("999", "911")
    assert helpline(profile, "child")


@pytest.mark.parametrize("profile_id", ["england", "wales"])
def test_every_reference_in_the_uk_guides_is_filled(profile_id: str) -> None:
    library = load_library(None, jurisdiction=profile_id)
    text = library_text(library)
    assert "{law." not in text and "{helpline." not in text
    assert "does not say this" not in text


def test_a_us_guide_names_icwa_and_asfa_and_none_of_englands_law() -> None:
    library = load_library(None, jurisdiction="us")
    text = library_text(library)
    for english in ENGLAND_LAW:
        assert english not in text, english
    fgc = "\n".join(guide_texts(library.guides["fgc"]))
    assert "solicitor" not in fgc and "legal aid" not in fgc, "the FGDM guide speaks of counsel"
    assert "Indian Child Welfare Act" in fgc and "Record the answer for each child" in fgc
    assert "Adoption and Safe Families Act" in fgc
    assert "core elements of family group decision-making" in fgc
    assert "call 911" in fgc
    assert "caseworker" in fgc, "the profile's vocabulary is applied"


def test_a_wales_guide_names_the_register_the_plan_and_the_active_offers() -> None:
    library = load_library(None, jurisdiction="wales")
    cp = "\n".join(guide_texts(library.guides["cp-conference"]))
    assert "child protection register" in cp
    assert "care and support protection plan" in cp
    assert "financial abuse" in cp
    assert "Independent Professional Advocate" in cp
    fgc = "\n".join(guide_texts(library.guides["fgc"]))
    assert "Offer the meeting, the family's time and their papers in Welsh" in fgc
    assert "31ZA" not in fgc, "England's new duty is not Wales's"


def test_england_names_the_offer_of_a_family_meeting_in_the_letter_before_proceedings() -> None:
    fgc = "\n".join(guide_texts(load_library(None).guides["fgc"]))
    assert "section 31ZA of the Children Act 1989" in fgc
    assert "Record that it was offered and when, the family's answer, and that the meeting was held" in fgc
    assert "Indian Child Welfare Act" not in fgc


def test_a_piece_the_profile_lacks_is_said_to_be_missing_not_taken_from_england(tmp_path: Path) -> None:
    own = tmp_path / JURISDICTIONS_DIR
    own.mkdir()
    text = (PROFILES / "wales.toml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("legal_advice =")]
    (own / "wales.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = load_library(tmp_path, jurisdiction="wales")
    how = library.guides["fgc"].step("prep-legal-advice").how  # type: ignore[union-attr]
    assert how[0].startswith("[The jurisdiction profile 'Wales' does not say this (law.legal_advice)")
    assert "legal advice is free" not in library_text(library)


def test_an_unknown_jurisdiction_is_named_and_no_law_is_borrowed() -> None:
    library = load_library(None, jurisdiction="scotland")
    assert library.jurisdiction is None
    assert "no jurisdiction profile 'scotland'; profiles: england, us, wales" in str(library.problems()[0])
    assert any("could not be used" in note for note in library.notices())
    text = library_text(library)
    assert "letter before proceedings" not in text and "does not say this (law.legal_advice)" in text


def test_an_organisation_adds_its_own_profile(tmp_path: Path) -> None:
    own = tmp_path / JURISDICTIONS_DIR
    own.mkdir()
    shutil.copy(PROFILES / "wales.toml", own / "gwent.toml")
    text = (own / "gwent.toml").read_text(encoding="utf-8").replace('id = "wales"', 'id = "gwent"')
    (own / "gwent.toml").write_text(text.replace('title = "Wales"', 'title = "Gwent"'), encoding="utf-8")
    library = load_library(tmp_path, jurisdiction="gwent")
    assert library.problems() == [] and library.jurisdiction is not None
    assert library.jurisdiction.title == "Gwent"


GOOD_HEAD = '[profile]\nid = "x"\ntitle = "X"\n'


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ('[profile]\nid = "y"\ntitle = "X"\n', "profile.id", "the file's name, 'x'"),
        ('[profile]\nid = "x"\n', "profile", "missing required key 'title'"),
        (GOOD_HEAD + "[law]\nlegal_advice = 3\n", "law.legal_advice", "words in quotes"),
        (GOOD_HEAD + '[law]\n"Legal Advice" = "x"\n', "law.Legal Advice", "lowercase"),
        (GOOD_HEAD + '[law]\nlegal_advice = "see {law.other}"\n', "law.legal_advice", "{ or }"),
        (GOOD_HEAD + '[law]\nlegal_advice = "a\u202eb"\n', "law.legal_advice", "direction character"),
        (GOOD_HEAD + f'[law]\nlegal_advice = "{"x" * 900}"\n', "law.legal_advice", "longer than 800"),
        (GOOD_HEAD + '[legal_stages]\nfoster = "In foster care"\n', "legal_stages.foster", "unknown code"),
        (
            GOOD_HEAD + "[timescales]\ncore_group_working_days = 0\nfirst_review_months = 3\n"
            "review_interval_months = 6\n",
            "timescales.core_group_working_days",
            "from 1 to 60",
        ),
        (GOOD_HEAD + "[timescales]\nfirst_review_months = 3\n", "timescales", "core_group_working_days"),
        (GOOD_HEAD + '[rules]\nx = "y"\n', "rules", "unknown key"),
        (GOOD_HEAD + "[law\n", "", "TOML syntax error"),
    ],
)
def test_a_hostile_profile_is_refused_with_file_line_and_key(
    tmp_path: Path, text: str, key: str, says: str
) -> None:
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    profile, problems = load_profile_file(path)
    assert profile is None
    assert problems[0].file == path and problems[0].key == key
    assert problems[0].line is not None
    assert says in problems[0].message


def test_legal_stage_names_come_from_the_profile_or_say_they_are_missing() -> None:
    wales, _ = load_profile_file(PROFILES / "wales.toml")
    assert wales is not None
    assert "care and support protection plan" in legal_stage_name(wales, "child_protection_plan")
    assert legal_stage_name(wales, "adoption") == "[not named in the jurisdiction profile 'Wales': adoption]"


def test_conference_timescales_come_from_the_profile() -> None:
    held = date(2026, 3, 3)
    assert rules.core_group_deadline(held) == rules.core_group_deadline(held, Timescales())
    quicker = Timescales(core_group_working_days=5, first_review_months=2, review_interval_months=4)
    assert rules.core_group_deadline(held, quicker) == date(2026, 3, 10)
    assert rules.review_deadline(held, "initial", quicker) == date(2026, 5, 3)
    assert rules.review_deadline(held, "review", quicker) == date(2026, 7, 3)


def test_guides_check_names_a_problem_in_any_of_the_organisations_profiles(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    from sdm_facilitator.cli import main

    own = isolated_data_dir / "guides" / JURISDICTIONS_DIR
    own.mkdir(parents=True)
    (own / "gwent.toml").write_text(
        '[profile]\nid = "gwent"\ntitle = "Gwent"\n[law]\nx = 1\n', encoding="utf-8"
    )
    assert main(["guides", "check"]) == 1
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        'gwent.toml:5: law.x: expected words in quotes (or "" where this does not apply here)'
    ]
    assert main(["guides", "check", str(own / "gwent.toml")]) == 1

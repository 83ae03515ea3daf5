"""conference-wording.toml: the decision letter's words as data, checked on load, replaceable by an organisation."""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.domain.conference import DECISION_CHOICES, HARM_CATEGORY_CHOICES, PROFILE_HARM_CATEGORIES
from sdm_facilitator.guides.loader import (
    CONFERENCE_WORDING_FILE,
    bundled_conference_wording,
    load_conference_wording,
    load_library,
)
from sdm_facilitator.paths import bundled_guides_dir

BUNDLED = bundled_guides_dir() / CONFERENCE_WORDING_FILE


def test_the_bundled_words_cover_every_decision_and_category() -> None:
    wording, problems = load_conference_wording(BUNDLED)
    assert problems == [] and wording is not None
    assert set(wording.decisions) == set(DECISION_CHOICES)
    assert set(wording.categories) == set(HARM_CATEGORY_CHOICES) | set(PROFILE_HARM_CATEGORIES)
    assert wording == bundled_conference_wording()


def test_a_missing_sentence_and_a_misspelt_key_are_named_with_file_line_and_key(tmp_path: Path) -> None:
    text = BUNDLED.read_text().replace("\nneglect = ", "\nneglekt = ", 1)
    bad = tmp_path / CONFERENCE_WORDING_FILE
    bad.write_text(text)
    wording, problems = load_conference_wording(bad)
    assert wording is None
    shown = [str(p) for p in problems]
    line = text.splitlines().index(next(row for row in text.splitlines() if row.startswith("neglekt"))) + 1
    assert (
        f"{CONFERENCE_WORDING_FILE}:{line}: categories.neglekt: unknown key; did you mean 'neglect'?"
        in shown[0]
    )
    assert any("categories: missing required key 'neglect'" in s for s in shown)


def test_an_empty_sentence_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / CONFERENCE_WORDING_FILE
    bad.write_text(BUNDLED.read_text().replace('early-help = "', 'early-help = "  " # "', 1))
    wording, problems = load_conference_wording(bad)
    assert wording is None and [p.key for p in problems] == ["instead.early-help"]
    assert problems[0].message == "must not be empty"


def test_an_organisations_file_replaces_the_bundled_words(tmp_path: Path) -> None:
    (tmp_path / CONFERENCE_WORDING_FILE).write_text(
        BUNDLED.read_text().replace("Neglect means the worry is", "Our words: neglect means", 1)
    )
    library = load_library(tmp_path)
    assert library.conference_wording is not None
    assert library.conference_wording.categories["neglect"].startswith("Our words: neglect means")
    assert library.problems() == [] and CONFERENCE_WORDING_FILE not in {p.name for p in library.unusable}


def test_a_broken_organisations_file_is_reported_and_the_bundled_words_used(tmp_path: Path) -> None:
    (tmp_path / CONFERENCE_WORDING_FILE).write_text('[decisions]\nplan-needed = "Yes."\n')
    library = load_library(tmp_path)
    assert library.conference_wording == bundled_conference_wording()
    assert any("missing required key 'plan-not-needed'" in str(p) for p in library.problems())
    assert any("conference wording file could not be used" in note for note in library.notices())
    assert set(library.guides) == {"fgc", "cp-conference", "cin-family-unity", "family-unity", "review"}


def test_a_category_only_some_profiles_name_may_go_without_its_sentence(tmp_path: Path) -> None:
    text = BUNDLED.read_text()
    without = "\n".join(line for line in text.splitlines() if not line.startswith("financial = "))
    own = tmp_path / CONFERENCE_WORDING_FILE
    own.write_text(without + "\n")
    wording, problems = load_conference_wording(own)
    assert problems == [] and wording is not None
    assert "financial" not in wording.categories and set(HARM_CATEGORY_CHOICES) <= set(wording.categories)

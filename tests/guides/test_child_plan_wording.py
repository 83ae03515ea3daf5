"""child-plan-wording.toml: a child's plan's sentences as data, checked on load; a bad file is named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.child_plan_wording import BAND_PATTERNS, BANDS, fill
from sdm_facilitator.guides.loader import (
    CHILD_PLAN_WORDING_FILE,
    bundled_child_plan_wording,
    load_child_plan_wording,
    load_library,
)
from sdm_facilitator.paths import bundled_guides_dir

BUNDLED = bundled_guides_dir() / CHILD_PLAN_WORDING_FILE


def _line_of(text: str, start: str) -> int:
    return next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(start))


def _load(tmp_path: Path, text: str) -> list[str]:
    bad = tmp_path / CHILD_PLAN_WORDING_FILE
    bad.write_text(text)
    wording, problems = load_child_plan_wording(bad)
    assert wording is None
    return [str(p) for p in problems]


def test_the_bundled_words_cover_every_band_and_the_uk_helplines() -> None:
    wording, problems = load_child_plan_wording(BUNDLED)
    assert problems == [] and wording == bundled_child_plan_wording()
    assert set(wording.bands) == set(BANDS)
    for band in wording.bands.values():
        assert set(BAND_PATTERNS) <= set(band.patterns)
    assert wording.jurisdiction == "uk"
    lines = " ".join(wording.helplines_for())
    assert "Childline" in lines and "0800 1111" in lines and "999" in lines
    assert wording.helplines_for("nowhere") == wording.helplines["uk"]
    assert wording.bands["under-8"].mum_and_dad and not wording.bands["13-plus"].mum_and_dad
    assert "own_actions_heading" in wording.bands["13-plus"].patterns


def test_a_misspelt_key_and_a_missing_pattern_are_named_with_file_line_and_key(tmp_path: Path) -> None:
    text = BUNDLED.read_text().replace('\nunsafe_heading = "If you feel unsafe"', '\nunsafe_headng = "x"', 1)
    shown = _load(tmp_path, text)
    line = _line_of(text, "unsafe_headng")
    assert any(
        s.startswith(
            f"{CHILD_PLAN_WORDING_FILE}:{line}: bands.under-8.unsafe_headng: unknown key; "
            "did you mean 'unsafe_heading'?"
        )
        for s in shown
    ), shown
    assert any("bands.under-8: missing required key 'unsafe_heading'" in s for s in shown)


def test_an_unknown_name_in_a_pattern_is_refused(tmp_path: Path) -> None:
    text = BUNDLED.read_text().replace('trusted_adult = "Tell {name}."', 'trusted_adult = "Tell {nmae}."', 1)
    shown = _load(tmp_path, text)
    line = _line_of(text, 'trusted_adult = "Tell {nmae}')
    assert shown == [
        f"{CHILD_PLAN_WORDING_FILE}:{line}: bands.under-8.trusted_adult: unknown name {{nmae}} in the "
        "pattern; this key may use: {name}"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('jurisdiction = "uk"', 'jurisdiction = "ie"'),
            "jurisdiction: no [helplines] list for 'ie'; lists: uk",
        ),
        (("[bands.13-plus]", "[bands.teen]"), "bands: missing required band '13-plus'"),
        (("[bands.13-plus]", "[bands.teen]"), "bands.teen: unknown age band"),
        (("uk = [\n", 'uk = [\n    "",\n'), "helplines.uk[1]: must not be empty"),
        (("mum_and_dad = true", 'mum_and_dad = "yes"'), "bands.under-8.mum_and_dad: expected true or false"),
        (
            ('next = "The grown-ups meet again on {date}."', 'next = "Again on {date"'),
            "a brace that does not",
        ),
    ],
)
def test_other_problems_are_reported(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = BUNDLED.read_text()
    assert change[0] in text
    shown = _load(tmp_path, text.replace(change[0], change[1], 1))
    assert any(expected in s for s in shown), shown


def test_a_filled_pattern_takes_typed_text_as_it_is() -> None:
    assert fill("Tell {name}.", name="{who} & <b>") == "Tell {who} & <b>."


def test_the_wording_file_is_not_read_as_a_guide(tmp_path: Path) -> None:
    (tmp_path / CHILD_PLAN_WORDING_FILE).write_text(BUNDLED.read_text())
    library = load_library(tmp_path)
    assert library.problems() == [] and CHILD_PLAN_WORDING_FILE not in {p.name for p in library.unusable}


def test_an_organisations_file_replaces_the_bundled_words(tmp_path: Path) -> None:
    (tmp_path / CHILD_PLAN_WORDING_FILE).write_text(
        BUNDLED.read_text().replace('"Tell {name}."', '"Tell {name}, or ring us."', 1)
    )
    library = load_library(tmp_path)
    assert library.child_plan_wording is not None
    assert library.child_plan_wording.bands["under-8"].patterns["trusted_adult"] == "Tell {name}, or ring us."
    assert library.problems() == [] and library.notices() == []
    assert load_library(None).child_plan_wording == bundled_child_plan_wording()


def test_a_broken_organisations_file_is_reported_and_the_bundled_words_used(tmp_path: Path) -> None:
    text = BUNDLED.read_text().replace('"Tell {name}."', '"Tell {nmae}."', 1)
    (tmp_path / CHILD_PLAN_WORDING_FILE).write_text(text)
    library = load_library(tmp_path)
    assert library.child_plan_wording == bundled_child_plan_wording()
    line = _line_of(text, 'trusted_adult = "Tell {nmae}')
    problem = (
        f"{CHILD_PLAN_WORDING_FILE}:{line}: bands.under-8.trusted_adult: unknown name {{nmae}} in the "
        "pattern; this key may use: {name}"
    )
    assert [str(p) for p in library.problems()] == [problem]
    assert library.problems()[0].file == tmp_path / CHILD_PLAN_WORDING_FILE
    assert library.notices() == [
        f"Your child plan wording file could not be used (the bundled words are used): {library.problems()[0]}."
    ]
    assert set(library.guides) == {"fgc", "cp-conference", "cin-family-unity", "family-unity", "review"}

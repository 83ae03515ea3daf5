"""The risk screen's warnings are data: the bundled file reads, an organisation adapts them kind by kind,
and a wrong file is refused naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.guides.loader import RISK_WARNINGS_FILE, bundled_risk_warnings, load_library
from sdm_facilitator.guides.risk_warnings import RiskWarningsError, parse_warnings, warnings_for

BUNDLED = bundled_risk_warnings()


def test_the_forced_marriage_warning_gives_the_unit_s_number_and_999() -> None:
    (warning,) = warnings_for(BUNDLED, "forced-marriage", "present")
    assert "020 7008 0151" in warning.text and "999" in warning.text
    assert warnings_for(BUNDLED, "forced-marriage", "not-known") == [warning]
    assert warnings_for(BUNDLED, "forced-marriage", "not-present") == []
    assert warnings_for(BUNDLED, "domestic-abuse", "present") == []


OWN = """
[[warnings]]
kind = "domestic-abuse"
statuses = ["present"]
title = "Speak to the adult at risk alone first"
text = "Call the [b]local[/b] domestic abuse service on 0800 000 0000 before planning the meeting."
"""


def test_an_organisation_adds_a_warning_and_the_bundled_ones_for_other_kinds_stay(tmp_path: Path) -> None:
    (tmp_path / RISK_WARNINGS_FILE).write_text(OWN, encoding="utf-8")
    library = load_library(tmp_path)
    assert library.problems() == [] and library.risk_warnings is not None
    (own,) = warnings_for(library.risk_warnings, "domestic-abuse", "present")
    assert own.text.startswith("Call the [b]local[/b]")
    # A file about one kind of harm never silences the warning for another.
    assert warnings_for(library.risk_warnings, "forced-marriage", "present") == warnings_for(
        BUNDLED, "forced-marriage", "present"
    )


def test_an_organisation_s_warning_for_a_kind_replaces_the_bundled_one(tmp_path: Path) -> None:
    text = OWN.replace("domestic-abuse", "forced-marriage").replace("0800 000 0000", "1-800-799-7233")
    (tmp_path / RISK_WARNINGS_FILE).write_text(text, encoding="utf-8")
    warnings = load_library(tmp_path).risk_warnings
    assert warnings is not None
    (shown,) = warnings_for(warnings, "forced-marriage", "present")
    assert "1-800-799-7233" in shown.text and "020 7008 0151" not in shown.text


def test_a_broken_organisation_file_is_named_and_the_bundled_warnings_shown(tmp_path: Path) -> None:
    text = OWN.replace('statuses = ["present"]', 'statuses = ["sometimes"]')
    (tmp_path / RISK_WARNINGS_FILE).write_text(text, encoding="utf-8")
    library = load_library(tmp_path)
    assert library.risk_warnings == BUNDLED
    (problem,) = library.problems()
    line = text.splitlines().index('statuses = ["sometimes"]') + 1
    assert problem.file == tmp_path / RISK_WARNINGS_FILE and problem.line == line
    assert "warnings[1].statuses: expected a list of statuses" in str(problem)
    assert library.notices() == [
        f"Your risk warnings file could not be used (the bundled warnings are shown): {problem}."
    ]


GOOD = {"kind": "forced-marriage", "statuses": ["present"], "title": "T", "text": "X"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"kind": "forced-marage"},
            "w.toml: warnings[1].kind: unknown risk kind 'forced-marage'; expected one of ",
        ),
        ({"statuses": ["maybe"]}, "w.toml: warnings[1].statuses: expected a list of statuses from "),
        ({"text": "  "}, "w.toml: warnings[1].text: expected text in quotes"),
        (
            {"titel": "T"},
            "w.toml: warnings[1].titel: unknown key; allowed keys are kind, statuses, text, title",
        ),
    ],
)
def test_a_wrong_warning_is_refused_with_file_and_key(change: dict[str, object], message: str) -> None:
    with pytest.raises(RiskWarningsError) as caught:
        parse_warnings({"warnings": [{**GOOD, **change}]}, "w.toml")
    assert str(caught.value).startswith(message)
    assert parse_warnings({"warnings": [GOOD]}, "w.toml")[0].kind == "forced-marriage"


def test_a_warning_for_one_status_leaves_the_bundled_one_for_the_others(tmp_path: Path) -> None:
    """Replacing "present" only must not silence the bundled warning while the harm is not known."""
    text = OWN.replace("domestic-abuse", "forced-marriage")  # statuses = ["present"] only
    (tmp_path / RISK_WARNINGS_FILE).write_text(text, encoding="utf-8")
    warnings = load_library(tmp_path).risk_warnings
    assert warnings is not None
    (present,) = warnings_for(warnings, "forced-marriage", "present")
    assert present.title == "Speak to the adult at risk alone first"
    (bundled,) = warnings_for(BUNDLED, "forced-marriage", "not-known")
    (not_known,) = warnings_for(warnings, "forced-marriage", "not-known")
    assert (not_known.title, not_known.text) == (bundled.title, bundled.text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('text = "Call', 'text = "Call \u202e'),
            "warnings[1].text: contains an invisible, control or direction",
        ),
        (('title = "Speak', 'title = "\u200bSpeak'), "warnings[1].title: contains an invisible"),
        (
            ('title = "Speak to the adult at risk alone first"', 'title = """Speak\nto"""'),
            "warnings[1].title: expected one line",
        ),
    ],
)
def test_hidden_characters_and_a_title_on_two_lines_are_refused(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    (tmp_path / RISK_WARNINGS_FILE).write_text(OWN.replace(*change), encoding="utf-8")
    library = load_library(tmp_path)
    assert library.risk_warnings == BUNDLED
    (problem,) = library.problems()
    assert message in str(problem)

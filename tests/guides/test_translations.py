"""Translation catalogues: the bundled Welsh one is whole and reviewable; a bad entry is named, never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.translation import APPROVED, NEEDS_CHECK, REVIEW_STATES
from sdm_facilitator.guides.translations import (
    bundled_catalogue,
    catalogue_for,
    catalogue_path,
    load_catalogue,
    parse_catalogue,
)
from sdm_facilitator.paths import bundled_guides_dir

GOOD = '# review: needs-check\nmsgid "Who does what"\nmsgstr "Pwy sy\'n gwneud beth"\n'


def test_every_bundled_welsh_entry_has_a_review_state_and_none_is_approved_by_the_app() -> None:
    catalogue, problems = load_catalogue(catalogue_path(bundled_guides_dir(), "cy"), "cy")
    assert problems == []
    assert len(catalogue.entries) > 250
    assert {e.review for e in catalogue.entries.values()} == {NEEDS_CHECK}, (
        "only a Welsh speaker approves an entry"
    )


def test_babel_reads_the_bundled_catalogue_as_the_app_does() -> None:
    """The file is ordinary gettext: an independent reader gets the same messages."""
    from babel.messages.pofile import read_po

    path = catalogue_path(bundled_guides_dir(), "cy")
    with path.open("rb") as handle:
        babel = read_po(handle)
    assert {m.id: m.string for m in babel if m.id} == {
        k: e.msgstr for k, e in bundled_catalogue("cy").entries.items()
    }
    assert str(babel.locale) == "cy"


@pytest.mark.parametrize(
    ("text", "line", "key", "says"),
    [
        ('msgid "Who"\nmsgstr "Pwy"\n', 1, "Who", "review"),
        ('# review: maybe\nmsgid "Who"\nmsgstr "Pwy"\n', 1, "Who", "'maybe'"),
        ('# review: approved\nmsgid "On {date}"\nmsgstr "Ar {dyddiad}"\n', 1, "On {date}", "{date}"),
        ('# review: approved\nmsgid "On {date}"\nmsgstr "Ar {date"\n', 1, "On {date}", "{date}"),
        ('# review: approved\nmsgid "Who"\nmsgstr ""\n', 1, "Who", "empty"),
        ('# review: approved\nmsgid "Who"\nmsgstr "Pwy\u202e"\n', 1, "Who", "direction"),
        ('# review: approved\nmsgid "Who"\nmsgstr "Pwy\\nA"\n', 1, "Who", "one line"),
        ('# review: approved\nmsgid "Who"\nmsgstr "Pwy" extra\n', 3, "msgstr", "quoted"),
        ('# review: approved\nmsgid "Who"\n', 1, "Who", "both msgid and msgstr"),
        ('# review: approved\nmsgid "Who"\nmsgid_plural "Whom"\nmsgstr "Pwy"\n', 1, "Who", "msgid_plural"),
        ('msgid ""\nmsgstr "Language: fr\\n"\n', 1, "msgid", "Language: fr"),
        ('# review: approved\nmsgid "Who"\nmsgstr "Pwy"\nrubbish\n', 4, "", "expected msgid"),
        (GOOD + "\n" + GOOD, 5, "Who does what", "already translated at line 1"),
    ],
)
def test_a_hostile_entry_is_named_with_file_line_and_key_and_left_out(
    text: str, line: int, key: str, says: str
) -> None:
    catalogue, problems = parse_catalogue(text, "cy", Path("cy.po"))
    assert problems, "the problem is reported"
    problem = problems[0]
    assert (problem.file.name, problem.line, problem.key) == ("cy.po", line, key)
    assert says in problem.message
    assert all(entry.msgstr for entry in catalogue.entries.values())
    if key == "Who":
        assert "Who" not in catalogue.entries


def test_good_entries_beside_a_bad_one_are_still_used() -> None:
    catalogue, problems = parse_catalogue(GOOD + '\nmsgid "Who"\nmsgstr "Pwy"\n', "cy", Path("cy.po"))
    assert len(problems) == 1
    assert catalogue.entries["Who does what"].msgstr == "Pwy sy'n gwneud beth"


def test_a_file_that_is_not_utf8_or_too_big_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cy.po"
    bad.write_bytes(b'msgid "\xff"\n')
    _, problems = load_catalogue(bad, "cy")
    assert "UTF-8" in problems[0].message
    bad.write_bytes(b"#" * 1_000_001)
    _, problems = load_catalogue(bad, "cy")
    assert "larger than 1 MB" in problems[0].message


def test_the_organisations_catalogue_corrects_and_approves_entries(tmp_path: Path) -> None:
    own = catalogue_path(tmp_path, "cy")
    own.parent.mkdir()
    own.write_text(
        '# review: approved\nmsgid "Who does what"\nmsgstr "Pwy fydd yn gwneud beth"\n', encoding="utf-8"
    )
    catalogue, problems = catalogue_for("cy", tmp_path)
    assert problems == []
    assert catalogue.entries["Who does what"].msgstr == "Pwy fydd yn gwneud beth"
    assert catalogue.entries["Who does what"].review == APPROVED
    assert catalogue.entries["Bottom lines"].review in REVIEW_STATES, "the rest stay the bundled ones"
    assert len(catalogue.needing_check()) == len(bundled_catalogue("cy").entries) - 1


def test_guides_check_names_a_bad_entry_in_the_organisations_catalogue(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    from sdm_facilitator.cli import main

    own = catalogue_path(isolated_data_dir / "guides", "cy")
    own.parent.mkdir(parents=True)
    own.write_text(
        GOOD + '\n# review: approved\nmsgid "On {date}"\nmsgstr "Ar {dyddiad}"\n', encoding="utf-8"
    )
    code = main(["guides", "check"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "cy.po:5: On {date}: msgstr must use the same {names} as msgid ({date}), each in braces; "
        "write {{ or }} for a brace"
    ]
    assert main(["guides", "check", str(own)]) == 1

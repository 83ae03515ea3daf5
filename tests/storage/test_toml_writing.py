"""Long notes are written as literal strings (fast to read), and any text still reads back exactly."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.storage import toml_writing
from sdm_facilitator.storage.codec import meeting_to_toml, to_dict
from sdm_facilitator.storage.store import MeetingStore

# Pieces that sit on the borders of the literal and basic forms: quotes of each kind, the
# closing quotes of each form, backslashes, every control character, line breaks of each kind.
_AWKWARD = st.sampled_from(
    [
        "'",
        "''",
        "'''",
        '"',
        '""',
        '"""',
        "\\",
        "\\n",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\x7f",
        "\u2028",
        "é",
        "👨‍👩‍👧",
    ]
    + [chr(code) for code in range(32)]
)
_TEXT = st.lists(_AWKWARD | st.text(st.characters(exclude_categories=("Cs",)), max_size=20), max_size=12).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_any_text_reads_back_exactly_in_every_place_it_can_stand(text: str) -> None:
    data = {
        "note": text,
        "list": [text],
        "table": {"note": text},
        "people": [{"notes": text, "x": "y" * 120}],
    }
    written = toml_writing.dumps(data)
    assert toml_reading.loads(written) == data
    assert tomllib.loads(written) == data  # the standard library's reader agrees


def test_long_notes_are_multi_line_literal_strings_and_the_rest_basic_strings() -> None:
    notes = 'She said: "we\'ll manage".\nC:\\Users is where the letter is.\n'
    data = {"notes": notes, "ends_in_quote": "first line\nit's Sam'", "carriage": "a\r\nb", "name": "Sam"}
    written = toml_writing.dumps(data)
    assert "notes = '''\n" + notes + "'''\n" in written  # readable: exactly as typed, no escapes
    assert 'ends_in_quote = """\nfirst line\nit\'s Sam\'"""' in written
    assert 'carriage = """\na\\r\nb"""' in written
    assert 'name = "Sam"' in written
    assert tomllib.loads(written) == data


def test_the_layout_is_the_one_files_always_had_but_for_the_strings() -> None:
    m = Meeting(kind="fgc")
    m.people = [Person(name=f"Person {n}", prep_notes="no quotes here") for n in range(3)]
    m.referral.worries = "one line"
    data = to_dict(m)
    assert meeting_to_toml(m) == tomli_w.dumps(data, multiline_strings=True)


def test_a_meeting_saved_before_with_basic_strings_opens_unchanged(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path / "data")
    store.ensure()
    m = Meeting(kind="fgc")
    m.referral.worries = "first\nsecond with 'quotes' and \"more\"\n\tindented\n"
    m.people = [Person(name="Sam", prep_notes="a\nb\\c")]
    old_text = tomli_w.dumps(to_dict(m), multiline_strings=True)
    assert "'''" not in old_text and '"""' in old_text
    store.path_for(m.id).write_text(old_text, encoding="utf-8")
    opened = store.open(m.id, lock=False)
    assert opened.meeting == m
    store.save(opened)
    again = store.path_for(m.id).read_text(encoding="utf-8")
    assert "worries = '''\n" in again
    assert (
        store.open(m.id, lock=False).meeting == opened.meeting
    )  # as saved (the save notes first-filled days)

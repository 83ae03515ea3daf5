"""Terminal control characters are shown as visible symbols and stored exactly."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import new_meeting

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
BIDI = list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Characters that show as nothing or break lines unseen (issue 21): the separators, zero-width
# space, word joiner and invisible operators, BOM, soft hyphen, deprecated format controls,
# interlinear annotations and tags.
INVISIBLE = [
    "\u00ad",
    "\u180e",
    "\u200b",
    "\u2028",
    "\u2029",
    *(chr(c) for c in range(0x2060, 0x2065)),
    *(chr(c) for c in range(0x206A, 0x2070)),
    "\ufeff",
    "\ufff9",
    "\ufffa",
    "\ufffb",
    *(chr(c) for c in range(0xE0000, 0xE0080)),
]
UNSAFE = [*C0, "\x7f", *C1, *BIDI, *INVISIBLE]


def _is_terminal_control(ch: str) -> bool:
    return ch in UNSAFE


@pytest.mark.parametrize("ch", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_character_becomes_visible(ch: str) -> None:
    shown = visible(f"a{ch}b")
    assert shown.startswith("a") and shown.endswith("b")
    assert ch not in shown
    assert len(shown) > 2, "the character is shown as a symbol, not dropped"
    assert not any(_is_terminal_control(c) for c in shown)
    assert all(unicodedata.category(c)[0] != "C" for c in shown)
    assert ch not in one_line(f"a{ch}b")


def test_escape_sequence_cannot_reach_the_terminal() -> None:
    hostile = "name\x1b[2J\x1b]0;owned\x07\x9b31m\u202eevil"
    shown = visible(hostile)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert "␛[2J" in shown and "⟨U+202E⟩" in shown


def test_tab_and_newline_are_kept_for_notes_and_folded_for_one_line() -> None:
    assert visible("a\tb\nc") == "a\tb\nc"
    assert one_line("a\tb\nc\r\nd") == "a b c d"


def test_ordinary_text_is_unchanged() -> None:
    for text in [
        "plain",
        "emoji 👨‍👩‍👧 ❤️",
        "مرحبا بالعائلة",
        "café ß 漢字",
        "[b]markup[/b]",
        "zero-width joiner\u200d and non-joiner\u200c (scripts and emoji need them)",
    ]:
        assert visible(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_visible_never_lets_a_control_through(text: str) -> None:
    shown = visible(text)
    assert not any(_is_terminal_control(c) for c in shown)
    assert not any(_is_terminal_control(c) for c in one_line(text))
    if not any(_is_terminal_control(c) for c in text):
        assert shown == text, "text without controls is shown exactly as typed"


def test_control_characters_are_stored_exactly(isolated_data_dir: Path) -> None:
    raw = "".join(UNSAFE) + "\t\n end"
    meeting = new_meeting(label=raw)
    meeting.referral.worries = raw * 3
    store = MeetingStore(isolated_data_dir)
    store.close(store.create(meeting))
    again = store.open(meeting.id, lock=False).meeting
    assert again.family_label == raw
    assert again.referral.worries == raw * 3

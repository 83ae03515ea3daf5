"""Load limits applied at save time, hostile shapes refused before parsing, and clear messages."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage import limits
from sdm_facilitator.storage.codec import CodecError, meeting_to_toml
from sdm_facilitator.storage.store import (
    MeetingStore,
    StoreError,
    UnreadableMeetingError,
    parse_meeting_bytes,
)


@pytest.fixture
def store(tmp_path: Path) -> MeetingStore:
    s = MeetingStore(tmp_path / "data")
    s.ensure()
    return s


def _saved_meeting(store: MeetingStore) -> tuple[Meeting, bytes]:
    meeting = Meeting(kind="fgc", family_label="Family")
    store.close(store.create(meeting))
    return meeting, store.path_for(meeting.id).read_bytes()


def test_a_meeting_too_large_to_open_is_refused_at_save_and_keeps_its_text(store: MeetingStore) -> None:
    meeting, before = _saved_meeting(store)
    opened = store.open(meeting.id)
    pasted = "worry " * (900 * 1024)  # about 5.4 MB
    opened.meeting.referral.worries = pasted
    with pytest.raises(CodecError) as raised:
        store.save(opened)
    message = str(raised.value)
    assert "too large" in message and "referral.worries" in message and "shorten" in message
    assert "4.0 MB" in message
    assert opened.meeting.referral.worries == pasted  # nothing typed is dropped
    assert store.path_for(meeting.id).read_bytes() == before
    assert [m.meeting.id for m in store.list_meetings().meetings] == [meeting.id]


def test_a_meeting_with_too_many_values_is_refused_at_save(store: MeetingStore) -> None:
    meeting, before = _saved_meeting(store)
    opened = store.open(meeting.id)
    opened.meeting.referral.bottom_lines = ["x"] * (limits.MAX_VALUES + 1)
    with pytest.raises(CodecError, match="more than 100,000 values"):
        store.save(opened)
    assert store.path_for(meeting.id).read_bytes() == before


def test_create_refuses_what_could_not_be_opened(store: MeetingStore) -> None:
    meeting = Meeting(kind="fgc", family_label="F" * (limits.MAX_FILE_BYTES + 10))
    with pytest.raises(StoreError, match="family_label"):
        store.create(meeting)
    assert not store.path_for(meeting.id).exists()


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=200), max_size=30),
    label=st.text(max_size=50),
)
def test_whatever_saves_passes_the_load_limits(sizes: list[int], label: str) -> None:
    """The same checks run on the same text at both ends, so a saved meeting always opens."""
    meeting = Meeting(kind="fgc", family_label=label)
    meeting.referral.bottom_lines = ["b" * n for n in sizes]
    try:
        text = meeting_to_toml(meeting)
    except CodecError:
        return
    loaded, _ = parse_meeting_bytes(text.encode("utf-8"), Path("m.toml"))
    assert loaded.referral.bottom_lines == meeting.referral.bottom_lines


def _reason(data: bytes) -> str:
    with pytest.raises(UnreadableMeetingError) as raised:
        parse_meeting_bytes(data, Path("dropped.toml"))
    return raised.value.unreadable.reason


def test_many_dotted_keys_are_refused_before_parsing() -> None:
    lines = [f"k{i}.a.b.c.d.e.f.g.h.i.j = 1" for i in range(3000)]
    data = ('id = "x"\nkind = "fgc"\n' + "\n".join(lines) + "\n").encode()
    assert len(data) < limits.MAX_FILE_BYTES
    started = time.process_time()
    reason = _reason(data)
    assert time.process_time() - started < 1.0
    assert "dotted key parts" in reason


def test_a_million_small_values_are_refused_before_parsing() -> None:
    data = b'id = "x"\nkind = "fgc"\nx = [' + b"1," * 1_000_000 + b"]\n"
    assert len(data) < limits.MAX_FILE_BYTES
    started = time.process_time()
    reason = _reason(data)
    assert time.process_time() - started < 1.0
    assert "more than 100,000 values" in reason


def test_many_values_in_key_lines_are_refused_too() -> None:
    data = b'id = "x"\nkind = "fgc"\n[extra]\n' + b"".join(
        b"v%d=1\n" % i for i in range(limits.MAX_VALUES + 5)
    )
    assert "values" in _reason(data)


def test_commas_and_dots_inside_notes_are_not_counted() -> None:
    meeting = Meeting(kind="fgc", family_label="F")
    meeting.referral.worries = "a, b. " * 150_000
    text = meeting_to_toml(meeting)
    loaded, _ = parse_meeting_bytes(text.encode(), Path("m.toml"))
    assert loaded.referral.worries == meeting.referral.worries


def test_a_huge_number_names_the_field_and_what_is_expected() -> None:
    reason = _reason(b'id = "x"\nkind = "fgc"\n[[children]]\nid = "c1"\nage = ' + b"9" * 5000 + b"\n")
    assert reason.startswith("age: ") and "4,300 digits" in reason and "whole number" in reason
    assert "ValueError" not in reason


def test_a_leap_second_names_the_field_and_what_is_expected() -> None:
    data = b'id = "x"\nkind = "fgc"\nupdated = 2026-06-30T23:59:60Z\n'
    with pytest.raises(UnreadableMeetingError) as raised:
        parse_meeting_bytes(data, Path("m.toml"))
    unreadable = raised.value.unreadable
    assert unreadable.line == 3
    assert (
        unreadable.reason.startswith("updated: ")
        and "leap second" in unreadable.reason
        and "59" in unreadable.reason
    )
    assert "Expected newline" not in unreadable.reason


@pytest.mark.parametrize("version", [0, -1, -99999])
def test_schema_versions_below_one_are_refused(version: int) -> None:
    reason = _reason(f'schema_version = {version}\nid = "x"\nkind = "fgc"\n'.encode())
    assert reason.startswith("schema_version: ") and "from 1" in reason


def test_text_checks_are_cheap_for_ordinary_files() -> None:
    text = meeting_to_toml(Meeting(kind="fgc", family_label="F"))
    assert limits.text_problem(text) is None
    assert limits.data_problem(tomllib.loads(text)) is None


# ---------------------------------------------------------------- the quick checks say what the full ones say
#
# Issue 19: every file read in a first look at a store goes through these checks, so
# the common case (within every limit) is now a count without paths or line splits.
# With the limits made small, any data or text must get exactly the answer it got
# from the full walk.

_nested = st.recursive(
    st.integers(0, 3) | st.text(max_size=2),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text("ab", max_size=2), inner, max_size=4),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(data=_nested)
def test_the_quick_data_check_finds_exactly_what_the_full_walk_finds(data: object) -> None:
    with mock.patch.object(limits, "MAX_VALUES", 25), mock.patch.object(limits, "MAX_NESTING", 3):
        assert limits.data_problem(data) == limits._data_problem_at(data)


def _text_needs_scan_as_before(text: str) -> bool:
    """The raw counts as ``text_problem`` took them before it learnt to skip the line split."""
    raw_dots_per_line = max((line.count(".") for line in text.split("\n")), default=0)
    raw_values = text.count("=") + text.count(",")
    return (
        raw_dots_per_line > limits.MAX_DOTS_PER_LINE
        or text.count(".") > limits.MAX_DOTTED_PARTS
        or raw_values > limits.MAX_VALUES
    )


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from('.\n=,a"#'), max_size=60))
def test_the_quick_text_check_scans_exactly_when_the_raw_counts_said_so(text: str) -> None:
    with (
        mock.patch.object(limits, "MAX_DOTS_PER_LINE", 3),
        mock.patch.object(limits, "MAX_DOTTED_PARTS", 8),
        mock.patch.object(limits, "MAX_VALUES", 8),
        mock.patch.object(limits, "outside_strings", wraps=limits.outside_strings) as scan,
    ):
        limits.text_problem(text)
        assert scan.called == _text_needs_scan_as_before(text)


#: The string patterns as first written: one alternation per character (slow on a long note).
_PLAIN_PATTERNS = {
    '"""': r'(?:[^"\\]|\\.|"(?!""))*""""{0,2}',
    "'''": r"(?:[^']|'(?!''))*''''{0,2}",
    '"': r'(?:[^"\\\n]|\\.)*"',
}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab'\"\\\n ", max_size=40), st.sampled_from(sorted(_PLAIN_PATTERNS)))
def test_the_fast_string_patterns_match_exactly_what_the_plain_ones_did(text: str, opener: str) -> None:
    import re

    plain = re.compile(_PLAIN_PATTERNS[opener], re.S if len(opener) == 3 else 0).match(text)
    fast = limits._REST_OF[opener].match(text)
    assert (plain and plain.end()) == (fast and fast.end())

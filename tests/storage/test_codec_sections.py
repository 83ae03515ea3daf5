"""Saving checks only what changed: section by section, with the same safety as a whole check."""

from __future__ import annotations

import tomllib
from datetime import date
from unittest import mock

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Person
from sdm_facilitator.storage import codec, limits
from sdm_facilitator.storage.codec import (
    CodecError,
    SectionCache,
    meeting_data_to_toml,
    meeting_from_dict,
    to_dict,
)
from storage.test_codec import full_meeting


def many_people_meeting():  # type: ignore[no-untyped-def]
    m = full_meeting()
    m.people = [Person(name=f"Person {n}", prep_notes="notes\n" * 30) for n in range(40)]
    m.referral.worries = "line one\r\nline two"  # this section needs the escaped form
    return m


def test_sectioned_text_reads_back_as_the_whole_meeting() -> None:
    m = many_people_meeting()
    data = to_dict(m)
    text = meeting_data_to_toml(data)
    assert tomllib.loads(text) == data
    assert meeting_from_dict(tomllib.loads(text)) == m
    assert tomllib.loads(tomli_w.dumps(data)) == tomllib.loads(text)


def test_an_unchanged_section_is_not_written_or_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    m = many_people_meeting()
    cache = SectionCache()
    first = meeting_data_to_toml(to_dict(m), cache)
    written: list[list[str]] = []
    real = codec._checked
    monkeypatch.setattr(
        codec, "_checked", lambda data, *args: written.append(list(data)) or real(data, *args)
    )
    m.choices.venue = "The hall"
    second = meeting_data_to_toml(to_dict(m), cache)
    plain = [key for key, value in to_dict(m).items() if not isinstance(value, (dict, list))]
    assert written == [plain, ["choices"]]
    assert second != first and tomllib.loads(second) == to_dict(m)
    assert second == meeting_data_to_toml(to_dict(m))  # the same bytes as without the cache


def test_a_changed_section_is_validated_even_when_others_come_from_the_cache() -> None:
    m = many_people_meeting()
    cache = SectionCache()
    meeting_data_to_toml(to_dict(m), cache)
    m.people[3].prep_visit = date(1, 1, 1)
    with pytest.raises(CodecError, match=r"people\[3\]\.prep_visit: must be a year between"):
        meeting_data_to_toml(to_dict(m), cache)
    m.people[3].prep_visit = None
    m.people[7].prep_notes = "bad \udc00 text"
    with pytest.raises(
        CodecError, match=r"people\[7\]\.prep_notes: contains a character that cannot be saved"
    ):
        meeting_data_to_toml(to_dict(m), cache)


def test_a_section_that_went_away_is_not_written_from_the_cache() -> None:
    m = many_people_meeting()
    cache = SectionCache()
    meeting_data_to_toml(to_dict(m), cache)
    m.people = []
    text = meeting_data_to_toml(to_dict(m), cache)
    assert "people" not in tomllib.loads(text) and "people" not in cache.sections


def test_one_changed_person_is_the_only_part_written_and_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    m = many_people_meeting()
    cache = SectionCache()
    meeting_data_to_toml(to_dict(m), cache)
    written: list[dict[str, object]] = []
    real = codec._checked
    monkeypatch.setattr(codec, "_checked", lambda data, *args: written.append(data) or real(data, *args))
    m.people[17].prep_notes += "one more line\n"
    text = meeting_data_to_toml(to_dict(m), cache)
    assert written[1:] == [{"people": [to_dict(m.people[17])]}]
    assert tomllib.loads(text) == to_dict(m)
    assert text == meeting_data_to_toml(to_dict(m))  # the same bytes as a save without the cache


def test_the_bytes_a_save_writes_are_the_checked_text_encoded_once() -> None:
    meeting = many_people_meeting()
    cache = SectionCache()
    data = to_dict(meeting)
    assert codec.meeting_data_to_bytes(data, cache) == meeting_data_to_toml(data).encode("utf-8")
    meeting.people[3].prep_notes = "Ünïcödé notes, 'quoted' and “curly” 🙂\n"
    data = to_dict(meeting)  # as every save does: a new snapshot, one section of it changed
    assert codec.meeting_data_to_bytes(data, cache) == meeting_data_to_toml(data).encode("utf-8")


# A save counts the values of each changed section and keeps the count of each unchanged one
# (``SectionCache.values``): with the limits made small, the sum must decide exactly as the
# walk over the whole data does, on the first save and on a save from the cache after an edit.
_leaf = st.integers(0, 3) | st.text("ab", max_size=2)
_nested = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text("ab", min_size=1, max_size=2), inner, max_size=4)
    ),
    max_leaves=30,
)
_sections = st.dictionaries(st.sampled_from(["x_one", "x_two", "x_three"]), _nested, max_size=3)


@settings(max_examples=200, deadline=None)
@given(first=_sections, edit=_sections)
def test_the_counted_sections_decide_the_value_limits_as_the_whole_walk_does(
    first: dict[str, object], edit: dict[str, object]
) -> None:
    edited = {**first, **edit}
    with mock.patch.object(limits, "MAX_NESTING", 3):
        below = limits.values_below(edited, 0)
        # Either side of the edge: a limit the edited data just fits, and one it is one value over.
        for most in (25,) if below is None else (below, below + 1):
            cache = SectionCache()
            with mock.patch.object(limits, "MAX_VALUES", most):
                for data in (first, edited):
                    try:
                        _text, _counts, within = codec._meeting_text(data, cache)
                    except CodecError:
                        continue  # a shape TOML cannot hold (a list mixing tables and values): never counted
                    assert within == limits._within_limits(data)

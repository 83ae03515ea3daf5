"""A meeting read ahead of its open: taken only for the very bytes the open reads, once, and dropped on lock."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sdm_facilitator.storage import store as store_module
from sdm_facilitator.storage.read_ahead import ReadAhead
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import new_meeting, save_meetings


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files ``parse_meeting_bytes`` parsed, in order."""
    seen: list[Path] = []
    real = store_module.parse_meeting_bytes
    monkeypatch.setattr(
        store_module,
        "parse_meeting_bytes",
        lambda data, path, **kw: seen.append(path) or real(data, path, **kw),
    )
    return seen


def test_an_open_after_a_read_ahead_does_not_parse_again_and_gets_the_same_meeting(
    isolated_data_dir: Path, parses: list[Path]
) -> None:
    meeting = new_meeting(label="Read ahead")
    store = save_meetings(isolated_data_dir, meeting)
    store.read_ahead_of_opening(meeting.id)
    assert parses == [store.path_for(meeting.id)]
    opened = store.open(meeting.id)
    assert parses == [store.path_for(meeting.id)]  # the open took the parse read ahead
    assert opened.meeting == store.open(meeting.id, lock=False).meeting
    assert len(parses) == 2  # handed to one open only: the second parsed the file itself
    store.close(opened)


def test_a_file_changed_after_it_was_read_ahead_is_parsed_again_as_it_is_now(
    isolated_data_dir: Path, parses: list[Path]
) -> None:
    meeting = new_meeting(label="Before")
    store = save_meetings(isolated_data_dir, meeting)
    store.read_ahead_of_opening(meeting.id)
    path = store.path_for(meeting.id)
    path.write_text(path.read_text(encoding="utf-8").replace("Before", "After"), encoding="utf-8")
    opened = store.open(meeting.id)
    assert opened.meeting.family_label == "After" and len(parses) == 2
    store.close(opened)


def test_a_read_ahead_of_an_unreadable_file_says_nothing_and_the_open_says_what_is_wrong(
    isolated_data_dir: Path,
) -> None:
    meeting = new_meeting()
    store = save_meetings(isolated_data_dir, meeting)
    store.path_for(meeting.id).write_text("not = [toml", encoding="utf-8")
    store.read_ahead_of_opening(meeting.id)
    with pytest.raises(store_module.UnreadableMeetingError, match="not valid TOML"):
        store.open(meeting.id)


def test_the_lock_drops_what_was_read_ahead(isolated_data_dir: Path, parses: list[Path]) -> None:
    meeting = new_meeting()
    store = save_meetings(isolated_data_dir, meeting)
    store.read_ahead_of_opening(meeting.id)
    store.read_ahead.forget()
    store.close(store.open(meeting.id))
    assert len(parses) == 2


def test_an_open_waits_for_a_read_ahead_of_its_file_still_under_way(tmp_path: Path) -> None:
    ahead = ReadAhead()
    path = tmp_path / "m.toml"
    slot = ahead.begin(path)
    assert slot is not None and ahead.begin(path) is None  # one read of a file at a time
    parsed = (object(), False)

    def finish() -> None:
        slot.data, slot.parsed = b"bytes", parsed  # type: ignore[assignment]
        slot.done.set()

    threading.Timer(0.2, finish).start()  # the parse finishes after the open has asked for it
    assert ahead.take(path, b"bytes") == parsed
    assert ahead.take(path, b"bytes") is None  # handed out once


def test_a_store_with_every_meeting_parsed_by_the_list_is_unaffected(
    isolated_data_dir: Path, parses: list[Path]
) -> None:
    """``list_meetings`` reads through the same path: with nothing read ahead it parses each file once."""
    store: MeetingStore = save_meetings(isolated_data_dir, new_meeting(label="A"), new_meeting(label="B"))
    assert len(store.list_meetings().meetings) == 2 and len(parses) == 2

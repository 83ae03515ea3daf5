"""Finding, at start, a meeting whose private family time was running: from the summary index."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sdm_facilitator.storage import startup_checks as startup
from sdm_facilitator.storage.index import SummaryIndex, index_for
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import new_meeting, save_meetings
from support.guide_library import bundled_library
from ui.room.test_after_family_time import meeting_in_family_time as in_family_time


def _age(folder: Path, hours: float) -> None:
    then = time.time_ns() - int(hours * 3600 * 1_000_000_000)
    for path in folder.glob("*.toml"):
        os.utime(path, ns=(then, then))


def _index(data_dir: Path) -> SummaryIndex:
    return index_for(MeetingStore(data_dir), bundled_library())


def test_a_meeting_in_family_time_is_found_without_parsing_every_file(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    others = [new_meeting(label=f"Family {n}") for n in range(30)]
    running = in_family_time()
    save_meetings(isolated_data_dir, *others, running)
    _age(isolated_data_dir / "meetings", 2)
    assert startup.meeting_in_family_time(_index(isolated_data_dir)) == running.id  # builds the rows it reads
    parsed: list[str] = []
    real = SummaryIndex.read_row
    monkeypatch.setattr(
        SummaryIndex,
        "read_row",
        lambda self, name, known=None: parsed.append(name) or real(self, name, known),
    )
    assert startup.meeting_in_family_time(_index(isolated_data_dir)) == running.id
    assert parsed == []  # every row matched its file: nothing was read again
    monkeypatch.setattr(
        MeetingStore, "list_meetings", lambda self, progress=None: pytest.fail("parsed every file")
    )
    assert startup.meeting_in_family_time(_index(isolated_data_dir)) == running.id


def test_the_newest_changed_files_are_read_and_old_ones_left_to_the_list(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(startup, "RECENT_FILES_CHECKED", 3)
    save_meetings(isolated_data_dir, *[new_meeting(label=f"Family {n}") for n in range(10)])
    _age(isolated_data_dir / "meetings", 5)
    running = in_family_time()
    save_meetings(isolated_data_dir, running)  # saved just before the app stopped: the newest file
    index = _index(isolated_data_dir)
    read: list[str] = []
    real = SummaryIndex.read_row
    monkeypatch.setattr(
        SummaryIndex, "read_row", lambda self, name, known=None: read.append(name) or real(self, name, known)
    )
    assert startup.meeting_in_family_time(index) == running.id
    assert len(read) == 3 and read[0] == f"{running.id}.toml"


def test_no_meeting_in_family_time(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_meeting(label="Hollins family"))
    assert startup.meeting_in_family_time(_index(isolated_data_dir)) is None


def _in_the_room():  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from support.app_helpers import FIXED_NOW

    meeting = new_meeting(label="Room family")
    meeting.record.started = FIXED_NOW - timedelta(minutes=30)
    return meeting


def test_the_room_left_open_is_resumed_and_family_time_comes_first(isolated_data_dir: Path) -> None:
    from sdm_facilitator.storage.room_marker import mark_in_room

    room, elsewhere = _in_the_room(), _in_the_room()
    save_meetings(isolated_data_dir, new_meeting(label="Quiet family"), room, elsewhere)
    folder = isolated_data_dir / "meetings"
    assert startup.meeting_to_resume(_index(isolated_data_dir)) is None  # under way, but the room was left
    mark_in_room(folder, room.id)
    assert startup.meeting_to_resume(_index(isolated_data_dir)) == (room.id, "meeting")
    running = in_family_time()
    save_meetings(isolated_data_dir, running)
    assert startup.meeting_to_resume(_index(isolated_data_dir)) == (running.id, "family_time")


def test_a_marker_for_a_meeting_that_has_ended_or_is_odd_is_ignored(isolated_data_dir: Path) -> None:
    from sdm_facilitator.storage.room_marker import MARKER_NAME, mark_in_room
    from support.app_helpers import FIXED_NOW

    ended = _in_the_room()
    ended.record.ended = FIXED_NOW
    save_meetings(isolated_data_dir, ended)
    folder = isolated_data_dir / "meetings"
    mark_in_room(folder, ended.id)
    assert startup.meeting_to_resume(_index(isolated_data_dir)) is None
    (folder / MARKER_NAME).unlink()
    if hasattr(os, "mkfifo"):  # POSIX: a pipe never hangs the start (Windows has no named pipes in folders)
        os.mkfifo(folder / MARKER_NAME)
        assert startup.meeting_to_resume(_index(isolated_data_dir)) is None


async def test_leaving_the_room_then_restarting_opens_the_list_and_a_stop_in_the_room_opens_the_room(
    isolated_data_dir: Path,
) -> None:
    from sdm_facilitator.ui.home.home import HomeScreen
    from sdm_facilitator.ui.room.chair import ChairScreen
    from support.app_helpers import make_app
    from support.pilot_helpers import into_the_room, settle

    room = _in_the_room()
    save_meetings(isolated_data_dir, room)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await into_the_room(pilot, app, room.id)
        assert isinstance(app.screen, ChairScreen)
        app.exit()  # stopped while the chair's view shows, as a closed terminal would
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChairScreen) and app.screen.session.meeting.id == room.id
        await pilot.press("escape")  # leave the room: back to the workspace
        await settle(pilot)
        assert not isinstance(app.screen, ChairScreen)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

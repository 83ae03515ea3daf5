"""Finding, at start, a meeting whose private family time was running: from the summary index."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app_helpers import new_meeting, save_meetings
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage.index import SummaryIndex, index_for
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui import startup
from ui.room.test_after_family_time import meeting_in_family_time as in_family_time


def _age(folder: Path, hours: float) -> None:
    then = time.time_ns() - int(hours * 3600 * 1_000_000_000)
    for path in folder.glob("*.toml"):
        os.utime(path, ns=(then, then))


def _index(data_dir: Path) -> SummaryIndex:
    return index_for(MeetingStore(data_dir), load_library(None))


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

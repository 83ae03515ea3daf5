"""The folder's signature (what the home screen polls for a sync engine's changes), taken either way."""

from __future__ import annotations

import os
from pathlib import Path

from sdm_facilitator.storage.folder_watch import folder_signature, signature_of
from sdm_facilitator.storage.index import SummaryIndex
from support.app_helpers import new_meeting, save_meetings


def _index(data_dir: Path) -> SummaryIndex:
    store = save_meetings(data_dir, new_meeting(label="Barnes family"), new_meeting(label="Rahman family"))
    return SummaryIndex(store, lambda meeting: None, "test")


def test_the_start_look_gives_the_same_signature_as_a_fresh_look(isolated_data_dir: Path) -> None:
    """The start shares its look at the folder; a poll right after must not take it for a change."""
    index = _index(isolated_data_dir)
    folder = index.store.folder
    (folder / ".hidden.toml").write_text("", encoding="utf-8")  # hidden files are never meetings
    (folder / "notes.txt").write_text("", encoding="utf-8")
    assert signature_of(index.meeting_files()) == folder_signature(folder)
    assert len(folder_signature(folder)) == 2


def test_a_changed_file_changes_both_signatures(isolated_data_dir: Path) -> None:
    index = _index(isolated_data_dir)
    folder = index.store.folder
    before = signature_of(index.meeting_files())
    path = sorted(folder.glob("*.toml"))[0]
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert folder_signature(folder) != before
    assert signature_of(index.meeting_files()) == folder_signature(folder)

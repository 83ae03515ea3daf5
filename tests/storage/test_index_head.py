"""The summary index's head: a start decodes the first screen's rows, and gives what the whole index gives."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage import index as index_module
from sdm_facilitator.storage import index_head, missing_key
from sdm_facilitator.storage.crypto import MAGIC
from sdm_facilitator.storage.index import HEAD_NAME, SummaryIndex, SummaryListing, index_for
from sdm_facilitator.storage.missing_key import holds_sealed_files
from sdm_facilitator.storage.startup_checks import meeting_to_resume
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import new_meeting, save_meetings
from ui.room.test_after_family_time import meeting_in_family_time as in_family_time

LIBRARY = load_library(None)


def aged(folder: Path) -> None:
    """Every meeting file written an hour ago, so the rows read from now on are trusted."""
    then = time.time_ns() - 3600 * 1_000_000_000
    for path in folder.glob("*.toml"):
        os.utime(path, ns=(then, then))


def index_of(store: MeetingStore) -> SummaryIndex:
    return index_for(store, LIBRARY)


def shown(listing: SummaryListing, closed: bool) -> list[str]:
    """The meeting ids a list shows, in order, of the open or the closed meetings."""
    return [s.id for s in listing.summaries if (s.closed_on is not None) == closed]


@pytest.fixture
def store(isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> MeetingStore:
    """Eight meetings (two closed, one in family time), a sync conflict copy and an unreadable file."""
    monkeypatch.setattr(index_module, "HEAD_ROWS", 3)
    meetings = [new_meeting(label=f"Family {n}") for n in range(7)]
    for number, meeting in enumerate(meetings):
        meeting.updated = meeting.updated.replace(minute=number)
    for meeting in meetings[:2]:
        meeting.closure.closed_on = date(2026, 1, 2)
    running = in_family_time()
    store = save_meetings(isolated_data_dir, *meetings, running)
    original = store.path_for(meetings[3].id)
    original.with_name(f"{meetings[3].id} (Laptop's conflicted copy).toml").write_bytes(original.read_bytes())
    (store.folder / "broken.toml").write_text("not = [toml", encoding="utf-8")
    aged(store.folder)
    index_of(store).listing()  # reads every file and writes the index and its head
    return store


def test_a_start_reads_the_head_and_lists_what_the_whole_index_lists(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (store.folder / HEAD_NAME).exists()
    whole = index_of(store).listing()
    decoded: list[object] = []
    real = index_module.row_from_json
    monkeypatch.setattr(index_module, "row_from_json", lambda raw: decoded.append(raw) or real(raw))
    scan = index_of(store).start_scan()
    assert scan.head is not None and scan.stale == []
    # The three newest open and closed meetings, the family-time one, the copy's rows and the unreadable file.
    assert len(decoded) < len(scan.files)
    first = index_of(store).listing(read_stale=False, scan=scan)
    assert first.partial and first.totals == whole.totals == (6, 2)
    assert shown(first, closed=False) == shown(whole, closed=False)[:3]
    assert shown(first, closed=True) == shown(whole, closed=True)
    assert first.unreadable == whole.unreadable and first.conflicts == whole.conflicts
    assert meeting_to_resume(index_of(store), scan) == meeting_to_resume(index_of(store))
    assert meeting_to_resume(index_of(store), scan) is not None


def test_any_change_to_the_folder_or_the_index_means_the_whole_index_is_read(store: MeetingStore) -> None:
    assert index_of(store).start_scan().head is not None
    newest = max(store.folder.glob("*.toml"), key=lambda p: p.stat().st_mtime_ns)
    os.utime(newest, ns=(newest.stat().st_atime_ns, newest.stat().st_mtime_ns + 1))
    assert index_of(store).start_scan().head is None
    index_of(store).listing()  # read again: index and head written anew
    assert index_of(store).start_scan().head is not None
    save_meetings(store.data_dir, new_meeting(label="Arrived by sync"))
    scan = index_of(store).start_scan()
    assert scan.head is None and len(scan.stale) == 1
    aged(store.folder)
    index_of(store).listing()
    assert index_of(store).start_scan().head is not None
    index_of(store).merge_write([])  # the index written again by another copy of the app
    os.utime(store.folder / index_module.INDEX_NAME)
    assert index_of(store).start_scan().head is None


def test_an_index_without_a_head_gets_one_and_a_row_not_yet_settled_drops_it(store: MeetingStore) -> None:
    head = store.folder / HEAD_NAME
    head.unlink()
    index_of(store).listing()
    assert head.exists() and index_of(store).start_scan().head is not None
    save_meetings(store.data_dir, new_meeting(label="Just saved"))
    index_of(store).listing()  # its row was read within the settling time: no head can vouch for it
    assert not head.exists()


def test_the_missing_key_check_opens_no_meeting_file_the_head_vouches_for(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    (store.folder / "broken.toml").unlink()  # an unreadable row vouches for nothing
    index_of(store).listing()
    opened: list[str] = []
    real = missing_key._starts_sealed
    monkeypatch.setattr(missing_key, "_starts_sealed", lambda path: opened.append(path.name) or real(path))
    assert not holds_sealed_files(store.folder)
    assert not [name for name in opened if name.endswith(".toml")]
    (store.folder / "20260101-0000abcd.toml").write_bytes(MAGIC + b"\0" * 64)  # arrived sealed
    assert holds_sealed_files(store.folder)


def test_a_head_another_version_left_is_made_anew_by_the_next_whole_listing(store: MeetingStore) -> None:
    head = store.folder / HEAD_NAME
    head.write_text(head.read_text(encoding="utf-8").replace('"files":"', '"files":"0'), encoding="utf-8")
    assert index_of(store).start_scan().head is None
    index_of(store).listing()
    assert index_of(store).start_scan().head is not None


def test_a_starts_look_at_the_folder_serves_the_missing_key_check_without_listing_it_again(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``MeetingFiles``: the look a start takes names the index files too, and its digest is worked out once."""
    (store.folder / "broken.toml").unlink()
    index = index_of(store)
    index.listing()
    look = index.meeting_files()
    assert index_module.INDEX_NAME in look.index_names and HEAD_NAME in look.index_names
    listed: list[object] = []
    real_scandir = os.scandir
    monkeypatch.setattr(missing_key.os, "scandir", lambda path: listed.append(path) or real_scandir(path))
    digests: list[object] = []
    real_digest = index_head._digest_of
    monkeypatch.setattr(index_head, "_digest_of", lambda files: digests.append(files) or real_digest(files))
    assert not holds_sealed_files(store.folder, look)
    assert index.start_scan(look).head is not None  # the head matched: the same look, the same digest
    assert listed == [] and digests == [look]  # worked out once, for both
    # An index file sealed since (another laptop's, in a folder of encrypted meetings) is found in the look.
    (store.folder / ".summary-index-otherlaptop.json").write_bytes(MAGIC + b"\0" * 64)
    assert holds_sealed_files(store.folder, index.meeting_files())

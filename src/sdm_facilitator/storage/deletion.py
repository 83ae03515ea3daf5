"""Removing a meeting for good: its file and every other file the app made for it.

What goes, inside the data folder: the meeting file, its conflict copies
(the app's own "(conflict copy saved ...)" names and any other file that
holds the same meeting id), temporary files left by an interrupted save of
any of them, every other crashed writer's temporary file in the data folder
(of the summary index, a paper: ``leftovers.py``), the lock file, the exports recorded in the export ledger, and
the derived caches that may summarise it (``caches.py``; rebuilt on the next
listing). Given the summary index, its rows for the removed files are taken
out instead of dropping it, so a store of 10,000 meetings is not read again
after one deletion, and the meeting's copies are found from the index.
What this cannot reach (copies a sync client or a backup made, papers saved
elsewhere, the disk's free blocks) is said plainly in docs/data-protection.md.

The meeting's lock is held while its files go, so a copy of the app that has
it open stops the deletion before anything is removed.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_facilitator.storage.atomic import TEMP_MARK, fsync_dir
from sdm_facilitator.storage.caches import derived_cache_files
from sdm_facilitator.storage.drafts import draft_path
from sdm_facilitator.storage.export_ledger import exports_of, forget_exports
from sdm_facilitator.storage.leftovers import remove_leftover_temp_files
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.store import MeetingNotFound, MeetingStore, ReadOnlyError, StoreError

if TYPE_CHECKING:
    from sdm_facilitator.storage.index import SummaryIndex


@dataclass
class DeletionReport:
    """What was removed (file names only: the paths hold no personal data)."""

    removed: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def files_of_meeting(store: MeetingStore, meeting_id: str, index: SummaryIndex | None = None) -> list[Path]:
    """Every file in the data folder that belongs to ``meeting_id`` (its lock file last).

    Other files holding the same meeting id are found by reading every file, or from
    ``index`` when given (which reads only the files changed since it was written).
    With ``index`` the index itself is not listed: ``delete_meeting`` takes the rows out.
    """
    main = store.path_for(meeting_id)
    data_files = [main] if main.exists() else []
    own_copy_prefix = f"{meeting_id} ("
    if index is not None:
        summaries = index.listing()
        by_content = {c.path for c in summaries.conflicts if c.meeting_id == meeting_id}
        if meeting_id in summaries.files:
            by_content.add(store.folder / summaries.files[meeting_id])
        caches = [p for p in derived_cache_files(store.folder) if p != index.path]
    else:
        listing = store.list_meetings()
        by_content = {c.path for c in listing.conflicts if c.meeting_id == meeting_id}
        by_content |= {m.path for m in listing.meetings if m.meeting.id == meeting_id}
        caches = derived_cache_files(store.folder)
    for path in sorted(store.folder.glob("*.toml")) if store.folder.is_dir() else []:
        if path != main and (path.name.startswith(own_copy_prefix) or path in by_content):
            data_files.append(path)
    names = {p.name for p in data_files} | {main.name}
    temp_files = [
        p
        for p in (sorted(store.folder.iterdir()) if store.folder.is_dir() else [])
        if p.name.startswith(".") and TEMP_MARK in p.name and p.name[1:].split(TEMP_MARK, 1)[0] in names
    ]
    lock = store.lock_path_for(meeting_id)
    draft = draft_path(store, meeting_id)
    return [
        *data_files,
        *temp_files,
        *([draft] if draft.exists() else []),
        *exports_of(store.data_dir, meeting_id),
        *caches,
        *([lock] if lock.exists() else []),
    ]


def delete_meeting(store: MeetingStore, meeting_id: str, index: SummaryIndex | None = None) -> DeletionReport:
    """Remove the meeting and everything listed by ``files_of_meeting``.

    ``MeetingNotFound`` if there is nothing of it; ``StoreError`` if it is open
    in another copy of the app (then nothing is removed). With ``index``, its rows
    for the removed files are written out of it (or, if that fails, the index is dropped:
    it must not keep the family's names). ``ReadOnlyError`` in a store that must not be
    changed (a folder refused as not private or made read-only by its owner, encrypted
    files without their key file): nothing is removed there either.
    """
    refused = store.writes_refused()
    if refused is not None:
        raise ReadOnlyError(refused)
    files = files_of_meeting(store, meeting_id, index)
    if not any(p.suffix == ".toml" for p in files):
        raise MeetingNotFound(f"no meeting with id {meeting_id}")
    lock = MeetingLock(store.lock_path_for(meeting_id))
    if not lock.acquire():
        raise StoreError(
            "this meeting is open in sdm-facilitator; close it there first. Nothing was removed."
        )
    report = DeletionReport()
    try:
        for path in files:
            try:
                os.unlink(path)
            except FileNotFoundError:
                continue
            except OSError as error:
                report.failed.append((path, error.strerror or type(error).__name__))
                continue
            report.removed.append(path)
        if index is not None:
            index.forget([p.name for p in files if p.suffix == ".toml"])
        # A crashed write of the index, a paper or another meeting may have left a copy
        # holding this meeting's names under a name that does not say whose it is.
        # Before the ledger forgets the meeting's exports: their folders are searched too.
        report.removed += remove_leftover_temp_files(store.data_dir)
        forget_exports(store.data_dir, meeting_id)
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            os.unlink(store.lock_path_for(meeting_id))
        with contextlib.suppress(OSError):
            fsync_dir(store.folder)
    return report

"""What the app decides before it draws anything.

- The data folder: one that other users could change (or that cannot be
  written or made private) opens read-only with a banner, instead of being
  used silently or stopping the app with an error.
- Private family time: if the app or the laptop stopped while it ran, the
  next start goes straight back to the privacy screen, because the family
  may be the ones looking at it.

A closed terminal window (SIGHUP) or a shutdown (SIGTERM) is handled in
``ui/shutdown.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdm_facilitator.storage.folder_safety import describe_problems
from sdm_facilitator.storage.room_marker import meeting_left_in_room
from sdm_facilitator.storage.store import MeetingStore, StoreError

if TYPE_CHECKING:
    from sdm_facilitator.domain.summary import MeetingSummary
    from sdm_facilitator.storage.index import FileKey, IndexScan, SummaryIndex


def folder_read_only_reason(
    store: MeetingStore, files: dict[str, FileKey] | None = None, *, clear_temp_files: bool = True
) -> str | None:
    """Why this data folder must be read-only, after trying to set it up; None when it is fine.

    Called once at start. A private, writable folder is created and cleaned
    (``ensure``); any other folder is only read. A folder of encrypted meetings
    whose key file is gone is not taken for a plain store: it shows why and how
    to restore the key file, instead of an unlock screen that cannot work or a
    store that would save in clear. ``files``: the meeting files as a start just looked at them
    (``SummaryIndex.meeting_files``), shared with the first list. ``clear_temp_files=False``
    leaves crashed writers' temporary files for the caller to clear later (the app does it after
    its first screen has painted: it reads every folder the app writes in, 10,000 names and more).
    """
    problems = store.folder_problems()
    if problems:
        return (
            "Read-only: other people could change this data folder, so nothing is saved and your "
            f"organisation's own guides are not used. {describe_problems(problems).capitalize()}."
        )
    missing_key = store.missing_key_problem(files)
    if missing_key:
        return f"Read-only: {missing_key}."
    try:
        store.ensure(clear_temp_files=clear_temp_files)
    except StoreError as error:
        return f"Read-only: {error}. You can read meetings here; nothing is saved."
    return None


#: At start, files changed since the summary index was written are looked at newest first, up
#: to this many: a meeting in private family time when the app stopped was saved moments before.
RECENT_FILES_CHECKED = 50


def meeting_to_resume(index: SummaryIndex, scan: IndexScan | None = None) -> tuple[str, str] | None:
    """The meeting to reopen after a restart, and where: ``"family_time"`` or ``"meeting"`` (the room).

    Private family time comes first, however the app stopped (the family may
    be the ones looking at the screen); then the meeting whose chair's view was
    open when the app stopped, while it is still under way. None when the
    meetings list is the right place.

    Read from the summary index, never by parsing every file (that made a start with 10,000
    meetings take a minute): rows that still match their files say each meeting's stage, and
    the most recently changed files without such a row are read now (their rows are kept, and
    put in ``scan``, which the home screen then lists from: start-up looks at the folder once).
    """
    summaries = _current_summaries(index, index.scan_rows() if scan is None else scan)
    in_family_time = [s for s in summaries if s.stage == "family_time"]
    if in_family_time:
        return max(in_family_time, key=lambda s: s.updated).id, "family_time"
    left = meeting_left_in_room(index.store.folder)
    if left is not None and any(s.id == left and s.stage == "meeting" for s in summaries):
        return left, "meeting"
    return None


def meeting_in_family_time(index: SummaryIndex) -> str | None:
    """The meeting whose private family time started and has not ended (the latest saved, if several)."""
    resume = meeting_to_resume(index)
    return resume[0] if resume is not None and resume[1] == "family_time" else None


def _current_summaries(index: SummaryIndex, scan: IndexScan) -> list[MeetingSummary]:
    """Every summary that matches its file, reading the newest changed files (see ``meeting_to_resume``)."""
    newest_first = sorted(scan.stale, key=lambda name: scan.files[name].mtime_ns, reverse=True)
    fresh = [
        row
        for name in newest_first[:RECENT_FILES_CHECKED]
        if (row := index.read_row(name, scan.rows.get(name)))
    ]
    if fresh:
        index.merge_write(fresh)
        scan.rows.update((row.file, row) for row in fresh)
    return [row.summary for row in (*scan.trusted(), *fresh) if row.summary]

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
from sdm_facilitator.storage.store import MeetingStore, StoreError

if TYPE_CHECKING:
    from sdm_facilitator.storage.index import SummaryIndex


def folder_read_only_reason(store: MeetingStore) -> str | None:
    """Why this data folder must be read-only, after trying to set it up; None when it is fine.

    Called once at start. A private, writable folder is created and cleaned
    (``ensure``); any other folder is only read.
    """
    problems = store.folder_problems()
    if problems:
        return (
            "Read-only: other people could change this data folder, so nothing is saved and your "
            f"organisation's own guides are not used. {describe_problems(problems).capitalize()}."
        )
    try:
        store.ensure()
    except StoreError as error:
        return f"Read-only: {error}. You can read meetings here; nothing is saved."
    return None


#: At start, files changed since the summary index was written are looked at newest first, up
#: to this many: a meeting in private family time when the app stopped was saved moments before.
RECENT_FILES_CHECKED = 50


def meeting_in_family_time(index: SummaryIndex) -> str | None:
    """The meeting whose private family time started and has not ended (the latest saved, if several).

    Read from the summary index, never by parsing every file (that made a start with 10,000
    meetings take a minute): rows that still match their files say each meeting's stage, and
    the most recently changed files without such a row are read now (their rows are kept).
    """
    files, rows = index.scan()
    trusted = [rows[name] for name, key in files.items() if name in rows and rows[name].trusted_for(key)]
    stale = sorted(
        (name for name in files if not (name in rows and rows[name].trusted_for(files[name]))),
        key=lambda name: files[name].mtime_ns,
        reverse=True,
    )
    fresh = [row for name in stale[:RECENT_FILES_CHECKED] if (row := index.read_row(name, rows.get(name)))]
    if fresh:
        index.merge_write(fresh)
    running = [
        row.summary for row in (*trusted, *fresh) if row.summary and row.summary.stage == "family_time"
    ]
    if not running:
        return None
    return max(running, key=lambda summary: summary.updated).id

"""Derived caches in the meetings folder, dropped when their contents must not outlive a change.

A cache (such as a summary index) is a hidden file in the meetings folder that
is neither a lock file nor a temporary file. It only repeats what the meeting
files say and is rebuilt on the next listing, so removing it loses nothing;
but it may repeat names. So deleting a meeting drops the caches (no summary
of the meeting stays behind), and encrypting or decrypting a store drops them
(no plain copy of the summaries stays in an encrypted store, and no stale
encrypted one in a plain store). A cache written later by the store goes
through ``MeetingStore.encode_file_bytes`` like every other file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sdm_facilitator.storage.atomic import TEMP_MARK, remove_stale_temp_files
from sdm_facilitator.storage.open_marker import OPEN_MARK

LOCK_SUFFIX = ".lock"
#: Drafts (``storage/drafts.py``) are typed text, not a cache: they are never dropped with the caches.
DRAFT_SUFFIX = ".draft"


def derived_cache_files(folder: Path) -> list[Path]:
    """The hidden cache files in ``folder`` (not locks, drafts or temporary files)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(".")
        and not p.name.endswith((LOCK_SUFFIX, DRAFT_SUFFIX))
        and OPEN_MARK not in p.name  # "open elsewhere" markers (``open_marker.py``) are not caches
        and TEMP_MARK not in p.name
        and p.is_file()
    )


def drop_derived_caches(folder: Path) -> list[Path]:
    """Remove the caches, and what crashed writers of them left behind; return what was removed.

    A crash while the summary index was written leaves its temporary copy, with every
    name in it, beside the index: it goes with the caches (by the one rule of ``atomic.py``).
    """
    removed = remove_stale_temp_files(folder)
    for path in derived_cache_files(folder):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
            removed.append(path)
    return removed

"""An encrypted store whose key file is gone: found, explained, and never written in clear.

A store is encrypted when its key file (``store-key.toml``) exists. If that
file is moved away (a clean-up, a sync client, a restore that missed it),
the folder still holds sealed meetings, and a store that only looked at the
key file would take itself for a plain store: ``new`` would write a plain
meeting and a plain summary index beside the sealed ones. So a folder with
sealed files and no key file is recognised from the files themselves, and
nothing is written there until the key file is back.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_facilitator.storage.crypto import MAGIC
from sdm_facilitator.storage.keyfile import key_file_path

if TYPE_CHECKING:
    from sdm_facilitator.storage.index_head import FileKey

#: The summary index's name before each computer had its own, sealed like a meeting in an encrypted store.
_OLD_INDEX_NAME = ".summary-index.json"
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


def _starts_sealed(path: Path) -> bool:
    """Whether the file's first bytes are the encrypted format's mark (a pipe or folder is not read)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, _OPEN_FLAGS)
        try:
            import stat as stat_module

            if not stat_module.S_ISREG(os.fstat(fd).st_mode):
                return False
            return os.read(fd, len(MAGIC)) == MAGIC
        finally:
            os.close(fd)
    return False


def holds_sealed_files(meetings_folder: Path, files: dict[str, FileKey] | None = None) -> bool:
    """Whether the meetings folder holds an encrypted meeting, copy or summary index.

    Only the first eight bytes of each file are read, and only of the files this
    computer's summary index head does not vouch for (``index.head_vouches_plain``:
    every meeting file unchanged since it was read as a plain meeting), so a start
    with 10,000 meetings opens the index files alone. ``files``: the meeting files and their
    keys from a look taken a moment ago (``SummaryIndex.meeting_files``), so a start makes
    one ``stat`` of each file, not two; a look of its own (``index_head.look_at``) is taken
    otherwise, or where the one given did not name the index files.
    """
    from sdm_facilitator.storage import index_head as summary_index

    if _starts_sealed(meetings_folder / _OLD_INDEX_NAME):  # by name: even where the folder cannot be listed
        return True
    look = files if isinstance(files, summary_index.MeetingFiles) else None
    if look is None:
        try:
            look = summary_index.look_at(meetings_folder)
        except OSError:  # a folder that cannot be listed: only the files given are looked at
            look = summary_index.MeetingFiles({}, ())
    # Every computer's index and head (and the old shared index) are sealed too, and so may be a
    # file named like a meeting that could not be looked at.
    if any(_starts_sealed(meetings_folder / name) for name in (*look.index_names, *look.unlooked)):
        return True
    meetings = look if files is None else files
    if meetings and summary_index.head_vouches_plain(meetings_folder, meetings):
        return False
    return any(_starts_sealed(meetings_folder / name) for name in meetings)


def missing_key_message(data_dir: Path) -> str:
    """One line: what is wrong, that nothing is written in clear, and how to restore the key file."""
    path = key_file_path(data_dir)
    return (
        f"this data folder holds encrypted meetings but its key file is missing: put {path.name} back "
        f"at {path} (from where it was moved, or from a backup of the data folder), then unlock with "
        "the passphrase; until then nothing is saved, so nothing is written in clear"
    )

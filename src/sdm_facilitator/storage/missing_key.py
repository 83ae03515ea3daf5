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

_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)
#: The summary index's file name (``index.py``), sealed like a meeting in an encrypted store.
_INDEX_NAME = ".summary-index.json"
_INDEX_PREFIX = ".summary-index"  # ``index_head.INDEX_PREFIX``, which this module imports only when used


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
    one ``stat`` of each file, not two.
    """
    from sdm_facilitator.storage import index_head as summary_index

    if _starts_sealed(meetings_folder / _INDEX_NAME):
        return True
    if isinstance(files, summary_index.MeetingFiles):
        # The look a start took a moment ago saw the index files too: the folder is not listed again.
        if any(_starts_sealed(meetings_folder / name) for name in files.index_names):
            return True
        if files and summary_index.head_vouches_plain(meetings_folder, files):
            return False
        return any(_starts_sealed(meetings_folder / name) for name in files)
    meetings: dict[str, FileKey] = {}
    unknown: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(meetings_folder) as entries:
        for entry in entries:
            meeting = entry.name.endswith(".toml") and not entry.name.startswith(".")
            # Each computer's own index (``index.index_name``) and its head are sealed too.
            index = entry.name.startswith(_INDEX_PREFIX) and entry.name.endswith(".json")
            if index and _starts_sealed(Path(entry.path)):
                return True
            if meeting and files is None:
                try:
                    meetings[entry.name] = summary_index.FileKey.of(entry.stat())
                except OSError:
                    unknown.append(Path(entry.path))
    if any(_starts_sealed(path) for path in unknown):
        return True
    if files is not None:
        meetings = dict(files)
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

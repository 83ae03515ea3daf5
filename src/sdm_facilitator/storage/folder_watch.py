"""Noticing that a sync engine changed the meetings folder, by looking at names, sizes and times.

The home screen polls this every few seconds: a meeting edited on another
laptop and synced in (or a conflict copy arriving) is shown within seconds,
without any file-system notification API (they differ per system and miss
changes on network and synced drives). One ``scandir`` of the folder: no file
is opened, so 10,000 meetings cost a few milliseconds.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdm_facilitator.storage.index_head import FileKey

FolderSignature = frozenset[tuple[str, int, int]]


def folder_signature(folder: Path) -> FolderSignature:
    """Each meeting file's name, size and modification time (hidden files, such as markers, left out)."""
    entries: set[tuple[str, int, int]] = set()
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in found:
            if entry.name.endswith(".toml") and not entry.name.startswith("."):
                with contextlib.suppress(OSError):
                    info = entry.stat()
                    entries.add((entry.name, info.st_size, info.st_mtime_ns))
    return frozenset(entries)


def signature_of(files: dict[str, FileKey]) -> FolderSignature:
    """The signature of a look at the folder already taken (``SummaryIndex.meeting_files``).

    A start looks at every file once and shares that look: a second ``scandir``
    and ``stat`` of 10,000 files for the home screen's first signature cost
    more than a tenth of a second before the first paint. Both follow the same
    rules (names ending ``.toml`` and not hidden; ``stat`` following links), so a
    signature taken either way is equal while nothing changed.
    """
    return frozenset((name, key.size, key.mtime_ns) for name, key in files.items())


def with_own_writes(folder: Path, seen: FolderSignature, names: list[str]) -> FolderSignature:
    """``seen`` with the named files as they are now: the app's own saves are not a sync engine's change."""
    kept = {entry for entry in seen if entry[0] not in names}
    for name in names:
        with contextlib.suppress(OSError):
            info = (folder / name).stat()
            kept.add((name, info.st_size, info.st_mtime_ns))
    return frozenset(kept)

"""Temporary files that crashed writers left anywhere the app writes inside the data folder.

Every file the app writes goes through ``atomic.atomic_write_bytes``, whose
temporary copy (``.<name>.tmp-<computer>-<pid>-<random>``) holds the whole new
content: a meeting, the summary index with every family's label and child's
name, an exported paper. A SIGKILL, a power cut or a full disk between the
write and the rename leaves that copy behind. So start-up, ``delete``,
``encrypt``, ``decrypt`` and the cache clean-up all call this one function,
which applies the one rule of ``atomic.remove_stale_temp_files`` (the exact
name pattern, a writer that is certainly gone) to every folder the app
writes in: the data folder itself (settings, key file, conversion marker,
pseudonym secret), the meetings folder, the exports folder and its
subfolders, the error reports, and the folder of every export recorded in
the data folder. Nothing else is walked: a data folder given as a large
folder of other things is not searched through.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sdm_facilitator.paths import error_reports_dir, exports_dir, meetings_dir
from sdm_facilitator.storage.atomic import STALE_AFTER_SECONDS, remove_stale_temp_files


def _folders_below(root: Path) -> Iterator[Path]:
    """``root`` and every folder under it, links not followed."""
    if not root.is_dir() or root.is_symlink():
        return
    for folder, subfolders, _files in os.walk(root, followlinks=False):
        subfolders.sort()
        yield Path(folder)


def folders_written_by_the_app(data_dir: Path) -> list[Path]:
    """Every folder inside ``data_dir`` the app may have left a temporary file in."""
    from sdm_facilitator.storage.export_ledger import recorded_export_folders

    folders: list[Path] = []
    if data_dir.is_dir():
        folders.append(data_dir)
    folders += _folders_below(meetings_dir(data_dir))
    folders += _folders_below(exports_dir(data_dir))
    folders += _folders_below(error_reports_dir(data_dir))
    folders += recorded_export_folders(data_dir)
    unique: dict[Path, None] = {}
    for folder in folders:
        unique.setdefault(folder, None)
    return list(unique)


def remove_leftover_temp_files(data_dir: Path, max_age_seconds: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Delete every crashed writer's temporary file in the data folder; return what was removed."""
    removed: list[Path] = []
    for folder in folders_written_by_the_app(data_dir):
        removed += remove_stale_temp_files(folder, max_age_seconds)
    return removed

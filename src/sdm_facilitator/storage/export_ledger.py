"""Which files inside the data folder were exported for which meeting.

Deleting a meeting must also remove the papers the app wrote for it, but an
export's file name may say nothing about its meeting. Whoever writes an
export inside the data folder records it here (``record_export``), and
deletion removes exactly the recorded files (``exports_of``). Files outside
the data folder are never recorded: the app cannot know what happened to
them, and docs/data-protection.md says so.

The ledger holds meeting ids and file names relative to the data folder,
never names of people.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.paths import ledger_path
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.files import read_small_file

# Ids and file names of exports: even thousands of them fit well within this.
MAX_LEDGER_BYTES = 16 * 1024 * 1024


def _load(data_dir: Path) -> dict[str, list[str]]:
    try:
        # Pipe-safe: a named pipe in the ledger's place must not hang every export.
        raw = toml_reading.loads(read_small_file(ledger_path(data_dir), MAX_LEDGER_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, toml_reading.TOMLDecodeError):
        return {}
    return {
        key: [v for v in value if isinstance(v, str)] for key, value in raw.items() if isinstance(value, list)
    }


def _save(data_dir: Path, ledger: dict[str, list[str]]) -> None:
    ledger_path(data_dir).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(
        ledger_path(data_dir), tomli_w.dumps({k: v for k, v in ledger.items() if v}).encode("utf-8")
    )


def record_export(data_dir: Path, meeting_id: str, path: Path) -> bool:
    """Remember that ``path`` was exported for ``meeting_id``; False (not recorded) when outside the data folder."""
    try:
        relative = path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        return False
    ledger = _load(data_dir)
    if relative not in ledger.setdefault(meeting_id, []):
        ledger[meeting_id].append(relative)
        _save(data_dir, ledger)
    return True


def exports_of(data_dir: Path, meeting_id: str) -> list[Path]:
    """The recorded export files of a meeting that still exist, inside the data folder only."""
    root = data_dir.resolve()
    found = []
    for relative in _load(data_dir).get(meeting_id, []):
        path = (data_dir / relative).resolve()
        if path.is_relative_to(root) and path.is_file():
            found.append(path)
    return found


def recorded_export_folders(data_dir: Path) -> list[Path]:
    """The folders, inside the data folder, of every export recorded for any meeting.

    A crash while a paper was written there may have left its temporary copy in that folder.
    """
    root = data_dir.resolve()
    folders: dict[Path, None] = {}
    for relatives in _load(data_dir).values():
        for relative in relatives:
            folder = (data_dir / relative).resolve().parent
            if folder.is_relative_to(root) and folder.is_dir():
                folders.setdefault(folder, None)
    return list(folders)


def forget_exports(data_dir: Path, meeting_id: str) -> None:
    """Drop a meeting from the ledger (after its files were removed)."""
    ledger = _load(data_dir)
    if ledger.pop(meeting_id, None) is not None:
        with contextlib.suppress(OSError):
            _save(data_dir, ledger)

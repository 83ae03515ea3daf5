"""Durable, atomic file replacement.

A coordinator's laptop can die at any instant. Writing a temporary file in
the same folder, flushing it to disk, renaming it over the original and then
flushing the folder means a crash leaves either the old or the new complete
file, never a half-written one. The temporary file's name carries the writer's
process id so a later start can tell a crashed writer's leftovers (which hold
personal data) from a save still in progress in another copy of the app.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
import time
from pathlib import Path

TEMP_MARK = ".tmp-"
_WINDOWS_REPLACE_RETRIES = 20


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name next to ``path``: hidden, with pid and random part."""
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries so a rename survives power loss (POSIX only)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, retried on Windows while another program holds the file.

    Never delete-then-rename: that opens a window in which neither file exists.
    """
    for attempt in range(_WINDOWS_REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _WINDOWS_REPLACE_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically and durably, file mode ``mode``."""
    tmp = temp_path_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - no cheap check; rely on age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError as error:  # pragma: no cover
        return error.errno != errno.ESRCH
    return True


def remove_stale_temp_files(folder: Path, max_age_seconds: float = 600.0) -> list[Path]:
    """Delete temporary files left by crashed writers; return what was removed.

    A file is stale when its writer process is gone, or when it is older than
    ``max_age_seconds`` (a save never takes that long).
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for entry in folder.iterdir():
        name = entry.name
        if not (name.startswith(".") and TEMP_MARK in name):
            continue
        pid_part = name.rsplit(TEMP_MARK, 1)[1].split("-", 1)[0]
        try:
            stale = not _pid_alive(int(pid_part))
        except ValueError:
            stale = True
        with contextlib.suppress(OSError):
            if stale or now - entry.stat().st_mtime > max_age_seconds:
                entry.unlink()
                removed.append(entry)
    return removed

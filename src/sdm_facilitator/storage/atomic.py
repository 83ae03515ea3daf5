"""Durable, atomic file replacement.

A coordinator's laptop can die at any instant. Writing a temporary file in
the same folder, flushing it to disk, renaming it over the original and then
flushing the folder means a crash leaves either the old or the new complete
file, never a half-written one. The temporary file's name follows one exact
pattern (hidden, the target's name, ``.tmp-``, a mark of the computer, the
writer's process id and a random part) so a later start removes only its own leftovers, which hold
personal data, and nothing a person or another program put there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import socket
import stat as stat_module
import sys
import time
from pathlib import Path

TEMP_MARK = ".tmp-"
_WINDOWS_REPLACE_RETRIES = 20


def _host_tag() -> str:
    """A short mark of this computer, so a process id in a temp name is only trusted here."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


HOST_TAG = _host_tag()


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name next to ``path``: hidden, with computer, pid and random part."""
    return path.with_name(f".{path.name}{TEMP_MARK}{HOST_TAG}-{os.getpid()}-{secrets.token_hex(4)}")


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


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> OSError | None:
    """Replace ``path`` with ``data`` atomically and durably, file mode ``mode``.

    Once the rename has happened the save is done: the new file is complete
    and in place. Some file systems and sync clients then refuse to flush the
    folder itself; that only weakens the guarantee for a power cut in the next
    moment, so it is returned (for a warning at most) rather than raised, or a
    caller would report a saved meeting as unsaved and save it again.
    """
    tmp = temp_path_for(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, mode)
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
    try:
        fsync_dir(path.parent)
    except OSError as error:
        return error
    return None


# Exactly the names ``temp_path_for`` makes, whatever file is being written (a meeting, the
# summary index, an exported paper, the settings, the key file):
# ".<target file>.tmp-<computer>-<pid>-<8 hex>". One rule for every leftover, so no
# writer's crash can leave a copy that start-up, ``delete`` or ``encrypt`` does not know.
_OWN_TEMP_NAME = re.compile(
    r"\.[^/\\]+" + re.escape(TEMP_MARK) + r"(?P<host>[0-9a-f]{6})-(?P<pid>[0-9]+)-[0-9a-f]{8}"
)
#: A save takes milliseconds; a temp file this old belongs to a writer that is gone,
#: even one on another computer sharing the folder (whose process ids mean nothing here).
STALE_AFTER_SECONDS = 300.0


def is_own_temp_file(name: str) -> bool:
    """Whether ``name`` is a temporary file this app's atomic writes create (and nothing else)."""
    return _OWN_TEMP_NAME.fullmatch(name) is not None


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - no cheap check; rely on age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but not ours to signal, or unknown: keep the file
    return True


def _writer_gone(name: str, age_seconds: float, max_age_seconds: float) -> bool:
    """Whether the writer of own temp file ``name`` is certainly gone."""
    match = _OWN_TEMP_NAME.fullmatch(name)
    if match is None:
        return False
    if age_seconds > max_age_seconds:
        return True
    # A process id is only meaningful on the computer that wrote the file.
    return match.group("host") == HOST_TAG and not _pid_alive(int(match.group("pid")))


def remove_stale_temp_files(folder: Path, max_age_seconds: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Delete temporary files left by crashed writers; return what was removed.

    Temporary files hold personal data, so leftovers must go, but only the
    store's own: a file a person named ``.notes.tmp-old`` is theirs, and a
    fresh temp file may be a save in progress on another computer sharing the
    folder. So a file is removed only when its name is exactly the store's
    pattern and it is older than ``max_age_seconds`` or was written on this
    computer by a process that no longer runs.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    # Names first (``os.scandir``, no path object for each of 10,000 meeting files): a start runs this.
    with os.scandir(folder) as entries:
        names = [entry.name for entry in entries if is_own_temp_file(entry.name)]
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            info = path.lstat()
            if stat_module.S_ISREG(info.st_mode) and _writer_gone(name, now - info.st_mtime, max_age_seconds):
                path.unlink()
                removed.append(path)
    return removed

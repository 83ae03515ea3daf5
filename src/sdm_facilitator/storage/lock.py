"""A per-meeting lock held by the operating system.

The lock lives on a separate, empty lock file and is an OS lock (``flock`` or
``msvcrt.locking``), so it is released the moment the holding process dies:
a crash never leaves a meeting locked forever, unlike a lock that only checks
whether a file exists.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

# Imported once here, not inside release(): a lock released by ``__del__`` at
# interpreter shutdown can no longer import anything.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class MeetingLock:
    """An exclusive, non-blocking lock on one meeting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if free; return False when another process holds it."""
        if self._fd is not None:
            return True
        # Never through a link: a planted link would make the app create or
        # truncate a file somewhere else.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the lock back (closing the file releases it too)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            if sys.platform == "win32":  # pragma: no cover
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_UN)
        with contextlib.suppress(OSError):
            os.close(fd)

    def __del__(self) -> None:  # pragma: no cover - safety net only
        with contextlib.suppress(Exception):
            self.release()

"""A meeting read ahead of being opened: parsed on a thread while its row is highlighted.

Opening the 1.3 MB meeting spent about 45 ms parsing its file before anything
could be drawn. A person lands on a row and presses Enter a moment later; in
that moment the home screen has the file read and parsed on a thread
(``MeetingStore.read_ahead_of_opening``). The open reads the file as always and
takes the parse only when the bytes it reads are the very bytes that were
parsed: a file changed on disk since is parsed again as it is now.

At most one meeting is held, it is handed to one open only, and it is dropped
when the app locks (``ui/lock_guard.py``), so a parsed meeting does not sit in
memory behind the unlock screen, and when the store changes some other way (a
deletion, an unlock: ``SdmApp.note_store_changed``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdm_facilitator.domain.meeting import Meeting

#: How long an open waits for a read ahead of the same file still under way (the 1.3 MB meeting
#: parses in 45 to 75 ms); past it the open parses the file itself.
WAIT_SECONDS = 2.0


@dataclass
class Ahead:
    """One file being read ahead: its bytes and their parse once ``done`` is set."""

    path: Path
    done: threading.Event = field(default_factory=threading.Event)
    data: bytes | None = None
    #: The meeting and whether a newer version of the app wrote it (``store.parse_meeting_bytes``).
    parsed: tuple[Meeting, bool] | None = None


class ReadAhead:
    """The one meeting read ahead of its open, shared by the thread that reads and the open that takes it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ahead: Ahead | None = None

    def begin(self, path: Path) -> Ahead | None:
        """A new read of ``path`` to fill, or None when one is held or under way for it already."""
        with self._lock:
            if self._ahead is not None and self._ahead.path == path:
                return None
            self._ahead = Ahead(path)
            return self._ahead

    def take(self, path: Path, data: bytes) -> tuple[Meeting, bool] | None:
        """The parse of ``data`` read ahead from ``path``, once; None when there is none for these bytes."""
        with self._lock:
            ahead = self._ahead
        if ahead is None or ahead.path != path:
            return None
        ahead.done.wait(WAIT_SECONDS)
        with self._lock:
            if self._ahead is not ahead or not ahead.done.is_set():
                return None
            self._ahead = None
        return ahead.parsed if ahead.data == data else None

    def forget(self) -> None:
        """Drop what is held (the app locks, or the store changes)."""
        with self._lock:
            self._ahead = None

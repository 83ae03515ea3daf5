""" "Open elsewhere": a small marker file per open meeting, seen across computers sharing a synced folder.

The meeting lock (``lock.py``) is an operating-system lock: it keeps two
copies of the app on one computer apart, but a sync engine (OneDrive,
SharePoint, Syncthing) does not carry it to another laptop. So while a
meeting is open for editing, the app also keeps a marker beside it,
``.<meeting id>.open-<computer mark>``, naming the computer and when the
meeting was opened and last worked on. Another laptop that finds a fresh
marker opens the meeting read-only and says where it is open.

- One marker per computer (its name carries the computer's mark, as temporary
  files do): two laptops never write the same file, so the markers never make
  conflict copies themselves.
- It holds the computer's name and two times, never anything about the family.
- It expires after ``EXPIRE_AFTER`` without activity there (it is refreshed on
  a save, at most every ``REFRESH_EVERY``): a laptop that was shut without
  closing the meeting, or left open over lunch, does not keep it read-only for
  everybody else. Should both then edit, the save that comes second finds the
  file changed and keeps both versions (``store.save``'s conflict copy).
- Anything odd about a marker (a pipe, too big, not JSON) is no marker.
"""

from __future__ import annotations

import contextlib
import json
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sdm_facilitator.storage.atomic import HOST_TAG, atomic_write_bytes
from sdm_facilitator.storage.files import NotARegularFile, read_regular_file

#: The part of a marker's name between the meeting id and the computer's mark.
OPEN_MARK = ".open-"
EXPIRE_AFTER = timedelta(minutes=15)
REFRESH_EVERY = timedelta(minutes=1)
_MAX_MARKER_BYTES = 1024


@dataclass(frozen=True)
class OpenElsewhere:
    """Another computer has the meeting open: which, since when, and when it was last worked on."""

    computer: str
    opened: datetime
    seen: datetime

    def words(self) -> str:
        """The read-only banner's sentence."""
        since = self.opened.astimezone().strftime("%H:%M on %d %b")
        seen = self.seen.astimezone().strftime("%H:%M")
        minutes = int(EXPIRE_AFTER.total_seconds() // 60)
        return (
            f"This meeting is open on the computer '{self.computer}' (since {since}, last worked on at {seen}). "
            "It is shown read-only here so neither laptop overwrites the other; close it there to edit it "
            f"here (after {minutes} minutes without activity there it can be edited here)."
        )


def marker_path(folder: Path, meeting_id: str) -> Path:
    """This computer's marker for ``meeting_id``."""
    return folder / f".{meeting_id}{OPEN_MARK}{HOST_TAG}"


def computer_name() -> str:
    """This computer's name as people know it (no family data)."""
    return socket.gethostname() or f"computer {HOST_TAG}"


def mark_open(folder: Path, meeting_id: str, now: datetime, opened: datetime | None = None) -> Path:
    """Write (or refresh) this computer's marker; returns its path."""
    path = marker_path(folder, meeting_id)
    text = json.dumps(
        {"computer": computer_name(), "opened": (opened or now).isoformat(), "seen": now.isoformat()}
    )
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


def clear_open(folder: Path, meeting_id: str) -> None:
    """The meeting was closed here: remove this computer's marker (best effort)."""
    with contextlib.suppress(OSError):
        marker_path(folder, meeting_id).unlink()


def _read(path: Path) -> OpenElsewhere | None:
    try:
        data, _stat = read_regular_file(path, _MAX_MARKER_BYTES)
        raw = json.loads(data[:_MAX_MARKER_BYTES].decode("utf-8"))
        computer = str(raw["computer"])[:80]
        opened = datetime.fromisoformat(raw["opened"])
        seen = datetime.fromisoformat(raw["seen"])
    except (OSError, NotARegularFile, ValueError, KeyError, TypeError):
        return None
    if opened.tzinfo is None or seen.tzinfo is None:
        return None
    return OpenElsewhere(computer, opened, seen)


def open_elsewhere(folder: Path, meeting_id: str, now: datetime | None = None) -> OpenElsewhere | None:
    """The freshest marker of another computer for ``meeting_id``, unless it has expired."""
    now = now or datetime.now(UTC)
    own = marker_path(folder, meeting_id).name
    found: list[OpenElsewhere] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f".{meeting_id}{OPEN_MARK}*"):
            if path.name == own or ".tmp-" in path.name:
                continue
            marker = _read(path)
            if marker is not None and now - marker.seen < EXPIRE_AFTER:
                found.append(marker)
    return max(found, key=lambda m: m.seen) if found else None

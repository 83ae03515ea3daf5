"""Which meeting the chair's view was showing when the app stopped, so a restart goes back there.

A chair whose laptop dies, or whose terminal closes, mid-meeting should come
back to the room, not to the meetings list or the meeting's first section.
The app writes the meeting's id (never a name) to one small file in the
meetings folder when the chair's view opens and removes it when the chair
leaves the room; a start that finds it, for a meeting still under way, opens
the room again. Anything odd about the file (a pipe, too big, not an id) is
treated as no marker.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.codec import is_safe_id
from sdm_facilitator.storage.files import NotARegularFile, read_regular_file

MARKER_NAME = ".in-the-room"
#: An id is about 20 characters; anything longer is not ours.
MAX_MARKER_BYTES = 200


def mark_in_room(folder: Path, meeting_id: str) -> None:
    """Remember that the chair's view of ``meeting_id`` is open (best effort: a failure only loses the resume)."""
    atomic_write_bytes(folder / MARKER_NAME, meeting_id.encode("ascii"))


def clear_in_room(folder: Path, meeting_id: str) -> None:
    """The chair left the room of ``meeting_id``: forget it (another meeting's marker is left alone)."""
    if meeting_left_in_room(folder) == meeting_id:
        with contextlib.suppress(OSError):
            (folder / MARKER_NAME).unlink()


def meeting_left_in_room(folder: Path) -> str | None:
    """The id of the meeting whose chair's view was open when the app last stopped, if any."""
    try:
        data, _stat = read_regular_file(folder / MARKER_NAME, MAX_MARKER_BYTES)
    except (OSError, NotARegularFile):
        return None
    if len(data) > MAX_MARKER_BYTES:
        return None
    text = data.decode("ascii", errors="replace").strip()
    return text if is_safe_id(text) else None

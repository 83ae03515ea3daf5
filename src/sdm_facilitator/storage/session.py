"""One open meeting in the app: the record, its guide, and safe saving.

No Textual import: the screens own the debounce timer and the indicator, this
class owns what a save means. Whatever goes wrong, the text a person typed
stays in memory and the reason is returned for the screen to show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.codec import CodecError, to_dict
from sdm_facilitator.storage.store import ConflictError, MeetingStore, OpenMeeting, ReadOnlyError


@dataclass(frozen=True)
class SaveOutcome:
    """What happened when saving: ``ok`` and a short message for the indicator."""

    ok: bool
    message: str
    # Something the person must know even though nothing was lost (a conflict copy).
    notice: str | None = None


def _without_stamp(state: dict[str, Any]) -> dict[str, Any]:
    """The record as written, less the "updated" stamp that every save changes."""
    return {key: value for key, value in state.items() if key != "updated"}


@dataclass(frozen=True)
class _Snapshot:
    """What one save writes, taken on the thread that asked for it."""

    data: dict[str, Any]
    edits: int


class MeetingSession:
    """An open meeting, its guide and its dirty state.

    Saves can run on a writer thread (``save_in_background``), so typing never
    waits for a large meeting to be written, read back and checked. The
    writer only ever sees a snapshot taken when the save was asked for; one
    write runs at a time, in the order asked; a plain ``save()`` waits for
    those before writing, so closing and quitting write the latest record.
    """

    def __init__(self, store: MeetingStore, opened: OpenMeeting, guide: Guide | None) -> None:
        self.store = store
        self.opened = opened
        self.guide = guide
        self.dirty = False
        self.last_saved: datetime | None = None
        self.last_error: str | None = None
        # Set when the file changed behind our back: edits go to this copy from then on.
        self.conflict_copy: Path | None = None
        self._saved_state = _without_stamp(to_dict(self.meeting))
        # Counts edits, so a save finishing on the writer thread knows whether any came after its snapshot.
        self._edits = 0
        self._write_lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._in_flight: list[Future[SaveOutcome]] = []

    @property
    def changed(self) -> bool:
        """True when the record differs from what was last read or saved.

        A second check beside ``dirty``: an edit whose change message has not
        been handled yet (ctrl+q pressed a moment after typing) is still saved.
        """
        return self.dirty or _without_stamp(to_dict(self.meeting)) != self._saved_state

    @property
    def meeting(self) -> Meeting:
        return self.opened.meeting

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    @property
    def read_only_reason(self) -> str | None:
        return self.opened.read_only_reason

    def mark_changed(self) -> None:
        """Note that the record changed; the screen schedules the save."""
        if not self.read_only:
            # Counted before it is flagged: a save finishing meanwhile on the writer thread
            # then either sees the new count or is overruled by the flag set after it.
            self._edits += 1
            self.dirty = True

    def _snapshot(self, now: datetime | None) -> _Snapshot | None:
        """The record to write, stamped ``now``; None when nothing changed since the last save.

        One serialisation serves both the "anything changed?" check and the
        write ("updated", which saving moves, is left out of the check).
        """
        data = to_dict(self.meeting)
        if not self.dirty and _without_stamp(data) == self._saved_state:
            return None
        self.meeting.touch(now)
        data["updated"] = self.meeting.updated
        return _Snapshot(data, self._edits)

    def save(self, now: datetime | None = None) -> SaveOutcome:
        """Write the meeting now if it changed, after any save still running. Never raises for expected failures."""
        if self.read_only:
            return SaveOutcome(True, "saved")
        self.wait_for_saves()
        snapshot = self._snapshot(now)
        if snapshot is None:
            return SaveOutcome(True, "saved")
        return self._write(snapshot, now)

    def save_in_background(self, now: datetime | None, done: Callable[[SaveOutcome], None]) -> None:
        """Take a snapshot now and write it on the writer thread; ``done(outcome)`` is called there."""
        if self.read_only:
            done(SaveOutcome(True, "saved"))
            return
        snapshot = self._snapshot(now)
        if snapshot is None:
            done(SaveOutcome(True, "saved"))
            return
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="meeting-save")

        def write() -> SaveOutcome:
            outcome = self._write(snapshot, now)
            done(outcome)
            return outcome

        self._in_flight = [f for f in self._in_flight if not f.done()]
        self._in_flight.append(self._writer.submit(write))

    def wait_for_saves(self) -> None:
        """Block until every save asked for has been written (or has failed)."""
        for future in self._in_flight:
            future.exception()
        self._in_flight = []

    def _write(self, snapshot: _Snapshot, now: datetime | None) -> SaveOutcome:
        with self._write_lock:
            state = _without_stamp(snapshot.data)
            try:
                self.store.save(self.opened, now=now, data=snapshot.data)
            except ConflictError as error:
                # The file on disk was changed elsewhere and is left as it is. Our version
                # went to a conflict copy; keep saving into that copy so that nothing typed
                # from now on is lost either.
                self.opened = OpenMeeting(self.meeting, error.copy_path, None, None, self.opened.lock)
                self.conflict_copy = error.copy_path
                self._saved(snapshot, state)
                return SaveOutcome(
                    True, "saved", f"{error} What you type from now on is saved in that copy too."
                )
            except ReadOnlyError as error:
                self.dirty = False
                return SaveOutcome(False, str(error))
            except CodecError as error:
                self.dirty = True
                self.last_error = (
                    f"Not saved: {error}. Your text is kept here; change that part and it will save."
                )
                return SaveOutcome(False, self.last_error)
            except OSError as error:
                reason = error.strerror or type(error).__name__
                self.dirty = True
                self.last_error = (
                    f"Not saved ({reason}). Your text is kept here; it will try again in a few seconds."
                )
                return SaveOutcome(False, self.last_error)
            self._saved(snapshot, state)
            return SaveOutcome(True, "saved")

    def _saved(self, snapshot: _Snapshot, state: dict[str, Any]) -> None:
        # Edits made while this snapshot was being written still need a save of their own.
        self.dirty = self._edits != snapshot.edits
        self._saved_state = state
        self.last_error = None
        self.last_saved = snapshot.data["updated"]

    def close(self) -> SaveOutcome:
        """Save what is left and release the meeting's lock.

        The lock is released even if this last save fails: the screens ask the
        person before leaving with unsaved changes, so reaching here means they chose to.
        """
        outcome = self.save()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        self.store.close(self.opened)
        return outcome

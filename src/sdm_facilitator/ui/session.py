"""One open meeting in the app: the record, its guide, and safe saving.

No Textual import: the screens own the debounce timer and the indicator, this
class owns what a save means. Whatever goes wrong, the text a person typed
stays in memory and the reason is returned for the screen to show.
"""

from __future__ import annotations

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


class MeetingSession:
    """An open meeting, its guide and its dirty state."""

    def __init__(self, store: MeetingStore, opened: OpenMeeting, guide: Guide | None) -> None:
        self.store = store
        self.opened = opened
        self.guide = guide
        self.dirty = False
        self.last_saved: datetime | None = None
        self.last_error: str | None = None
        # Set when the file changed behind our back: edits go to this copy from then on.
        self.conflict_copy: Path | None = None
        self._saved_state = self._state()

    def _state(self) -> dict[str, Any]:
        """The record as it would be written, less the "updated" stamp that every save changes."""
        state = to_dict(self.meeting)
        state.pop("updated", None)
        return state

    @property
    def changed(self) -> bool:
        """True when the record differs from what was last read or saved.

        A second check beside ``dirty``: an edit whose change message has not
        been handled yet (ctrl+q pressed a moment after typing) is still saved.
        """
        return self.dirty or self._state() != self._saved_state

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
            self.dirty = True

    def save(self, now: datetime | None = None) -> SaveOutcome:
        """Write the meeting if it changed. Never raises for expected failures."""
        if self.read_only:
            return SaveOutcome(True, "saved")
        # One serialisation serves both the "anything changed?" check and the
        # record of what was saved ("updated", which saving moves, is left out).
        state = self._state()
        if not self.dirty and state == self._saved_state:
            return SaveOutcome(True, "saved")
        try:
            self.store.save(self.opened, now=now)
        except ConflictError as error:
            # The file on disk was changed elsewhere and is left as it is. Our version
            # went to a conflict copy; keep saving into that copy so that nothing typed
            # from now on is lost either.
            self.opened = OpenMeeting(self.meeting, error.copy_path, None, None, self.opened.lock)
            self.conflict_copy = error.copy_path
            self.dirty = False
            self._saved_state = state
            self.last_saved = self.meeting.updated
            self.last_error = None
            return SaveOutcome(True, "saved", f"{error} What you type from now on is saved in that copy too.")
        except ReadOnlyError as error:
            self.dirty = False
            return SaveOutcome(False, str(error))
        except CodecError as error:
            self.dirty = True
            self.last_error = f"Not saved: {error}. Your text is kept here; change that part and it will save."
            return SaveOutcome(False, self.last_error)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.dirty = True
            self.last_error = f"Not saved ({reason}). Your text is kept here; it will try again in a few seconds."
            return SaveOutcome(False, self.last_error)
        self.dirty = False
        self._saved_state = state
        self.last_error = None
        self.last_saved = self.meeting.updated
        return SaveOutcome(True, "saved")

    def close(self) -> SaveOutcome:
        """Save what is left and release the meeting's lock.

        The lock is released even if this last save fails: the screens ask the
        person before leaving with unsaved changes, so reaching here means they chose to.
        """
        outcome = self.save()
        self.store.close(self.opened)
        return outcome

"""One open meeting in the app: the record, its guide, and safe saving.

No Textual import: the screens own the debounce timer and the indicator, this
class owns what a save means. Whatever goes wrong, the text a person typed
stays in memory and the reason is returned for the screen to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.codec import CodecError
from sdm_facilitator.storage.store import ConflictError, MeetingStore, OpenMeeting, ReadOnlyError


@dataclass(frozen=True)
class SaveOutcome:
    """What happened when saving: ``ok`` and a short message for the indicator."""

    ok: bool
    message: str


class MeetingSession:
    """An open meeting, its guide and its dirty state."""

    def __init__(self, store: MeetingStore, opened: OpenMeeting, guide: Guide | None) -> None:
        self.store = store
        self.opened = opened
        self.guide = guide
        self.dirty = False
        self.last_saved: datetime | None = None
        self.last_error: str | None = None

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
        if not self.dirty:
            return SaveOutcome(True, "saved")
        try:
            self.store.save(self.opened, now=now)
        except ConflictError as error:
            # Our version is safe in the copy; stop writing over a file someone else changed.
            self.opened.read_only_reason = str(error)
            self.dirty = False
            self.last_error = str(error)
            return SaveOutcome(False, str(error))
        except ReadOnlyError as error:
            self.dirty = False
            return SaveOutcome(False, str(error))
        except CodecError as error:
            self.last_error = f"Not saved: {error}. Your text is kept here; change that part and it will save."
            return SaveOutcome(False, self.last_error)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.last_error = f"Not saved ({reason}). Your text is kept here; it will be saved again on the next change."
            return SaveOutcome(False, self.last_error)
        self.dirty = False
        self.last_error = None
        self.last_saved = self.meeting.updated
        return SaveOutcome(True, "saved")

    def close(self) -> SaveOutcome:
        """Save what is left and release the meeting's lock."""
        outcome = self.save()
        if outcome.ok or not self.dirty:
            self.store.close(self.opened)
        return outcome

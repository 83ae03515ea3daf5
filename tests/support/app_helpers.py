"""Helpers for tests that drive the real app (Pilot and snapshots).

A fixed clock keeps timers and "saved at" out of snapshot differences; the
bundled guides are loaded once per test process (``support.guide_library``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.app import SdmApp
from support.guide_library import bundled_library

FIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
FIXED_TODAY = date(2026, 3, 2)


class FakeClock:
    """A clock tests can move forward by hand."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        from datetime import timedelta

        self.now += timedelta(**kwargs)


def new_meeting(kind: str = "fgc", label: str = "Test family", **kwargs: object) -> Meeting:
    """A meeting created the way the app creates one, with its guide's agenda."""
    meeting = create_meeting(bundled_library(), kind=kind, family_label=label, **kwargs)  # type: ignore[arg-type]
    meeting.created = meeting.updated = FIXED_NOW
    return meeting


def save_meetings(data_dir: Path, *meetings: Meeting) -> MeetingStore:
    """Write meetings straight into a data folder, as if made earlier."""
    store = MeetingStore(data_dir)
    store.ensure()
    for meeting in meetings:
        store.close(store.create(meeting))
    return store


def make_app(data_dir: Path, clock: Callable[[], datetime] | None = None) -> SdmApp:
    """The real app on ``data_dir`` with a fixed (or given) clock."""
    return SdmApp(data_dir=data_dir, library=bundled_library(), clock=clock or FakeClock())


def reload(data_dir: Path, meeting_id: str) -> Meeting:
    """Read a meeting back from disk, as a later start of the app would."""
    return MeetingStore(data_dir).open(meeting_id, lock=False).meeting

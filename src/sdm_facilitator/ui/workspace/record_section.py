"""What the after-the-meeting sections share: the open meeting, today, and one way to record an edit.

Follow-up, outcomes and fidelity all add to the record through dialogs, so
they check read-only the same way and, after each change, tell the
workspace to save and redraw themselves from the record.
"""

from __future__ import annotations

from datetime import date

from textual.containers import VerticalScroll

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.messages import MeetingEdited
from sdm_facilitator.ui.session import MeetingSession


class RecordSection(VerticalScroll, can_focus=False):
    """A workspace section that shows part of the record and adds to it through dialogs."""

    def __init__(self, session: MeetingSession, *, classes: str = "after-section") -> None:
        super().__init__(classes=classes)
        self.session = session

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    def _today(self) -> date:
        return sdm_app(self).today()

    def _can_edit(self) -> bool:
        if self.session.read_only:
            self.notify("This meeting is open read-only.", severity="warning", markup=False)
            return False
        return True

    def _edited(self) -> None:
        self.post_message(MeetingEdited())
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        """Redraw from the record; each section says what it shows."""
        raise NotImplementedError

"""What the after-the-meeting sections share: each edit redraws the section from the record.

Follow-up, outcomes, fidelity and the day add to the record through dialogs,
so after each change they tell the workspace to save and redraw themselves.
"""

from __future__ import annotations

from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.workspace.section_base import WorkspaceSection


class RecordSection(WorkspaceSection):
    """A workspace section that shows part of the record and adds to it through dialogs."""

    def __init__(self, session: MeetingSession, *, classes: str = "after-section") -> None:
        super().__init__(session, classes=classes)

    def edited(self) -> None:
        """Tell the workspace to save, and show the record as it is now."""
        super().edited()
        self.refresh_from_meeting()

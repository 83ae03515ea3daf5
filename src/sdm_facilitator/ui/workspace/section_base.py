"""What every section of the meeting workspace is: one base class, one set of names.

A section shows part of one open meeting and changes it. The workspace
screen relies on what is declared here (``refresh_from_meeting`` when the
section comes to the front again, ``first_focus_target`` when a person goes
into it, ``palette_commands`` for the command palette); sections override
what they need. Edits are told to the workspace with ``edited()``, which
saves shortly; a section that redraws from the record after each edit says so
by overriding ``edited``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.app import SystemCommand
from textual.containers import VerticalScroll
from textual.widget import Widget

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.messages import MeetingEdited

READ_ONLY_NOTICE = "This meeting is open read-only."


class WorkspaceSection(VerticalScroll, can_focus=False):
    """A section of the meeting workspace, scrolling, over one open meeting."""

    def __init__(self, session: MeetingSession, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.session = session

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def today(self) -> date:
        """Today, from the app's clock (fixed in tests)."""
        return sdm_app(self).today()

    def can_edit(self) -> bool:
        """Whether a change may be made; says why not, once, when the meeting is open read-only."""
        if self.read_only:
            self.notify(READ_ONLY_NOTICE, severity="warning", markup=False)
            return False
        return True

    def edited(self) -> None:
        """Tell the workspace the meeting changed; it saves shortly."""
        if not self.read_only:
            self.post_message(MeetingEdited())

    def refresh_from_meeting(self) -> None:
        """Show the meeting again (the section came to the front, or the record changed elsewhere)."""

    def first_focus_target(self) -> Widget | None:
        """The widget a person going into the section starts at: the first that takes the focus."""
        return next((widget for widget in self.query("*") if widget.focusable), None)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this section adds to the command palette while it is shown."""
        return ()

"""What every preparation section shares: the open meeting, saving and read-only mode."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from textual.app import SystemCommand
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import TextArea

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.messages import MeetingEdited
from sdm_facilitator.ui.session import MeetingSession
from sdm_facilitator.ui.widgets.form_fields import FieldBinder


class PrepSection(FieldBinder, VerticalScroll, can_focus=False):
    """A section of the workspace editing part of one meeting."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(classes="prep-section")
        self.session = session

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def today(self) -> date:
        return sdm_app(self).today()

    def edited(self) -> None:
        """Tell the workspace the meeting changed; it saves shortly."""
        if not self.read_only:
            self.post_message(MeetingEdited())

    def on_mount(self) -> None:
        if self.read_only:
            self.lock_editors()

    def lock_editors(self) -> None:
        """Read-only: every editing widget is shown but cannot change anything."""
        for widget in self.query("Input, TextArea, Select, Checkbox"):
            if isinstance(widget, TextArea):
                widget.read_only = True
            else:
                widget.disabled = True

    def refresh_from_meeting(self) -> None:
        """Show the meeting again (called when the section comes to the front)."""

    def first_focus_target(self) -> Widget | None:
        """The first thing to work on in this section."""
        return next((widget for widget in self.query("*") if widget.focusable), None)

    def palette_commands(self) -> Iterator[SystemCommand]:
        """Commands this section adds to the command palette while it is shown."""
        yield from ()

"""What every preparation section adds to a workspace section: fields bound to the record, read-only mode."""

from __future__ import annotations

from textual.widgets import TextArea

from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.widgets.form_fields import FieldBinder
from sdm_facilitator.ui.workspace.section_base import WorkspaceSection


class PrepSection(FieldBinder, WorkspaceSection):
    """A preparation section: typed fields bound to the meeting, locked when it is open read-only."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session, classes="prep-section")

    def on_mount(self) -> None:
        if self.read_only:
            self.lock_editors()

    @property
    def law(self) -> ProfileLaw:
        """What the jurisdiction profile the settings chose asks of the record (the fields it shows)."""
        return sdm_app(self).library.profile_law()

    def law_words(self, key: str) -> str:
        """The chosen profile's words for one piece of law (data, never code), or ""."""
        profile = sdm_app(self).library.jurisdiction
        return profile.law.get(key, "") if profile is not None else ""

    def lock_editors(self) -> None:
        """Read-only: every editing widget is shown but cannot change anything."""
        for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
            if isinstance(widget, TextArea):
                widget.read_only = True
            else:
                widget.disabled = True

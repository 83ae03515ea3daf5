"""The meeting workspace: a side list of sections and the section being worked on.

This screen owns saving: any widget that changes the meeting posts
``MeetingEdited``; the screen saves within a second (debounced), shows a quiet
indicator, and saves again before it is left or the app quits. If a save fails
the text stays on screen and the reason is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.messages import MeetingEdited
from sdm_facilitator.ui.sections import Section, all_sections
from sdm_facilitator.ui.session import MeetingSession, SaveOutcome
from sdm_facilitator.ui.widgets.literal import literal

SAVE_DELAY_SECONDS = 0.5


class MeetingScreen(Screen[None]):
    """Everything about one meeting, section by section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Meetings"),
        Binding("ctrl+s", "save_now", "Save", show=False),
        Binding("f2", "focus_sections", "Sections"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.sections: list[Section] = all_sections()
        self._save_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="banner", markup=False)
        with Horizontal(id="workspace"):
            yield OptionList(
                *[Option(f"{s.title}", id=s.id) for s in self.sections],
                id="sections",
            )
            with ContentSwitcher(id="section-content", initial=self.sections[0].id if self.sections else None):
                for section in self.sections:
                    widget = section.build(self.session)
                    widget.id = section.id
                    yield widget
        yield Static(id="save-indicator", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        m = self.session.meeting
        self.title = one_line(m.family_label, 50) or "Meeting"
        self.sub_title = m.kind
        self._show_banner()
        self.query_one("#save-indicator", Static).update("")

    def _show_banner(self, extra: str | None = None) -> None:
        banner = self.query_one("#banner", Static)
        text = extra or self.session.read_only_reason
        banner.display = bool(text)
        if text:
            banner.update(literal(f"Read-only: {text}" if not extra else text))

    @on(OptionList.OptionHighlighted, "#sections")
    def _switch_section(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one("#section-content", ContentSwitcher).current = event.option.id

    def show_section(self, section_id: str) -> None:
        """Bring ``section_id`` to the front, as if chosen in the side list."""
        options = self.query_one("#sections", OptionList)
        index = options.get_option_index(section_id)
        options.highlighted = index
        self.query_one("#section-content", ContentSwitcher).current = section_id

    def on_meeting_edited(self, _message: MeetingEdited) -> None:
        """Schedule a save shortly after the last change."""
        self.session.mark_changed()
        self.query_one("#save-indicator", Static).update("editing…")
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY_SECONDS, self.flush)

    def flush(self) -> SaveOutcome:
        """Save now if anything changed, and show the outcome."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        outcome = self.session.save(now=self.app.clock())  # type: ignore[attr-defined]
        indicator = self.query_one("#save-indicator", Static)
        if outcome.ok:
            when = self.session.last_saved
            indicator.update(f"✓ saved {when.astimezone():%H:%M:%S}" if when else "")
            indicator.remove_class("error")
        else:
            indicator.update(f"✗ {outcome.message}")
            indicator.add_class("error")
            self._show_banner(outcome.message)
        return outcome

    def action_save_now(self) -> None:
        self.flush()

    def action_focus_sections(self) -> None:
        self.query_one("#sections", OptionList).focus()

    def action_back(self) -> None:
        """Save, release the meeting and go back to the list."""
        self.flush()
        self.session.close()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.session.close()

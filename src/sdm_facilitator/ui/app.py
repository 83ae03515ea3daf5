"""The Textual app: themes, global keys, the command palette and shared services.

Screens get the store and the guide library from the app, so tests can start
the app on any data folder and everything follows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from sdm_facilitator.domain.meeting import utc_now
from sdm_facilitator.domain.summary import MeetingSummary, summarise
from sdm_facilitator.guides.loader import GuideLibrary, load_library
from sdm_facilitator.paths import user_guides_dir
from sdm_facilitator.storage.index import SummaryIndex, index_for
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.widgets.high_contrast import HIGH_CONTRAST, high_contrast_theme

if TYPE_CHECKING:
    from sdm_facilitator.ui.session import MeetingSession

QUIT_QUESTION_ID = "quit-question"
# How long after a meeting is closed its row is written to the summary index.
RECORD_AFTER_SECONDS = 0.3


class SdmApp(App[int]):
    """sdm-facilitator: prepare, run and follow up family meetings."""

    TITLE = "sdm-facilitator"
    # One stylesheet per area, each beside the screens it styles; the order is
    # the cascade order (later files win ties), with the high-contrast theme last.
    CSS_PATH: ClassVar[list[str]] = [
        "app.tcss",
        "home/home.tcss",
        "workspace/workspace.tcss",
        "room/room.tcss",
        "dialogs/dialogs.tcss",
        "widgets/high_contrast.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("question_mark", "help_keys", "Keys", show=True),
        Binding("f6", "toggle_high_contrast", "High contrast", show=False),
    ]

    def __init__(
        self,
        data_dir: Path,
        *,
        demo: bool = False,
        library: GuideLibrary | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        # Every "now" in the UI comes from here, so tests and snapshots can fix time.
        self.clock = clock
        self.demo = demo
        self.store = MeetingStore(data_dir)
        self.library = library if library is not None else load_library(user_guides_dir(data_dir))
        if demo:
            self.sub_title = "demo data (fictional)"
        self.register_theme(high_contrast_theme())
        self._summary_index: SummaryIndex | None = None
        # Summaries of meetings closed since the home screen last looked (meeting summary, file name).
        self._closed_summaries: list[tuple[MeetingSummary, str]] = []

    def on_mount(self) -> None:
        from sdm_facilitator.ui.home.home import HomeScreen

        self.store.ensure()
        self.push_screen(HomeScreen())

    def action_toggle_high_contrast(self) -> None:
        """Switch between the high-contrast theme and the usual one."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        """Textual's commands, the high-contrast switch, and the current screen's own commands."""
        yield from super().get_system_commands(screen)
        on = self.theme == HIGH_CONTRAST
        yield SystemCommand(
            "High-contrast theme: " + ("turn off" if on else "turn on"),
            "Black background, bright text, strong focus marks",
            self.action_toggle_high_contrast,
        )
        own = getattr(screen, "palette_commands", None)
        if callable(own):
            yield from own()

    def today(self) -> date:
        """Today's date in local time, from the app's clock."""
        return self.clock().astimezone().date()

    def summary_index(self) -> SummaryIndex:
        """The summary index of the current store (the demo swaps the store), read with this app's guides."""
        if self._summary_index is None or self._summary_index.store is not self.store:
            self._summary_index = index_for(self.store, self.library)
        return self._summary_index

    def meeting_closed(self, session: MeetingSession) -> None:
        """A meeting was saved and closed: the home screen shows its new row, the index gets it in the background.

        The summary is worked out now, from the record exactly as last saved,
        so it can only hold what the file holds.
        """
        opened = session.opened
        index = self.summary_index()
        if opened.read_only or opened.fingerprint is None or session.dirty:
            return
        summary = summarise(session.meeting, index.guide_for(session.meeting))
        self._closed_summaries.append((summary, opened.path.name))
        if opened.path.parent == self.store.folder:
            sha256 = opened.fingerprint.sha256

            def record() -> None:
                self.run_worker(lambda: index.record(opened.path.name, session.meeting, sha256), thread=True,
                                group="summary-index-record")

            # After the home screen has drawn its updated row: the index is a cache and can wait.
            self.set_timer(RECORD_AFTER_SECONDS, record)

    def take_closed_meetings(self) -> list[tuple[MeetingSummary, str]]:
        closed, self._closed_summaries = self._closed_summaries, []
        return closed

    def open_meeting(self, meeting_id: str) -> None:
        """Open a meeting in the workspace, read-only if another copy holds it."""
        from sdm_facilitator.storage.store import StoreError
        from sdm_facilitator.ui.session import MeetingSession
        from sdm_facilitator.ui.workspace.screen import MeetingScreen

        try:
            opened = self.store.open(meeting_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open this meeting", severity="error", markup=False)
            return
        guide = self.library.get(opened.meeting.guide_id) or self.library.for_kind(opened.meeting.kind)
        self.push_screen(MeetingScreen(MeetingSession(self.store, opened, guide)))

    def flush_all(self) -> list[str]:
        """Save every open meeting now (before quitting, or after an error).

        Returns the reasons for any meeting whose latest changes could not be saved.
        """
        failures = []
        for screen in self.screen_stack:
            # Values typed a moment ago may still wait in a change event: write them first.
            for binder in [screen, *screen.query("*")]:
                apply_pending = getattr(binder, "apply_pending", None)
                if callable(apply_pending):
                    apply_pending()
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if callable(flush):
                outcome = flush()
                if outcome is not None and not outcome.ok and getattr(screen, "session", None) is not None:
                    if screen.session.dirty:
                        failures.append(outcome.message)
        return failures

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Quitting is switched off on screens that must not be left by accident (private family time)."""
        if action == "quit" and getattr(self.screen, "blocks_quit", False):
            return False
        return super().check_action(action, parameters)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for unexpected errors: save, write a redacted report, let the user carry on.

        Replaces Textual's crash output, which prints local variables (personal data); see ``ui/crash.py``.
        """
        from sdm_facilitator.ui.crash import handle_unexpected_error

        handle_unexpected_error(self, error)

    async def _dispatch_action(self, namespace: object, action_name: str, params: object) -> bool:
        """Run an action; a bug in one is handled like any unexpected error instead of stopping the app."""
        try:
            return await super()._dispatch_action(namespace, action_name, params)  # type: ignore[arg-type]
        except Exception as error:
            from sdm_facilitator.ui.crash import handle_unexpected_error

            handle_unexpected_error(self, error, loop_alive=True)
            return True

    async def action_quit(self) -> None:
        """Save everything, then quit; ask first if anything typed would be lost.

        Pressing ctrl+q again while that question shows quits anyway.
        """
        from sdm_facilitator.ui.dialogs.confirm import Confirm

        if isinstance(self.screen, Confirm) and self.screen.id == QUIT_QUESTION_ID:
            self.exit()
            return
        problems = self.flush_all()
        for screen in self.screen_stack:  # a dialog may sit under its own "discard?" question
            unsaved_text = getattr(screen, "unsaved_text", None)
            if callable(unsaved_text) and unsaved_text():
                problems.append("What you typed in an open dialog has not been added yet.")
                break
        if not problems:
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        question = Confirm("Quit and lose what is not saved?", "\n".join(problems), yes="Quit anyway", no="Stay")
        question.id = QUIT_QUESTION_ID
        self.push_screen(question, answered)

    def action_help_keys(self) -> None:
        """Show every key of the current screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

"""The Textual app: themes, global keys, the command palette and shared services.

Screens get the store and the guide library from the app, so tests can start
the app on any data folder and everything follows.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.messages import ExitApp
from textual.screen import Screen
from textual.widgets import Input

from sdm_facilitator.domain.meeting import utc_now
from sdm_facilitator.domain.summary import MeetingSummary, summarise
from sdm_facilitator.guides.library import GuideLibrary
from sdm_facilitator.paths import user_guides_dir
from sdm_facilitator.storage.index import FileKey, IndexScan, SummaryIndex, index_for
from sdm_facilitator.storage.settings import load_settings
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.contracts import (
    HasPendingValues,
    HoldsTypedText,
    LockScreen,
    MayBlockQuit,
    OffersCommands,
    SavesMeeting,
)
from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.key_order import KeyHandled, KeyOrder
from sdm_facilitator.ui.shutdown import NOT_SAVED, SAVED, SignalExit
from sdm_facilitator.ui.textual_internals import (
    PressesKeysInOrder,
    RoutesUnexpectedErrors,
    stop_reentering_terminal,
    terminal_driver_class,
)
from sdm_facilitator.ui.widgets.high_contrast import HIGH_CONTRAST, high_contrast_theme

if TYPE_CHECKING:
    from sdm_facilitator.storage.session import MeetingSession

QUIT_QUESTION_ID = "quit-question"
# How long after a meeting is closed its row is written to the summary index.
RECORD_AFTER_SECONDS = 0.3


class SdmApp(PressesKeysInOrder, RoutesUnexpectedErrors):
    """sdm-facilitator: prepare, run and follow up family meetings."""

    TITLE = "sdm-facilitator"
    # One stylesheet per area, each beside the screens it styles; the order is
    # the cascade order (later files win ties), with the high-contrast theme last.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
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
        self.store = MeetingStore(data_dir, (user_guides_dir(data_dir),))
        if library is None:
            # Guides from a folder other users can change are not trusted: they could
            # replace a bundled guide. The folder is checked again, with a banner, on mount.
            # The checked library is kept between starts in a trusted folder (``guides/library_cache.py``).
            jurisdiction = load_settings(data_dir)[0].jurisdiction
            if self.store.folder_problems():
                from sdm_facilitator.guides.loader import load_library

                library = load_library(None, jurisdiction=jurisdiction)
            else:
                from sdm_facilitator.guides.library_cache import cached_library

                library = cached_library(
                    data_dir, user_dir=user_guides_dir(data_dir), jurisdiction=jurisdiction
                )
        self.library = library
        if demo:
            self.sub_title = "demo data (fictional)"
        self.register_theme(high_contrast_theme())
        self._summary_index: SummaryIndex | None = None
        #: The look at the meetings folder taken at start, until the home screen's first list takes it.
        self._start_scan: tuple[SummaryIndex, IndexScan] | None = None
        #: Raised whenever the store changes other than by saving an open meeting (a deletion,
        #: an unlock, the demo swapping folders), so the home screen knows to look again.
        self.store_generation = 0
        # Summaries of meetings closed since the home screen last looked (meeting summary, file name).
        self._closed_summaries: list[tuple[MeetingSummary, str]] = []
        from sdm_facilitator.ui.lock_guard import LockGuard

        self.lock_guard = LockGuard(self, clock)
        #: One key at a time, so keys typed in one go reach what the key before them opened.
        self.key_order = KeyOrder(self)
        #: SIGHUP and SIGTERM: save, then exit within seconds (see ``ui/shutdown.py``).
        self.signal_exit = SignalExit()
        #: The driver asked the app to exit (a browser tab closed): saving is under way.
        self._closing_for_driver = False

    def get_driver_class(self) -> type[Driver]:
        """Textual's terminal driver, made safe for a terminal window that closes (``ui/textual_internals.py``)."""
        import os

        safe = None if os.environ.get("TEXTUAL_DRIVER") else terminal_driver_class()
        return safe or super().get_driver_class()

    async def on_mount(self) -> None:
        from sdm_facilitator.storage.startup_checks import folder_read_only_reason

        # One look at the meeting files (a stat of each) for the check for a missing key file and
        # the first list; after an unlock (a passphrase typed) the folder is looked at again.
        files = self.summary_index().meeting_files()
        read_only = folder_read_only_reason(self.store, files, clear_temp_files=False)
        if read_only:
            self.store.refuse_writes(read_only)
        else:
            self.call_after_refresh(self._clear_leftover_temp_files)
        if not self.is_headless:  # tests in this process must keep the usual signal handling
            self.signal_exit.install(self.on_exit_signal, before_save=lambda: stop_reentering_terminal(self))
        from sdm_facilitator.ui.memory_tuning import tune_once_after_first_paint

        # Once the first screen (the list, or the passphrase) has painted: the collector runs again.
        self.call_after_refresh(tune_once_after_first_paint)
        # An encrypted store asks for its passphrase before any meeting is read.
        if not self.lock_guard.unlock_first(self.show_home):
            await self._open_first_screens(files)
        self.lock_guard.start_watching()

    @work(thread=True, exit_on_error=False, group="leftovers")
    def _clear_leftover_temp_files(self) -> None:
        """Crashed writers' temporary files, cleared once the first screen is up (only files old enough
        that no writer can still be using them, ``storage/atomic.py``); failing to clear one is not an error."""
        from sdm_facilitator.storage.leftovers import remove_leftover_temp_files

        with contextlib.suppress(OSError):
            remove_leftover_temp_files(self.data_dir)

    def show_home(self) -> None:
        """Once the store is unlocked: the first screens (scheduled, as the unlock callback is not async)."""
        self.call_later(self._open_first_screens)

    async def _open_first_screens(self, files: dict[str, FileKey] | None = None) -> None:
        """The home screen; after a restart in the room or in private family time, straight back there."""
        from sdm_facilitator.storage.startup_checks import meeting_to_resume

        index = self.summary_index()
        # From the index's head when it matches every file: the rows of the first screen, not 10,000.
        scan = index.start_scan(files)
        resume = meeting_to_resume(index, scan)
        # The home screen's first list reads this same look at the folder (one stat per file at start).
        self._start_scan = (index, scan)
        await self.restore_screens(resume[0] if resume else None, family_time=True)

    async def restore_screens(self, meeting_id: str | None = None, *, family_time: bool = False) -> None:
        """The home screen, then ``meeting_id`` open, then the room or its privacy screen while the meeting runs.

        One batch of screen changes: nothing in between (the meetings list,
        the workspace with names and notes) is ever drawn. Used at start and
        when the screens are rebuilt after an unexpected error.
        """
        from sdm_facilitator.ui.home.home import HomeScreen

        with self.batch_update():
            while len(self.screen_stack) > 1:
                await self.pop_screen()
            await self.push_screen(HomeScreen())
            if meeting_id is None:
                return
            self.open_meeting(meeting_id)
            session = self.screen.session if isinstance(self.screen, SavesMeeting) else None
            if family_time and session is not None and session.meeting.id == meeting_id:
                # The room's screens are imported only when a start goes straight back into the room.
                from sdm_facilitator.domain import meeting_clock as mc
                from sdm_facilitator.ui.room.chair import ChairScreen
                from sdm_facilitator.ui.room.family_time import FamilyTimeScreen

                if mc.family_time_running(session.meeting):
                    await self.push_screen(FamilyTimeScreen(session))
                elif session.meeting.stage == "meeting":
                    await self.push_screen(ChairScreen(session))

    def on_exit_app(self, message: ExitApp) -> None:
        """Asked to exit by the driver, not by ``exit()``: save first, as when a terminal window closes.

        In a browser tab (``sdm-facilitator serve``) Textual's web driver posts
        this when the tab is closed or serve stops, and on SIGINT or SIGTERM in
        place of the app's own handlers; left alone it would end the app with
        the last changes and any text in an open dialog unsaved. ``exit()``
        sets the return code, so the exit that saving ends with passes through.
        """
        if self.return_code is not None:
            return
        message.prevent_default()
        if not self._closing_for_driver:
            self._closing_for_driver = True
            self.call_later(self.save_and_exit)

    def on_exit_signal(self) -> None:
        """SIGHUP or SIGTERM arrived: save and exit once the keys already received are handled."""
        self.call_later(self.save_and_exit)

    async def save_and_exit(self) -> None:
        """The terminal closed or the system is shutting down: save everything, then exit.

        Text in an open dialog is kept as a draft of its meeting (``ui/dialogs/drafts.py``).
        The return code says whether everything reached the disk; the watchdog armed by the
        signal ends the process with it if Textual's own shutdown does not finish in time.
        """
        from sdm_facilitator.ui.dialogs.drafts import keep_drafts

        await self._let_typing_land(timeout=0.5)
        problems = keep_drafts(self)
        problems += self.flush_all()
        code = NOT_SAVED if problems else SAVED
        self.signal_exit.watchdog.saves_done(code)
        self.exit(return_code=code)

    async def on_event(self, event: events.Event) -> None:
        """Every key press and click counts as activity for the idle lock; early keys wait for their dialog."""
        if isinstance(event, (events.Key, events.MouseDown)):
            self.lock_guard.activity()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_order.busy:
                self.key_order.wait(event)  # an earlier key is still on its way (see ``ui/key_order.py``)
            else:
                await self._give_key(event)
            return
        await super().on_event(event)

    async def _give_key(self, event: events.Key) -> None:
        """Give one key to the screen (or to a dialog not ready for it yet) and note where it went."""
        if isinstance(self.screen, HoldsEarlyKeys) and self.screen.hold_key(event):
            return  # given to the dialog, in order, once a field of it has the focus
        target = self.focused or self.screen
        await super().on_event(event)
        if event.is_forwarded:
            self.key_order.sent(target)

    async def keys_given_out(self) -> None:
        """Wait until every key held back for its turn has been handled (a test's ``press`` waits for it)."""
        await self.key_order.idle()

    async def on_key_handled(self, message: KeyHandled) -> None:
        """The key before has been dealt with: give out the waiting keys, one at a time."""
        message.stop()
        order = self.key_order
        following = order.handled(message.serial) if message.serial else order.next_after_lost_marker()
        while following is not None:
            await self._give_key(following)
            if order.in_flight:
                return  # this one travels: the rest wait for its marker
            # Handled where it landed (a priority binding, or held by a dialog): on to the next.
            following = order.next_after_lost_marker()

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
        yield SystemCommand(
            "Where the data is",
            "Every folder and file the app uses (as sdm-facilitator locate)",
            self.action_locate,
        )
        if not isinstance(screen, LockScreen):
            yield SystemCommand(
                "Retention review", "Closed meetings past the retention period", self.action_retention
            )
            if self.lock_guard.active and not (isinstance(screen, MayBlockQuit) and screen.blocks_quit):
                yield SystemCommand("Lock now", "Back to the passphrase screen", self.lock_guard.lock)
        if isinstance(screen, OffersCommands):
            yield from screen.palette_commands()

    def action_locate(self) -> None:
        """Show every path the app uses."""
        from sdm_facilitator.ui.dialogs.locations import LocationsDialog

        self.push_screen(LocationsDialog(self.data_dir))

    def action_retention(self) -> None:
        """Open the retention review."""
        from sdm_facilitator.ui.home.retention import RetentionScreen

        self.push_screen(RetentionScreen())

    def today(self) -> date:
        """Today's date in local time, from the app's clock."""
        return self.clock().astimezone().date()

    def note_store_changed(self) -> None:
        """Files changed, or can now be read, other than by saving the open meeting: lists must look again.

        A meeting read ahead of its open is dropped too: after a deletion its record is not kept in memory.
        """
        self.store_generation += 1
        self.store.read_ahead.forget()

    def summary_index(self) -> SummaryIndex:
        """The summary index of the current store (the demo swaps the store), read with this app's guides."""
        if self._summary_index is None or self._summary_index.store is not self.store:
            self._summary_index = index_for(self.store, self.library)
        return self._summary_index

    def take_start_scan(self, index: SummaryIndex) -> IndexScan | None:
        """The look at ``index``'s folder taken at start, once (later lists look again)."""
        taken, self._start_scan = self._start_scan, None
        return taken[1] if taken is not None and taken[0] is index else None

    def meeting_closed(self, session: MeetingSession) -> None:
        """A meeting was saved and closed: the home screen shows its new row, the index gets it in the background.

        The summary is worked out now, from the record exactly as last saved,
        so it can only hold what the file holds.
        """
        opened = session.opened
        index = self.summary_index()
        if opened.read_only or opened.fingerprint is None or session.dirty:
            return
        summary = summarise(session.meeting, index.guide_for(session.meeting), index.law)
        self._closed_summaries.append((summary, opened.path.name))
        if opened.path.parent == self.store.folder:
            sha256 = opened.fingerprint.sha256

            def record() -> None:
                self.run_worker(
                    lambda: index.record(opened.path.name, session.meeting, sha256),
                    thread=True,
                    group="summary-index-record",
                )

            # After the home screen has drawn its updated row: the index is a cache and can wait.
            self.set_timer(RECORD_AFTER_SECONDS, record)

    def take_closed_meetings(self) -> list[tuple[MeetingSummary, str]]:
        closed, self._closed_summaries = self._closed_summaries, []
        return closed

    def open_meeting(self, meeting_id: str) -> None:
        """Open a meeting in the workspace, read-only if another copy holds it."""
        from sdm_facilitator.storage.session import MeetingSession
        from sdm_facilitator.storage.store import StoreError
        from sdm_facilitator.ui.workspace.screen import MeetingScreen

        try:
            opened = self.store.open(meeting_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open this meeting", severity="error", markup=False)
            return
        from sdm_facilitator.ui.dialogs.drafts import offer_drafts

        guide = self.library.get(opened.meeting.guide_id) or self.library.for_kind(opened.meeting.kind)
        session = MeetingSession(self.store, opened, guide)
        self.push_screen(MeetingScreen(session))
        offer_drafts(self, session)  # text typed in a dialog when the app was last stopped

    def flush_all(self) -> list[str]:
        """Save every open meeting now (before quitting, or after an error).

        Returns the reasons for any meeting whose latest changes could not be saved.
        """
        failures = []
        for screen in self.screen_stack:
            # Values typed a moment ago may still wait in a change event: write them first.
            for binder in [screen, *screen.query("*")]:
                if isinstance(binder, HasPendingValues):
                    binder.apply_pending()
        for screen in self.screen_stack:
            if isinstance(screen, SavesMeeting):
                outcome = screen.flush()
                if not outcome.ok and screen.session.dirty:
                    failures.append(outcome.message)
        return failures

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """A field left with a long value shows its beginning, not its last letters."""
        widget = event.widget
        if isinstance(widget, Input) and widget.is_mounted:
            widget.scroll_to(x=0, animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Quitting is switched off on screens that must not be left by accident (private family time)."""
        if action == "quit" and isinstance(self.screen, MayBlockQuit) and self.screen.blocks_quit:
            return False
        return super().check_action(action, parameters)

    def unexpected_error(self, error: Exception, *, loop_alive: bool) -> None:
        """An error nobody caught, in a handler or an action: save, write a redacted report, carry on.

        Replaces Textual's crash output, which prints local variables (personal data); see ``ui/crash.py``.
        """
        from sdm_facilitator.ui.crash import handle_unexpected_error

        handle_unexpected_error(self, error, loop_alive=loop_alive)

    async def action_quit(self) -> None:
        """Save everything, then quit; ask first if anything typed would be lost.

        Pressing ctrl+q again while that question shows quits anyway.
        """
        from sdm_facilitator.ui.dialogs.confirm import Confirm

        if isinstance(self.screen, Confirm) and self.screen.id == QUIT_QUESTION_ID:
            self.exit()
            return
        await self._let_typing_land()
        problems = self.flush_all()
        for screen in self.screen_stack:  # a dialog may sit under its own "discard?" question
            if isinstance(screen, HoldsTypedText) and screen.unsaved_text():
                problems.append("What you typed in an open dialog has not been added yet.")
                break
        if not problems:
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        question = Confirm(
            "Quit and lose what is not saved?", "\n".join(problems), yes="Quit anyway", no="Stay"
        )
        question.id = QUIT_QUESTION_ID
        self.push_screen(question, answered)

    async def _let_typing_land(self, timeout: float = 1.0) -> None:
        """Wait until keys typed just before ctrl+q have reached the field they were typed into.

        ctrl+q is handled by the app as soon as it arrives, but the keys before
        it in the same burst (type-ahead, a paste) are still queued at the
        focused field. A callback queued behind them runs once they are in.
        """
        focused = self.screen.focused
        if focused is None:
            return
        landed = asyncio.Event()
        focused.call_later(landed.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(landed.wait(), timeout=timeout)

    def action_help_keys(self) -> None:
        """Show every key of the current screen, the ones that do something here first."""
        from sdm_facilitator.ui.widgets.keys_panel import KeysPanel

        shown = self.screen.query(KeysPanel)
        if shown:
            shown.remove()
        else:
            self.screen.mount(KeysPanel())

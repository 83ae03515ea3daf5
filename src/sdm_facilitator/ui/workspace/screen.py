"""The meeting workspace: a side list of sections and the section being worked on.

This screen owns saving: any widget that changes the meeting posts
``MeetingEdited``; the screen saves within a second (debounced), shows a quiet
indicator, and saves again before it is left or the app quits. If a save fails
the text stays on screen and the reason is shown.

Keys: the side list moves between sections (enter goes into one), Escape steps
back out (from a field to the side list, from the side list to the meetings),
F2 jumps to the side list from anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, OptionList, Static, TextArea
from textual.widgets.data_table import RowDoesNotExist
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import WorkerCancelled, WorkerFailed

from sdm_facilitator.domain.closure import closure_words
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.vocabulary import MEETING_KIND_LABELS, STAGE_LABELS
from sdm_facilitator.storage.session import MeetingSession, SaveOutcome
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import FocusesFirst, FocusesStep, OffersCommands, RefreshesFromMeeting
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.messages import MeetingEdited, SaveFinished
from sdm_facilitator.ui.textual_internals import rewrap, withdraw_notification
from sdm_facilitator.ui.widgets.literal import literal
from sdm_facilitator.ui.widgets.palette import binding_commands
from sdm_facilitator.ui.workspace.catalogue import all_sections
from sdm_facilitator.ui.workspace.section import Section

if TYPE_CHECKING:
    from datetime import datetime

    from sdm_facilitator.export.paper_catalogue import ExportOptions
    from sdm_facilitator.ui.dialogs.export import ExportRequest
    from sdm_facilitator.ui.dialogs.handover import HandoverRequest

SAVE_DELAY_SECONDS = 0.5
#: However steadily someone types, what they typed is on disk within this long:
#: the save waits for a pause, but never longer than this after the first unsaved change.
MAX_SAVE_DELAY_SECONDS = 2.0
SAVE_RETRY_SECONDS = 5.0
#: How long "Exported" shows: long enough to read one short line, gone before the next task.
EXPORTED_SECONDS = 6.0
# The shortest timer we ask Textual for (see on_meeting_edited).
MIN_TIMER_SECONDS = 0.001


class MeetingScreen(Screen[None]):
    """Everything about one meeting, section by section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        # F2 is in ? and the palette: the footer keeps its room for the section's own keys at 80 columns.
        Binding("f2", "focus_sections", "Sections", show=False),
        # part 2a: the chair's view in the room (private family time opens from there).
        Binding("m", "in_the_room", "In the room"),
        Binding("ctrl+o", "export", "Export / print", show=False),
        Binding("ctrl+s", "save_now", "Save", show=False),
        Binding("ctrl+k", "close_or_reopen", "Close or reopen", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.sections: list[Section] = all_sections(session.meeting.kind)
        self._save_timer: Timer | None = None
        #: When the oldest change not yet saved was made (monotonic seconds), or None.
        self._unsaved_since: float | None = None
        self._editing_shown = False
        self._notice: str | None = None
        self._session_closed = False
        #: Sections being mounted now, so a second request waits for the same widget.
        self._mounting: dict[str, asyncio.Future[None]] = {}
        #: The section built in ``compose`` until it is first brought forward (``_bring_forward``).
        self._built_in_compose: set[str] = set()
        #: The last "saved ... to ..." line, for whoever needs to read it again.
        self.last_export_message = ""
        self._exported_note: Notification | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="banner", markup=False)
        with Horizontal(id="workspace"):
            yield OptionList(*self._section_options(), id="sections")
            # Sections are built when first shown, so a meeting opens quickly.
            with ContentSwitcher(
                id="section-content", initial=self.sections[0].id if self.sections else None
            ):
                if self.sections:
                    yield self._build(self.sections[0])
                    # It fills itself when mounted: the first highlight of it need not fill it again.
                    self._built_in_compose.add(self.sections[0].id)
        yield Static(id="save-indicator", markup=False)
        yield Footer(compact=True)

    def _section_options(self) -> list[Option]:
        options: list[Option] = []
        group = None
        for section in self.sections:
            if section.group != group:
                group = section.group
                options.append(Option(Content.styled(group, "bold dim"), disabled=True, id=f"group-{group}"))
            options.append(Option(Content(section.title), id=section.id))
        return options

    def _update_titles(self) -> None:
        """Family label, kind and stage in the header; the stage moves as the meeting does."""
        m = self.session.meeting
        self.title = one_line(m.family_label, 50) or "Meeting"
        kind = MEETING_KIND_LABELS.get(m.kind, m.kind)
        self.sub_title = f"{kind} · {STAGE_LABELS.get(m.stage, m.stage)}{jurisdiction_words(self)}"

    def on_screen_resume(self) -> None:
        """Back from the chair's view or family time: the stage may have moved on."""
        self._update_titles()

    def on_mount(self) -> None:
        self._update_titles()
        self._show_banner()
        self.query_one("#save-indicator", Static).update("")
        options = self.query_one("#sections", OptionList)
        if self.sections:
            options.highlighted = options.get_option_index(self.sections[0].id)
        options.focus()

    def _show_banner(self, extra: str | None = None) -> None:
        banner = self.query_one("#banner", Static)
        text = extra or self.session.read_only_reason
        banner.display = bool(text)
        if text:
            banner.update(literal(f"Read-only: {text}" if not extra else text))

    # ------------------------------------------------------------ sections

    @property
    def current_section(self) -> Widget | None:
        switcher = self.query_one("#section-content", ContentSwitcher)
        return switcher.visible_content

    @on(OptionList.OptionHighlighted, "#sections")
    async def _switch_section(self, event: OptionList.OptionHighlighted) -> None:
        # Awaited: the Enter that may follow is handled after this, so the section exists by then.
        if event.option.id and not event.option.disabled:
            await self._bring_forward(event.option.id)

    @on(OptionList.OptionSelected, "#sections")
    async def _enter_section(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and not event.option.disabled:
            await self._bring_forward(event.option.id)
        # Not awaited here: the layout is done by this screen's own message loop, which this
        # handler is part of. Focus goes in once the section is laid out.
        self.call_after_refresh(self._focus_into_section)

    def _build(self, section: Section) -> Widget:
        widget = section.build(self.session)
        widget.id = section.id
        return widget

    async def section_widget(self, section_id: str) -> Widget | None:
        """The widget of ``section_id``, built and mounted (children composed) if it was not shown yet."""
        switcher = self.query_one("#section-content", ContentSwitcher)
        found = switcher.query_children(f"#{section_id}")
        if found:
            return found.first()
        pending = self._mounting.get(section_id)
        if pending is not None:  # asked for again while it is being mounted: the same widget
            await pending
            return switcher.query_children(f"#{section_id}").first()
        section = next((s for s in self.sections if s.id == section_id), None)
        if section is None:
            return None
        widget = self._build(section)
        # Awaiting the mount waits until the section has composed its widgets and run its
        # own on_mount (which fills its tables): nothing can look for them before they exist.
        mounted = asyncio.get_running_loop().create_future()
        self._mounting[section_id] = mounted
        try:
            await switcher.mount(widget)
        finally:
            del self._mounting[section_id]
            mounted.set_result(None)
        return widget

    async def _bring_forward(self, section_id: str) -> Widget | None:
        switcher = self.query_one("#section-content", ContentSwitcher)
        existed = bool(switcher.query_children(f"#{section_id}"))
        widget = await self.section_widget(section_id)
        if widget is None:
            return None
        if switcher.current != section_id:
            switcher.current = section_id
        just_built = section_id in self._built_in_compose
        self._built_in_compose.discard(section_id)
        if existed and not just_built and widget.is_mounted and isinstance(widget, RefreshesFromMeeting):
            widget.refresh_from_meeting()
        return widget

    async def _after_layout(self) -> None:
        """Wait until the screen has laid out what was just mounted or shown.

        Focus scrolls the section to the focused field; done before the layout,
        it scrolls by where things were, which on a busy machine is not where
        they end up.
        """
        laid_out = asyncio.Event()
        self.call_after_refresh(laid_out.set)
        await laid_out.wait()

    def _focus_into_section(self) -> None:
        widget = self.current_section
        if widget is None:
            return
        if isinstance(widget, FocusesFirst):
            target = widget.first_focus_target()
        else:
            target = next((child for child in widget.query("*") if child.focusable), None)
        if target is not None:
            self._focus_and_show(widget, target)

    def _focus_and_show(self, section: Widget, target: Widget) -> None:
        """Focus ``target`` and scroll so the section shows from its top where the target fits there.

        Textual would centre a focused widget (later, in its own callback); a section
        entered should instead show its title, and the same picture every time.
        """
        for text_area in section.query(TextArea):
            rewrap(text_area)
        target.focus(scroll_visible=False)
        section.scroll_home(animate=False, immediate=True)
        target.scroll_visible(animate=False, immediate=True)

    def show_section(self, section_id: str, focus_ref: str = "", *, enter: bool = True) -> AwaitComplete:
        """Bring ``section_id`` to the front, as if chosen in the side list, and go into it.

        With ``enter`` false the section is shown but the side list keeps the
        focus: after another screen closes (family time ending), the next key
        must not land in a text field and change the family's words.

        The work starts at once; await the result to know the section is built,
        laid out and focused.
        """
        worker = self.run_worker(
            self._go_to_section(section_id, focus_ref, enter=enter), group="show-section", exclusive=True
        )

        async def finished() -> None:
            # A failure is reported by the worker itself (as any unexpected error); a newer
            # request cancels an older one, which is what a person moving on expects.
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()

        return AwaitComplete(finished())

    async def _go_to_section(self, section_id: str, focus_ref: str, *, enter: bool) -> None:
        options = self.query_one("#sections", OptionList)
        try:
            index = options.get_option_index(section_id)
        except OptionDoesNotExist:
            self.notify("That part of the meeting is not in this workspace.", markup=False)
            return
        # Mount first, then move the highlight: the highlight's own handler then finds it built.
        await self._bring_forward(section_id)
        options.highlighted = index
        await self._after_layout()
        if not enter:
            options.focus()
            return
        self._focus_ref(focus_ref)

    def _focus_ref(self, ref: str) -> None:
        widget = self.current_section
        if widget is None:
            return
        self._focus_into_section()
        if not ref:
            return
        if isinstance(widget, FocusesStep):
            widget.focus_step(ref)
            return
        for table in widget.query(DataTable):
            try:
                row = table.get_row_index(ref)
            except RowDoesNotExist:
                continue
            table.move_cursor(row=row)
            table.focus()
            return
        for child in widget.query(f"#child-{ref} Input"):
            child.focus()
            return

    # ------------------------------------------------------------ saving

    def on_meeting_edited(self, _message: MeetingEdited) -> None:
        """Schedule a save shortly after the last change."""
        if self.session.read_only:
            return
        self.session.mark_changed()
        if not self._editing_shown:
            self._editing_shown = True
            self.query_one("#save-indicator", Static).update("editing…")
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if self._save_timer is not None:
            self._save_timer.stop()
        # Saved after a pause in typing, and at least every MAX_SAVE_DELAY_SECONDS while it goes on.
        delay = min(SAVE_DELAY_SECONDS, self._unsaved_since + MAX_SAVE_DELAY_SECONDS - now)
        # Never a zero delay: Textual's timer divides by its interval when it
        # runs late, so a due save is scheduled a millisecond ahead instead.
        self._save_timer = self.set_timer(max(delay, MIN_TIMER_SECONDS), self._save_in_background)

    def _save_in_background(self) -> None:
        """The save after a pause in typing: written on the session's writer thread, so typing never waits."""
        self._save_timer = None
        self._unsaved_since = None

        def done(outcome: SaveOutcome) -> None:
            # Never waits for the app (see SaveFinished); dropped quietly once the screen is gone.
            self.post_message(SaveFinished(outcome))

        self.session.save_in_background(sdm_app(self).clock(), done)

    def on_save_finished(self, message: SaveFinished) -> None:
        self._show_outcome(message.outcome)

    def flush(self) -> SaveOutcome:
        """Save now if anything changed (after any save still being written), and show the outcome.

        A failed save keeps the text in memory, says why, and tries again a
        few seconds later (a full disk or an unplugged drive may come back).
        """
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._unsaved_since = None
        outcome = self.session.save(now=sdm_app(self).clock())
        self._show_outcome(outcome)
        return outcome

    def _show_outcome(self, outcome: SaveOutcome) -> None:
        if not self.is_attached:
            return
        self._editing_shown = False
        indicator = self.query_one("#save-indicator", Static)
        self._update_titles()
        if outcome.ok:
            when = self.session.last_saved
            indicator.update(f"✓ saved {when.astimezone():%H:%M:%S}" if when else "")
            indicator.remove_class("error")
            if outcome.notice:
                self._notice = outcome.notice
                self.notify(
                    outcome.notice,
                    title="Saved to a conflict copy",
                    severity="warning",
                    markup=False,
                    timeout=20,
                )
            # Clear an earlier "not saved" message; keep read-only and conflict notices.
            self._show_banner(self._notice)
        else:
            indicator.update(Content(f"✗ {outcome.message}"))
            indicator.add_class("error")
            self._show_banner(outcome.message)
            if self.session.dirty and self._save_timer is None:
                self._save_timer = self.set_timer(SAVE_RETRY_SECONDS, self.flush)

    def on_screen_suspend(self) -> None:
        """Another screen covers this one (a dialog, another meeting): save what is pending now.

        The "Exported" note goes too: it would cover the next screen's help and buttons
        (the who-is-here help in the room, the "Replace?" question's buttons).
        """
        self._withdraw_exported()
        if self.session.dirty:
            self.flush()

    def _show_exported(self, message: str) -> None:
        """Say briefly where the paper went: a few seconds, and only while this screen shows."""
        self._withdraw_exported()
        self._exported_note = Notification(message, "Exported", "information", EXPORTED_SECONDS, markup=False)
        self.app.post_message(Notify(self._exported_note))

    def _withdraw_exported(self) -> None:
        if self._exported_note is not None:
            withdraw_notification(self.app, self._exported_note)
            self._exported_note = None

    def action_save_now(self) -> None:
        self.flush()

    # ------------------------------------------------------------ moving around

    def action_focus_sections(self) -> None:
        self.query_one("#sections", OptionList).focus()

    def action_back(self) -> None:
        """Step out: from a field to the side list; from the side list back to the meetings."""
        focused = self.focused
        options = self.query_one("#sections", OptionList)
        if focused is not None and focused is not options:
            section = self.current_section
            # From a note inside a step (or any field inside a focusable row), back to that row first.
            for ancestor in focused.ancestors:
                if ancestor is section or not isinstance(ancestor, Widget):
                    break
                if ancestor.focusable:
                    ancestor.focus()
                    return
            options.focus()
            return
        self.action_close_meeting()

    def action_close_meeting(self) -> None:
        """Save, release the meeting and go back to the list; ask first if the save failed."""
        outcome = self.flush()
        if outcome.ok or not self.session.dirty:
            self._leave()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self._leave()

        self.app.push_screen(
            Confirm(
                "Your latest changes are not saved.",
                f"{outcome.message}\n\nStay, and it keeps trying to save; or leave, and the changes "
                "since the last save are lost.",
                yes="Leave without saving",
                no="Stay",
            ),
            answered,
        )

    def _leave(self) -> None:
        self._close_session()
        self.app.pop_screen()

    def _close_session(self) -> None:
        if not self._session_closed:
            self._session_closed = True
            self.session.close()
            sdm_app(self).meeting_closed(self.session)

    def on_unmount(self) -> None:
        self._close_session()

    def action_in_the_room(self, family_time: bool = False) -> None:
        """Save, then open the chair's view (part 2a); with ``family_time``, offer to start it."""
        from sdm_facilitator.ui.room.chair import ChairScreen

        self.flush()
        chair = ChairScreen(self.session)
        self.app.push_screen(chair)
        if family_time:
            chair.call_after_refresh(chair.action_family_time)

    def action_close_or_reopen(self) -> None:
        """Close the referral or the work with a reason, or reopen it (asks first)."""
        if self.session.read_only:
            self.notify("This meeting is open read-only.", severity="warning", markup=False)
            return
        from sdm_facilitator.ui.dialogs.outcome_dialogs import ask_close_or_reopen

        def apply(change: Callable[[Meeting], None]) -> None:
            change(self.session.meeting)
            self.post_message(MeetingEdited())
            self.notify(closure_words(self.session.meeting) or "Reopened.", markup=False)

        ask_close_or_reopen(self.app, self.session.meeting, apply)

    # ------------------------------------------------------------ handing over

    def action_hand_over(self) -> None:
        """Hand this meeting (and its reviews) to a colleague in one encrypted file; this copy goes read-only."""
        if self.session.read_only:
            self.notify("This meeting is open read-only.", severity="warning", markup=False)
            return
        import getpass

        from sdm_facilitator.export.files import default_export_dir
        from sdm_facilitator.ui.dialogs.handover import HandoverDialog

        self.flush()
        try:
            login = getpass.getuser()
        except (KeyError, OSError):
            login = ""
        now = sdm_app(self).clock()

        def commit(request: HandoverRequest) -> str:
            return self._hand_over(request, now)

        def done(line: str | None) -> None:
            if line:
                self.notify(line, title="Handed over", markup=False, timeout=15)
                self._show_banner()

        self.app.push_screen(HandoverDialog(default_export_dir(sdm_app(self).data_dir), login, commit), done)

    def _hand_over(self, request: HandoverRequest, now: datetime) -> str:
        """Write the handover file (on the dialog's thread) and say what was written."""
        from sdm_facilitator.storage.handover import hand_over_opened, linked_reviews
        from sdm_facilitator.storage.store import OpenMeeting

        store = self.session.store
        reviews: list[OpenMeeting] = []
        try:
            if request.with_reviews:
                reviews = [
                    store.open(review_id) for review_id in linked_reviews(store, self.session.meeting.id)
                ]
            result = hand_over_opened(
                store,
                [self.session.opened, *reviews],
                by=request.by,
                to=request.to,
                output=request.output,
                seal=request.seal,
                now=now,
            )
        finally:
            for review in reviews:
                store.close(review)
        count = len(result.meeting_ids)
        what = "this meeting" if count == 1 else f"this meeting and {count - 1} review(s)"
        return (
            f"Wrote {result.path} with {what} for {one_line(request.to, 40)}. This copy is now read-only; "
            "delete it once your colleague has imported it."
        )

    # ------------------------------------------------------------ papers

    def action_export(self) -> None:
        """Ask which paper to write and where, then write it (the plan is offered first)."""
        from sdm_facilitator.domain.plan_safety import plan_findings
        from sdm_facilitator.export.files import default_export_dir
        from sdm_facilitator.export.paper_catalogue import ExportOptions
        from sdm_facilitator.ui.dialogs.export import ExportDialog
        from sdm_facilitator.ui.paper_delivery import delivers_downloads

        self.flush()
        app = self.app
        folder = default_export_dir(sdm_app(app).data_dir)
        library = sdm_app(app).library
        findings = plan_findings(self.session.meeting, library.plan_check_words)
        dialog = ExportDialog(
            self.session.meeting,
            self.session.guide,
            folder,
            library.language_hints,
            findings,
            words=self._paper_words(ExportOptions()),
            downloads=delivers_downloads(app),
        )
        app.push_screen(dialog, self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        from sdm_facilitator.ui.paper_delivery import delivers_downloads

        if request is None:
            return
        # In a browser tab nothing is written at the path, so there is nothing to replace.
        if request.path.exists() and not delivers_downloads(self.app):

            def answered(replace: bool | None) -> None:
                if replace:
                    self._write_export(request, replace=True)

            self.app.push_screen(
                Confirm(
                    f"{request.path} already exists.",
                    "Replace it with this paper?",
                    yes="Replace",
                    no="Keep it",
                ),
                answered,
            )
            return
        self._write_export(request, replace=False)

    def _paper_words(self, options: ExportOptions) -> ExportOptions:
        """``options`` with the organisation's (or bundled) wordings, law and the area's setting.

        The export dialog's preview and the paper it writes read the same words.
        """
        from sdm_facilitator.paths import user_guides_dir
        from sdm_facilitator.storage.settings import load_settings

        library = sdm_app(self).library
        data_dir: Path = sdm_app(self).data_dir
        return dataclasses.replace(
            options,
            conference_wording=library.conference_wording,
            child_wording=library.child_plan_wording,
            network_finding=library.network_finding,
            law=library.profile_law(),
            challenge_words=load_settings(data_dir)[0].challenge_words,
            translations_dir=user_guides_dir(data_dir),
        )

    def _write_export(self, request: ExportRequest, *, replace: bool) -> None:
        """Write the paper; say in one line where it went; record who got it when the coordinator says it was sent."""
        from sdm_facilitator.export.files import default_export_dir, ensure_export_dir, write_export
        from sdm_facilitator.export.paper_catalogue import PaperError, export_meeting, paper_name
        from sdm_facilitator.ui.paper_delivery import deliver_paper, delivered_words, delivers_downloads

        meeting = self.session.meeting
        data_dir: Path = sdm_app(self).data_dir
        refused = sdm_app(self).store.writes_refused()
        # In a browser tab (sdm-facilitator serve) the paper becomes a download and nothing is written here.
        download = delivers_downloads(self.app)
        if refused and not download and request.path.resolve().is_relative_to(data_dir.resolve()):
            # Read-only means nothing is written into the data folder, a paper or its record included.
            self.notify(
                f"Nothing is written into this data folder: {refused} Choose a place outside it.",
                title="Nothing written",
                severity="warning",
                markup=False,
            )
            return
        try:
            options = self._paper_words(request.options)
            exported = export_meeting(meeting, self.session.guide, request.kind, request.fmt, options)
            if download:
                deliver_paper(self.app, request.path.name, exported.data)
            else:
                if request.path.parent == default_export_dir(data_dir):
                    ensure_export_dir(request.path.parent)
                write_export(
                    request.path,
                    exported.data,
                    replace=replace,
                    record_for=None if refused else (data_dir, meeting.id),
                )
        except PaperError as error:
            self.notify(str(error), title="Nothing written", severity="warning", markup=False)
            return
        except OSError as error:
            self.notify(
                f"Could not write {request.path}: {error.strerror or error}",
                title="Nothing written",
                severity="error",
                markup=False,
            )
            return
        name = paper_name(meeting, request.kind, include_notes=request.include_notes)
        if download:
            message = delivered_words(name, request.path.name)
        else:
            message = f"Saved {name} to {request.path}. It is yours to keep safe now."
        if exported.note:
            message = f"{message} {exported.note}"
        if exported.language_note:
            message = f"{message} {exported.language_note}"
        self.last_export_message = message
        # The short note on screen: in a browser tab nothing was saved here, the browser has it.
        if download:
            short = f"Sent {name} to your browser as a download, {request.path.name}."
        else:
            short = f"Saved {name} as {request.path.name}. Keep it safe."
        self._show_exported(short + (f" {exported.note}" if exported.note else ""))
        if request.sent is not None and not self.session.read_only:
            self._record_sent(request)

    def _record_sent(self, request: ExportRequest) -> None:
        """Add the paper to who got which paper, dated today, as the coordinator said in the dialog."""
        from sdm_facilitator.domain.distribution import record_sent

        assert request.sent is not None
        paper = "plan-notes" if request.kind == "plan" and request.include_notes else request.kind
        sent = request.sent
        record_sent(
            self.session.meeting.papers_sent,
            paper,
            sdm_app(self).today(),
            sent.how,
            person_id=sent.person_id,
            recipient=sent.recipient,
        )
        self.post_message(MeetingEdited())
        if isinstance(self.current_section, RefreshesFromMeeting):
            self.current_section.refresh_from_meeting()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """This screen's commands: every section, the keys in the footer, and the section's own."""
        yield SystemCommand("Back to the list of meetings", "Saves first", self.action_close_meeting)
        closed = self.session.meeting.closure.is_closed
        yield SystemCommand(
            "Reopen this meeting" if closed else "Close this referral or meeting…",
            "ctrl+k; asks first, and can be undone",
            self.action_close_or_reopen,
        )
        if not self.session.read_only:
            yield SystemCommand(
                "Hand over this meeting to a colleague…",
                "One encrypted file for them to import; this copy becomes read-only",
                self.action_hand_over,
            )
        for section in self.sections:
            yield SystemCommand(
                f"Go to: {section.title}",
                f"{section.group} section",
                lambda s=section.id: self.show_section(s),
            )
        widget = self.current_section
        # The section's footer keys are offered wherever the focus is in it.
        section_nodes = [widget, *widget.query("*")] if widget is not None else []
        yield from binding_commands(self, also=section_nodes)
        yield SystemCommand(
            "In the room: start private family time",
            "The privacy screen, from the chair's view",
            lambda: self.action_in_the_room(family_time=True),
        )
        if isinstance(widget, OffersCommands):
            yield from widget.palette_commands()


def jurisdiction_words(node: DOMNode) -> str:
    """`` · Wales`` in the header when the guides name another jurisdiction's law than England's.

    England is the default and says nothing; a profile that could not be used is named, so a
    coordinator never reads the guides believing they name their own law.
    """
    from sdm_facilitator.domain.jurisdiction import DEFAULT_JURISDICTION

    library = sdm_app(node).library
    if library.jurisdiction_problems:
        return f" · no usable '{one_line(library.jurisdiction_id, 20)}' profile"
    if library.jurisdiction is None or library.jurisdiction.id == DEFAULT_JURISDICTION:
        return ""
    return f" · {one_line(library.jurisdiction.title, 30)}"

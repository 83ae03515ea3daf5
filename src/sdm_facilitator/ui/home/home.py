"""The home screen: every meeting, newest activity first, and files that could not be read.

Type to filter (or press /), Enter opens, n starts a new meeting. Closed
meetings leave the list; f3 switches to them and back. Delete removes the
highlighted meeting after a question (``ui/delete_flow.py``). Files that
could not be read, copies of a meeting, and guide problems are listed under
the table with their reasons: never silently hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.schedule import next_due
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS, MEETING_KIND_LABELS, STAGE_LABELS
from sdm_facilitator.storage.store import StoreListing
from sdm_facilitator.ui.session import MeetingSession
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable
from sdm_facilitator.ui.widgets.literal import literal_cell
from sdm_facilitator.ui.widgets.palette import binding_commands

SHORT_KINDS = {
    "fgc": "FGC",
    "fgdm": "FGDM",
    "family-unity": "Family unity",
    "cp-conference": "CP conference",
    "cin-meeting": "Child in need",
    "review": "Review",
}
SHORT_STAGES = {
    "preparation": "Preparation",
    "meeting": "Meeting now",
    "family_time": "Family time",
    "follow_up": "Follow-up",
}
#: The family label takes the spare width; before it is cut, the context goes, then the
#: next due (both are in the detail under the list, with the readiness uncut). Kind and stage stay.
MEETING_COLUMNS = (
    FitColumn("Family", "family", flex=True, min_width=16, wanted_width=20),
    FitColumn("Kind", "kind"),
    FitColumn("Context", "context", drop=1),
    FitColumn("Stage", "stage"),
    FitColumn("Date", "date"),
    FitColumn("Next due", "due", max_width=20, drop=2),
    FitColumn("Readiness", "ready", max_width=22),
)


@dataclass(frozen=True)
class Row:
    """One meeting as the home screen shows it."""

    meeting: Meeting
    guide: Guide | None
    due_text: str
    readiness_text: str
    overdue: bool
    search: str
    when_text: str


def short_date(day: date | None, today: date) -> str:
    if day is None:
        return "-"
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %y}"


def date_cell(meeting: Meeting, today: date) -> str:
    """The meeting's day for the list: the day it was held once it has started, else the planned day.

    A meeting held earlier than planned must not show the planned day.
    """
    return short_date(meeting.held_on, today)


def evidence_line(meeting: Meeting, guide: Guide | None, app: object) -> str:
    """The detail's last line: closed (and why), then the fidelity markers at a glance."""
    from sdm_facilitator.domain.closure import closure_words
    from sdm_facilitator.domain.fidelity import fidelity_profile

    profile = fidelity_profile(meeting, guide, app.today())  # type: ignore[attr-defined]
    closed = closure_words(meeting)
    return (f"{closed} · " if closed else "") + f"Fidelity: {profile.summary()}"


def build_row(meeting: Meeting, guide: Guide | None, today: date) -> Row:
    due = next_due(meeting, guide)
    ready = readiness(meeting, guide, today)
    if due is None:
        due_text = "-"
    else:
        mark = "✗ " if due.overdue(today) else ""
        due_text = f"{mark}{short_date(due.due, today)} {one_line(due.label, 60)}"
    search = " ".join(
        (
            meeting.family_label,
            MEETING_KIND_LABELS.get(meeting.kind, meeting.kind),
            SHORT_KINDS.get(meeting.kind, ""),
            meeting.context,
            STAGE_LABELS.get(meeting.stage, meeting.stage),
            *(c.name for c in meeting.children),
        )
    ).lower()
    return Row(meeting, guide, due_text, ready.summary(), bool(ready.overdue), search, ready.when_words())


def when_words(meeting: Meeting) -> str:
    """The meeting's day for the detail line: when it was held, or when it is planned."""
    started = meeting.record.started
    if started is not None:
        return f"held {started.astimezone():%a %d %b %Y %H:%M}"
    when = meeting.choices.when
    return f"planned for {when:%a %d %b %Y %H:%M}" if when else "no date yet"


class MeetingTable(FittedTable):
    """The list of meetings; Enter opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Open")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(MEETING_COLUMNS, **kwargs)


class HomeScreen(Screen[None]):
    """The list of meetings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_meeting", "New meeting"),
        Binding("slash", "filter", "Filter"),
        Binding("f5", "refresh", "Refresh", show=False),  # in ? and the palette: the footer fits 80 columns
        Binding("ctrl+r", "report", "Report"),
        Binding("ctrl+k", "close_or_reopen", "Close or reopen", show=False),
        # Not in the footer (80 columns are full); in the palette and the ? list.
        Binding("f3", "toggle_closed", "Closed meetings", show=False),
        Binding("delete", "delete_meeting", "Delete", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.listing = StoreListing()
        # False: the meetings being worked on; True: the closed ones.
        self.show_closed = False

    def compose(self) -> ComposeResult:
        yield Header()
        # Why nothing can be saved here (a folder others can change, or a read-only one).
        yield Static("", id="folder-banner", markup=False)
        yield Input(id="filter", placeholder="Type to filter by family, child, kind or stage (/)", compact=True,
                    select_on_focus=False)
        yield MeetingTable(id="meetings")
        yield Static("", id="no-meetings", classes="empty-note", markup=False)
        yield Static("", id="meeting-detail", markup=False)
        yield Static("", id="unreadable", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        read_only = self.app.store.read_only_reason  # type: ignore[attr-defined]
        if read_only:
            banner = self.query_one("#folder-banner", Static)
            banner.update(one_line(read_only))
            banner.add_class("shown")
        self.action_refresh()
        self.query_one("#meetings", DataTable).focus()
        if not self.listing.meetings and not self.listing.unreadable and not self.listing.conflicts:
            self.call_after_refresh(self.show_first_run)

    def on_screen_resume(self) -> None:
        self.action_refresh()

    # ------------------------------------------------------------ data

    def action_refresh(self) -> None:
        """Read the data folder again."""
        app = self.app
        self.listing = app.store.list_meetings()  # type: ignore[attr-defined]
        library = app.library  # type: ignore[attr-defined]
        today = app.today()  # type: ignore[attr-defined]
        self.rows = []
        for opened in self.listing.meetings:
            m = opened.meeting
            if m.closure.is_closed != self.show_closed:
                continue
            guide = library.get(m.guide_id) or library.for_kind(m.kind)
            self.rows.append(build_row(m, guide, today))
        self._fill_table()
        self._show_problems()

    def _visible_rows(self) -> list[Row]:
        words = self.query_one("#filter", Input).value.lower().split()
        return [r for r in self.rows if all(w in r.search for w in words)]

    def _fill_table(self) -> None:
        table = self.query_one("#meetings", MeetingTable)
        keep = table.cursor_row
        table.clear()
        today = self.app.today()  # type: ignore[attr-defined]
        rows = self._visible_rows()
        for row in rows:
            m = row.meeting
            cells = [
                literal_cell(m.family_label) if m.family_label.strip() else Text("(no label)"),
                Text(SHORT_KINDS.get(m.kind, m.kind)),
                Text(m.context),
                Text(SHORT_STAGES.get(m.stage, m.stage)),
                Text(date_cell(m, today)),
                literal_cell(row.due_text),
                Text(row.readiness_text, style="bold" if row.overdue else "", overflow="ellipsis", no_wrap=True),
            ]
            table.add_row(*cells, key=m.id)
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
        table.display = bool(rows)
        empty = self.query_one("#no-meetings", Static)
        if not self.rows and self.show_closed:
            empty.update(Content("No closed meetings. Press f3 for the open ones."))
        elif not self.rows and self.listing.meetings:
            empty.update(Content("Every meeting is closed. Press f3 to see them, or n to start a new one."))
        elif not self.rows:
            empty.update(Content("No meetings yet. Press n to start one."))
        elif not rows:
            empty.update(Content("No meeting matches the filter. Press Escape to clear it."))
        empty.display = not rows
        self._show_detail()

    def _current_row(self) -> Row | None:
        table = self.query_one("#meetings", DataTable)
        rows = self._visible_rows()
        if not rows or table.cursor_row < 0 or table.cursor_row >= len(rows):
            return None
        return rows[table.cursor_row]

    def _show_detail(self) -> None:
        detail = self.query_one("#meeting-detail", Static)
        row = self._current_row()
        detail.display = row is not None
        if row is None:
            return
        m = row.meeting
        when = when_words(m)
        first = Content.assemble(
            (one_line(m.family_label, 60) or "(no label)", "bold"),
            f" · {MEETING_KIND_LABELS.get(m.kind, m.kind)}",
        )
        # The readiness in full: the list cuts it when the family label needs the room.
        second = Content(f"{CONTEXT_LABELS.get(m.context, m.context)} · {STAGE_LABELS.get(m.stage, m.stage)} · {when}"
                         f" · {row.readiness_text}")
        third = Content(f"Next due: {row.due_text} · {row.when_text}")
        detail.update(Content("\n").join([first, second, third, Content(evidence_line(m, row.guide, self.app))]))

    def _show_problems(self) -> None:
        box = self.query_one("#unreadable", Static)
        lines: list[str] = []
        if self.listing.unreadable:
            lines.append("✗ Files that could not be read (left untouched; fix or move them):")
            lines += [f"  {one_line(str(u))}" for u in self.listing.unreadable]
        if self.listing.conflicts:
            lines.append("! Extra copies of a meeting (compare them, keep one, move the other away):")
            lines += [f"  {one_line(c.path.name)}: {one_line(c.reason)}" for c in self.listing.conflicts]
        notices = self.app.library.notices()  # type: ignore[attr-defined]
        if notices:
            lines.append("! Guides:")
            lines += [f"  {one_line(n)}" for n in notices]
        box.update(Content("\n".join(lines)))
        box.display = bool(lines)

    # ------------------------------------------------------------ events

    @on(DataTable.RowHighlighted, "#meetings")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#meetings")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.open_meeting(event.row_key.value)  # type: ignore[attr-defined]

    @on(Input.Changed, "#filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self._fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, _event: Input.Submitted) -> None:
        row = self._current_row()
        if row is not None:
            self.app.open_meeting(row.meeting.id)  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        filter_input = self.query_one("#filter", Input)
        table = self.query_one("#meetings", DataTable)
        if self.focused is filter_input:
            if event.key in ("down", "up"):
                event.stop()
                table.focus()
                if event.key == "down" and table.row_count:
                    table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))
            elif event.key == "escape":
                event.stop()
                filter_input.value = ""
                table.focus()
            return
        if self.focused is table:
            if event.key == "escape" and filter_input.value:
                event.stop()
                filter_input.value = ""
                return
            # Type to filter: any letter that is not one of this screen's keys starts the filter.
            char = event.character
            if event.is_printable and char and char not in "n/?" and not char.isspace():
                event.stop()
                filter_input.focus()
                filter_input.insert_text_at_cursor(char)

    # ------------------------------------------------------------ actions

    def action_report(self) -> None:
        from sdm_facilitator.ui.home.report import ReportScreen

        self.app.push_screen(ReportScreen())

    def action_close_or_reopen(self) -> None:
        """Close the highlighted referral with a reason, or reopen it (asks first)."""
        row = self._current_row()
        if row is None:
            return
        from sdm_facilitator.ui.dialogs.evidence import ask_close_or_reopen

        ask_close_or_reopen(self.app, row.meeting, lambda change: self._change_meeting(row.meeting.id, change))

    def _change_meeting(self, meeting_id: str, change: Callable[[Meeting], None]) -> None:
        """Make one change to a meeting file that is not open here: lock, change, save, release."""
        from sdm_facilitator.storage.store import StoreError

        store = self.app.store  # type: ignore[attr-defined]
        try:
            opened = store.open(meeting_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot change this meeting", severity="error", markup=False)
            return
        try:
            if opened.read_only:
                self.notify(opened.read_only_reason or "This meeting is read-only.", severity="warning",
                            markup=False)
                return
            change(opened.meeting)
            store.save(opened, now=self.app.clock())  # type: ignore[attr-defined]
        except (StoreError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
        finally:
            store.close(opened)
        self.action_refresh()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_toggle_closed(self) -> None:
        """Switch between the meetings being worked on and the closed ones."""
        self.show_closed = not self.show_closed
        self.title = "Closed meetings" if self.show_closed else "Meetings"
        self.action_refresh()
        table = self.query_one("#meetings", DataTable)
        if table.row_count:
            table.focus()

    def action_delete_meeting(self) -> None:
        """Delete the highlighted meeting, after a question naming its family label."""
        from sdm_facilitator.ui.home.delete_flow import confirm_and_delete

        row = self._current_row()
        if row is not None:
            confirm_and_delete(self.app, row.meeting, lambda _gone: self.action_refresh())

    def action_new_meeting(self) -> None:
        """Open the new-meeting form, unless a meeting made now would be lost or not saved.

        A meeting made inside the demo would be deleted with the demo folder,
        so the demo offers to close first and make it in the person's own folder.
        """
        from sdm_facilitator.ui.home.first_run import in_started_demo

        app = self.app
        read_only = app.store.read_only_reason  # type: ignore[attr-defined]
        if read_only:
            app.notify(read_only, title="No new meetings here", severity="error", markup=False, timeout=15)
            return
        if in_started_demo(app):
            from sdm_facilitator.ui.dialogs.confirm import Confirm

            def answered(leave: bool | None) -> None:
                if leave:
                    self.leave_demo(then_new=True)

            app.push_screen(
                Confirm(
                    "Leave the demo to make your meeting?",
                    "The demo's meetings are fictional and are deleted with the demo, so no meeting is made "
                    "inside it. Leave the demo and make the new meeting in your own folder?",
                    yes="Leave the demo",
                    no="Stay in the demo",
                    default_yes=True,
                ),
                answered,
            )
            return
        if app.demo:  # type: ignore[attr-defined]
            app.notify(
                "The demo's meetings are fictional and are deleted when you quit, so no meeting is made here. "
                "Start sdm-facilitator without --demo to make your own.",
                title="This is the demo",
                severity="warning",
                markup=False,
                timeout=15,
            )
            return
        self._open_new_meeting_form()

    def _open_new_meeting_form(self) -> None:
        from sdm_facilitator.ui.home.new_meeting import NewMeetingScreen

        self.app.push_screen(NewMeetingScreen(), self._created)

    def _created(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        from sdm_facilitator.ui.workspace.screen import MeetingScreen

        self.app.push_screen(MeetingScreen(session))

    def show_first_run(self) -> None:
        from sdm_facilitator.ui.home.first_run import FirstRunScreen

        if not isinstance(self.app.screen, FirstRunScreen):
            self.app.push_screen(FirstRunScreen(), self._first_run_done)

    def _first_run_done(self, choice: str | None) -> None:
        self.action_refresh()
        if choice == "new":
            self.action_new_meeting()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The keys in the footer, plus the demo."""
        yield from binding_commands(self)
        from sdm_facilitator.ui.home.first_run import in_started_demo

        if in_started_demo(self.app):
            yield SystemCommand("Leave the demo", "Back to your own meetings; the demo is deleted", self.leave_demo)

    def leave_demo(self, *, then_new: bool = False) -> None:
        """Close any open meeting, then show the person's own (perhaps empty) list.

        Lives here rather than beside the demo's start so the first-run screen
        never needs to import the home screen.
        """
        from sdm_facilitator.ui.home.first_run import leave_demo

        app = self.app
        while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
            app.pop_screen()
        leave_demo(app)
        screen = app.screen
        if isinstance(screen, HomeScreen):
            screen.action_refresh()
            if then_new:
                screen._open_new_meeting_form()
            elif not screen.rows:
                screen.show_first_run()

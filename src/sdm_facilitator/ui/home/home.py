"""The home screen: every meeting, newest activity first, and files that could not be read.

Type to filter (or press /), Enter opens, n starts a new meeting. Files that
could not be read, copies of a meeting, and guide problems are listed under
the table with their reasons: never silently hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

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
WIDE = 110


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


class MeetingTable(DataTable[Text]):
    """The list of meetings; Enter opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Open")]


class HomeScreen(Screen[None]):
    """The list of meetings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_meeting", "New meeting"),
        Binding("slash", "filter", "Filter"),
        Binding("f5", "refresh", "Refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.listing = StoreListing()
        self._wide: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="filter", placeholder="Type to filter by family, child, kind or stage (/)", compact=True,
                    select_on_focus=False)
        yield MeetingTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static("", id="no-meetings", classes="empty-note", markup=False)
        yield Static("", id="meeting-detail", markup=False)
        yield Static("", id="unreadable", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        self.action_refresh()
        self.query_one("#meetings", DataTable).focus()
        if not self.rows and not self.listing.unreadable and not self.listing.conflicts:
            self.call_after_refresh(self.show_first_run)

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def on_resize(self, _event: events.Resize) -> None:
        if self.rows:
            self._fill_table()

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
            guide = library.get(m.guide_id) or library.for_kind(m.kind)
            self.rows.append(build_row(m, guide, today))
        self._fill_table()
        self._show_problems()

    def _visible_rows(self) -> list[Row]:
        words = self.query_one("#filter", Input).value.lower().split()
        return [r for r in self.rows if all(w in r.search for w in words)]

    def _layout(self) -> tuple[bool, bool, int, int]:
        """(show context, show stage, family width, next-due width) for the screen width."""
        width = self.size.width or 80
        rows = self._visible_rows() or self.rows
        kind = max([len(SHORT_KINDS.get(r.meeting.kind, r.meeting.kind)) for r in rows] + [4])
        ready = max([len(r.readiness_text) for r in rows] + [9])
        show_context = width >= WIDE
        fixed = kind + 6 + ready + (9 if show_context else 0)
        columns = 5 + (1 if show_context else 0)
        spare = width - 2 - 2 * (columns + 1) - fixed - 11
        show_stage = spare >= 36
        if not show_stage:
            spare = width - 2 - 2 * columns - fixed
        family = max(14, spare * 55 // 100)
        return show_context, show_stage, family, max(12, spare - family)

    def _fill_table(self) -> None:
        table = self.query_one("#meetings", DataTable)
        show_context, show_stage, family_width, due_width = self._layout()
        self._wide = self.size.width >= WIDE
        keep = table.cursor_row
        table.clear(columns=True)
        table.add_column("Family", width=family_width, key="family")
        table.add_column("Kind", key="kind")
        if show_context:
            table.add_column("Context", key="context")
        if show_stage:
            table.add_column("Stage", key="stage")
        table.add_column("Date", key="date")
        table.add_column("Next due", width=due_width, key="due")
        table.add_column("Readiness", key="ready")
        today = self.app.today()  # type: ignore[attr-defined]
        rows = self._visible_rows()
        for row in rows:
            m = row.meeting
            cells = [
                Text(one_line(m.family_label, family_width) or "(no label)"),
                Text(SHORT_KINDS.get(m.kind, m.kind)),
            ]
            if show_context:
                cells.append(Text(m.context))
            if show_stage:
                cells.append(Text(SHORT_STAGES.get(m.stage, m.stage)))
            cells += [
                Text(short_date(m.meeting_date, today)),
                Text(one_line(row.due_text, due_width)),
                Text(row.readiness_text, style="bold" if row.overdue else ""),
            ]
            table.add_row(*cells, key=m.id)
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
        table.display = bool(rows)
        empty = self.query_one("#no-meetings", Static)
        if not self.rows:
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
        when = f"{m.choices.when:%a %d %b %Y %H:%M}" if m.choices.when else "no date yet"
        first = Content.assemble(
            (one_line(m.family_label, 60) or "(no label)", "bold"),
            f" · {MEETING_KIND_LABELS.get(m.kind, m.kind)}",
        )
        second = Content(f"{CONTEXT_LABELS.get(m.context, m.context)} · {STAGE_LABELS.get(m.stage, m.stage)} · {when}")
        third = Content(f"Next due: {row.due_text} · {row.when_text}")
        detail.update(Content("\n").join([first, second, third]))

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

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_new_meeting(self) -> None:
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
        if self.focused is not self.query_one("#filter", Input):
            yield SystemCommand("Filter the meetings", "/ (or just start typing)", self.action_filter)
        from sdm_facilitator.ui.home.first_run import in_started_demo

        if in_started_demo(self.app):
            yield SystemCommand("Leave the demo", "Back to your own meetings; the demo is deleted", self.leave_demo)

    def leave_demo(self) -> None:
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
            if not screen.rows:
                screen.show_first_run()

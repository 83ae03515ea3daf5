"""The home screen: every meeting, newest activity first, and files that could not be read.

Type to filter (or press /), Enter opens, n starts a new meeting. Files that
could not be read, copies of a meeting, and guide problems are listed under
the table with their reasons: never silently hidden.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.summary import MeetingSummary
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS, MEETING_KIND_LABELS, STAGE_LABELS
from sdm_facilitator.storage.index import SummaryListing
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


# Up to this many changed files are read before the first paint; more are read in the background.
READ_BEFORE_PAINT = 25
# With more files than this to read, a progress line says how far it has got.
PROGRESS_FROM = 200
# Rows drawn before the first paint, then rows added per batch after it.
FIRST_ROWS = 200
ROWS_PER_BATCH = 500


@dataclass(frozen=True)
class Row:
    """One meeting as the home screen shows it."""

    meeting: MeetingSummary
    due_text: str
    readiness_text: str
    overdue: bool
    search: str
    when_text: str


def short_date(day: date | None, today: date) -> str:
    if day is None:
        return "-"
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %y}"


def build_row(summary: MeetingSummary, today: date) -> Row:
    """The cells of one meeting on ``today``, from its summary alone (no file is read)."""
    if summary.next_date is None:
        due_text = "-"
    else:
        mark = "✗ " if summary.next_date < today else ""
        due_text = f"{mark}{short_date(summary.next_date, today)} {one_line(summary.next_item or '', 60)}"
    search = " ".join(
        (
            summary.family_label,
            MEETING_KIND_LABELS.get(summary.kind, summary.kind),
            SHORT_KINDS.get(summary.kind, ""),
            summary.context,
            STAGE_LABELS.get(summary.stage, summary.stage),
            *summary.children,
        )
    ).lower()
    return Row(summary, due_text, summary.readiness_words(today), summary.overdue_count(today) > 0, search,
               summary.when_words(today))


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
        self.listing = SummaryListing()
        self._layout_shown: tuple[bool, bool, int, int] | None = None
        #: True while changed files are being read in the background.
        self.refreshing = False
        self._welcome_if_empty = False
        self._fill_generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="filter", placeholder="Type to filter by family, child, kind or stage (/)", compact=True,
                    select_on_focus=False)
        yield MeetingTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static("", id="no-meetings", classes="empty-note", markup=False)
        yield Static("", id="index-progress", markup=False)
        yield Static("", id="meeting-detail", markup=False)
        yield Static("", id="unreadable", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        self.query_one("#index-progress", Static).display = False
        self._welcome_if_empty = True
        self.action_refresh()
        self.query_one("#meetings", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from a meeting (or a dialog): update the rows of the meetings just closed, nothing else."""
        closed = self.app.take_closed_meetings()  # type: ignore[attr-defined]
        if closed:
            if not all([self._put_summary(summary, file_name) for summary, file_name in closed]):
                self._show_rows()
            self._show_detail()

    def on_resize(self, _event: events.Resize) -> None:
        if self.rows and self._layout() != self._layout_shown:
            self._fill_table()

    # ------------------------------------------------------------ data

    def action_refresh(self) -> None:
        """Paint from the summary index at once; read files that changed since (in the background if many)."""
        index = self.app.summary_index()  # type: ignore[attr-defined]
        listing = index.listing(read_stale=False)
        if listing.pending and len(listing.pending) <= READ_BEFORE_PAINT:
            listing = index.listing()
        self._show_listing(listing)
        if listing.pending:
            self._read_changed_files(index)
        else:
            self._welcome_once()

    def _welcome_once(self) -> None:
        """The first-run welcome, when the list is empty on the first look at it (not after skipping it)."""
        if self._welcome_if_empty and self._nothing_to_list():
            self.call_after_refresh(self.show_first_run)
        self._welcome_if_empty = False

    def _nothing_to_list(self) -> bool:
        return not self.rows and not self.listing.unreadable and not self.listing.conflicts

    def _show_listing(self, listing: SummaryListing) -> None:
        self.listing = listing
        today = self.app.today()  # type: ignore[attr-defined]
        self.rows = [build_row(summary, today) for summary in listing.summaries]
        self._show_rows()

    def _show_rows(self) -> None:
        self._fill_table()
        self._show_problems()

    def _put_summary(self, summary: MeetingSummary, file_name: str) -> bool:
        """Show one meeting's new summary; True when its row was updated where it is, in the table too.

        The row keeps its place until the list is read again (a new meeting
        goes first), so returning from a meeting redraws one row, not the list.
        """
        self.listing.files[summary.id] = file_name
        row = build_row(summary, self.app.today())  # type: ignore[attr-defined]
        place = next((i for i, old in enumerate(self.rows) if old.meeting.id == summary.id), None)
        if place is None:
            self.rows.insert(0, row)
            return False
        self.rows[place] = row
        table = self.query_one("#meetings", DataTable)
        if self._layout_shown is None or summary.id not in table.rows:
            return summary.id not in {r.meeting.id for r in self._visible_rows()}
        for column, cell in zip(table.columns, self._cells(row, self._layout_shown), strict=True):
            table.update_cell(summary.id, column, cell, update_width=True)
        return True

    @work(thread=True, exclusive=True, group="summary-index")
    def _read_changed_files(self, index: object) -> None:
        """Read the files whose summaries are missing or out of date, then show them all."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        self.app.call_from_thread(self._set_refreshing, True)
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if total > PROGRESS_FROM and (now - last > 0.25 or done == total):
                last = now
                self.app.call_from_thread(self._show_progress, done, total)

        try:
            listing = index.listing(progress=progress, cancelled=lambda: worker.is_cancelled)  # type: ignore[attr-defined]
        finally:
            self.app.call_from_thread(self._set_refreshing, False)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._changed_files_read, listing)

    def _set_refreshing(self, refreshing: bool) -> None:
        self.refreshing = refreshing
        if not refreshing:
            self.query_one("#index-progress", Static).display = False

    def _show_progress(self, done: int, total: int) -> None:
        line = self.query_one("#index-progress", Static)
        line.update(Content(f"Reading meeting files that changed: {done:,} of {total:,}…"))
        line.display = done < total

    def _changed_files_read(self, listing: SummaryListing) -> None:
        self._show_listing(listing)
        self._welcome_once()

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
        self._layout_shown = self._layout()
        show_context, show_stage, family_width, due_width = self._layout_shown
        keep = table.cursor_row
        current = self._current_row()
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
        rows = self._visible_rows()
        layout = self._layout_shown
        # A screenful first; the rest of a long list is added in batches after the first paint.
        self._fill_generation += 1
        for row in rows[:FIRST_ROWS]:
            table.add_row(*self._cells(row, layout), key=row.meeting.id)
        if len(rows) > FIRST_ROWS:
            self.call_later(self._add_rows, rows, FIRST_ROWS, layout, self._fill_generation)
        if rows:
            ids = [row.meeting.id for row in rows]
            if current is not None and current.meeting.id in ids:
                keep = ids.index(current.meeting.id)
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
        table.display = bool(rows)
        empty = self.query_one("#no-meetings", Static)
        if not self.rows:
            empty.update(Content("No meetings yet. Press n to start one."))
        elif not rows:
            empty.update(Content("No meeting matches the filter. Press Escape to clear it."))
        empty.display = not rows
        self._show_detail()

    def _cells(self, row: Row, layout: tuple[bool, bool, int, int]) -> list[Text]:
        """One row's cells, in the columns of ``layout``."""
        show_context, show_stage, family_width, due_width = layout
        m = row.meeting
        today = self.app.today()  # type: ignore[attr-defined]
        out = [Text(one_line(m.family_label, family_width) or "(no label)"), Text(SHORT_KINDS.get(m.kind, m.kind))]
        if show_context:
            out.append(Text(m.context))
        if show_stage:
            out.append(Text(SHORT_STAGES.get(m.stage, m.stage)))
        out += [
            Text(short_date(m.meeting_date, today)),
            Text(one_line(row.due_text, due_width)),
            Text(row.readiness_text, style="bold" if row.overdue else ""),
        ]
        return out

    def _add_rows(self, rows: list[Row], start: int, layout: tuple[bool, bool, int, int], generation: int) -> None:
        """Add the next batch of a long list, unless the table has been filled again since."""
        if generation != self._fill_generation or not self.is_attached:
            return
        table = self.query_one("#meetings", DataTable)
        for row in rows[start : start + ROWS_PER_BATCH]:
            table.add_row(*self._cells(row, layout), key=row.meeting.id)
        if start + ROWS_PER_BATCH < len(rows):
            self.call_later(self._add_rows, rows, start + ROWS_PER_BATCH, layout, generation)

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
        when = f"{m.when:%a %d %b %Y %H:%M}" if m.when else "no date yet"
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

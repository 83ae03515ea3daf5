"""The home screen: every meeting, newest activity first, and files that could not be read.

Type to filter (or press /), Enter opens, n starts a new meeting. Closed
meetings leave the list; f3 switches to them and back. Delete removes the
highlighted meeting after a question (``ui/delete_flow.py``). Files that
could not be read, copies of a meeting, and guide problems are listed under
the table with their reasons: never silently hidden.

Rows come from the summary index (``storage/index.py``), never from parsing
every file: the list paints at once from the rows that still match their
files, then any file changed since is read in a worker, with a progress line
when there are many. Returning from a meeting updates that meeting's row only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static

from sdm_facilitator.domain.labels import SHORT_KINDS, SHORT_STAGES
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.summary import MeetingSummary
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS, MEETING_KIND_LABELS, STAGE_LABELS
from sdm_facilitator.storage.folder_watch import (
    FolderSignature,
    folder_signature,
    signature_of,
    with_own_writes,
)
from sdm_facilitator.storage.index import SummaryIndex, SummaryListing
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable
from sdm_facilitator.ui.widgets.literal import literal_cell
from sdm_facilitator.ui.widgets.palette import binding_commands

#: Up to this many changed files are read before the first paint (a few ms each);
#: more are read in the background while the list shows what the index had.
READ_BEFORE_PAINT = 50
#: After a first screen from the index's head, the whole list is read this long after it has painted.
WHOLE_LIST_AFTER_SECONDS = 0.1
#: How long the cursor rests on a row before its meeting is read ahead of an open.
READ_AHEAD_AFTER_SECONDS = 0.1
#: A progress line is shown at once while more changed files than this are read,
PROGRESS_FROM = 200
#: and for fewer once reading them has taken this long.
PROGRESS_AFTER_SECONDS = 1.0
#: How often the home screen looks for meeting files changed by a sync engine.
FOLDER_POLL_SECONDS = 2.0
#: The table holds the meetings with the latest activity, up to this many; typing filters all
#: of them. A table of 10,000 rows is not something to scroll through, and building one (every
#: cell measured) took seconds at start.
MAX_TABLE_ROWS = 500
#: The family label takes the spare width: it is what a person scans for, so before a label of
#: up to 30 characters is cut, the context goes, then the next due, then the kind (all three are
#: in the detail under the list, with the readiness uncut). Stage, date and readiness stay.
MEETING_COLUMNS = (
    FitColumn("Family", "family", flex=True, min_width=16, wanted_width=30),
    FitColumn("Kind", "kind", drop=3),
    FitColumn("Context", "context", drop=1),
    FitColumn("Stage", "stage"),
    FitColumn("Date", "date"),
    FitColumn("Next due", "due", max_width=20, drop=2),
    FitColumn("Readiness", "ready", max_width=22),
)


class Row:
    """One meeting as the home screen shows it.

    The list keeps a row for every meeting (10,000 in a large store) so the
    filter reaches them all, but draws only the first few hundred: what depends
    on today (readiness, dates due) is worked out when a row is first shown.
    Working it out for every row before the first paint took most of a large
    store's start-up.
    """

    def __init__(self, summary: MeetingSummary, today: date) -> None:
        self.meeting = summary
        self.today = today
        #: What the filter matches, in lower case.
        self.search = " ".join(
            (
                summary.family_label,
                MEETING_KIND_LABELS.get(summary.kind, summary.kind),
                SHORT_KINDS.get(summary.kind, ""),
                summary.context,
                STAGE_LABELS.get(summary.stage, summary.stage),
                *summary.children,
            )
        ).lower()

    @cached_property
    def due_text(self) -> str:
        summary, today = self.meeting, self.today
        if summary.next_date is None:
            return "-"
        mark = "✗ " if summary.next_date < today else ""
        return f"{mark}{short_date(summary.next_date, today)} {one_line(summary.next_item or '', 60)}"

    @cached_property
    def readiness_text(self) -> str:
        return self.meeting.readiness_words(self.today)

    @cached_property
    def overdue(self) -> bool:
        return self.meeting.overdue_count(self.today) > 0

    @cached_property
    def when_text(self) -> str:
        return self.meeting.when_words(self.today)


def short_date(day: date | None, today: date) -> str:
    if day is None:
        return "-"
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %y}"


def date_cell(summary: MeetingSummary, today: date) -> str:
    """The meeting's day for the list: the day it was held once it has started, else the planned day.

    A meeting held earlier than planned must not show the planned day.
    """
    return short_date(summary.held_on, today)


def outcome_line(summary: MeetingSummary, today: date) -> str:
    """The detail's last line: closed (and why), then the fidelity markers at a glance."""
    closed = summary.closure_words()
    return (f"{closed} · " if closed else "") + f"Fidelity: {summary.fidelity_words(today)}"


def build_row(summary: MeetingSummary, today: date) -> Row:
    """One meeting's row on ``today``, from its summary alone (no file is read)."""
    return Row(summary, today)


def when_words(summary: MeetingSummary) -> str:
    """The meeting's day for the detail line: when it was held, or when it is planned."""
    if summary.started is not None:
        return f"held {summary.started.astimezone():%a %d %b %Y %H:%M}"
    when = summary.when
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
        self.listing = SummaryListing()
        # False: the meetings being worked on; True: the closed ones.
        self.show_closed = False
        #: True while changed files are being read in the background.
        self.refreshing = False
        self._welcome_if_empty = False
        #: The app's store generation when the list was last read (see ``SdmApp.note_store_changed``).
        self._generation_read = -1
        #: The meeting files as they were when the list was last read (``folder_watch.py``).
        self._folder_seen: FolderSignature = frozenset()
        #: Reads the highlighted meeting ahead of its open once the cursor rests (``storage/read_ahead.py``).
        self._read_ahead_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        # Why nothing can be saved here (a folder others can change, or a read-only one).
        yield Static("", id="folder-banner", markup=False)
        yield Input(
            id="filter",
            placeholder="Type to filter by family, child, kind or stage (/)",
            compact=True,
            select_on_focus=False,
        )
        yield MeetingTable(id="meetings")
        yield Static("", id="no-meetings", classes="empty-note", markup=False)
        yield Static("", id="more-meetings", markup=False)
        yield Static("", id="index-progress", markup=False)
        yield Static("", id="meeting-detail", markup=False)
        yield Static("", id="unreadable", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        read_only = sdm_app(self).store.read_only_reason
        if read_only:
            banner = self.query_one("#folder-banner", Static)
            banner.update(one_line(read_only))
            banner.add_class("shown")
        self.query_one("#index-progress", Static).display = False
        self._welcome_if_empty = True
        self.action_refresh()
        # A folder kept in step by a sync engine: changes made on another laptop show within seconds.
        self.set_interval(FOLDER_POLL_SECONDS, self._poll_folder)
        self.query_one("#meetings", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from a meeting or a dialog: the rows of the meetings just closed change, nothing else is read.

        Unless the store changed some other way meanwhile (a deletion, an unlock): then it is looked at again.
        """
        self._read_ahead_soon()  # the row under the cursor is most likely the next one opened
        closed = sdm_app(self).take_closed_meetings()
        if closed:  # saved here, not changed by a sync engine: no need to look at the folder again
            names = [file_name for _summary, file_name in closed]
            self._folder_seen = with_own_writes(sdm_app(self).store.folder, self._folder_seen, names)
        if self._generation_read != sdm_app(self).store_generation:
            self.action_refresh()
        elif closed:
            in_place = [self._put_summary(summary, file_name) for summary, file_name in closed]
            if all(in_place):
                self._show_detail()
            else:
                self._fill_table()

    # ------------------------------------------------------------ data

    def action_refresh(self) -> None:
        """Look at the data folder again: paint from the index at once, read changed files after."""
        self._generation_read = sdm_app(self).store_generation
        index: SummaryIndex = sdm_app(self).summary_index()
        start_scan = sdm_app(self).take_start_scan(index)
        # At start, the signature comes from the look the start already took (one stat per file).
        self._folder_seen = (
            signature_of(start_scan.files)
            if start_scan is not None
            else folder_signature(sdm_app(self).store.folder)
        )
        listing = index.listing(read_stale=False, scan=start_scan)
        if listing.pending and len(listing.pending) <= READ_BEFORE_PAINT:
            listing = index.listing()
        self._show_listing(listing)
        if listing.partial:
            # The first screen came from the index's head: the whole list once it is painted and
            # shown (decoding 10,000 rows holds Python's lock for a tenth of a second, which would
            # hold back the first frame's way to the terminal).
            self.call_after_refresh(
                self.set_timer, WHOLE_LIST_AFTER_SECONDS, lambda: self._read_changed_files(index)
            )
        elif listing.pending:
            self._read_changed_files(index)
        else:
            self._welcome_once()

    def _poll_folder(self) -> None:
        """Refresh when a meeting file arrived, changed or went since the last look (a sync engine at work)."""
        if not self.is_current or self.refreshing:
            return
        if folder_signature(sdm_app(self).store.folder) != self._folder_seen:
            self.action_refresh()

    def _welcome_once(self) -> None:
        """The first-run welcome, when the folder is empty at the first look (not after skipping it)."""
        if (
            self._welcome_if_empty
            and not self.listing.summaries
            and not self.listing.unreadable
            and not self.listing.conflicts
        ):
            self.call_after_refresh(self.show_first_run)
        self._welcome_if_empty = False

    def _show_listing(self, listing: SummaryListing) -> None:
        self.listing = listing
        today = sdm_app(self).today()
        self.rows = [
            build_row(summary, today)
            for summary in listing.summaries
            if (summary.closed_on is not None) == self.show_closed
        ]
        self._fill_table()
        self._show_problems()

    def _put_summary(self, summary: MeetingSummary, file_name: str) -> bool:
        """One meeting's new summary, in the listing and its row (a meeting new to the list goes first).

        Returns True when the table row was updated where it is, so the other rows need not be
        drawn again (returning from one meeting of thousands redraws one row); False when the
        table must be filled again (the row is new, left, or no longer matches the filter).
        """
        self.listing.files[summary.id] = file_name
        self.listing.summaries = [summary, *(s for s in self.listing.summaries if s.id != summary.id)]
        place = next((i for i, old in enumerate(self.rows) if old.meeting.id == summary.id), None)
        if (summary.closed_on is not None) != self.show_closed:
            if place is not None:
                del self.rows[place]
            return False
        row = build_row(summary, sdm_app(self).today())
        if place is None:
            self.rows.insert(0, row)
            return False
        was_shown = self._matches_filter(self.rows[place])
        self.rows[place] = row
        if not was_shown or not self._matches_filter(row):
            return False
        table = self.query_one("#meetings", MeetingTable)
        return table.update_row(summary.id, self._cells(row, sdm_app(self).today()))

    @work(thread=True, exclusive=True, group="summary-index")
    def _read_changed_files(self, index: SummaryIndex) -> None:
        """Read the files whose rows are missing or out of date, then show the whole list again."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        self.app.call_from_thread(self._set_refreshing, True)
        started = time.monotonic()
        last = 0.0

        def progress(done: int, total: int) -> None:
            # Many files: shown from the start (the index calls this once before the first file).
            # Fewer: shown once reading them has taken more than a second.
            nonlocal last
            now = time.monotonic()
            if total <= PROGRESS_FROM and now - started < PROGRESS_AFTER_SECONDS:
                return
            if now - last > 0.25 or done == total:
                last = now
                self.app.call_from_thread(self._show_progress, done, total)

        try:
            listing = index.listing(progress=progress, cancelled=lambda: worker.is_cancelled)
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
        # Files that changed, or (a restored or copied-in store without its index) every file.
        line.update(Content(f"Reading meeting files: {done:,} of {total:,}…"))
        line.display = done < total

    def _changed_files_read(self, listing: SummaryListing) -> None:
        self._show_listing(listing)
        self._welcome_once()

    def _visible_rows(self) -> list[Row]:
        words = self._filter_words()
        return [r for r in self.rows if all(w in r.search for w in words)]

    def _matches_filter(self, row: Row) -> bool:
        return all(w in row.search for w in self._filter_words())

    def _filter_words(self) -> list[str]:
        return self.query_one("#filter", Input).value.lower().split()

    def _cells(self, row: Row, today: date) -> list[Text]:
        """One row's cells, one for each of ``MEETING_COLUMNS`` (the table shows those that fit)."""
        m = row.meeting
        return [
            literal_cell(m.family_label) if m.family_label.strip() else Text("(no label)"),
            Text(SHORT_KINDS.get(m.kind, m.kind)),
            Text(m.context),
            Text(SHORT_STAGES.get(m.stage, m.stage)),
            Text(date_cell(m, today)),
            literal_cell(row.due_text),
            Text(row.readiness_text, style="bold" if row.overdue else "", overflow="ellipsis", no_wrap=True),
        ]

    def _fill_table(self) -> None:
        table = self.query_one("#meetings", MeetingTable)
        keep = table.cursor_row
        table.clear()
        today = sdm_app(self).today()
        matching = self._visible_rows()
        rows = matching[:MAX_TABLE_ROWS]
        for row in rows:
            table.add_row(*self._cells(row, today), key=row.meeting.id)
        total = len(matching)
        if self.listing.partial and not self._filter_words():
            # Only the head of the list is read yet: the count is the whole list's.
            total = self.listing.totals[1 if self.show_closed else 0]
        more = self.query_one("#more-meetings", Static)
        more.update(
            Content(
                f"Showing the {len(rows):,} with the latest activity of {total:,}: "
                "type to filter by family, child, kind or stage."
            )
        )
        more.display = total > len(rows)
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
        table.display = bool(rows)
        empty = self.query_one("#no-meetings", Static)
        if not self.rows and self.show_closed:
            empty.update(Content("No closed meetings. Press f3 for the open ones."))
        elif not self.rows and self.listing.summaries:
            empty.update(Content("Every meeting is closed. Press f3 to see them, or n to start a new one."))
        elif not self.rows and self.listing.pending:
            empty.update(Content("Reading the meeting files in this folder…"))
        elif not self.rows:
            empty.update(Content("No meetings yet. Press n to start one."))
        elif not rows:
            empty.update(Content("No meeting matches the filter. Press Escape to clear it."))
        empty.display = not rows
        self._show_detail()

    def _current_row(self) -> Row | None:
        table = self.query_one("#meetings", DataTable)
        rows = self._visible_rows()[:MAX_TABLE_ROWS]
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
        second = Content(
            f"{CONTEXT_LABELS.get(m.context, m.context)} · {STAGE_LABELS.get(m.stage, m.stage)} · {when}"
            f" · {row.readiness_text}"
        )
        third = Content(f"Next due: {row.due_text} · {row.when_text}")
        today = sdm_app(self).today()
        detail.update(Content("\n").join([first, second, third, Content(outcome_line(m, today))]))

    def _show_problems(self) -> None:
        box = self.query_one("#unreadable", Static)
        lines: list[str] = []
        if self.listing.unreadable:
            lines.append("✗ Files that could not be read (left untouched; fix or move them):")
            lines += [f"  {one_line(str(u))}" for u in self.listing.unreadable]
        if self.listing.conflicts:
            lines.append("! Extra copies of a meeting (ctrl+p: compare one with its meeting and merge it):")
            lines += [f"  {one_line(c.path.name)}: {one_line(c.reason)}" for c in self.listing.conflicts]
        notices = sdm_app(self).library.notices()
        if notices:
            lines.append("! Guides:")
            lines += [f"  {one_line(n)}" for n in notices]
        box.update(Content("\n".join(lines)))
        box.display = bool(lines)

    # ------------------------------------------------------------ events

    @on(DataTable.RowHighlighted, "#meetings")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        self._read_ahead_soon()

    def _read_ahead_soon(self) -> None:
        """Once the cursor rests on a row, its meeting is read and parsed on a thread for the open that may follow."""
        if self._read_ahead_timer is not None:
            self._read_ahead_timer.stop()
        self._read_ahead_timer = self.set_timer(READ_AHEAD_AFTER_SECONDS, self._read_ahead)

    def _read_ahead(self) -> None:
        row = self._current_row()
        if row is not None and self.is_current:
            self._read_ahead_of(row.meeting.id)

    @work(thread=True, exclusive=True, group="read-ahead", exit_on_error=False)
    def _read_ahead_of(self, meeting_id: str) -> None:
        sdm_app(self).store.read_ahead_of_opening(meeting_id)

    @on(DataTable.RowSelected, "#meetings")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            sdm_app(self).open_meeting(event.row_key.value)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self._fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, _event: Input.Submitted) -> None:
        row = self._current_row()
        if row is not None:
            sdm_app(self).open_meeting(row.meeting.id)

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
        from sdm_facilitator.ui.dialogs.outcome_dialogs import ask_close_or_reopen

        meeting = self._read_meeting(row.meeting.id)
        if meeting is not None:
            ask_close_or_reopen(self.app, meeting, lambda change: self._change_meeting(meeting.id, change))

    def _read_meeting(self, meeting_id: str) -> Meeting | None:
        """The whole record of one listed meeting (the list holds summaries only), or None with a message."""
        from sdm_facilitator.storage.store import StoreError

        try:
            return sdm_app(self).store.open(meeting_id, lock=False).meeting
        except StoreError as error:
            self.notify(str(error), title="Cannot read this meeting", severity="error", markup=False)
            self.action_refresh()
            return None

    def _change_meeting(self, meeting_id: str, change: Callable[[Meeting], None]) -> None:
        """Make one change to a meeting file that is not open here: lock, change, save, release."""
        from sdm_facilitator.storage.store import StoreError

        store = sdm_app(self).store
        try:
            opened = store.open(meeting_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot change this meeting", severity="error", markup=False)
            return
        try:
            if opened.read_only:
                self.notify(
                    opened.read_only_reason or "This meeting is read-only.", severity="warning", markup=False
                )
                return
            change(opened.meeting)
            store.save(opened, now=sdm_app(self).clock())
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
        meeting = self._read_meeting(row.meeting.id) if row is not None else None
        if meeting is not None:
            confirm_and_delete(self.app, meeting, lambda _gone: self.action_refresh())

    def action_new_meeting(self) -> None:
        """Open the new-meeting form, unless a meeting made now would be lost or not saved.

        A meeting made inside the demo would be deleted with the demo folder,
        so the demo offers to close first and make it in the person's own folder.
        """
        from sdm_facilitator.ui.home.first_run import in_started_demo

        app = self.app
        read_only = sdm_app(app).store.read_only_reason
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
        if sdm_app(app).demo:
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
            yield SystemCommand(
                "Leave the demo", "Back to your own meetings; the demo is deleted", self.leave_demo
            )
        yield from self._delete_unreadable_commands()
        for conflict in self.listing.conflicts:
            yield SystemCommand(
                f"Compare and merge the copy {one_line(conflict.path.name, 60)}",
                f"Field by field into meeting {conflict.meeting_id}; the copy is then removed",
                lambda path=conflict.path: self.merge_conflict(path),
            )

    def merge_conflict(self, path: Path) -> None:
        """Compare a conflict copy with its meeting field by field, merge the chosen values, remove the copy."""
        from sdm_facilitator.storage.conflict_merge import differences, read_copy, resolve_conflict
        from sdm_facilitator.storage.store import StoreError
        from sdm_facilitator.ui.dialogs.merge_conflict import MergeConflictDialog

        store = sdm_app(self).store
        try:
            copy = read_copy(store, path)
            found = differences(store.open(copy.id, lock=False).meeting, copy)
        except StoreError as error:
            self.notify(str(error), title="Not merged", severity="warning", markup=False)
            return

        def chosen(picks: list[bool] | None) -> None:
            if picks is None:
                return
            try:
                resolve_conflict(store, path, picks, now=sdm_app(self).clock())
            except (StoreError, OSError) as error:
                self.notify(str(error), title="Not merged", severity="warning", markup=False)
                return
            taken = sum(picks)
            self.notify(
                f"Merged {path.name} into its meeting ({taken} of {len(picks)} values from the copy) and removed it.",
                title="Merged",
                markup=False,
            )
            sdm_app(self).note_store_changed()
            self.action_refresh()

        self.app.push_screen(MergeConflictDialog(path.name, found), chosen)

    def _delete_unreadable_commands(self) -> Iterator[SystemCommand]:
        """One "delete" per listed file that cannot be read but is named by a meeting id.

        A damaged or invalid file is not a row of the table, yet it is a child's record:
        it can be deleted by the id in its name, after the same typed question.
        """
        from sdm_facilitator.storage.codec import is_safe_id
        from sdm_facilitator.ui.home.delete_flow import confirm_and_delete_unreadable

        for unreadable in self.listing.unreadable:
            path = unreadable.path
            if path.suffix != ".toml" or not is_safe_id(path.stem):
                continue
            name, reason = path.name, unreadable.reason

            def delete(meeting_id: str = path.stem, name: str = name, reason: str = reason) -> None:
                confirm_and_delete_unreadable(
                    self.app, meeting_id, name, reason, lambda _gone: self.action_refresh()
                )

            yield SystemCommand(
                f"Delete the unreadable file {one_line(name, 60)}",
                f"It cannot be read: {one_line(reason, 80)}",
                delete,
            )

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

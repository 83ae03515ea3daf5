"""The home screen: every meeting, newest activity first, and files that could not be read."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.schedule import next_due
from sdm_facilitator.domain.vocabulary import STAGE_LABELS


class HomeScreen(Screen[None]):
    """The list of meetings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh", "Refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(id="unreadable", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Family", "Kind", "Stage", "Next due")
        self.action_refresh()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.open_meeting(event.row_key.value)  # type: ignore[attr-defined]

    def action_refresh(self) -> None:
        """Read the data folder again."""
        app = self.app
        listing = app.store.list_meetings()  # type: ignore[attr-defined]
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for opened in listing.meetings:
            m = opened.meeting
            due = next_due(m, app.library.get(m.guide_id))  # type: ignore[attr-defined]
            table.add_row(
                Text(one_line(m.family_label, 40)),
                Text(m.kind),
                Text(STAGE_LABELS.get(m.stage, m.stage)),
                Text(f"{due.due.isoformat()} {one_line(due.label, 30)}" if due else "-"),
                key=m.id,
            )
        unreadable = self.query_one("#unreadable", Static)
        if listing.unreadable:
            lines = ["Files that could not be read (left untouched):"]
            lines += [f"  {one_line(str(u))}" for u in listing.unreadable]
            unreadable.update("\n".join(lines))
            unreadable.display = True
        else:
            unreadable.display = False

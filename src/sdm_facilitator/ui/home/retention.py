"""The retention review: closed meetings past the retention period.

Nothing is removed by itself. The list is for a person to review: remove the
highlighted meeting, or all listed, each after a question (``delete_flow``).
The period is the ``retention_months`` setting (24 months after closing by
default), the same count as ``sdm-facilitator retention``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from sdm_facilitator.domain.meeting import CLOSURE_REASON_LABELS
from sdm_facilitator.domain.retention import RetentionItem, past_retention
from sdm_facilitator.storage.settings import load_settings
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.home.delete_flow import confirm_and_delete, confirm_and_delete_all
from sdm_facilitator.ui.widgets.literal import literal_cell
from sdm_facilitator.ui.widgets.palette import binding_commands


class RetentionScreen(Screen[None]):
    """Closed meetings due for removal under the retention setting."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove_one", "Delete"),
        Binding("a", "remove_all", "Delete all listed"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[RetentionItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="retention-intro", markup=False)
        yield DataTable(id="retention-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Retention review"
        self.refresh_items()
        self.query_one("#retention-table", DataTable).focus()

    def refresh_items(self) -> None:
        app = self.app
        settings, problems = load_settings(sdm_app(app).data_dir)
        listing = sdm_app(app).store.list_meetings()
        self.items = past_retention(
            (m.meeting for m in listing.meetings), sdm_app(app).today(), settings.retention_months
        )
        table = self.query_one("#retention-table", DataTable)
        table.clear(columns=True)
        table.add_column("Family", width=30, key="family")
        table.add_column("Closed", key="closed")
        table.add_column("Why", key="why")
        for item in self.items:
            reason = CLOSURE_REASON_LABELS.get(item.meeting.closure.reason or "", "no reason given")
            table.add_row(
                literal_cell(item.meeting.family_label or "(no label)", 30),
                Text(f"{item.closed_on:%d %b %Y}"),
                Text(reason),
                key=item.meeting.id,
            )
        table.display = bool(self.items)
        months = settings.retention_months
        if self.items:
            intro = f"Closed more than {months} months ago: review each, then delete it (Delete) or all listed (a)."
        else:
            intro = f"No closed meeting is past the retention period ({months} months after closing). Escape goes back."
        intro = "\n".join([intro, *problems])
        self.query_one("#retention-intro", Static).update(Content(intro))

    def _current(self) -> RetentionItem | None:
        table = self.query_one("#retention-table", DataTable)
        if not self.items or not 0 <= table.cursor_row < len(self.items):
            return None
        return self.items[table.cursor_row]

    def action_remove_one(self) -> None:
        item = self._current()
        if item is not None:
            confirm_and_delete(self.app, item.meeting, lambda _gone: self.refresh_items())

    def action_remove_all(self) -> None:
        if self.items:
            confirm_and_delete_all(
                self.app, [item.meeting for item in self.items], lambda _n: self.refresh_items()
            )

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield from binding_commands(self)

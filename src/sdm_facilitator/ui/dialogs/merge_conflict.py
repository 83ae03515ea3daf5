"""Merging a conflict copy into its meeting: each field that differs, and which value to keep.

Opened from the home screen's palette for a copy a sync engine (or a save
conflict) left beside a meeting. One row per difference
(``storage/conflict_merge.differences``): the field, the meeting file's value,
the copy's value, and which is kept. Space switches the highlighted row, ``c``
takes the copy's value everywhere, ctrl+s merges (the meeting is written with
the choices and the copy removed), Escape leaves both as they are. Values are
shown as typed (literal cells, never markup).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from sdm_facilitator.storage.conflict_merge import FieldDifference, value_words
from sdm_facilitator.ui.widgets.literal import literal_cell

KEEP_MEETING = "meeting"
KEEP_COPY = "copy"


class MergeConflictDialog(ModalScreen[list[bool] | None]):
    """Choose per field; dismiss with, per difference, whether the copy's value is taken (None: cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "switch", "Switch"),
        Binding("c", "all_copy", "All from the copy"),
        Binding("ctrl+s", "merge", "Merge", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, file_name: str, found: list[FieldDifference]) -> None:
        super().__init__(classes="confirm-screen")
        self.file_name = file_name
        self.found = found
        self.take_copy = [False] * len(found)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Content(f"Merge the copy {self.file_name}"), classes="dialog-title", markup=False)
            yield Static(
                Content(
                    f"{len(self.found)} field(s) differ. Space switches which value is kept; "
                    "ctrl+s writes the meeting and removes the copy."
                ),
                classes="dialog-help",
            )
            yield DataTable(id="differences", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#differences", DataTable)
        table.add_column("Field", key="field")
        table.add_column("Meeting", key="ours")
        table.add_column("Copy", key="theirs")
        table.add_column("Keep", key="keep")
        for index, difference in enumerate(self.found):
            table.add_row(
                literal_cell(difference.label, 30),
                literal_cell(value_words(difference.ours), 22),
                literal_cell(value_words(difference.theirs), 22),
                KEEP_MEETING,
                key=str(index),
            )
        table.focus()

    def action_switch(self) -> None:
        table = self.query_one("#differences", DataTable)
        if not self.found:
            return
        row = table.cursor_row
        self.take_copy[row] = not self.take_copy[row]
        table.update_cell(str(row), "keep", KEEP_COPY if self.take_copy[row] else KEEP_MEETING)

    def action_all_copy(self) -> None:
        table = self.query_one("#differences", DataTable)
        for row in range(len(self.found)):
            self.take_copy[row] = True
            table.update_cell(str(row), "keep", KEEP_COPY)

    def action_merge(self) -> None:
        self.dismiss(list(self.take_copy))

    def action_cancel(self) -> None:
        self.dismiss(None)

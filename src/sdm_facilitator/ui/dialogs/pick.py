"""Choose some of a list (people from the people list, conditions met): space ticks, ctrl+s keeps.

The choices are names people typed, so every label is shown literally, never
read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from sdm_facilitator.ui.widgets.literal import literal, literal_line


class PickDialog(ModalScreen[list[str] | None]):
    """A titled list to tick: returns the values ticked, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self, title: str, options: Sequence[tuple[str, str]], chosen: Sequence[str], *, intro: str = ""
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.options = list(options)
        self.chosen = set(chosen)
        self.intro = intro

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(literal(self.pick_title), id="pick-title", markup=False)
            if self.intro:
                yield Static(literal(self.intro), id="pick-intro", markup=False)
            selections = [
                Selection(literal_line(label), value, value in self.chosen) for label, value in self.options
            ]
            yield SelectionList[str](*selections, id="pick-list")
            if not self.options:
                yield Static(literal("Nobody to choose from yet."), classes="empty-note", markup=False)
            yield Static(literal("space: tick or untick · ctrl+s: keep · escape: cancel"), id="pick-help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pick-list", SelectionList).focus()

    def action_save(self) -> None:
        self.dismiss(list(self.query_one("#pick-list", SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)

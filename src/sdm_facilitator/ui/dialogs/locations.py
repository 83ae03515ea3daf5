"""Where the data is: every folder and file the app uses, for a data protection check.

The same list as ``sdm-facilitator locate``, in a dialog opened from the
command palette. Paths are shown literally (a folder name may hold brackets).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sdm_facilitator.storage.locations import describe_locations
from sdm_facilitator.ui.widgets.literal import literal


class LocationsDialog(ModalScreen[None]):
    """Every path the app uses; Escape or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, data_dir: Path) -> None:
        super().__init__(classes="confirm-screen")
        self.data_dir = data_dir

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog locations"):
            yield Static(Content("Where the data is"), classes="dialog-title")
            yield Static(literal("\n".join(describe_locations(self.data_dir))), id="locations-list")
            yield Static(Content("The same list: sdm-facilitator locate"), classes="dialog-help")
            yield Button(Content("Close"), id="locations-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#locations-close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

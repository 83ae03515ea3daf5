"""A dialog that edits one item of the meeting (a person, a report, an agenda part) in place.

Every change is written to the record as it is typed and saved by the
workspace, like everywhere else: there is no separate "save" step to forget,
and closing the dialog (Escape or ctrl+s) keeps everything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static, TextArea

from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.form_fields import FieldBinder


class EditorDialog(HoldsEarlyKeys, FieldBinder, ModalScreen[None]):
    """Base for the item editors: a title, fields in a scrolling body, and Done."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("ctrl+s", "close", "Done", show=False),
    ]

    def __init__(self, title: str, on_edit: Callable[[], None], *, read_only: bool = False) -> None:
        super().__init__(classes="editor-screen")
        self.dialog_title = title
        self.on_edit = on_edit
        self.read_only = read_only

    def body(self) -> ComposeResult:  # pragma: no cover - overridden
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog editor"):
            yield Static(Content(self.dialog_title), classes="dialog-title")
            yield Static(
                Content("Changes are saved as you type. Escape or ctrl+s closes this."),
                classes="dialog-help",
            )
            with VerticalScroll(classes="editor-body", can_focus=False):
                yield from self.body()
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Done (Esc)"), id="editor-done", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        # One line per field, so the first screen holds the fields people fill first
        # (at 80x24 a bordered field takes three lines and only three fit).
        for widget in self.query(".editor-body Input, .editor-body Select"):
            widget.compact = True  # type: ignore[attr-defined]
        if self.read_only:
            for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
                if isinstance(widget, TextArea):
                    widget.read_only = True
                else:
                    widget.disabled = True
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        """Focus the first field, with the body at its top so the field's label shows.

        Focusing normally scrolls the field itself into view, which (before the
        dialog has its final size) can leave its label just above the visible part.
        """
        body = self.query_one(".editor-body", VerticalScroll)
        for widget in body.query("*"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                break
        body.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(body.scroll_home, animate=False, immediate=True)

    def edited(self) -> None:
        if not self.read_only:
            self.on_edit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "editor-done":
            event.stop()
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)

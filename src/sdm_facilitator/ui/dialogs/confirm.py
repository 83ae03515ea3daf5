"""One yes/no question in a dialog, used by every screen that must ask first.

``y`` says yes; ``n`` and Escape say no. Enter presses the focused button, so
questions before removing something focus "No" (a stray Enter keeps the data)
while questions that only move the meeting on may focus "Yes".

``ask_before_discarding`` is the one way dialogs close on Escape when text
typed in them would be lost.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.literal import literal


class Confirm(HoldsEarlyKeys, ModalScreen[bool]):
    """Ask before doing something that matters. Escape means no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        yes: str = "Yes",
        no: str = "No",
        default_yes: bool = False,
    ) -> None:
        super().__init__(classes="confirm-screen")
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no
        self.default_yes = default_yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            # Questions and details may quote what someone typed: always literal.
            yield Static(literal(self.question), classes="confirm-question")
            if self.detail:
                yield Static(literal(self.detail), classes="confirm-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self.yes} (y)"), id="confirm-yes", variant="error")
                yield Button(Content(f"{self.no} (n)"), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.default_yes else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


#: The question every dialog asks before Escape throws typed text away.
DISCARD_QUESTION = "Discard what you typed?"


def ask_before_discarding(dialog: ModalScreen[Any]) -> None:
    """Close ``dialog`` with None, asking first when ``dialog.unsaved_text()`` says so.

    The question focuses "Keep editing", so a second Escape or a stray Enter
    keeps the text; only "Discard" (or y) closes the dialog.
    """
    from sdm_facilitator.ui.contracts import HoldsTypedText

    if not (isinstance(dialog, HoldsTypedText) and dialog.unsaved_text()):
        dialog.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            dialog.dismiss(None)

    dialog.app.push_screen(
        Confirm(
            DISCARD_QUESTION,
            "What you typed in this dialog has not been saved.",
            yes="Discard",
            no="Keep editing",
        ),
        callback=answered,
    )

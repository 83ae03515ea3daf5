"""A question answered by typing a word, for actions that cannot be undone.

Removing a meeting whose work is not closed yet needs the word typed, so no
stray key press (y, Enter) ever deletes a child's record. Escape means no.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.literal import literal


class TypedConfirm(HoldsEarlyKeys, ModalScreen[bool]):
    """Dismiss with True only when ``word`` is typed and Enter pressed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "answer_no", "Keep it")]

    def __init__(self, question: str, detail: str, word: str) -> None:
        super().__init__(classes="confirm-screen")
        self.question = question
        self.detail = detail
        self.word = word

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            # The question names the family label: user text, always literal.
            yield Static(literal(self.question), classes="confirm-question")
            yield Static(literal(self.detail), classes="confirm-detail")
            yield Static(
                Content(f"Type {self.word} and press Enter; Escape keeps it."), classes="dialog-help"
            )
            yield Input(placeholder=f"type {self.word}", max_length=20, id="typed-word", compact=True)
            yield Static(Content(""), id="typed-message")

    def on_mount(self) -> None:
        self.query_one("#typed-word", Input).focus()

    @on(Input.Submitted, "#typed-word")
    def _check(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip().lower() == self.word:
            self.dismiss(True)
        else:
            event.input.value = ""
            self.query_one("#typed-message", Static).update(
                Content(f"Nothing was removed. Type {self.word}, or press Escape.")
            )

    def action_answer_no(self) -> None:
        self.dismiss(False)

"""A large clock with a caption beside it, for timers read at a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits, Static


class TimerDisplay(Horizontal):
    """Big digits plus a short caption (planned length, overrun in words).

    Overrun is said in the caption's words and marked with the ``over``
    class; colour is never the only sign.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)

    def compose(self) -> ComposeResult:
        yield Digits("0:00", classes="timer-digits")
        yield Static("", classes="timer-caption", markup=False)

    def show(self, digits: str, caption: str, *, over: bool = False) -> None:
        """Show ``digits`` (0-9, ``:``, ``+``, ``-``) and a plain-text caption."""
        self.query_one(Digits).update(digits)
        self.query_one(".timer-caption", Static).update(caption)
        self.set_class(over, "over")

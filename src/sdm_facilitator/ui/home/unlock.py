"""The unlock screen of an encrypted store: at start, and after the idle lock.

It is a full screen, not a dialog, so nothing of the screens below (names,
notes) shows around it. The passphrase is checked in a thread (key
derivation takes about half a second and must not freeze the screen). A
wrong passphrase is said plainly, and every miss makes the next try wait
longer (``domain/session_lock.UnlockThrottle``). Escape does nothing here;
ctrl+q still quits, saving first.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from sdm_facilitator.domain.session_lock import UnlockThrottle
from sdm_facilitator.ui.contracts import LockScreen

UNLOCK_TITLE = "Encrypted meetings"


def _seconds(wait: float) -> str:
    whole = max(1, round(wait))
    return f"{whole} second{'s' if whole != 1 else ''}"


class PassphraseInput(Input):
    """The passphrase field; its Enter is named "Unlock" in the footer.

    Enter must be the field's own key: a screen-level Enter could run before
    the field has taken the last keys typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Unlock", show=True)]


class UnlockScreen(LockScreen, Screen[bytes]):
    """Ask for the passphrase; dismiss with the data key once it is right."""

    # The app's idle lock never stacks a second lock screen on this one.

    def __init__(self, data_dir: Path, throttle: UnlockThrottle, *, idle: bool = False) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.throttle = throttle
        self.idle = idle
        self._checking = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(id="unlock"):
            with Vertical(id="unlock-box"):
                if self.idle:
                    intro = "Locked after a time without use. What you were typing is kept; type the passphrase to go on."
                else:
                    intro = "These meetings are encrypted. Type the passphrase to open them."
                yield Static(Content(intro), id="unlock-intro")
                yield PassphraseInput(password=True, id="passphrase", placeholder="Passphrase", compact=True)
                yield Static(Content(""), id="unlock-message")
                yield Static(
                    Content(
                        "Forgotten it? sdm-facilitator passphrase --recovery-key sets a new one with the recovery key."
                    ),
                    classes="muted",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = UNLOCK_TITLE
        self.sub_title = ""
        self.query_one("#passphrase", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#unlock-message", Static).update(Content(text))

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_unlock()

    def action_unlock(self) -> None:
        if self._checking:
            return
        wait = self.throttle.wait_seconds()
        if wait > 0:
            self._say(f"Wrong passphrase. Wait {_seconds(wait)} before trying again.")
            return
        passphrase = self.query_one("#passphrase", Input).value
        if not passphrase:
            self._say("Type the passphrase, then Enter.")
            return
        self._checking = True
        self._say("Checking…")
        self._check(passphrase)

    @work(thread=True, exclusive=True, group="unlock")
    def _check(self, passphrase: str) -> None:
        from sdm_facilitator.storage.crypto import EncryptionUnavailable
        from sdm_facilitator.storage.keyfile import KeyFile, KeyFileError, WrongPassphrase

        try:
            data_key = KeyFile.load(self.data_dir).unlock(passphrase)
        except WrongPassphrase:
            self.app.call_from_thread(self._wrong)
        except (KeyFileError, EncryptionUnavailable) as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self._right, data_key)

    def _wrong(self) -> None:
        self._checking = False
        wait = self.throttle.failed()
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.focus()
        self._say(f"Wrong passphrase. Try again in {_seconds(wait)}.")

    def _failed(self, message: str) -> None:
        self._checking = False
        self._say(f"The store cannot be unlocked: {message}")

    def _right(self, data_key: bytes) -> None:
        self._checking = False
        self.throttle.succeeded()
        self.query_one("#passphrase", Input).value = ""
        self.dismiss(data_key)

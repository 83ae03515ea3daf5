"""Making a new, empty store encrypted from the app, and showing its recovery key once.

Offered from the first-run screen's command palette, before any meeting is
written (encrypting a store that already holds meetings is
``sdm-facilitator encrypt``, which shows its progress). The passphrase is
typed twice; the key is derived in a thread (about half a second). The same
conversion code as the command line writes the key file, so a crash in the
middle leaves a store that opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from sdm_facilitator.storage.keyfile import MIN_PASSPHRASE_LENGTH, new_passphrase_problem

LOST_PASSPHRASE = (
    "Keep it somewhere safe and apart from the laptop. Without the passphrase or this key nobody "
    "(not the app's makers, not your IT team) can read these meetings again."
)


class EncryptStoreDialog(ModalScreen[tuple[bytes, str] | None]):
    """Ask for a new passphrase twice; dismiss with (data key, recovery key) once the store is encrypted."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Not now")]

    def __init__(self, data_dir: Path) -> None:
        super().__init__(classes="confirm-screen")
        self.data_dir = data_dir
        self._working = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Content("Encrypt this store"), classes="dialog-title")
            yield Static(
                Content(
                    f"Choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters (a few words are easiest). "
                    "It will be asked for each time the app starts."
                ),
                classes="dialog-help",
            )
            yield Input(password=True, id="new-passphrase", placeholder="New passphrase", compact=True)
            yield Input(password=True, id="again-passphrase", placeholder="The same again", compact=True)
            yield Static(Content(""), id="encrypt-message")

    def on_mount(self) -> None:
        self.query_one("#new-passphrase", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#encrypt-message", Static).update(Content(text))

    @on(Input.Submitted, "#new-passphrase")
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#again-passphrase", Input).focus()

    @on(Input.Submitted, "#again-passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._working:
            return
        first = self.query_one("#new-passphrase", Input).value
        problem = new_passphrase_problem(first)
        if problem is not None:
            self._say(problem[0].upper() + problem[1:] + ".")
            self.query_one("#new-passphrase", Input).focus()
            return
        if event.value != first:
            event.input.value = ""
            self._say("The two passphrases differ. Type the same one again.")
            return
        self._working = True
        self._say("Encrypting…")
        self._encrypt(first)

    @work(thread=True, exclusive=True, group="encrypt")
    def _encrypt(self, passphrase: str) -> None:
        from sdm_facilitator.storage.conversion import encrypt_store
        from sdm_facilitator.storage.crypto import EncryptionUnavailable, FileCipher
        from sdm_facilitator.storage.keyfile import KeyFile
        from sdm_facilitator.storage.store import StoreError

        try:
            key_file, data_key, recovery = KeyFile.create(passphrase)
            encrypt_store(
                self.data_dir, FileCipher(data_key), create_key_file=lambda: key_file.save(self.data_dir)
            )
        except (EncryptionUnavailable, StoreError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, (data_key, recovery))

    def _failed(self, message: str) -> None:
        self._working = False
        self._say(f"Not encrypted: {message}")

    def action_cancel(self) -> None:
        if not self._working:
            self.dismiss(None)


class RecoveryKeyDialog(ModalScreen[None]):
    """The recovery key, shown this once; closed only by its button."""

    def __init__(self, recovery: str) -> None:
        super().__init__(classes="confirm-screen")
        self.recovery = recovery

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(
                Content("The store is encrypted. Your recovery key (shown this once):"),
                classes="dialog-title",
            )
            yield Static(Content(self.recovery), id="recovery-key")
            yield Static(Content(LOST_PASSPHRASE), classes="dialog-help")
            yield Button(Content("I have written it down"), id="recovery-done", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#recovery-done", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

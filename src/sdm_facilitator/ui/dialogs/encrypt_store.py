"""Making a new, empty store encrypted from the app, with its recovery key confirmed first.

Offered from the first-run screen's command palette, before any meeting is
written (encrypting a store that already holds meetings is
``sdm-facilitator encrypt``, which shows its progress). The passphrase is
typed twice; the key is derived in a thread (about half a second), and
nothing is written yet. Then the recovery key is shown and the person types
its last group back; only then does the same conversion code as the command
line write the key file. Shown after the writing, a crash at the wrong
moment left an encrypted store whose recovery key nobody had seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sdm_facilitator.storage.keyfile import MIN_PASSPHRASE_LENGTH, KeyFile, new_passphrase_problem

LOST_PASSPHRASE = (
    "Keep it somewhere safe and apart from the laptop. Without the passphrase or this key nobody "
    "(not the app's makers, not your IT team) can read these meetings again."
)


@dataclass(frozen=True)
class NewStoreKey:
    """A derived key file, its data key and its recovery key: nothing written yet."""

    key_file: KeyFile
    data_key: bytes
    recovery: str


def write_encrypted_store(data_dir: Path, new: NewStoreKey) -> None:
    """Make the (empty) store encrypted with ``new``: marker, key file, files, as the command line does."""
    from sdm_facilitator.storage.conversion import encrypt_store
    from sdm_facilitator.storage.crypto import FileCipher

    encrypt_store(
        data_dir,
        FileCipher(new.data_key),
        create_key_file=lambda: new.key_file.save(data_dir),
        recovery_key=new.recovery,
    )


class EncryptStoreDialog(ModalScreen[NewStoreKey | None]):
    """Ask for a new passphrase twice; dismiss with the derived key (nothing is written here)."""

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
        self._say("Making the key…")
        self._derive(first)

    @work(thread=True, exclusive=True, group="encrypt")
    def _derive(self, passphrase: str) -> None:
        from sdm_facilitator.storage.crypto import EncryptionUnavailable

        try:
            key_file, data_key, recovery = KeyFile.create(passphrase)
        except EncryptionUnavailable as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, NewStoreKey(key_file, data_key, recovery))

    def _failed(self, message: str) -> None:
        self._working = False
        self._say(f"Not encrypted: {message}")

    def action_cancel(self) -> None:
        if not self._working:
            self.dismiss(None)


class RecoveryKeyDialog(ModalScreen[bool]):
    """The new recovery key, typed back in part before the store is made encrypted.

    ``commit`` (run in a thread once the last group is typed) writes the store;
    the dialog closes with True when it is done, False when the person chose
    not to go on (nothing was written).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Not now")]

    def __init__(self, recovery: str, commit: Callable[[], None]) -> None:
        super().__init__(classes="confirm-screen")
        self.recovery = recovery
        self._commit = commit
        self._working = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(
                Content(
                    "Your recovery key. Write it down now: nothing is encrypted until you type its last group."
                ),
                classes="dialog-title",
            )
            yield Static(Content(self.recovery), id="recovery-key")
            yield Static(Content(LOST_PASSPHRASE), classes="dialog-help")
            yield Input(
                id="recovery-confirm", placeholder="The last group (after the last dash)", compact=True
            )
            yield Static(Content(""), id="recovery-message")

    def on_mount(self) -> None:
        self.query_one("#recovery-confirm", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#recovery-message", Static).update(Content(text))

    @on(Input.Submitted, "#recovery-confirm")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._working:
            return
        last_group = self.recovery.rsplit("-", 1)[-1]
        if "".join(c for c in event.value.upper() if c.isalnum()) != last_group:
            event.input.value = ""
            self._say(f"That is not the last group: the {len(last_group)} characters after the last dash.")
            return
        self._working = True
        self._say("Encrypting…")
        self._write()

    @work(thread=True, exclusive=True, group="encrypt")
    def _write(self) -> None:
        from sdm_facilitator.storage.store import StoreError

        try:
            self._commit()
        except (StoreError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, True)

    def _failed(self, message: str) -> None:
        self._working = False
        self._say(f"Not encrypted: {message}")

    def action_cancel(self) -> None:
        if not self._working:
            self.dismiss(False)

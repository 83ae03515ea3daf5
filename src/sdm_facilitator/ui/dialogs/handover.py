"""Handing the open meeting over to a colleague, from its command palette.

The same as ``sdm-facilitator handover``: who it goes to, who hands it over,
where the file goes (a folder: the app names the file without any name from
the meeting), and either a passphrase typed twice or the colleague's handover
key file (``sdm-facilitator handover-key`` on their laptop), which needs no
passphrase passed between the two of them. The file is sealed and written in a
thread (the passphrase's key takes about half a second) while the dialog stays
up, so nothing is typed into the meeting meanwhile; ``commit`` (given by the
meeting screen) does the writing and leaves the meeting read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Static

from sdm_facilitator.storage.handover_key import HandoverKeyError, PublicKey, read_public_key
from sdm_facilitator.storage.keyfile import MIN_PASSPHRASE_LENGTH, new_passphrase_problem


@dataclass(frozen=True)
class HandoverRequest:
    """What the coordinator asked for (the passphrase never leaves memory)."""

    to: str
    by: str
    output: Path
    passphrase: str
    with_reviews: bool
    #: The colleague's public key, when the file is sealed for it rather than with a passphrase.
    recipient: bytes | None = None

    def seal(self, plain: bytes) -> bytes:
        """The file's bytes: sealed for the colleague's key when one was given, else with the passphrase."""
        from sdm_facilitator.storage import handover_file

        if self.recipient is not None:
            return handover_file.seal_for_recipient(plain, self.recipient)
        return handover_file.seal_with_passphrase(plain, self.passphrase)


class HandoverDialog(ModalScreen[str | None]):
    """Ask where and to whom; dismiss with the line saying what was written, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "hand_over", "Hand over", priority=True),
    ]

    def __init__(self, folder: Path, by: str, commit: Callable[[HandoverRequest], str]) -> None:
        super().__init__(classes="confirm-screen")
        self.folder = folder
        self.by = by
        self._commit = commit
        self._working = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Content("Hand this meeting over to a colleague"), classes="dialog-title")
            yield Static(
                Content(
                    "One encrypted file for your colleague to import. This copy then becomes read-only. "
                    "Seal it with a passphrase (tell them it another way than the file) or with their "
                    "handover key file."
                ),
                classes="dialog-help",
            )
            yield from _row(
                "Goes to", Input(id="handover-to", placeholder="your colleague's name", compact=True)
            )
            yield from _row(
                "Handed over by", Input(self.by, id="handover-by", placeholder="your name", compact=True)
            )
            yield from _row(
                "Write the file in",
                Input(str(self.folder), id="handover-output", placeholder="a folder or a file", compact=True),
            )
            yield Checkbox(
                "With its review meetings, if it has any", True, id="handover-reviews", compact=True
            )
            yield from _row(
                "Passphrase",
                Input(
                    password=True,
                    id="handover-passphrase",
                    placeholder=f"at least {MIN_PASSPHRASE_LENGTH} characters: a few words",
                    compact=True,
                ),
            )
            yield from _row(
                "The same again",
                Input(password=True, id="handover-again", placeholder="to be sure", compact=True),
            )
            yield from _row(
                "Or their key file",
                Input(id="handover-key", placeholder="instead of a passphrase", compact=True),
            )
            yield Static(Content(""), id="handover-message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#handover-to", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#handover-message", Static).update(Content(text))

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "handover-key" or (
            event.input.id == "handover-again" and not self.query_one("#handover-key", Input).value.strip()
        ):
            self._submit()
        else:
            self.focus_next()

    def _submit(self) -> None:
        if self._working:
            return
        key_field = self.query_one("#handover-key", Input)
        first = self.query_one("#handover-passphrase", Input).value
        recipient = None
        if key_field.value.strip():
            public = self._public_key(key_field.value.strip())
            if public is None:
                return
            if first:
                self._say("A key file or a passphrase, not both: clear one of them.")
                return
            recipient = public.raw
            if not self.query_one("#handover-to", Input).value.strip():
                self.query_one("#handover-to", Input).value = public.owner
        to = self.query_one("#handover-to", Input).value.strip()
        if not to:
            self._say("Say who the meeting goes to.")
            self.query_one("#handover-to", Input).focus()
            return
        if recipient is not None:
            self._start(to, "", recipient)
            return
        problem = (
            new_passphrase_problem(first) if first else "type a passphrase twice, or give their key file"
        )
        if problem is not None:
            self._say(problem[0].upper() + problem[1:] + ".")
            self.query_one("#handover-passphrase", Input).focus()
            return
        again = self.query_one("#handover-again", Input)
        if again.value != first:
            again.value = ""
            self._say("The two passphrases differ. Type the same one again.")
            return
        self._start(to, first, None)

    def _public_key(self, typed: str) -> PublicKey | None:
        """The colleague's key from the file named, or None having said what is wrong with it."""
        try:
            return read_public_key(Path(typed).expanduser())
        except HandoverKeyError as error:
            self._say(f"That key file cannot be used: {error}.")
            self.query_one("#handover-key", Input).focus()
            return None

    def _start(self, to: str, passphrase: str, recipient: bytes | None) -> None:
        request = HandoverRequest(
            to=to,
            by=self.query_one("#handover-by", Input).value.strip(),
            output=Path(
                self.query_one("#handover-output", Input).value.strip() or str(self.folder)
            ).expanduser(),
            passphrase=passphrase,
            with_reviews=self.query_one("#handover-reviews", Checkbox).value,
            recipient=recipient,
        )
        self._working = True
        self._say("Sealing the file…")
        self._write(request)

    @work(thread=True, exclusive=True, group="handover")
    def _write(self, request: HandoverRequest) -> None:
        from sdm_facilitator.storage.crypto import EncryptionUnavailable
        from sdm_facilitator.storage.store import StoreError

        try:
            done = self._commit(request)
        except (StoreError, EncryptionUnavailable, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, done)

    def _failed(self, message: str) -> None:
        self._working = False
        self._say(f"Not handed over: {message[0].upper()}{message[1:]}")

    def action_hand_over(self) -> None:
        """ctrl+s: write the file now, from whichever box has the focus (Enter walks the boxes)."""
        self._submit()

    def action_cancel(self) -> None:
        if not self._working:
            self.dismiss(None)


def _row(label: str, box: Input) -> ComposeResult:
    """One labelled box: the label stays when the box has text (a placeholder alone vanished)."""
    with Horizontal(classes="handover-row"):
        yield Label(label, classes="handover-label")
        yield box

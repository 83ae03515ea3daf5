"""The first-run screen: what the app is for, and two ways to start.

Shown when the data folder has no meetings at all. The demo option fills a
temporary folder with fictional meetings (the person's own folder stays
empty and untouched) and can be left again from the command palette.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.app_access import sdm_app

WELCOME = """sdm-facilitator helps you prepare, run and follow up shared decision-making meetings with \
families: family group conferences, family group decision-making, family unity meetings, participative \
child protection conferences and child in need meetings.

• Before the day: the guide's preparation steps with the reason for each, who is invited and prepared, \
what the family chose, how each child takes part, and one readiness panel saying what is still open.
• On the day and after: the agenda, the family's plan in their own words, and the follow-up.

Everything is saved as you type, in plain text files on this computer. Every action has a key, shown \
at the bottom; ctrl+p lists them all."""


@dataclass
class _DemoState:
    real_store: MeetingStore
    real_dir: Path
    real_demo: bool
    real_sub_title: str
    folder: Path


_demos: weakref.WeakKeyDictionary[App[Any], _DemoState] = weakref.WeakKeyDictionary()


def start_demo(app: App[Any]) -> None:
    """Switch the app to fictional demo meetings in a temporary folder."""
    from sdm_facilitator.demo import write_demo

    if app in _demos:
        return
    folder = Path(tempfile.mkdtemp(prefix="sdm-facilitator-demo-"))
    write_demo(folder, today=sdm_app(app).today())
    _demos[app] = _DemoState(
        sdm_app(app).store, sdm_app(app).data_dir, sdm_app(app).demo, sdm_app(app).sub_title, folder
    )
    weakref.finalize(app, shutil.rmtree, folder, True)
    sdm_app(app).store = MeetingStore(folder)
    sdm_app(app).note_store_changed()
    sdm_app(app).data_dir = folder
    sdm_app(app).demo = True
    app.sub_title = "demo data (fictional): ctrl+p, 'Leave the demo' to go back"


def leave_demo(app: App[Any]) -> bool:
    """Back to the person's own folder; the demo folder is removed. False if not in a demo."""
    state = _demos.pop(app, None)
    if state is None:
        return False
    sdm_app(app).flush_all()
    sdm_app(app).store = state.real_store
    sdm_app(app).note_store_changed()
    sdm_app(app).data_dir = state.real_dir
    sdm_app(app).demo = state.real_demo
    app.sub_title = state.real_sub_title
    shutil.rmtree(state.folder, ignore_errors=True)
    return True


def in_started_demo(app: App[Any]) -> bool:
    return app in _demos


class FirstRunScreen(Screen[str | None]):
    """Welcome: what the app does; create a meeting or try the demo."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('new')", "New meeting"),
        Binding("d", "demo", "Try the demo"),
        Binding("escape", "choose('')", "Skip"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(id="first-run"):
            with Vertical(id="first-run-box"):
                yield Static(Content("Welcome to sdm-facilitator"), id="first-run-title")
                yield Static(Content(WELCOME), id="first-run-text")
                with Horizontal(classes="dialog-buttons"):
                    yield Button(Content("New meeting (n)"), id="first-new", variant="primary")
                    yield Button(Content("Try the demo (d)"), id="first-demo")
                yield Static(
                    Content(
                        "The demo uses fictional families in a temporary folder; your own folder stays empty."
                    ),
                    classes="muted",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Welcome"
        self.query_one("#first-new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "first-new":
            self.action_choose("new")
        elif event.button.id == "first-demo":
            self.action_demo()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

    def action_demo(self) -> None:
        start_demo(self.app)
        self.dismiss("demo")

    def action_encrypt(self) -> None:
        """Make the (still empty) store encrypted: passphrase, then the recovery key confirmed, then written."""
        from sdm_facilitator.ui.dialogs.encrypt_store import (
            EncryptStoreDialog,
            NewStoreKey,
            RecoveryKeyDialog,
            write_encrypted_store,
        )

        data_dir = sdm_app(self).data_dir

        def derived(new: NewStoreKey | None) -> None:
            if new is None:
                return

            def written(done: bool | None) -> None:
                from sdm_facilitator.storage.crypto import FileCipher

                if not done:
                    self.app.notify("The store was not encrypted; nothing was written.")
                    return
                sdm_app(self).store.cipher = FileCipher(new.data_key)
                sdm_app(self).note_store_changed()
                self.app.lock_guard.start_watching()  # type: ignore[attr-defined]
                self.app.notify("The store is encrypted.")

            self.app.push_screen(
                RecoveryKeyDialog(new.recovery, lambda: write_encrypted_store(data_dir, new)), written
            )

        self.app.push_screen(EncryptStoreDialog(data_dir), derived)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("New meeting", "n", lambda: self.action_choose("new"))
        yield SystemCommand("Try the demo", "d: fictional meetings in a temporary folder", self.action_demo)
        if not sdm_app(self).store.encrypted and not in_started_demo(self.app):
            yield SystemCommand(
                "Encrypt this store",
                "A passphrase at every start (needs the encryption extra)",
                self.action_encrypt,
            )

"""An encrypted store in the app: the unlock screen at start, and the idle lock on a fake clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("cryptography")

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from sdm_facilitator.storage.settings import Settings, save_settings
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.home.unlock import UnlockScreen
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from support.app_helpers import FakeClock, make_app
from support.pilot_helpers import into_the_room, run_palette_command, screen_text, settle, type_text
from support.privacy_helpers import PASSPHRASE, make_encrypted_store, named_meeting, names_on_disk


async def submit(pilot: Pilot[int], app: SdmApp, text: str) -> None:
    """Type into the passphrase field, press Enter and wait for the check."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await settle(pilot)


def message(app: SdmApp) -> str:
    return str(app.screen.query_one("#unlock-message").render())


async def unlock(pilot: Pilot[int], app: SdmApp) -> None:
    assert isinstance(app.screen, UnlockScreen)
    await submit(pilot, app, PASSPHRASE)
    assert isinstance(app.screen, HomeScreen), message(app)


async def test_unlock_screen_first_then_the_meetings(isolated_data_dir: Path) -> None:
    store, _ = make_encrypted_store(isolated_data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    clock = FakeClock()
    app = make_app(isolated_data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert "Quillfeather" not in screen_text(app)
        await submit(pilot, app, "not the passphrase")
        assert isinstance(app.screen, UnlockScreen)
        assert message(app) == "Wrong passphrase. Try again in 1 second."
        assert app.screen.query_one("#passphrase", Input).value == ""
        # Straight away again: refused without even checking.
        await submit(pilot, app, PASSPHRASE)
        assert isinstance(app.screen, UnlockScreen) and "Wait 1 second before" in message(app)
        app.screen.query_one("#passphrase", Input).value = ""
        await submit(pilot, app, "wrong again")
        clock.advance(seconds=1)
        await submit(pilot, app, "wrong again")
        assert "Try again in 2 seconds" in message(app)
        clock.advance(seconds=2)
        await unlock(pilot, app)
        table = app.screen.query_one(DataTable)
        assert meeting.id in [row.value for row in table.rows]


async def test_idle_lock_keeps_what_was_typed_and_shows_no_names(isolated_data_dir: Path) -> None:
    store, _ = make_encrypted_store(isolated_data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    save_settings(isolated_data_dir, Settings(idle_lock_minutes=5))
    clock = FakeClock()
    app = make_app(isolated_data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await unlock(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "quill")
        clock.advance(minutes=4, seconds=59)
        assert not app.lock_guard.check()
        clock.advance(seconds=1)
        on_disk = store.path_for(meeting.id).read_bytes()
        assert app.lock_guard.check()
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen) and app.screen.idle
        text = screen_text(app)
        assert "Quillfeather" not in text and "Locked after a time without use" in text
        assert not app.lock_guard.check(), "never a second lock screen"
        await submit(pilot, app, PASSPHRASE)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#filter", Input).value == "quill"
        assert store.path_for(meeting.id).read_bytes() == on_disk
        # The count starts again after unlocking.
        clock.advance(minutes=4)
        assert not app.lock_guard.check()


async def test_key_presses_keep_the_app_unlocked(isolated_data_dir: Path) -> None:
    make_encrypted_store(isolated_data_dir)
    clock = FakeClock()
    app = make_app(isolated_data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot, app, PASSPHRASE)
        for _ in range(4):
            clock.advance(minutes=10)
            await pilot.press("down")
            assert not app.lock_guard.check()


async def test_private_family_time_never_locks(isolated_data_dir: Path) -> None:
    from support.room_fixtures import room_app, room_meeting

    store, _ = make_encrypted_store(isolated_data_dir)
    meeting = room_meeting()
    meeting.record.started = FakeClock().now - timedelta(minutes=20)
    store.close(store.create(meeting))
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await submit(pilot, app, PASSPHRASE)
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")  # start family time
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        clock.advance(hours=2)
        assert not app.lock_guard.check()
        assert isinstance(app.screen, FamilyTimeScreen)
        # Back with the professionals: the idle time counts from there.
        await pilot.press("ctrl+e", "b", "a", "c", "k", "enter")
        await settle(pilot)
        assert not app.lock_guard.check()
        clock.advance(minutes=15)
        assert app.lock_guard.check()
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert "Kerry Hollins" not in screen_text(app)


async def test_after_an_error_no_name_is_on_disk_in_an_encrypted_store(isolated_data_dir: Path) -> None:
    """The crash path saves (encrypted) and writes a report: neither holds a name."""
    from hardening.test_crash_handling import _fail, _wait_for_dialog
    from sdm_facilitator.storage.store import MeetingStore
    from sdm_facilitator.ui.workspace.screen import MeetingScreen

    store, _ = make_encrypted_store(isolated_data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    app = make_app(isolated_data_dir, FakeClock())
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await unlock(pilot, app)
        app.open_meeting(meeting.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen.session.meeting.referral.strengths = "Marguerite Vantablack visits Ottoline daily"
        screen.session.mark_changed()
        screen.set_timer(0.01, lambda: _fail("Zebedee Quillfeather"))
        await _wait_for_dialog(app)
        assert list((isolated_data_dir / "error-reports").iterdir()), "a report was written"
        assert names_on_disk(isolated_data_dir) == []
    saved = MeetingStore(isolated_data_dir, cipher=store.cipher).open(meeting.id, lock=False).meeting
    assert saved.referral.strengths == "Marguerite Vantablack visits Ottoline daily"


async def test_encrypt_a_new_store_from_the_first_run_screen(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdm_facilitator.storage import keyfile
    from sdm_facilitator.storage.crypto import is_encrypted
    from sdm_facilitator.ui.dialogs.encrypt_store import EncryptStoreDialog, RecoveryKeyDialog
    from sdm_facilitator.ui.home.first_run import FirstRunScreen
    from support.privacy_helpers import cheap_params

    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        await run_palette_command(pilot, "encrypt this store")
        assert isinstance(app.screen, EncryptStoreDialog)
        await type_text(pilot, "short")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "at least 10 characters" in screen_text(app)
        app.screen.query_one("#new-passphrase", Input).value = ""
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await type_text(pilot, PASSPHRASE + "x")
        await pilot.press("enter")
        await settle(pilot)
        assert "The two passphrases differ" in screen_text(app)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, RecoveryKeyDialog)
        recovery = app.screen.recovery
        assert recovery in screen_text(app)
        # Nothing is written until the recovery key's last group is typed back.
        assert not app.store.encrypted and not (isolated_data_dir / "store-key.toml").exists()
        await type_text(pilot, "1111")  # never in a recovery key: 1 is not a base32 digit
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryKeyDialog) and "not the last group" in screen_text(app)
        assert not app.store.encrypted
        await type_text(pilot, recovery.rsplit("-", 1)[-1].lower())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        assert app.store.encrypted and not app.store.locked
        meeting = named_meeting()
        app.store.close(app.store.create(meeting))
        assert is_encrypted(app.store.path_for(meeting.id).read_bytes())
        assert keyfile.KeyFile.load(isolated_data_dir).unlock_with_recovery_key(recovery)
    assert names_on_disk(isolated_data_dir) == []


async def test_absurd_key_derivation_settings_are_said_on_the_unlock_screen(isolated_data_dir: Path) -> None:
    make_encrypted_store(isolated_data_dir)
    key_path = isolated_data_dir / "store-key.toml"
    key_path.write_text(key_path.read_text().replace("memory_kib = 64", "memory_kib = 4294967295"))
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot, app, PASSPHRASE)
        assert isinstance(app.screen, UnlockScreen)
        assert "cannot be unlocked" in message(app) and "memory_kib = 4294967295" in message(app)

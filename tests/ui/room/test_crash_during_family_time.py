"""An unexpected error during private family time never uncovers the case notes or the shell."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from textual.widgets import Digits, Static

from sdm_facilitator.ui.crash import CrashDialog
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_NOW, FakeClock, reload, save_meetings
from support.pilot_helpers import into_the_room, settle
from support.room_fixtures import SECRETS, room_app, secret_meeting


class FamilyTimeBug(RuntimeError):
    pass


def _fail() -> None:
    raise FamilyTimeBug("boom")


async def _wait_for(app, kind, not_this=None):  # type: ignore[no-untyped-def]
    for _ in range(150):
        if isinstance(app.screen, kind) and app.screen is not not_this:
            return app.screen
        await asyncio.sleep(0.02)
    raise AssertionError(f"expected {kind.__name__}; screen is {app.screen}")


def _shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def _in_family_time(pilot, app, clock: FakeClock):  # type: ignore[no-untyped-def]
    meeting = secret_meeting()
    save_meetings(app.data_dir, meeting)
    await into_the_room(pilot, app, meeting.id)
    await pilot.press("h")  # the chair hides names before the family comes back in
    await pilot.press("f", "enter")
    await settle(pilot)
    privacy = app.screen
    assert isinstance(privacy, FamilyTimeScreen)
    clock.advance(minutes=10)
    return meeting, privacy


async def test_error_in_family_time_carries_on_into_the_privacy_screen(isolated_data_dir: Path) -> None:
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        meeting, privacy = await _in_family_time(pilot, app, clock)
        privacy.set_timer(0.01, _fail)  # an error in the privacy screen's own timer
        dialog = await _wait_for(app, CrashDialog)
        assert dialog.family_time and dialog.blocks_quit
        assert "Private family time was running" in _shown(app)

        # Escape, q and ctrl+q leave the dialog where it is: nothing behind it is uncovered.
        for key in ("escape", "q", "ctrl+q"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is dialog, f"{key} must not close the dialog during family time"
            assert app.is_running and app.return_code is None
        assert "stays until a button is pressed" in _shown(app)
        assert not app.use_command_palette

        await pilot.press("enter")  # "Carry on" has the focus
        rebuilt = await _wait_for(app, FamilyTimeScreen, not_this=privacy)
        await settle(pilot)
        assert app.screen is rebuilt, "back to the privacy screen, not the workspace"
        below = app.screen_stack[-2]
        assert isinstance(below, MeetingScreen) and below.session.meeting.id == meeting.id
        assert rebuilt.session is below.session
        shown = _shown(app)
        assert not any(secret in shown for secret in SECRETS.values())
        # The countdown resumes from the stored start: 60 planned, 10 gone.
        assert rebuilt.query_one("#family-countdown Digits", Digits).value.startswith("50:")
        assert reload(isolated_data_dir, meeting.id).record.family_time_start == FIXED_NOW
        assert not app.use_command_palette, "the command palette stays off on the rebuilt privacy screen"

        # Ending family time the usual way gives the palette back.
        await pilot.press("ctrl+e", "b", "a", "c", "k", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.use_command_palette
    assert reload(isolated_data_dir, meeting.id).record.family_time_end == FIXED_NOW + timedelta(minutes=10)


async def test_error_in_a_family_time_key_keeps_the_privacy_screen(isolated_data_dir: Path) -> None:
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        _, privacy = await _in_family_time(pilot, app, clock)
        privacy.action_explode = _fail  # type: ignore[attr-defined]
        privacy._bindings.bind("f12", "explode")
        await pilot.press("f12")
        dialog = await _wait_for(app, CrashDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog
        await pilot.click("#carry-on")
        await settle(pilot)
        assert app.screen is privacy, "the same privacy screen, still working"
        assert not app.use_command_palette


async def test_escape_still_carries_on_outside_family_time(isolated_data_dir: Path) -> None:
    meeting = secret_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        chair.set_timer(0.01, _fail)
        dialog = await _wait_for(app, CrashDialog)
        assert not dialog.family_time and not dialog.blocks_quit
        await pilot.press("escape")
        workspace = await _wait_for(app, MeetingScreen)
        assert workspace.session.meeting.id == meeting.id

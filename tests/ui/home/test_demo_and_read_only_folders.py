"""No meeting is lost with the demo, and unsafe or read-only data folders open read-only with a banner."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from app_helpers import make_app, new_meeting, reload, save_meetings
from sdm_facilitator.storage import files
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.home.first_run import FirstRunScreen, in_started_demo
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.home.new_meeting import NewMeetingScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


async def test_no_meeting_is_made_inside_the_first_run_demo(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("d")
        await pilot.pause()
        assert in_started_demo(app) and isinstance(app.screen, HomeScreen)
        demo_folder = app.data_dir
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # asked, nothing made in the demo
        assert "deleted with the demo" in str(app.screen.query_one(".confirm-detail", Static).content)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert not in_started_demo(app) and not demo_folder.exists()
        assert app.data_dir == isolated_data_dir
        assert isinstance(app.screen, NewMeetingScreen)  # the meeting is made in the person's own folder


async def test_staying_in_the_demo_makes_no_meeting(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")  # "Stay in the demo"
        await pilot.pause()
        assert in_started_demo(app) and isinstance(app.screen, HomeScreen)


@posix_only
async def test_a_folder_others_can_change_opens_read_only_with_the_chmod(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Okafor family")
    save_meetings(isolated_data_dir, meeting)
    isolated_data_dir.chmod(0o777)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        banner = app.screen.query_one("#folder-banner", Static)
        assert banner.display and banner.has_class("shown")
        words = str(banner.content)
        assert "Read-only" in words and f"chmod go-w {isolated_data_dir}" in words
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no new meeting into an unsafe folder
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.session.read_only
        assert "chmod go-w" in str(app.screen.query_one("#banner", Static).content)
    assert reload(isolated_data_dir, meeting.id) == meeting


@posix_only
async def test_a_folder_that_cannot_be_made_private_opens_read_only_instead_of_stopping(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_meetings(isolated_data_dir, new_meeting(label="Okafor family"))
    (isolated_data_dir / "meetings").chmod(0o755)

    def not_owner(fd: int, mode: int) -> None:
        raise PermissionError(1, os.strerror(1))

    monkeypatch.setattr(files.os, "fchmod", not_owner)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.screen.rows
        assert "can only be read" in str(app.screen.query_one("#folder-banner", Static).content)

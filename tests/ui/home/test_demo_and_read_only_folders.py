"""No meeting is lost with the demo, and unsafe or read-only data folders open read-only with a banner."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from sdm_facilitator.storage import files
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.home.first_run import FirstRunScreen, in_started_demo
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.home.new_meeting import NewMeetingScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import make_app, new_meeting, reload, save_meetings

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


def _give_to_another_user(data_dir: Path, tmp_path: Path) -> list[Path]:
    if os.geteuid() != 0:
        pytest.skip("only the superuser can give a folder to another user on this machine")
    import pwd

    os.chown(data_dir, pwd.getpwnam("nobody").pw_uid, -1)
    return [data_dir]


def _link_the_meetings_folder(data_dir: Path, tmp_path: Path) -> list[Path]:
    elsewhere = tmp_path / "elsewhere"
    (data_dir / "meetings").rename(elsewhere)
    (data_dir / "meetings").symlink_to(elsewhere, target_is_directory=True)
    return [data_dir, elsewhere]


def _open_to_everyone(data_dir: Path, tmp_path: Path) -> list[Path]:
    data_dir.chmod(0o777)
    return [data_dir]


@posix_only
@pytest.mark.parametrize(
    "unsafe",
    [_open_to_everyone, _give_to_another_user, _link_the_meetings_folder],
    ids=["world-writable", "another owner", "linked meetings folder"],
)
async def test_a_folder_refused_as_not_private_gets_no_byte_written_not_even_the_index(
    unsafe: object, isolated_data_dir: Path, tmp_path: Path
) -> None:
    """Read-only means nothing is written: the summary index (names) stays in memory, no lock file is made."""
    from support.privacy_snapshot import tree_snapshot

    meetings = [new_meeting(label="Okafor family"), new_meeting(label="Quillfeather family")]
    save_meetings(isolated_data_dir, *meetings)
    roots = unsafe(isolated_data_dir, tmp_path)  # type: ignore[operator]
    before = tree_snapshot(*roots)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(app.screen.rows) == 2
        assert "Read-only" in str(app.screen.query_one("#folder-banner", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.session.read_only
        from sdm_facilitator.ui.dialogs.export import ExportRequest

        paper = isolated_data_dir / "exports" / "plan.html"
        app.screen._write_export(ExportRequest("plan", "html", paper), replace=False)
        await pilot.pause()
        assert not paper.exists()  # not a paper, nor its record, into a folder that is only read
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.screen.action_refresh()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        assert len(app.screen.rows) == 2  # type: ignore[attr-defined]
    assert tree_snapshot(*roots) == before


@posix_only
async def test_a_meetings_folder_its_owner_made_read_only_opens_read_only(isolated_data_dir: Path) -> None:
    """``chmod 500``: the app does not make it writable again; it shows the banner and changes nothing."""
    from support.privacy_snapshot import tree_snapshot

    meeting = new_meeting(label="Okafor family")
    save_meetings(isolated_data_dir, meeting)
    meetings_folder = isolated_data_dir / "meetings"
    meetings_folder.chmod(0o500)
    try:
        before = tree_snapshot(isolated_data_dir)
        app = make_app(isolated_data_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and app.screen.rows
            words = str(app.screen.query_one("#folder-banner", Static).content)
            assert "Read-only" in words and "made read-only by its owner (mode 0500)" in words
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # no new meeting
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen) and app.screen.session.read_only
        assert tree_snapshot(isolated_data_dir) == before
    finally:
        meetings_folder.chmod(0o700)


async def test_encrypted_meetings_without_their_key_file_show_how_to_restore_it(
    isolated_data_dir: Path,
) -> None:
    """No unlock screen that cannot work, no plain store: the problem, how to restore the key, nothing written."""
    pytest.importorskip("cryptography")
    from sdm_facilitator.storage.keyfile import key_file_path
    from support.privacy_helpers import make_encrypted_store, named_meeting, names_on_disk
    from support.privacy_snapshot import tree_snapshot

    store, _recovery = make_encrypted_store(isolated_data_dir)
    store.close(store.create(named_meeting()))
    key_file_path(isolated_data_dir).rename(isolated_data_dir.parent / "moved-away-store-key.toml")
    before = tree_snapshot(isolated_data_dir)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        words = str(app.screen.query_one("#folder-banner", Static).content)
        assert "key file is missing" in words and str(key_file_path(isolated_data_dir)) in words
        assert app.screen.listing.unreadable  # the sealed file, listed with its reason
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no meeting written in clear
        await app.workers.wait_for_complete()
    assert tree_snapshot(isolated_data_dir) == before
    assert names_on_disk(isolated_data_dir) == []

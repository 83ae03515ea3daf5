"""Two copies of the app, and files changed behind the app's back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

import sdm_facilitator
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.store import ConflictError, MeetingStore, ReadOnlyError, parse_meeting_bytes
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import make_app, new_meeting, save_meetings

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

LOCK_HOLDER = """
import sys
from pathlib import Path
from sdm_facilitator.storage.lock import MeetingLock
lock = MeetingLock(Path(sys.argv[1]))
assert lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_lock_is_released_when_the_holding_process_dies(tmp_path: Path) -> None:
    lock_path = tmp_path / ".m.lock"
    env = dict(os.environ, PYTHONPATH=str(Path(sdm_facilitator.__file__).resolve().parents[1]))
    child = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        mine = MeetingLock(lock_path)
        assert not mine.acquire(), "the lock must exclude other processes while held"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        assert mine.acquire(), "a dead process must not keep the meeting locked"
        assert lock_path.exists(), "the lock file stays; only the OS lock matters"
        mine.release()
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream:
                stream.close()


def test_second_open_is_read_only_and_cannot_save(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Locked family")
    store = save_meetings(isolated_data_dir, meeting)
    first = store.open(meeting.id)
    assert not first.read_only and first.lock is not None
    second = MeetingStore(isolated_data_dir).open(meeting.id)
    assert second.read_only
    assert "another copy" in (second.read_only_reason or "")
    before = store.path_for(meeting.id).read_bytes()
    second.meeting.family_label = "changed in the second copy"
    with pytest.raises(ReadOnlyError):
        MeetingStore(isolated_data_dir).save(second, now=NOW)
    assert store.path_for(meeting.id).read_bytes() == before
    store.close(first)
    third = MeetingStore(isolated_data_dir).open(meeting.id)
    assert not third.read_only, "closing the first copy frees the meeting"
    store.close(third)


def test_changed_on_disk_is_never_overwritten_and_both_versions_kept(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Original")
    store = save_meetings(isolated_data_dir, meeting)
    opened = store.open(meeting.id)
    path = store.path_for(meeting.id)
    # Someone else (a sync tool, an editor) changes the file behind our back.
    theirs = store.open(meeting.id, lock=False).meeting
    theirs.family_label = "Changed elsewhere"
    path.write_text(meeting_to_toml(theirs), encoding="utf-8")
    on_disk = path.read_bytes()

    opened.meeting.family_label = "Changed here"
    with pytest.raises(ConflictError) as info:
        store.save(opened, now=NOW)
    assert path.read_bytes() == on_disk, "the other version is left exactly as it is"
    copy = info.value.copy_path
    assert copy.parent == path.parent and "conflict copy" in copy.name and meeting.id in copy.name
    assert copy.name in str(info.value), "the user is told where their version is"
    ours, _ = parse_meeting_bytes(copy.read_bytes(), copy)
    assert ours.family_label == "Changed here" and ours.id == meeting.id

    listing = store.list_meetings()
    assert [m.meeting.family_label for m in listing.meetings] == ["Changed elsewhere"]
    assert [c.path for c in listing.conflicts] == [copy]
    assert listing.conflicts[0].meeting_id == meeting.id
    store.close(opened)


def test_same_size_same_mtime_change_is_still_detected(isolated_data_dir: Path) -> None:
    """A same-size edit with a barely different mtime is caught (size alone is not trusted)."""
    meeting = new_meeting(label="AAAA")
    store = save_meetings(isolated_data_dir, meeting)
    opened = store.open(meeting.id)
    path = store.path_for(meeting.id)
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"AAAA", b"BBBB"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    opened.meeting.family_label = "ours"
    with pytest.raises(ConflictError):
        store.save(opened, now=NOW)
    assert b"BBBB" in path.read_bytes()
    store.close(opened)


@pytest.mark.parametrize(
    "name",
    [
        "{id} (conflicted copy 2026-01-02).toml",
        "{id} (Laptop's conflicted copy).toml",
        "{id}-DESKTOP-AB12.toml",
        "{id} (1).toml",
    ],
)
def test_sync_conflict_copies_are_listed_never_deleted(isolated_data_dir: Path, name: str) -> None:
    meeting = new_meeting(label="Synced")
    store = save_meetings(isolated_data_dir, meeting)
    original = store.path_for(meeting.id)
    sync_copy = original.with_name(name.format(id=meeting.id))
    sync_copy.write_bytes(original.read_bytes())
    before = {p.name: p.read_bytes() for p in store.folder.iterdir()}
    listing = store.list_meetings()
    assert [m.path for m in listing.meetings] == [original]
    assert [(c.path, c.meeting_id) for c in listing.conflicts] == [(sync_copy, meeting.id)]
    store.ensure()
    assert {p.name: p.read_bytes() for p in store.folder.iterdir()} == before, "nothing merged or deleted"


def test_cli_list_names_conflict_copies(isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sdm_facilitator.cli import main

    meeting = new_meeting(label="Synced")
    store = save_meetings(isolated_data_dir, meeting)
    original = store.path_for(meeting.id)
    sync_copy = original.with_name(f"{meeting.id} (conflicted copy).toml")
    sync_copy.write_bytes(original.read_bytes())
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert sync_copy.name in out
    assert "Conflict copies" in out


async def test_second_app_copy_gets_read_only_banner(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Two copies")
    save_meetings(isolated_data_dir, meeting)
    first, second = make_app(isolated_data_dir), make_app(isolated_data_dir)
    async with first.run_test(size=(100, 30)) as pilot1, second.run_test(size=(100, 30)) as pilot2:
        first.open_meeting(meeting.id)
        await pilot1.pause()
        assert isinstance(first.screen, MeetingScreen)
        assert not first.screen.query_one("#banner", Static).display

        second.open_meeting(meeting.id)
        await pilot2.pause()
        screen = second.screen
        assert isinstance(screen, MeetingScreen)
        banner = screen.query_one("#banner", Static)
        assert banner.display
        text = str(banner.render())
        assert text.startswith("Read-only:")
        assert "open in another copy of sdm-facilitator" in text
        assert screen.session.read_only

        before = MeetingStore(isolated_data_dir).path_for(meeting.id).read_bytes()
        screen.session.meeting.family_label = "typed in the read-only copy"
        screen.session.mark_changed()
        screen.flush()
        assert MeetingStore(isolated_data_dir).path_for(meeting.id).read_bytes() == before


async def test_lock_held_elsewhere_gives_banner(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Held")
    store = save_meetings(isolated_data_dir, meeting)
    held = MeetingLock(store.lock_path_for(meeting.id))
    assert held.acquire()
    try:
        app = make_app(isolated_data_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            app.open_meeting(meeting.id)
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            text = str(app.screen.query_one("#banner", Static).render())
            assert "Read-only" in text and "another copy" in text
    finally:
        held.release()


def test_change_with_same_size_and_same_mtime_is_detected(isolated_data_dir: Path) -> None:
    """Coarse file clocks (FAT, network drives) or sync tools can keep size and mtime identical."""
    meeting = new_meeting(label="AAAA")
    store = save_meetings(isolated_data_dir, meeting)
    opened = store.open(meeting.id)
    path = store.path_for(meeting.id)
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"AAAA", b"BBBB"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    opened.meeting.family_label = "ours"
    with pytest.raises(ConflictError):
        store.save(opened, now=NOW)
    assert b"BBBB" in path.read_bytes()
    store.close(opened)


async def test_home_screen_lists_conflict_copies(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label="Synced")
    store = save_meetings(isolated_data_dir, meeting)
    original = store.path_for(meeting.id)
    sync_copy = original.with_name(f"{meeting.id} (Laptop's conflicted copy).toml")
    sync_copy.write_bytes(original.read_bytes())
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert sync_copy.name in shown
    assert sync_copy.exists() and original.exists()

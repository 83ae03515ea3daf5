"""Pipes, links and folder syncs that fail after the rename: nothing hangs, nothing is saved twice."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage import atomic
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.store import MeetingStore, StoreListing

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


@pytest.fixture
def store(tmp_path: Path) -> MeetingStore:
    s = MeetingStore(tmp_path / "data")
    s.ensure()
    return s


def _list_within(store: MeetingStore, seconds: float) -> StoreListing:
    result: list[StoreListing] = []
    worker = threading.Thread(target=lambda: result.append(store.list_meetings()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, "listing hung"
    return result[0]


@posix_only
def test_a_pipe_named_like_a_meeting_is_listed_as_unreadable_without_hanging(store: MeetingStore) -> None:
    good = Meeting(kind="fgc", family_label="F")
    store.close(store.create(good))
    os.mkfifo(store.folder / "trap.toml")
    listing = _list_within(store, 10)
    assert [m.meeting.id for m in listing.meetings] == [good.id]
    (bad,) = listing.unreadable
    assert bad.path.name == "trap.toml" and "named pipe" in bad.reason


@posix_only
def test_list_command_does_not_hang_on_a_pipe(store: MeetingStore) -> None:
    os.mkfifo(store.folder / "trap.toml")
    done = subprocess.run(
        [sys.executable, "-m", "sdm_facilitator", "--data-dir", str(store.data_dir), "list"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0 and "trap.toml" in done.stdout and "named pipe" in done.stdout


@posix_only
def test_a_pipe_named_like_a_guide_is_unusable_not_a_hang(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    os.mkfifo(guides / "trap.toml")
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(load_library(guides)), daemon=True)
    worker.start()
    worker.join(10)
    assert result, "loading guides hung"
    library = result[0]
    assert "named pipe" in str(library.unusable[guides / "trap.toml"][0])  # type: ignore[attr-defined]


@posix_only
def test_a_linked_meeting_file_is_not_followed(store: MeetingStore, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text('id = "20260101-aaaaaaaa"\nkind = "fgc"\n')
    (store.folder / "20260101-aaaaaaaa.toml").symlink_to(elsewhere)
    (bad,) = store.list_meetings().unreadable
    assert "link" in bad.reason


@posix_only
def test_the_lock_file_is_never_opened_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "victim"
    target.write_text("keep me")
    link = tmp_path / ".m.lock"
    link.symlink_to(target)
    with pytest.raises(OSError):
        MeetingLock(link).acquire()
    assert target.read_text() == "keep me"


def _fsync_fails_on_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)


@posix_only
def test_a_folder_sync_failure_after_the_rename_is_a_warning_not_a_failed_save(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = Meeting(kind="fgc", family_label="F")
    store.close(store.create(meeting))
    opened = store.open(meeting.id)
    _fsync_fails_on_folders(monkeypatch)
    opened.meeting.referral.worries = "first"
    store.save(opened)  # no exception: the file is in place
    assert opened.sync_warning and "Saved" in opened.sync_warning
    opened.meeting.referral.worries = "second"
    store.save(opened)  # no "changed on disk": the fingerprint was taken after the rename
    assert not list(store.folder.glob("*conflict*"))
    assert store.open(meeting.id, lock=False).meeting.referral.worries == "second"


@posix_only
def test_new_command_succeeds_once_when_the_folder_sync_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sdm_facilitator.cli import main

    _fsync_fails_on_folders(monkeypatch)
    code = main(["--data-dir", str(tmp_path / "d"), "new", "--kind", "fgc", "--family", "F"])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip()
    assert "warning" in err and "flushed" in err
    assert len(list((tmp_path / "d" / "meetings").glob("*.toml"))) == 1

"""The exact order of a durable save, the Windows retry path and stale temp-file cleanup."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sdm_facilitator.storage import atomic
from sdm_facilitator.storage.atomic import HOST_TAG, TEMP_MARK, atomic_write_bytes, remove_stale_temp_files


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if TEMP_MARK in p.name]


@pytest.mark.skipif(sys.platform == "win32", reason="folder fsync is POSIX only")
def test_fsync_temp_file_then_replace_then_fsync_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.toml"
    target.write_bytes(b"old")
    events: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fake_fsync(fd: int) -> None:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            events.append(("fsync-dir", st.st_ino))
        else:
            # The file must be completely written before it is flushed.
            events.append(("fsync-file", (st.st_ino, st.st_size)))
        real_fsync(fd)

    def fake_replace(src: object, dst: object) -> None:
        events.append(("replace", (os.stat(src).st_ino, Path(dst))))  # type: ignore[arg-type]
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fake_fsync)
    monkeypatch.setattr(os, "replace", fake_replace)
    atomic_write_bytes(target, b"new content")

    assert [name for name, _ in events] == ["fsync-file", "replace", "fsync-dir"]
    (file_ino, file_size), (replaced_ino, replaced_target), dir_ino = events[0][1], events[1][1], events[2][1]  # type: ignore[misc]
    assert file_size == len(b"new content")
    assert replaced_ino == file_ino, "the flushed file is the one renamed into place"
    assert replaced_target == target
    assert dir_ino == tmp_path.stat().st_ino, "the folder holding the file is flushed"
    assert target.read_bytes() == b"new content"
    assert not _temp_files(tmp_path)


def test_new_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "m.toml"
    atomic_write_bytes(target, b"x")
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_failed_write_leaves_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.toml"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert not _temp_files(tmp_path)


def test_windows_retries_replace_while_another_program_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.toml"
    target.write_bytes(b"old")
    real_replace = os.replace
    calls: list[tuple[object, object]] = []
    deleted: list[object] = []
    sleeps: list[float] = []

    def flaky_replace(src: object, dst: object) -> None:
        calls.append((src, dst))
        if len(calls) <= 2:
            assert Path(dst).read_bytes() == b"old", "the original must stay in place between attempts"  # type: ignore[arg-type]
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real_replace(src, dst)  # type: ignore[arg-type]

    real_unlink = os.unlink

    def watch_unlink(p: object, *a: object, **k: object) -> None:
        deleted.append(p)
        real_unlink(p, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", flaky_replace)
    monkeypatch.setattr(os, "unlink", watch_unlink)
    monkeypatch.setattr(os, "remove", watch_unlink)
    monkeypatch.setattr(atomic.time, "sleep", sleeps.append)
    atomic_write_bytes(target, b"new")

    assert len(calls) == 3
    assert all(dst == target for _, dst in calls)
    assert len({src for src, _ in calls}) == 1, "the same temp file is retried"
    assert deleted == [], "never delete-then-rename"
    assert len(sleeps) == 2 and all(s > 0 for s in sleeps)
    assert target.read_bytes() == b"new"
    assert not _temp_files(tmp_path)


def test_windows_gives_up_after_retries_and_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.toml"
    target.write_bytes(b"old")

    def always_locked(src: object, dst: object) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", always_locked)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    with pytest.raises(PermissionError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert not _temp_files(tmp_path)


def test_permission_error_is_not_retried_off_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def denied(src: object, dst: object) -> None:
        calls.append(1)
        raise PermissionError(13, "denied")

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "m.toml", b"new")
    assert calls == [1]
    assert not _temp_files(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="pid liveness check is POSIX only")
def test_stale_temp_files_removed_live_writers_and_others_kept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        old = time.time() - 3600
        dead_tmp = tmp_path / f".a.toml{TEMP_MARK}{HOST_TAG}-{dead.pid}-00000001"
        live_tmp = tmp_path / f".b.toml{TEMP_MARK}{HOST_TAG}-{alive.pid}-00000002"
        mine = tmp_path / f".c.toml{TEMP_MARK}{HOST_TAG}-{os.getpid()}-00000003"
        garbage_pid = tmp_path / f".d.toml{TEMP_MARK}notapid-0004"
        old_live = tmp_path / f".e.toml{TEMP_MARK}{HOST_TAG}-{alive.pid}-00000005"
        other_computer = tmp_path / f".f.toml{TEMP_MARK}000000-{dead.pid}-00000006"
        # Not a meeting, but the app's own write of another file (an index, a paper): the same rule.
        index_tmp = tmp_path / f"..summary-index.json{TEMP_MARK}{HOST_TAG}-{dead.pid}-00000007"
        persons = tmp_path / f".notes.txt{TEMP_MARK}old"
        meeting = tmp_path / "m.toml"
        for p in (
            dead_tmp,
            live_tmp,
            mine,
            garbage_pid,
            old_live,
            other_computer,
            index_tmp,
            persons,
            meeting,
        ):
            p.write_bytes(b"personal data")
        for p in (old_live, garbage_pid):
            os.utime(p, (old, old))
        removed = remove_stale_temp_files(tmp_path)
        assert sorted(removed) == sorted([dead_tmp, old_live, index_tmp])
        assert live_tmp.exists() and mine.exists() and meeting.exists()
        assert garbage_pid.exists() and other_computer.exists() and persons.exists()
    finally:
        alive.kill()
        alive.wait()

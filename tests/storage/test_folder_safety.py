"""The data folder must be private (as ssh and gpg require); missing or read-only folders are said plainly."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage import files
from sdm_facilitator.storage.folder_safety import folder_problems
from sdm_facilitator.storage.store import FolderNotPrivate, FolderNotWritable, MeetingStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _store_with_meeting(data: Path) -> str:
    store = MeetingStore(data)
    meeting = Meeting(kind="fgc", family_label="F")
    store.close(store.create(meeting))
    return meeting.id


def test_a_world_writable_data_folder_is_refused_with_the_chmod(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _store_with_meeting(data)
    data.chmod(0o777)
    (problem,) = folder_problems(data, home=tmp_path)
    assert problem.path == data and "0777" in problem.reason and problem.fix == f"chmod go-w {data}"
    code, out, err = run(capsys, "--data-dir", str(data), "list")
    assert code == 2 and out == ""
    assert "not private" in err and f"chmod go-w {data}" in err
    with pytest.raises(FolderNotPrivate):
        MeetingStore(data).ensure()


def test_a_group_writable_parent_inside_home_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / "work" / "data"
    data.mkdir(parents=True)
    (home / "work").chmod(0o775)
    problems = folder_problems(data, home=home)
    assert [p.path for p in problems] == [home / "work"]


def test_a_shared_sticky_folder_above_is_fine_but_a_planted_guides_folder_is_not(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    data = shared / "mine"
    data.mkdir(mode=0o700)
    assert folder_problems(data, home=tmp_path / "nohome") == []
    guides = data / "guides"
    guides.mkdir()
    guides.chmod(0o777)
    assert [p.path for p in folder_problems(data, home=tmp_path / "nohome")] == [guides]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_owned_by_someone_else_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chown(data, 12345, 12345)
    (problem,) = folder_problems(data, home=tmp_path)
    assert "another user" in problem.reason
    code, _, err = run(capsys, "--data-dir", str(data), "list")
    assert code == 2 and "another user" in err


def test_a_linked_meetings_folder_is_refused_and_its_target_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "someone-elses"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "meetings").symlink_to(target)
    with pytest.raises(FolderNotPrivate, match="link"):
        MeetingStore(data).ensure()
    assert stat.S_IMODE(target.stat().st_mode) == 0o755  # not chmodded through the link
    code, _, err = run(capsys, "--data-dir", str(data), "new", "--kind", "fgc", "--family", "F")
    assert code == 2 and "link" in err
    assert list(target.iterdir()) == []


def test_making_a_private_folder_never_follows_a_link(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    link = tmp_path / "error-reports"
    link.symlink_to(target)
    with pytest.raises(files.LinkedFolderError):
        files.make_private_folder(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_folder_that_cannot_be_made_private_reads_as_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    meeting_id = _store_with_meeting(data)
    (data / "meetings").chmod(0o755)

    def refuse(fd: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "fchmod", refuse)
    with pytest.raises(FolderNotWritable, match="can only be read"):
        MeetingStore(data).ensure()
    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    assert code == 0 and meeting_id in out


def test_list_says_when_the_folder_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo"
    code, out, _ = run(capsys, "--data-dir", str(missing), "list")
    assert code == 0
    assert "does not exist" in out and "created when the first meeting" in out and "No meetings in" not in out
    code, _, err = run(capsys, "--data-dir", str(missing), "list", "--json")
    assert code == 0 and "does not exist" in err
    code, _, err = run(capsys, "--data-dir", str(missing), "show", "20260101-aaaaaaaa")
    assert code == 2 and "does not exist" in err
    assert not missing.exists()


def test_list_refuses_a_data_folder_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data.txt"
    not_a_folder.write_text("x")
    code, out, err = run(capsys, "--data-dir", str(not_a_folder), "list")
    assert code == 2 and out == "" and "is a file, not a folder" in err

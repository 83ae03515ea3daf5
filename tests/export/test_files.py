"""Exported files are private, whole, and never replace another file by accident."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.files import (
    ExportFileExists,
    default_export_dir,
    ensure_export_dir,
    suggested_file_name,
    write_export,
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_written_only_for_the_owner(tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    write_export(target, b"<p>x</p>")
    assert target.read_bytes() == b"<p>x</p>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"], "no temporary file is left"


def test_never_replaces_a_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("the coordinator's own notes")
    with pytest.raises(ExportFileExists):
        write_export(target, b"new")
    assert target.read_text() == "the coordinator's own notes"
    write_export(target, b"new", replace=True)
    assert target.read_bytes() == b"new"


def test_a_missing_folder_or_a_folder_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_export(tmp_path / "nope" / "plan.md", b"x")
    with pytest.raises(IsADirectoryError):
        write_export(tmp_path, b"x", replace=True)


def test_default_folder_is_documents_or_the_data_folders_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    assert default_export_dir(tmp_path / "data") == tmp_path / "data" / "exports"
    documents.mkdir()
    assert default_export_dir(tmp_path / "data") == documents
    folder = tmp_path / "data" / "exports"
    ensure_export_dir(folder)
    assert folder.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_file_names_carry_no_names() -> None:
    meeting = Meeting(family_label="Amara Okafor")
    name = suggested_file_name(meeting, "plan", ".html")
    assert name == f"plan-{meeting.id}.html" and "Amara" not in name

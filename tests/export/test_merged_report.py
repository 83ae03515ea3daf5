"""The service report across coordinators: built from their anonymised files, the same as from the records."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from sdm_facilitator.demo import write_demo
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.report import ReportFilter, build_report
from sdm_facilitator.export.anonymised import Pseudonyms, anonymised_files
from sdm_facilitator.export.merged_report import MergeError, merged_files, read_folders, report_from_rows
from sdm_facilitator.export.report_formats import render_report
from sdm_facilitator.storage.store import MeetingStore
from support.guide_library import bundled_library
from support.report_fixtures import generated_meetings

TODAY = date(2026, 6, 1)


@cache
def three_coordinators() -> tuple[tuple[Meeting, ...], ...]:
    """The generated meetings dealt out to three coordinators, the demo meetings to the third."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_demo(Path(folder))
        demo = [o.meeting for o in MeetingStore(Path(folder)).list_meetings().meetings]
    generated = generated_meetings()[:150]
    return tuple(generated[0:60]), tuple(generated[60:150]), tuple(demo)


def _guides(meetings: list[Meeting]) -> dict[str, object]:
    library = bundled_library()
    return {g: library.get(g) for g in {m.guide_id for m in meetings}}


@cache
def _files() -> tuple[dict[str, str], ...]:
    """Each coordinator's anonymised files, made once (each laptop has its own pseudonym secret)."""
    return tuple(
        anonymised_files(meetings, _guides(list(meetings)), TODAY, Pseudonyms(bytes([number]) * 32))  # type: ignore[arg-type]
        for number, meetings in enumerate(three_coordinators(), 1)
    )


def _write_folders(root: Path) -> list[Path]:
    folders = []
    for number, files in enumerate(_files(), 1):
        folder = root / f"coordinator-{number}"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text)
        folders.append(folder)
    return folders


def test_the_merged_report_is_the_report_of_every_record(tmp_path: Path) -> None:
    everyone = [m for meetings in three_coordinators() for m in meetings]
    rows = read_folders(_write_folders(tmp_path))
    for filters in (ReportFilter(), ReportFilter(kind="fgc"), ReportFilter(context="statutory")):
        expected = build_report(everyone, _guides(everyone), TODAY, filters)  # type: ignore[arg-type]
        merged = report_from_rows(rows, TODAY, filters)
        assert merged.coordinators == 3 and merged.referrals == expected.referrals > 0
        assert dataclasses.replace(merged, coordinators=0) == expected, filters
    # Every format draws it, and says what it covers.
    for fmt in ("table", "csv", "html"):
        assert f"covers 3 coordinators and {merged.referrals} referrals" in render_report(merged, fmt)
    assert '"coordinators": 3' in render_report(merged, "json")


def test_pseudonyms_are_kept_apart_by_coordinator(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    # Two coordinators whose files happen to hold the same pseudonyms for different families
    # cannot be told apart by content: simulated by one meeting each, with the review column too.
    for folder, kind in ((first, "fgc"), (second, "review")):
        folder.mkdir()
        m = Meeting(id="20260101-0000abcd", kind=kind, guide_id="fgc")
        files = anonymised_files([m], {}, TODAY, Pseudonyms(bytes(32)))
        for name, text in files.items():
            (folder / name).write_text(text)
    with pytest.raises(MergeError, match="the same coordinator's files given twice"):
        read_folders([first, second])
    # Different laptops' secrets: never the same pseudonym, and namespaced anyway.
    (tmp_path / "three").mkdir()
    folders = _write_folders(tmp_path / "three")
    merged = merged_files(read_folders(folders))
    rows = list(csv.DictReader(io.StringIO(merged["meetings.csv"])))
    assert len(rows) == sum(len(m) for m in three_coordinators())
    assert len({row["meeting"] for row in rows}) == len(rows)
    assert {row["coordinator"] for row in rows} == {"1", "2", "3"}
    assert all(row["meeting"].startswith(f"c{row['coordinator']}-") for row in rows)
    children = list(csv.DictReader(io.StringIO(merged["children.csv"])))
    assert {row["meeting"] for row in children} <= {row["meeting"] for row in rows}


def test_a_folder_that_is_not_anonymised_files_is_named(tmp_path: Path) -> None:
    folders = _write_folders(tmp_path)
    with pytest.raises(MergeError, match="no feedback.csv"):
        (folders[1] / "feedback.csv").unlink()
        read_folders(folders)
    text = (folders[0] / "meetings.csv").read_text()
    (folders[0] / "meetings.csv").write_text(text.replace("help_partly", "help_some", 1))
    with pytest.raises(MergeError, match=r"meetings.csv: no column help_partly"):
        read_folders(folders[:1])

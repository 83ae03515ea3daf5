"""The service report across coordinators: built from their anonymised files, the same as from the records."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sdm_facilitator.demo import write_demo
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_rules import start_review
from sdm_facilitator.domain.report import ReportFilter, ServiceReport, build_report
from sdm_facilitator.export.anonymised import Pseudonyms, anonymised_files
from sdm_facilitator.export.merged_report import MergeError, merged_files, read_folders, report_from_rows
from sdm_facilitator.export.report_formats import render_report
from sdm_facilitator.export.report_tables import cell_text, report_tables
from sdm_facilitator.storage.store import MeetingStore
from support.guide_library import bundled_library
from support.legal_record_fixtures import with_legal_records, without_legal_records
from support.report_fixtures import generated_meetings

TODAY = date(2026, 6, 1)


@cache
def three_coordinators() -> tuple[tuple[Meeting, ...], ...]:
    """The generated meetings dealt out to three coordinators, the demo meetings to the third.

    The generated meetings carry the law's records (the pre-proceedings offer, ICWA inquiries) in every pattern.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_demo(Path(folder))
        demo = [o.meeting for o in MeetingStore(Path(folder)).list_meetings().meetings]
    generated = with_legal_records(generated_meetings()[:150])
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
        assert merged.legal_records is not None and merged.legal_records.offers["offered"] > 0
        assert merged.legal_records.icwa["tribe-notified"] > 0
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


def _columns_dropped(path: Path, prefix: str) -> None:
    """The file as a version before the law's records wrote it: without the columns starting ``prefix``."""
    rows = list(csv.reader(io.StringIO(path.read_text())))
    keep = [i for i, column in enumerate(rows[0]) if not column.startswith(prefix)]
    assert len(keep) < len(rows[0])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[row[i] for i in keep] for row in rows])
    path.write_text(out.getvalue())


def test_a_folder_from_before_the_law_s_records_merges_as_not_recorded(tmp_path: Path) -> None:
    folders = _write_folders(tmp_path)[:2]
    _columns_dropped(folders[0] / "meetings.csv", "fgdm_")
    _columns_dropped(folders[0] / "children.csv", "icwa_")
    rows = read_folders(folders)
    first, second = three_coordinators()[:2]
    records = [*without_legal_records(first), *second]
    expected = build_report(records, _guides(records), TODAY)  # type: ignore[arg-type]
    merged = report_from_rows(rows, TODAY)
    assert dataclasses.replace(merged, coordinators=0) == expected
    # The merged files carry the new columns, empty for the older folder's rows.
    meetings = list(csv.DictReader(io.StringIO(merged_files(rows)["meetings.csv"])))
    assert {row["fgdm_offered"] for row in meetings if row["coordinator"] == "1"} == {""}
    assert {row["fgdm_offered"] for row in meetings if row["coordinator"] == "2"} == {"", "yes", "no"}
    # Only older folders: nothing recorded, so the report has no table for it.
    _columns_dropped(folders[1] / "meetings.csv", "fgdm_")
    _columns_dropped(folders[1] / "children.csv", "icwa_")
    only_old = report_from_rows(read_folders(folders), TODAY)
    assert only_old.legal_records is None
    assert "legal-records" not in {t.id for t in report_tables(only_old)}


def test_the_law_s_records_are_counted_and_small_numbers_hidden(tmp_path: Path) -> None:
    folders = _write_folders(tmp_path)
    merged = report_from_rows(read_folders(folders[1:2]), TODAY, small_number_threshold=1)
    counts = _legal_counts(merged)
    second = three_coordinators()[1]
    referrals = [m for m in second if not m.reviews_meeting_id]  # a review repeats its referral's records
    offers = [m.referral.fgdm_offer for m in referrals]
    inquiries = [c.icwa for m in referrals for c in m.children]
    assert counts["Referrals with the pre-proceedings offer recorded"] == sum(not o.is_empty for o in offers)
    assert counts["Offered in the letter before proceedings"] == sum(o.offered is True for o in offers)
    assert counts["Not offered, why recorded"] == sum(
        o.offered is False and bool(o.not_offered_reason) for o in offers
    )
    assert counts["Accepted, held before any application to court"] == sum(
        o.answer == "accepted" and o.held_before_application is True for o in offers
    )
    assert counts["Children with an ICWA inquiry recorded"] == sum(not i.is_empty for i in inquiries)
    assert counts["Reason to know: the tribe notified"] == sum(
        i.answer in ("may-be", "member-or-eligible") and i.tribe_notified is not None for i in inquiries
    )
    assert counts["ICWA inquiry not made"] == sum(i.asked is False for i in inquiries)
    # Six referrals: most counts are small, and hidden as everywhere else in the report.
    few = list(three_coordinators()[0][:6])
    counts = _legal_counts(build_report(few, _guides(few), TODAY, small_number_threshold=1))  # type: ignore[arg-type]
    small = [label for label, n in counts.items() if 0 < n < 5]
    assert small and any(n == 0 for n in counts.values())
    shown = {
        label: cell_text(n)
        for label, n in _legal_counts(build_report(few, _guides(few), TODAY)).items()  # type: ignore[arg-type]
    }
    assert all(shown[label] == "fewer than 5" for label in small)
    assert all(shown[label] == str(n) for label, n in counts.items() if n == 0 or n >= 5)


def _legal_counts(report: ServiceReport) -> dict[str, Any]:
    (table,) = [t for t in report_tables(report) if t.id == "legal-records"]
    return {cell_text(row[0]): row[1] for row in table.rows}


def test_a_review_does_not_count_its_referral_s_records_again(tmp_path: Path) -> None:
    """A review carries its referral's offer and each child's inquiry across; they are one referral's records."""
    (referral,) = with_legal_records([next(m for m in three_coordinators()[0] if m.children)])
    referral.referral.fgdm_offer = dataclasses.replace(referral.referral.fgdm_offer, offered=True)
    for child in referral.children:
        child.icwa = dataclasses.replace(child.icwa, asked=True)
    review = start_review(referral, bundled_library(), datetime(2026, 3, 2, 10, 0))
    assert review.referral.fgdm_offer == referral.referral.fgdm_offer
    meetings = [referral, review]
    direct = _legal_counts(build_report(meetings, _guides(meetings), TODAY, small_number_threshold=1))  # type: ignore[arg-type]
    assert direct["Referrals with the pre-proceedings offer recorded"] == 1
    assert direct["Offered in the letter before proceedings"] == 1
    assert direct["Children with an ICWA inquiry recorded"] == len(referral.children)
    folder = tmp_path / "one-coordinator"
    folder.mkdir()
    files = anonymised_files(meetings, _guides(meetings), TODAY, Pseudonyms(bytes(32)))  # type: ignore[arg-type]
    for name, text in files.items():
        (folder / name).write_text(text)
    merged = report_from_rows(read_folders([folder]), TODAY, small_number_threshold=1)
    assert _legal_counts(merged) == direct

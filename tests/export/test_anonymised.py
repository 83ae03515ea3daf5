"""Anonymised export: no name, free text, full date or id in any byte; stable pseudonyms."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import sys
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sdm_facilitator.demo import write_demo
from sdm_facilitator.domain.meeting import Meeting, iter_meeting_texts
from sdm_facilitator.export.anonymised import (
    COLUMNS,
    FILES,
    SECRET_FILE,
    Pseudonyms,
    PseudonymSecretError,
    age_band,
    anonymised_files,
    dictionary_csv,
    load_or_create_secret,
)
from sdm_facilitator.storage.codec import to_dict
from sdm_facilitator.storage.store import MeetingStore
from support.evaluation_service import service
from support.guide_library import bundled_library
from support.legal_record_fixtures import HOSTILE_REASON, HOSTILE_TRIBE, with_legal_records
from support.report_fixtures import generated_meetings

TODAY = date(2026, 6, 1)
SECRET = bytes(range(32))


@cache
def fixture_meetings() -> tuple[Meeting, ...]:
    """120 generated meetings (every free text distinctive), the demo meetings (natural text),
    40 families of the evaluation's generated service (care episodes, letters, costs, legal stages),
    and 20 generated meetings carrying the law's records (a hostile reason not to offer, a tribe)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_demo(Path(folder))
        demo = [o.meeting for o in MeetingStore(Path(folder)).list_meetings().meetings]
    legal = with_legal_records(generated_meetings()[120:140])
    return tuple(generated_meetings()[:120] + demo + service()[:40] + legal)


def export(meetings: tuple[Meeting, ...], secret: bytes = SECRET) -> dict[str, str]:
    library = bundled_library()
    guides = {g: library.get(g) for g in {m.guide_id for m in meetings}}
    return anonymised_files(meetings, guides, TODAY, Pseudonyms(secret))


def _dates(value: Any) -> set[date]:
    found: set[date] = set()
    if isinstance(value, dict):
        for v in value.values():
            found |= _dates(v)
    elif isinstance(value, list):
        for v in value:
            found |= _dates(v)
    elif isinstance(value, datetime):
        found |= {value.date(), value.astimezone().date()}
    elif isinstance(value, date):
        found.add(value)
    return found


def _needles(meeting: Meeting) -> set[str]:
    texts = {text.strip() for _label, text in iter_meeting_texts(meeting) if text.strip()}
    texts |= {
        meeting.id,
        *(c.id for c in meeting.children),
        *(p.id for p in meeting.people),
        *(f.id for f in meeting.feedback),
        *(r.id for r in meeting.follow_up.reviews),
    }
    for day in _dates(to_dict(meeting)):
        texts |= {day.isoformat(), f"{day:%d/%m/%Y}", f"{day:%Y%m%d}", f"{day:%d.%m.%Y}"}
    return texts


PSEUDONYM_COLUMNS = {"meeting", "child", "feedback", "review", "reviews_meeting", "family"}


def _without_pseudonyms(text: str) -> str:
    """The file with each pseudonym cell checked to be bare hex and then blanked.

    Hex can spell short words ("dad", "bead"), so names are searched for in
    every other cell; a pseudonym carries nothing but its hex digits.
    """
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        for index, column in enumerate(header):
            if column in PSEUDONYM_COLUMNS and row[index]:
                assert re.fullmatch(r"[0-9a-f]{20}", row[index]), (column, row[index])
                row[index] = ""
        writer.writerow(row)
    return out.getvalue()


def test_no_name_free_text_full_date_or_id_in_any_byte() -> None:
    meetings = fixture_meetings()
    files = export(meetings)
    blob = "\n".join(files.values()).encode("utf-8")
    searchable = "\n".join(_without_pseudonyms(text) for text in files.values()).encode("utf-8")
    needles = set().union(*(_needles(m) for m in meetings))
    assert len(needles) > 3000
    found = sorted(n for n in needles if n.encode("utf-8") in searchable)
    assert found == []
    long_needles = [n for n in needles if len(n) >= 8]
    assert [n for n in long_needles if n.encode("utf-8") in blob] == []
    assert not re.search(rb"\d{4}-\d{2}-\d{2}", blob)
    assert b"Zq" not in blob


def test_the_secret_is_never_in_the_export(isolated_data_dir: Path) -> None:
    secret = load_or_create_secret(isolated_data_dir)
    blob = "".join(export(fixture_meetings(), secret).values())
    assert secret.hex() not in blob and secret.hex()[:16] not in blob


def test_pseudonyms_are_stable_and_change_with_another_secret() -> None:
    first, again = export(fixture_meetings()), export(fixture_meetings())
    assert first == again
    other = export(fixture_meetings(), secret=bytes(32))
    for name in FILES:
        a = list(csv.DictReader(io.StringIO(first[name])))
        b = list(csv.DictReader(io.StringIO(other[name])))
        assert len(a) == len(b) > 0
        pseudonym_columns = [c for c in a[0] if c in ("meeting", "child", "feedback", "family")]
        for row_a, row_b in zip(a, b):
            for column in row_a:
                if column in pseudonym_columns:
                    assert row_a[column] != row_b[column]
                elif column not in ("review", "reviews_meeting"):
                    assert row_a[column] == row_b[column]


def test_rows_join_up_and_match_the_records() -> None:
    meetings = fixture_meetings()
    files = export(meetings)
    rows = {name: list(csv.DictReader(io.StringIO(text))) for name, text in files.items()}
    assert len(rows["meetings.csv"]) == len(meetings)
    meeting_ids = {r["meeting"] for r in rows["meetings.csv"]}
    assert {r["meeting"] for r in rows["children.csv"]} <= meeting_ids
    assert {r["meeting"] for r in rows["feedback.csv"]} <= meeting_ids
    expected_child_rows = sum(max(1, len(c.outcomes)) for m in meetings for c in m.children)
    assert len(rows["children.csv"]) == expected_child_rows
    assert len(rows["feedback.csv"]) == sum(len(m.feedback) for m in meetings)
    assert len(rows["followed.csv"]) == sum(len(m.children) for m in meetings)
    assert {r["meeting"] for r in rows["followed.csv"]} <= meeting_ids
    assert {r["child"] for r in rows["followed.csv"]} <= {r["child"] for r in rows["children.csv"]}
    assert any(r["days_in_care_12m"] not in ("", "0") for r in rows["followed.csv"])
    assert all(re.fullmatch(r"(\d{4}-\d{2})?", r["first_entered_care_month"]) for r in rows["followed.csv"])
    assert {r["age_band"] for r in rows["children.csv"]} <= {
        "",
        "under 1",
        "1-4",
        "5-9",
        "10-15",
        "16-17",
        "18+",
    }
    assert all(re.fullmatch(r"(\d{4}-\d{2})?", r["referral_month"]) for r in rows["meetings.csv"])
    ids = Pseudonyms(SECRET)
    first = meetings[0]
    row = next(r for r in rows["meetings.csv"] if r["meeting"] == ids.of("meeting", first.id))
    assert (row["kind"], row["closed_before_day"], row["closure_reason"]) == (
        first.kind,
        "yes",
        "family-declined",
    )


def test_every_column_is_in_the_dictionary() -> None:
    dictionary = list(csv.DictReader(io.StringIO(dictionary_csv())))
    described = {(r["file"], r["column"]) for r in dictionary}
    trial = {r["column"] for r in dictionary if r["trial_definition"]}
    assert {"looked_after_12m", "days_in_care_12m", "arrangement_12m", "proceedings_12m"} <= trial
    files = export(fixture_meetings())
    for name, text in files.items():
        header = next(csv.reader(io.StringIO(text)))
        assert header == [c.name for c in COLUMNS[name]]
        assert {(name, column) for column in header} <= described


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (None, ""),
        (0, "under 1"),
        (1, "1-4"),
        (4, "1-4"),
        (5, "5-9"),
        (15, "10-15"),
        (16, "16-17"),
        (17, "16-17"),
        (18, "18+"),
        (25, "18+"),
    ],
)
def test_age_bands(age: int | None, band: str) -> None:
    assert age_band(age) == band


def test_the_secret_is_made_once_private_and_reused(isolated_data_dir: Path) -> None:
    first = load_or_create_secret(isolated_data_dir)
    assert len(first) == 32
    assert load_or_create_secret(isolated_data_dir) == first
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(isolated_data_dir / SECRET_FILE).st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"\n", "is empty"),
        (b"0123abcd\n", "is too short (4 bytes"),
        (b"not a secret at all\n", "should be hexadecimal digits"),
        (None, "is a folder"),
    ],
    ids=["empty", "empty line", "short", "not hex", "unreadable"],
)
def test_an_unusable_secret_is_refused_in_one_line_and_never_replaced(
    capsys: pytest.CaptureFixture[str],
    isolated_data_dir: Path,
    tmp_path: Path,
    content: bytes | None,
    words: str,
) -> None:
    """An empty key would make pseudonyms reversible; a new one would break the evaluator's joins: refuse both."""
    from support.cli_helpers import run

    isolated_data_dir.mkdir(mode=0o700)
    secret = isolated_data_dir / SECRET_FILE
    if content is None:
        secret.mkdir()
    else:
        secret.write_bytes(content)
    code, out, err = run(capsys, "report", "--anonymised", "--format", "csv", "-o", str(tmp_path / "out"))
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert words in err and "backup" in err and "unexpected error" not in err
    assert secret.is_dir() if content is None else secret.read_bytes() == content
    with pytest.raises(PseudonymSecretError):
        load_or_create_secret(isolated_data_dir)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_first_write_killed_before_it_is_done_leaves_no_empty_secret(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """The secret appears whole or not at all: a SIGKILL just before it is put in place leaves none, then a whole one is made."""
    from support.crash_helpers import crash_at_rename

    temp = crash_at_rename(
        SECRET_FILE,
        "--data-dir",
        str(isolated_data_dir),
        "report",
        "--anonymised",
        "--format",
        "csv",
        "-o",
        str(tmp_path / "out"),
    )
    assert not (isolated_data_dir / SECRET_FILE).exists() and len(temp.read_bytes().strip()) == 64
    secret = load_or_create_secret(isolated_data_dir)
    assert len(secret) == 32 and not temp.exists()
    assert (isolated_data_dir / SECRET_FILE).read_bytes() == secret.hex().encode() + b"\n"


def test_the_law_s_records_leave_as_codes_and_months_only() -> None:
    meetings = tuple(with_legal_records(generated_meetings()[:20]))
    files = export(meetings)
    blob = "".join(files.values())
    for words in (HOSTILE_REASON, HOSTILE_TRIBE, "Okonkwo", "HYPERLINK", "North Fork", "Nation", "\u202e"):
        assert words not in blob
    ids = Pseudonyms(SECRET)
    rows = {r["meeting"]: r for r in csv.DictReader(io.StringIO(files["meetings.csv"]))}
    offers = [rows[ids.of("meeting", m.id)] for m in meetings]
    columns = (
        "fgdm_offered",
        "fgdm_answer",
        "fgdm_held_before_application",
        "fgdm_not_offered_reason_recorded",
    )
    assert [tuple(row[c] for c in columns) for row in offers[:10]] == [
        ("", "", "", ""),
        ("yes", "accepted", "yes", ""),
        ("yes", "accepted", "no", ""),
        ("yes", "accepted", "", ""),
        ("yes", "declined", "", ""),
        ("yes", "not-yet", "", ""),
        ("yes", "", "", ""),
        ("no", "", "", "yes"),
        ("no", "", "", "no"),
        ("", "declined", "", ""),
    ]
    # The day it was offered becomes its month, as every other date in these files.
    assert offers[1]["fgdm_offer_month"] == f"{meetings[1].referral.fgdm_offer.offered_on:%Y-%m}"
    assert offers[0]["fgdm_offer_month"] == offers[7]["fgdm_offer_month"] == ""
    children = list(csv.DictReader(io.StringIO(files["children.csv"])))
    first = {}
    for row in children:
        first.setdefault(row["child"], row)
    icwa = [first[ids.of("child", m.id, c.id)] for m in meetings for c in m.children]
    columns = ("icwa_asked", "icwa_answer", "icwa_tribe_named", "icwa_notified")
    assert [tuple(row[c] for c in columns) for row in icwa[:7]] == [
        ("", "", "", ""),
        ("yes", "member-or-eligible", "yes", "yes"),
        ("yes", "may-be", "no", "no"),
        ("yes", "no-reason-to-know", "", ""),
        ("no", "", "", ""),
        ("", "may-be", "yes", "yes"),
        ("yes", "member-or-eligible", "yes", "no"),
    ]
    assert (
        re.fullmatch(r"\d{4}-\d{2}", icwa[1]["icwa_notified_month"]) and icwa[2]["icwa_notified_month"] == ""
    )
    # Each of a child's outcome rows carries the same inquiry.
    for row in children:
        assert all(row[c] == first[row["child"]][c] for c in columns)


def test_the_dictionary_gives_the_law_s_records_with_their_codes() -> None:
    dictionary = {
        (r["file"], r["column"]): r["description"] for r in csv.DictReader(io.StringIO(dictionary_csv()))
    }
    assert "accepted, declined, not-yet" in dictionary[("meetings.csv", "fgdm_answer")]
    assert "yes / no" in dictionary[("meetings.csv", "fgdm_offered")]
    assert "not exported" in dictionary[("meetings.csv", "fgdm_not_offered_reason_recorded")]
    assert "YYYY-MM" in dictionary[("meetings.csv", "fgdm_offer_month")]
    assert "yes / no" in dictionary[("meetings.csv", "fgdm_held_before_application")]
    assert "member-or-eligible, may-be, no-reason-to-know" in dictionary[("children.csv", "icwa_answer")]
    assert "not exported" in dictionary[("children.csv", "icwa_tribe_named")]
    assert {"icwa_asked", "icwa_notified", "icwa_notified_month"} <= {
        c for f, c in dictionary if f == "children.csv"
    }

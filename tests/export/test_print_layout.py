"""Papers as Chromium prints them, on A4 and US Letter: inside the printable width, no heading left at a
page foot, column headings whole, and a long note that runs on instead of leaving a page mostly empty.

One record, on A4, in the default run; every paper on both sizes with ``--slow``. Skipped, with the
reason, where Chromium or poppler-utils is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import ExportOptions, export_meeting
from sdm_facilitator.export.report_formats import render_report
from support.fixed_meeting import NOW, ZONE
from support.print_check import (
    headings_at_page_foot,
    headings_of,
    ink_outside_printable_width,
    needs_chromium,
    needs_poppler,
    page_fill,
    page_lines,
    print_to_pdf,
)

pytestmark = [needs_chromium, needs_poppler]

#: A note long enough to run over a page break wherever it falls (about thirty lines in its column).
LONG_NOTE = " ".join(
    f"Point {i}: Kerry said the mornings are calmer and Leo gets to school on time most days."
    for i in range(1, 25)
)
#: Words a column cannot wrap between: a pasted link and a name joined by hyphens.
UNBROKEN = "https://example.org/" + "a" * 90
JOINED = "Kerry-and-Mark-and-Sue-and-Priya-together-every-Friday"


def stressed(meeting: Meeting) -> Meeting:
    """The fixed meeting with the texts that pushed the printed papers out of shape."""
    meeting.record.scales[0].note = LONG_NOTE
    meeting.plan.actions[0].who = JOINED
    meeting.plan.actions[1].what = f"Read the leaflet at {UNBROKEN}"
    return meeting


def printed(page_html: str, name: str, size: str, folder: Path) -> Path:
    source = folder / f"{name}.html"
    source.write_text(page_html, encoding="utf-8")
    pdf = folder / f"{name}-{size}.pdf"
    print_to_pdf(source, pdf, folder / "profile", paper_size=size)
    return pdf


def assert_printed_well(pdf: Path, page_html: str) -> None:
    assert ink_outside_printable_width(pdf) == [], "something is drawn past the printable width"
    assert headings_at_page_foot(pdf, headings_of(page_html)) == [], "a heading is left at a page foot"


def paper_html(meeting: Meeting, guide: Guide, kind: str, include_notes: bool = False) -> str:
    options = ExportOptions(include_notes=include_notes, zone=ZONE, now=NOW)
    return export_meeting(meeting, guide, kind, "html", options).data.decode("utf-8")


def test_the_record_prints_inside_the_page_with_whole_headings_and_no_page_left_mostly_empty(
    meeting: Meeting, guide: Guide, tmp_path: Path
) -> None:
    page = paper_html(stressed(meeting), guide, "record")
    pdf = printed(page, "record", "A4", tmp_path)
    assert_printed_well(pdf, page)
    words = {word for lines in page_lines(pdf) for line in lines for word in line.split()}
    assert "Progress" in words and "Progre" not in words, "a column heading is split inside a word"
    assert "10:35" in words, "the time beside the long note is split inside it"
    fills = page_fill(pdf)
    assert all(fill > 0.6 for fill in fills[:-1]), f"a page ends well before its foot: {fills}"


@pytest.mark.slow
@pytest.mark.parametrize("size", ["A4", "letter"])
@pytest.mark.parametrize(
    ("kind", "notes"),
    [
        ("plan", False),
        ("plan", True),
        ("child-plan", False),
        ("agenda", False),
        ("record", False),
        ("decision-letter", False),
    ],
)
def test_every_paper_prints_inside_the_page_with_no_heading_left_at_a_foot(
    meeting: Meeting, guide: Guide, tmp_path: Path, kind: str, notes: bool, size: str
) -> None:
    for label, shaped in (("fixed", meeting), ("stressed", stressed(meeting))):
        page = paper_html(shaped, guide, kind, notes)
        assert_printed_well(printed(page, f"{kind}-{label}", size, tmp_path), page)


@pytest.mark.slow
@pytest.mark.parametrize("size", ["A4", "letter"])
def test_the_service_report_prints_with_margins_and_whole_bar_labels(size: str, tmp_path: Path) -> None:
    from export.test_report import report

    page = render_report(report(), "html")
    assert_printed_well(printed(page, "report", size, tmp_path), page)

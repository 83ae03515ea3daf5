"""An HTML paper printed by a real browser (headless Chromium) to a PDF with pages.

Skipped, with the reason, where Chromium is not installed (``.ci/run``
installs Debian's ``chromium`` package where it can).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import ExportOptions, export_meeting
from support.fixed_meeting import NOW, ZONE
from support.print_check import CHROMIUM, page_count, print_to_pdf


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_the_record_prints_to_a_pdf_with_pages(meeting: Meeting, guide: Guide, tmp_path: Path) -> None:
    page = tmp_path / "record.html"
    page.write_bytes(export_meeting(meeting, guide, "record", "html", ExportOptions(zone=ZONE, now=NOW)).data)
    pdf = tmp_path / "record.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) >= 2, "the record of the day runs over more than one A4 or Letter page"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_the_decision_letter_prints_to_a_pdf(meeting: Meeting, guide: Guide, tmp_path: Path) -> None:
    """The parents' letter, hostile text and all, prints as a browser would print it: a PDF of a few pages."""
    page = tmp_path / "decision-letter.html"
    page.write_bytes(
        export_meeting(meeting, guide, "decision-letter", "html", ExportOptions(zone=ZONE, now=NOW)).data
    )
    pdf = tmp_path / "decision-letter.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert 1 <= page_count(data) <= 4, "a letter of two children's decisions fits on a few pages"

"""Printing an HTML paper with a real browser and checking the pages as a reader would see them.

Headless Chromium prints the paper (on A4 or US Letter, as a coordinator's
browser would); poppler's ``pdftoppm`` draws each page as grey pixels and
``pdftotext -bbox-layout`` says where each line of text sits. Two checks:

* nothing is drawn outside the printable width (the page less its left and
  right margins): a table's right border or a chart's label past it is cut
  off by a printer;
* no page ends with a heading whose text follows on the next page.

Each program is looked up on the PATH; a test skips with the reason where one
is missing (``.ci/run`` installs Debian's ``chromium`` and ``poppler-utils``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
)
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="pdftoppm and pdftotext are not installed (Debian: apt-get install poppler-utils)"
)

#: The page margins every paper's stylesheet sets (print.css, the report's own): top, right, bottom, left.
MARGINS_MM = (18.0, 16.0, 20.0, 16.0)
POINTS_PER_MM = 72 / 25.4
#: Pixels per inch the pages are drawn at: a pixel is 0.18 mm, finer than half a table border.
DPI = 144
#: How far a glyph's anti-aliased edge may reach into a margin (a letter's overhang, not a cut-off border).
TOLERANCE_MM = 0.5
#: A pixel darker than this is ink (white paper is 255; the palest rule the papers draw is #999).
INK = 200


def print_to_pdf(html_file: Path, pdf_file: Path, profile: Path, paper_size: str | None = None) -> None:
    """Print ``html_file`` to ``pdf_file`` the way a coordinator's browser would.

    ``paper_size`` ("A4", "letter") stands for the paper chosen in the print dialog: it is added as an
    ``@page`` size after the paper's own styles, which set only margins.
    """
    assert CHROMIUM is not None
    source = html_file
    if paper_size is not None:
        source = html_file.with_name(f"{html_file.stem}-{paper_size}{html_file.suffix}")
        page = html_file.read_text(encoding="utf-8")
        source.write_text(
            page.replace("</head>", f"<style>@page {{ size: {paper_size}; }}</style></head>", 1),
            encoding="utf-8",
        )
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_file}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@dataclass(frozen=True)
class InkOutside:
    """A page with ink left or right of the printable width, in millimetres from the page's edges."""

    page: int
    left_mm: float
    right_mm: float


def _grey_pages(pdf: Path) -> list[tuple[int, int, bytes]]:
    """Each page as (width, height, one byte per pixel), drawn by pdftoppm as binary PGM."""
    prefix = pdf.with_name(f"{pdf.stem}-grey")
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(prefix)], check=True, timeout=120)
    pages = []
    for image in sorted(pdf.parent.glob(f"{prefix.name}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        data = image.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
        assert header is not None, f"{image} is not a binary PGM"
        pages.append((int(header[1]), int(header[2]), data[header.end() :]))
        image.unlink()
    return pages


def ink_outside_printable_width(pdf: Path) -> list[InkOutside]:
    """Pages with anything drawn in the left or right margin, between the top and bottom margins.

    The running header and the page number sit in the top and bottom margins and are not looked at.
    """
    top_mm, right_mm, bottom_mm, left_mm = MARGINS_MM
    scale = DPI / 25.4
    found = []
    for number, (width, height, pixels) in enumerate(_grey_pages(pdf), 1):
        left = int((left_mm - TOLERANCE_MM) * scale)
        right = width - int((right_mm - TOLERANCE_MM) * scale)
        first, last = width, -1
        for y in range(int(top_mm * scale), height - int(bottom_mm * scale)):
            row = pixels[y * width : (y + 1) * width]
            inked = [x for x in (*range(left), *range(right, width)) if row[x] < INK]
            if inked:
                first, last = min(first, *inked), max(last, *inked)
        if last >= 0:
            found.append(InkOutside(number, round(first / scale, 1), round((width - 1 - last) / scale, 1)))
    return found


def headings_of(page_html: str) -> list[str]:
    """The text of every heading in an HTML paper, as it prints (spaces joined)."""
    found = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", page_html, flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def page_lines(pdf: Path) -> list[list[str]]:
    """The lines of text on each page, top to bottom, without those in the top and bottom margins."""
    return [[text for _, text in page] for page in _placed_lines(pdf)]


def page_fill(pdf: Path) -> list[float]:
    """How far down each page's printable height its last line of text reaches (0 to 1)."""
    top_mm, _, bottom_mm, _ = MARGINS_MM
    fills = []
    for height, lines in zip(_page_heights(pdf), _placed_lines(pdf), strict=True):
        body = height - (top_mm + bottom_mm) * POINTS_PER_MM
        last = max((y for y, _ in lines), default=top_mm * POINTS_PER_MM)
        fills.append((last - top_mm * POINTS_PER_MM) / body)
    return fills


def _bbox_pages(pdf: Path) -> list[ET.Element]:
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xhtml, count=1))
    return list(root.iter("page"))


def _page_heights(pdf: Path) -> list[float]:
    return [float(page.attrib["height"]) for page in _bbox_pages(pdf)]


def _placed_lines(pdf: Path) -> list[list[tuple[float, str]]]:
    """(bottom of the line in points, its words) for each line on each page, outside the margins left out."""
    top_mm, _, bottom_mm, _ = MARGINS_MM
    pages = []
    for page in _bbox_pages(pdf):
        height = float(page.attrib["height"])
        lines = []
        for line in page.iter("line"):
            y_min, y_max = float(line.attrib["yMin"]), float(line.attrib["yMax"])
            if y_max < top_mm * POINTS_PER_MM or y_min > height - bottom_mm * POINTS_PER_MM:
                continue
            words = [w.text or "" for w in line.iter("word")]
            lines.append((y_max, " ".join(words)))
        pages.append(sorted(lines))
    return pages


def headings_at_page_foot(pdf: Path, headings: list[str]) -> list[tuple[int, str]]:
    """(page, heading) for each page but the last whose last lines are a heading: its text went over."""
    pages = page_lines(pdf)
    found = []
    for number, lines in enumerate(pages[:-1], 1):
        tail = " ".join(" ".join(lines[-3:]).split())
        found += [(number, h) for h in headings if h and tail.endswith(h)]
    return found


def page_count(pdf: bytes) -> int:
    """How many pages a PDF Chromium printed has (each page object is typed ``/Page``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))

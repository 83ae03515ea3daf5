"""Printing an HTML paper with a real browser (headless Chromium) to a PDF, and counting its pages.

Tests using it skip, with the reason, where Chromium is not installed (``.ci/run``
installs Debian's ``chromium`` package where it can).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def print_to_pdf(html_file: Path, pdf_file: Path, profile: Path) -> None:
    """Print ``html_file`` to ``pdf_file`` the way a coordinator's browser would."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_file}",
            html_file.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))

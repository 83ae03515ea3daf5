"""Every paper in every format from the fixed meeting, compared with its golden file.

A deliberate change of wording or layout: run ``pytest tests/export --update-golden``,
read the diff of ``tests/export/golden/``, and commit it with the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from support.fixed_meeting import NOW, ZONE

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    *(
        (kind, fmt, "")
        for kind in ("plan", "child-plan", "agenda", "record", "decision-letter")
        for fmt in PAPER_FORMATS
    ),
    *(("plan", fmt, "notes") for fmt in PAPER_FORMATS),
    ("child-plan", "md", "leo"),
    ("calendar", "ics", ""),
    ("calendar", "ics", "names-actions"),
    ("json", "json", ""),
]


def _options(variant: str) -> ExportOptions:
    return ExportOptions(
        include_notes=variant == "notes",
        child="Leo" if variant == "leo" else None,
        names=variant == "names-actions",
        actions=variant == "names-actions",
        zone=ZONE,
        now=NOW,
    )


@pytest.mark.parametrize(("kind", "fmt", "variant"), CASES, ids=lambda v: v or "-")
def test_paper_matches_its_golden_file(
    kind: str, fmt: str, variant: str, meeting: Meeting, guide: Guide, request: pytest.FixtureRequest
) -> None:
    exported = export_meeting(meeting, guide, kind, fmt, _options(variant))
    name = f"{kind}{'-' + variant if variant else ''}.{fmt}"
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(exported.data)
    assert golden.is_file(), f"no golden file {name}: run pytest tests/export --update-golden"
    assert exported.data == golden.read_bytes(), f"{name} changed; if on purpose, run with --update-golden"

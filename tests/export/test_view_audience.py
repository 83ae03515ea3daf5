"""A child's views reach only the people they may be shared with; the record shows how each person took part.

The child's plan and the family's plan are family papers: a view shared with
the professionals only, or with named people only, never reaches them, in any
format. The golden file shows the child's plan with the view left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from support.fixed_meeting import NOW, ZONE

GOLDEN = Path(__file__).parent / "golden"
LEO_VIEWS = "I just want it to be calm at home."


def _paper(meeting: Meeting, guide: Guide, kind: str, fmt: str, child: str | None = None) -> str:
    options = ExportOptions(zone=ZONE, now=NOW, child=child)
    return export_meeting(meeting, guide, kind, fmt, options).data.decode()


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize("audience", [["professionals"], ["chair"], ["named"]])
def test_a_view_not_shared_with_the_family_never_reaches_a_family_paper(
    audience: list[str], fmt: str, meeting: Meeting, guide: Guide
) -> None:
    leo = meeting.children[0]
    assert LEO_VIEWS in leo.views and leo.views_consent
    assert LEO_VIEWS in _paper(meeting, guide, "child-plan", fmt), "shown while the family may hear it"
    leo.views_audience = audience
    leo.views_named = [meeting.people[0].id]
    for kind in ("child-plan", "plan", "agenda"):
        assert LEO_VIEWS not in _paper(meeting, guide, kind, fmt), f"{kind}.{fmt}"


def test_a_view_shared_with_the_family_reaches_the_childs_plan(meeting: Meeting, guide: Guide) -> None:
    meeting.children[0].views_audience = ["family"]
    assert LEO_VIEWS in _paper(meeting, guide, "child-plan", "txt")


def test_the_childs_plan_without_the_view_matches_its_golden_file(
    meeting: Meeting, guide: Guide, request: pytest.FixtureRequest
) -> None:
    meeting.children[0].views_audience = ["professionals"]
    data = _paper(meeting, guide, "child-plan", "md", child="Leo").encode()
    golden = GOLDEN / "child-plan-leo-views-for-professionals.md"
    if request.config.getoption("--update-golden"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()
    assert "What you told us" not in data.decode()


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_the_record_lists_every_way_and_part_each_person_took_part(
    fmt: str, meeting: Meeting, guide: Guide
) -> None:
    sue = next(p for p in meeting.people if p.name == "Sue Barnes")
    sue.attendance = "phone"
    sue.ways = ["phone", "in-writing"]
    sue.phases = [guide.phases[0].id]
    ruby = meeting.children[1]
    ruby.attendance = "remote"
    ruby.ways = ["online", "drawing-or-recording"]
    record = _paper(meeting, guide, "record", fmt)
    assert f"Joined by phone · by phone, in writing ({guide.phases[0].name})" in record
    assert "Joined online · online, through a drawing or recording" in record

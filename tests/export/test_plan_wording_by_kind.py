"""A conference's plan papers are the outline child protection plan, decided by the conference.

The fixed meeting is a child protection conference whose plan also carries a
professionals' response "agreed" (as files made before the decision was
recorded do): the papers must still not say the professionals agreed it.
"""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting, paper_name
from support.fixed_meeting import ZONE

FAMILY_PLAN_WORDS = (
    "The family's plan",
    "The professionals agreed the plan",
    "have not given their response yet",
)


def paper(meeting: Meeting, guide: Guide, kind: str, fmt: str, *, notes: bool = False) -> str:
    return export_meeting(
        meeting, guide, kind, fmt, ExportOptions(zone=ZONE, include_notes=notes)
    ).data.decode()


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize(("kind", "notes"), [("plan", False), ("plan", True), ("record", False)])
def test_a_conference_never_speaks_of_the_familys_plan_or_the_professionals_agreeing(
    kind: str, notes: bool, fmt: str, meeting: Meeting, guide: Guide
) -> None:
    assert meeting.plan.response.decision == "agreed"
    text = paper(meeting, guide, kind, fmt, notes=notes)
    assert [words for words in FAMILY_PLAN_WORDS if words in text] == []
    assert "outline child protection plan" in text
    if kind == "plan":
        assert "What the conference decided" in text and "Leo: a child protection plan is needed" in text


def test_without_a_response_a_conference_still_does_not_wait_for_one(meeting: Meeting, guide: Guide) -> None:
    meeting.plan.response.decision = None
    meeting.conference.decisions = []
    text = paper(meeting, guide, "plan", "txt")
    assert "have not given their response yet" not in text
    assert "The conference's decision has not been written down yet." in text


def test_a_family_group_conference_keeps_the_familys_plan_and_the_response(
    meeting: Meeting, guide: Guide
) -> None:
    meeting.kind = "fgc"
    text = paper(meeting, guide, "plan", "txt")
    assert text.startswith("The family's plan\n") and "The professionals agreed the plan" in text
    assert "What the conference decided" not in text
    assert paper_name(meeting, "plan") == "the family's plan"
    meeting.kind = "cp-conference"
    assert paper_name(meeting, "plan") == "the outline child protection plan"


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_a_childs_plan_from_a_conference_does_not_call_it_a_family_meeting(
    fmt: str, meeting: Meeting, guide: Guide
) -> None:
    text = paper(meeting, guide, "child-plan", fmt)
    assert "made at a family meeting" not in text
    assert "This plan was made at a meeting about keeping you safe" in text
    meeting.kind = "fgc"
    assert "This plan was made at a family meeting" in paper(meeting, guide, "child-plan", fmt)

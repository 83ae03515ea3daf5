"""The family's papers never show what is not the family's to read.

No worry, case or preparation note, capture, scale answer, person not to be
invited or the reason, and nothing from private family time: in the plan,
the children's plans and the agenda, in every format. The record (for
professionals) may show notes, but never what happened in family time.
"""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from support.fixed_meeting import (
    FAMILY_TIME_CAPTURE,
    FAMILY_TIME_NOTE,
    FORBIDDEN_IN_FAMILY_PAPERS,
    NOT_INVITED_NAME,
    NOT_INVITED_REASON,
    PHASE_NOTE,
    ZONE,
)


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize(
    "kind", ["plan", "child-plan", "agenda", "decision-letter", "family-pack", "invitation"]
)
def test_family_papers_hold_nothing_private(kind: str, fmt: str, meeting: Meeting, guide: Guide) -> None:
    text = export_meeting(meeting, guide, kind, fmt, ExportOptions(zone=ZONE)).data.decode()
    leaked = [secret for secret in FORBIDDEN_IN_FAMILY_PAPERS if secret in text]
    assert leaked == [], f"{kind}.{fmt} shows {leaked}"
    assert meeting.referral.worries not in text
    for scale in meeting.record.scales:
        assert f"{scale.value} / 10" not in text


def test_the_fixture_really_holds_the_secrets(meeting: Meeting, guide: Guide) -> None:
    """The test above could pass on an empty meeting: prove the professionals' record shows some of them."""
    record = export_meeting(meeting, guide, "record", "txt", ExportOptions(zone=ZONE)).data.decode()
    assert PHASE_NOTE in record and "Ruby has been hiding under her bed" in record


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_the_record_never_shows_family_time_or_people_left_out(
    fmt: str, meeting: Meeting, guide: Guide
) -> None:
    record = export_meeting(meeting, guide, "record", fmt, ExportOptions(zone=ZONE)).data.decode()
    for secret in (
        FAMILY_TIME_NOTE,
        FAMILY_TIME_CAPTURE,
        "in family time",
        NOT_INVITED_NAME,
        NOT_INVITED_REASON,
    ):
        assert secret not in record
    assert "20 minutes" in record  # its length is part of the record


def test_the_professionals_version_adds_notes_but_still_no_one_left_out(
    meeting: Meeting, guide: Guide
) -> None:
    text = export_meeting(meeting, guide, "plan", "md", ExportOptions(include_notes=True)).data.decode()
    assert "Bottom lines" in text and "Progress" in text
    assert NOT_INVITED_NAME not in text and NOT_INVITED_REASON not in text
    # A family group conference's plan has the professionals' response, and this version its reasons.
    meeting.kind = "fgc"
    text = export_meeting(meeting, guide, "plan", "md", ExportOptions(include_notes=True)).data.decode()
    assert "Their reasons" in text and NOT_INVITED_NAME not in text

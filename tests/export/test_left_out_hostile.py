"""Hostile text in the new contact fields: escaped where it prints, absent where someone is at risk.

Every free-text field (the contact details included, as the filler walks the
model) holds hostile strings; then one person and one child are put at risk.
Their details carry a marker so the test can prove they are nowhere in a
family paper, and the sentence telling the coordinator what was left out is
one line with every control character made visible.
"""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.export.paper_catalogue import FAMILY_PAPERS, PAPER_FORMATS, ExportOptions, export_meeting
from support.fixed_meeting import NOW, ZONE
from support.hostile import fill_meeting
from support.strategies import HOSTILE_TEXTS

MARK = "zz-at-risk-detail"
NAME = "Kerry\n\x1b[31m<b>*K*</b>\u202e"


def hostile_at_risk(meeting: Meeting) -> Meeting:
    fill_meeting(meeting, HOSTILE_TEXTS)
    person, child = meeting.people[0], meeting.children[0]
    person.name = NAME
    person.invitation = "accepted"
    for field in ("address", "phone", "email", "school_or_work"):
        setattr(person, field, f"{getattr(person, field)} {MARK}-{field}")
    person.lives_at_venue = True
    child.school = f"{child.school} {MARK}-school"
    meeting.choices.venue = f"{meeting.choices.venue} {MARK}-venue"
    meeting.risks = [Risk(kind="domestic-abuse", status="present", at_risk=[person.id, child.id])]
    return meeting


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize("kind", FAMILY_PAPERS)
def test_no_family_paper_shows_what_belongs_to_the_person_at_risk(
    kind: str, fmt: str, meeting: Meeting, guide: Guide
) -> None:
    exported = export_meeting(hostile_at_risk(meeting), guide, kind, fmt, ExportOptions(zone=ZONE, now=NOW))
    text = exported.data.decode()
    assert MARK not in text
    if kind in ("plan", "agenda"):
        assert exported.note.startswith("Left out: ")
    assert "\n" not in exported.note and "\x1b" not in exported.note and "\u202e" not in exported.note
    assert MARK not in exported.note


def test_the_professionals_version_prints_them_escaped(meeting: Meeting, guide: Guide) -> None:
    exported = export_meeting(
        hostile_at_risk(meeting), guide, "plan", "html", ExportOptions(include_notes=True, zone=ZONE, now=NOW)
    )
    text = exported.data.decode()
    assert f"{MARK}-address" in text and f"{MARK}-phone" in text
    assert "<b>*K*</b>" not in text and "\x1b" not in text

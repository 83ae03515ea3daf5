"""The parents' decision letter: what it holds, what it never holds, and for which meetings it is made."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.conference import AgencyView
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, PaperError, export_meeting
from sdm_facilitator.guides.loader import bundled_conference_wording
from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS
from support.fixed_meeting import (
    HIDDEN_CONFERENCE_VIEW,
    PARENT_WORDS,
    PRIVATE_AGENCY,
    PRIVATE_AGENCY_PERSON,
    PRIVATE_AGENCY_REASON,
    ZONE,
)
from support.hostile import fill_meeting
from support.strategies import HOSTILE_TEXTS


def letter(meeting: Meeting, guide: Guide, fmt: str = "txt", **options: object) -> str:
    chosen = ExportOptions(zone=ZONE, **options)  # type: ignore[arg-type]
    return export_meeting(meeting, guide, "decision-letter", fmt, chosen).data.decode()


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_an_agency_view_not_for_the_family_never_reaches_the_letter(
    fmt: str, meeting: Meeting, guide: Guide
) -> None:
    text = letter(meeting, guide, fmt)
    for secret in (PRIVATE_AGENCY, PRIVATE_AGENCY_PERSON, PRIVATE_AGENCY_REASON):
        assert secret not in text
    assert "Hollins Primary School" in text, "views for the family are in the letter"
    record = export_meeting(meeting, guide, "record", fmt, ExportOptions(zone=ZONE)).data.decode()
    assert PRIVATE_AGENCY_REASON in record and "Not for the family" in record


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_no_field_of_a_private_view_leaks_whatever_the_rest_of_the_meeting_holds(
    fmt: str, meeting: Meeting, guide: Guide
) -> None:
    """Every free text filled with hostile text, then one private view with words found nowhere else."""
    hostile = fill_meeting(meeting, HOSTILE_TEXTS)
    hostile.conference.agency_views.append(
        AgencyView(
            agency="Agency-7f3a",
            person="Person-7f3a",
            view="likely",
            reason="Reason-7f3a",
            not_for_family=True,
        )
    )
    text = letter(hostile, guide, fmt)
    assert "7f3a" not in text


def test_the_parents_words_are_quoted_as_they_typed_them(meeting: Meeting, guide: Guide) -> None:
    text = letter(meeting, guide, "txt")
    assert f"\u201c{PARENT_WORDS}\u201d" in text
    assert "Kerry Hollins said:" in text


def test_a_childs_view_is_in_the_letter_only_when_the_child_agreed(meeting: Meeting, guide: Guide) -> None:
    text = letter(meeting, guide)
    assert "I want it calm at home." in text and HIDDEN_CONFERENCE_VIEW not in text
    meeting.children[0].views_consent = None  # nobody asked Leo: the chair only
    assert "I want it calm at home." not in letter(meeting, guide)


def test_category_meanings_come_from_the_wording_file(meeting: Meeting, guide: Guide) -> None:
    wording = bundled_conference_wording()
    text = letter(meeting, guide)
    assert wording.categories["emotional"] in text and wording.categories["neglect"] in text
    assert wording.categories["sexual"] not in text
    assert wording.decisions["plan-needed"] in text


def test_what_happens_next_names_the_lead_practitioner_and_the_dates(meeting: Meeting, guide: Guide) -> None:
    text = letter(meeting, guide)
    assert "Your lead practitioner: Priya Nair, social worker" in text
    assert "The first plan meeting: Thursday 12 March 2026" in text
    assert "The review conference: Tuesday 2 June 2026" in text


def test_challenge_words_the_chairs_then_the_areas_then_the_default(meeting: Meeting, guide: Guide) -> None:
    stands = bundled_conference_wording().letter["decision_stands"]
    text = letter(meeting, guide)
    assert DEFAULT_CHALLENGE_WORDS in text and stands in text
    area = "Write to the Safeguarding Unit, Town Hall, within 28 days of the conference."
    text = letter(meeting, guide, challenge_words=area)
    assert area in text and DEFAULT_CHALLENGE_WORDS not in text and stands in text
    meeting.conference.challenge_words = "Ring the chair's manager on 0161 000 0000."
    text = letter(meeting, guide, challenge_words=area)
    assert "Ring the chair's manager" in text and area not in text and stands in text


def test_no_decision_recorded_says_so_kindly(meeting: Meeting, guide: Guide) -> None:
    meeting.conference.decisions = []
    text = letter(meeting, guide)
    assert "The decision for Leo has not been written down yet." in text
    assert "The category" not in text


def test_a_meeting_of_another_kind_gets_no_decision_letter(meeting: Meeting, guide: Guide) -> None:
    meeting.kind = "fgc"
    with pytest.raises(PaperError, match="only for a child protection conference"):
        letter(meeting, guide)


@pytest.mark.parametrize(
    ("audience", "in_letter", "in_record"),
    [
        (["everyone"], True, True),
        (["family"], True, False),
        (["professionals"], False, True),
        (["chair"], False, False),
        (["named"], False, False),
    ],
)
def test_a_childs_view_follows_its_audience(
    audience: list[str], in_letter: bool, in_record: bool, meeting: Meeting, guide: Guide
) -> None:
    leo = meeting.children[0]
    leo.views_audience = audience
    leo.views_named = [meeting.people[0].id] if audience == ["named"] else []
    assert ("I want it calm at home." in letter(meeting, guide)) is in_letter
    record = export_meeting(meeting, guide, "record", "txt", ExportOptions(zone=ZONE)).data.decode()
    assert ("I want it calm at home." in record) is in_record

"""A paper with parts missing says so kindly, never with empty headings, "None" or a crash."""

from __future__ import annotations

import re

import pytest

from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, PaperError, export_meeting, resolve_format
from sdm_facilitator.guides.loader import GuideLibrary


def _text(meeting: Meeting, library: GuideLibrary, kind: str, fmt: str = "md") -> str:
    return export_meeting(meeting, library.get(meeting.guide_id), kind, fmt).data.decode()


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize("kind", ["plan", "child-plan", "agenda", "record"])
def test_a_new_meeting_gives_kind_messages(kind: str, fmt: str, library: GuideLibrary) -> None:
    text = _text(Meeting(family_label="The Test family"), library, kind, fmt)
    assert "None" not in text and "null" not in text
    if fmt == "md":
        # every heading has something under it
        assert not re.search(r"^#+ .*\n\n#+ ", text, re.M), text


def test_the_plan_says_what_is_not_there_yet(library: GuideLibrary) -> None:
    text = _text(Meeting(family_label="F", children=[Child(name="Ada")]), library, "plan")
    for kind_words in (
        "The family's words have not been written down yet.",
        "No actions have been written down yet.",
        "What to do if the plan does not work has not been agreed yet.",
        "Who keeps an eye on the plan has not been agreed yet.",
        "The professionals have not given their response yet.",
        "The review date is not set yet.",
    ):
        assert kind_words in text


def test_the_agenda_without_a_day_or_venue(library: GuideLibrary) -> None:
    meeting = Meeting(kind="fgc", guide_id="fgc", family_label="F")
    text = _text(meeting, library, "agenda", "txt")
    assert "When: not chosen yet" in text and "Where: not chosen yet" in text
    assert "The times will be added when the day and time are chosen." in text
    assert "Private family time" in text  # the guide's phases stand in for an agenda


def test_a_child_plan_without_children(library: GuideLibrary) -> None:
    assert "No children or young people have been added" in _text(Meeting(), library, "child-plan")


def test_formats_are_checked() -> None:
    assert resolve_format("plan", None) == "md"
    assert resolve_format("calendar", None) == "ics"
    with pytest.raises(PaperError, match="always written as json"):
        resolve_format("json", "md")
    with pytest.raises(PaperError, match="md, html, txt"):
        resolve_format("plan", "pdf")

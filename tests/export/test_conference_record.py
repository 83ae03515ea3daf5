"""The record's decision section names the conference as the decision screen does."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.conference_rules import CONFERENCE_KIND
from sdm_facilitator.export.conference_record import conference_blocks
from sdm_facilitator.export.paper_blocks import Fields
from support.app_helpers import new_meeting


@pytest.mark.parametrize(
    ("set_by_chair", "reviews_another", "named"),
    [
        (None, False, "Initial conference"),
        (None, True, "Review conference"),
        ("review", False, "Review conference"),
        ("initial", True, "Initial conference"),
    ],
)
def test_the_record_names_the_conference_initial_or_review_by_the_screen_s_rule(
    set_by_chair: str | None, reviews_another: bool, named: str
) -> None:
    meeting = new_meeting(CONFERENCE_KIND, "Hollins family")
    meeting.conference.stage = set_by_chair
    meeting.reviews_meeting_id = "earlier-conference" if reviews_another else None
    first = conference_blocks(meeting, "Ask the chair.")[0]
    assert first == Fields((("Conference", named),))

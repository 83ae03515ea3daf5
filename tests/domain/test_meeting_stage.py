"""The meeting's stage follows what was recorded on the day, not the response to the plan."""

from __future__ import annotations

from datetime import timedelta

from sdm_facilitator.domain.meeting import Meeting
from support.app_helpers import FIXED_NOW


def room_meeting() -> Meeting:
    return Meeting(kind="fgc", family_label="Stage family")


def running_meeting() -> Meeting:
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW - timedelta(minutes=90)
    return meeting


def test_an_agreed_plan_while_the_meeting_runs_keeps_the_meeting_stage() -> None:
    meeting = running_meeting()
    meeting.plan.response.decision = "agreed-with-changes"
    assert meeting.stage == "meeting"
    meeting.record.ended = FIXED_NOW
    assert meeting.stage == "follow_up"


def test_an_agreed_plan_for_a_day_never_run_in_the_app_is_follow_up() -> None:
    meeting = room_meeting()
    meeting.plan.response.decision = "agreed"
    assert meeting.stage == "follow_up"

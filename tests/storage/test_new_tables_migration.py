"""Files written before the risk screen and the conference record open unchanged and save byte for byte the same."""

from __future__ import annotations

import tomllib
from datetime import date

from sdm_facilitator import demo
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.codec import meeting_from_dict, meeting_to_toml, to_dict
from support.guide_library import bundled_library


def demo_meetings() -> list[Meeting]:
    library = bundled_library()
    today = date(2026, 12, 1)
    builders = (demo.preparing_meeting, demo.held_meeting, demo.follow_up_meeting, demo.early_meeting)
    return [build(library, today) for build in builders]


def _without_new_tables(meeting: Meeting) -> str:
    data = to_dict(meeting)
    data.pop("risks", None)
    data.pop("conference", None)
    return meeting_to_toml(meeting_from_dict(data))


def test_a_file_without_the_new_tables_reads_back_and_saves_unchanged() -> None:
    for meeting in demo_meetings():
        old_text = _without_new_tables(meeting)
        reopened = meeting_from_dict(tomllib.loads(old_text))
        assert reopened.risks == []
        assert to_dict(reopened.conference) == {}
        assert meeting_to_toml(reopened) == old_text


def test_a_hand_written_risk_and_conference_read_as_the_app_writes_them() -> None:
    text = """
id = "20261201-abcdef01"
schema_version = 1
created = 2026-12-01T10:00:00Z
updated = 2026-12-01T10:00:00Z
kind = "cp-conference"

[[risks]]
kind = "domestic-abuse"
status = "present"
at_risk = ["p-1"]
causing_harm = ["p-2"]
screened_on = 2026-12-01

[risks.advice]
by = "Jo Smith"
role = "IDVA"
on = 2026-12-02
outcome = "go-ahead-with-conditions"
conditions = [{ kind = "separate-arrival", what = "Separate waiting rooms" }]

[conference]
stage = "initial"
core_group = ["p-1", "p-3"]

[[conference.decisions]]
child_id = "c-1"
decision = "plan-needed"
categories = ["neglect", "emotional"]
"""
    meeting = meeting_from_dict(tomllib.loads(text))
    risk = meeting.risks[0]
    assert (risk.kind, risk.status, risk.at_risk, risk.causing_harm) == (
        "domestic-abuse",
        "present",
        ["p-1"],
        ["p-2"],
    )
    assert risk.advice.recorded and risk.advice.conditions[0].kind == "separate-arrival"
    assert meeting.conference.decisions[0].categories == ["neglect", "emotional"]
    again = meeting_from_dict(tomllib.loads(meeting_to_toml(meeting)))
    assert again == meeting

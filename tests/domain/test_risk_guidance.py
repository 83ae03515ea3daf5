"""Steps and room prompts for a particular harm show only where the risk screen has it in play."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from sdm_facilitator.domain.guide import Guide, Phase, Prompt, Step
from sdm_facilitator.domain.meeting import AgendaItem, Meeting
from sdm_facilitator.domain.meeting_clock import planned_phases
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.risk_guidance import meeting_prompts, meeting_steps, risks_in_play
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.domain.schedule import due_items
from support.app_helpers import FIXED_TODAY

BOTH = ("statutory", "voluntary")


def guide() -> Guide:
    steps = (
        Step("every", "preparation", ("trust",), BOTH, "For every meeting", "why", days_before=30),
        Step(
            "da",
            "preparation",
            ("trust",),
            BOTH,
            "For domestic abuse",
            "why",
            days_before=20,
            when_risk=("domestic-abuse",),
        ),
        Step(
            "sm-or-mh",
            "preparation",
            ("trust",),
            BOTH,
            "For drink, drugs or mental health",
            "why",
            days_before=10,
            when_risk=("substance-misuse", "mental-health"),
        ),
        Step(
            "fu-da",
            "follow_up",
            ("trust",),
            BOTH,
            "Follow up abuse",
            "why",
            days_after=14,
            when_risk=("domestic-abuse",),
        ),
    )
    phase = Phase(
        "p",
        "Part",
        30,
        (Prompt("always one", "trust"), Prompt("always two", "trust")),
        risk_prompts=(
            Prompt("abuse prompt", "trust", when_risk=("domestic-abuse",)),
            Prompt("exploitation prompt", "child", when_risk=("child-exploitation",)),
        ),
    )
    return Guide("g", "G", "1", ("fgc",), "s", steps, (phase,), (), ())


def screened(*risks: tuple[str, str]) -> Meeting:
    meeting = Meeting(kind="fgc", context="voluntary", family_label="Screened family", guide_id="g")
    meeting.risks = [Risk(kind=kind, status=status) for kind, status in risks]
    return meeting


def ids(meeting: Meeting, stage: str = "preparation") -> list[str]:
    return [s.id for s in meeting_steps(guide(), stage, meeting)]


def test_a_harm_present_or_not_known_shows_its_steps() -> None:
    assert ids(screened(("domestic-abuse", "present"))) == ["every", "da"]
    assert ids(screened(("domestic-abuse", "not-known"))) == ["every", "da"]
    assert ids(screened(("domestic-abuse", "present")), "follow_up") == ["fu-da"]


def test_a_harm_screened_out_or_not_screened_hides_its_steps() -> None:
    assert ids(screened(("domestic-abuse", "not-present"))) == ["every"]
    assert ids(screened()) == ["every"]
    assert ids(screened(("other", "present"))) == ["every"]
    assert ids(screened(), "follow_up") == []


def test_a_step_for_several_harms_shows_for_any_of_them() -> None:
    assert ids(screened(("mental-health", "not-known"))) == ["every", "sm-or-mh"]
    assert ids(screened(("substance-misuse", "present"), ("mental-health", "not-present"))) == [
        "every",
        "sm-or-mh",
    ]
    assert ids(screened(("substance-misuse", "not-present"), ("mental-health", "not-present"))) == ["every"]


def test_only_present_and_not_known_kinds_are_in_play() -> None:
    meeting = screened(
        ("domestic-abuse", "present"), ("forced-marriage", "not-known"), ("sexual-abuse", "not-present")
    )
    assert risks_in_play(meeting) == {"domestic-abuse", "forced-marriage"}


def test_describing_a_guide_lists_every_step_but_a_meeting_only_its_own() -> None:
    assert [s.id for s in guide().steps_for("preparation", risks=None)] == ["every", "da", "sm-or-mh"]
    assert [s.id for s in guide().steps_for("preparation")] == ["every"]


@pytest.mark.parametrize(
    ("risks", "expected"),
    [
        ((), ["always one", "always two"]),
        ((("domestic-abuse", "present"),), ["always one", "always two", "abuse prompt"]),
        ((("domestic-abuse", "not-present"),), ["always one", "always two"]),
        (
            (("child-exploitation", "not-known"), ("domestic-abuse", "present")),
            ["always one", "always two", "abuse prompt", "exploitation prompt"],
        ),
    ],
)
def test_room_prompts_for_a_harm_follow_the_phases_own(
    risks: tuple[tuple[str, str], ...], expected: list[str]
) -> None:
    meeting = screened(*risks)
    assert [p.text for p in meeting_prompts(guide().phases[0], meeting)] == expected
    # The chair's view reads prompts from the planned phases, with or without an agenda.
    assert list(planned_phases(meeting, guide())[0].prompts) == expected
    meeting.agenda = [AgendaItem("p", "Our part", 40)]
    assert list(planned_phases(meeting, guide())[0].prompts) == expected


def test_readiness_and_the_schedule_count_only_the_steps_shown() -> None:
    quiet = screened(("domestic-abuse", "not-present"))
    abuse = screened(("domestic-abuse", "present"))
    assert readiness(quiet, guide(), FIXED_TODAY).steps_total == 1
    result = readiness(abuse, guide(), FIXED_TODAY)
    assert result.steps_total == 2
    assert "For domestic abuse" in [i.text for i in result.items if i.kind == "step"]
    assert "For domestic abuse" not in [i.text for i in readiness(quiet, guide(), FIXED_TODAY).items]


def test_the_schedule_dates_a_step_only_where_it_is_shown() -> None:
    quiet = screened(("domestic-abuse", "not-present"))
    abuse = screened(("domestic-abuse", "present"))
    for meeting in (quiet, abuse):
        meeting.choices.when = datetime.combine(FIXED_TODAY + timedelta(days=40), time(10, 0))
    assert "For domestic abuse" not in [item.label for item in due_items(quiet, guide())]
    assert "For domestic abuse" in [item.label for item in due_items(abuse, guide())]

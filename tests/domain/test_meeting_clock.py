"""Phase navigation and timers, worked out from stored times only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain import meeting_clock as mc
from sdm_facilitator.domain.guide import FamilyQuestion, Guide, Phase, Prompt
from sdm_facilitator.domain.meeting import AgendaItem, Meeting, PhaseRecord

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def guide() -> Guide:
    def phase(pid: str, name: str, minutes: int, private: bool = False) -> Phase:
        prompts = (Prompt(f"{name}: first", "trust"), Prompt(f"{name}: second", "participation"))
        return Phase(pid, name, minutes, prompts, private)

    return Guide(
        id="test",
        title="Test guide",
        version="1",
        kinds=("fgc",),
        summary="",
        steps=(),
        phases=(
            phase("welcome", "Welcome", 10),
            phase("information", "Information sharing", 30),
            phase("family-time", "Private family time", 60, private=True),
            phase("family-plan", "The family's plan", 20),
            phase("agreement", "Agreement", 15),
        ),
        family_questions=(FamilyQuestion("What needs to happen?"),),
        follow_up_prompts=(),
    )


def meeting_with_agenda() -> Meeting:
    g = guide()
    m = Meeting(guide_id=g.id)
    m.agenda = [AgendaItem(phase_id=p.id, name=p.name, minutes=p.minutes) for p in g.phases]
    return m


def plan(m: Meeting) -> list[mc.PlannedPhase]:
    return mc.planned_phases(m, guide())


def ids(m: Meeting) -> list[str]:
    return [r.phase_id for r in m.record.phases]


# ---------------------------------------------------------------- the plan


def test_plan_follows_the_agenda_and_takes_prompts_and_privacy_from_the_guide() -> None:
    m = meeting_with_agenda()
    m.agenda[1].minutes = 45  # the coordinator re-timed it
    m.agenda[1].name = "What we know"
    phases = plan(m)
    assert [p.id for p in phases] == ["welcome", "information", "family-time", "family-plan", "agreement"]
    assert phases[1].minutes == 45 and phases[1].name == "What we know"
    assert phases[1].prompts == ("Information sharing: first", "Information sharing: second")
    assert [p.private for p in phases] == [False, False, True, False, False]


def test_plan_falls_back_to_the_guide_and_to_nothing() -> None:
    m = Meeting()
    assert [p.id for p in mc.planned_phases(m, guide())][:2] == ["welcome", "information"]
    assert mc.planned_phases(m, None) == []
    m.agenda = [AgendaItem(phase_id="chat", name="", minutes=5)]
    (only,) = mc.planned_phases(m, None)
    assert only == mc.PlannedPhase("chat", "chat", 5)


# ---------------------------------------------------------------- moving on and back


def test_walk_through_the_meeting_records_every_start_and_end() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    assert mc.meeting_status(m) == "not-started"
    assert mc.advance(m, phases, at(0)).id == "welcome"
    assert m.record.started == at(0) and mc.meeting_status(m) == "running"
    assert mc.advance(m, phases, at(12)).id == "information"
    assert m.record.phases[0] == PhaseRecord("welcome", at(0), at(12))
    assert mc.advance(m, phases, at(40)).id == "family-time"
    assert m.record.family_time_start == at(40) and mc.family_time_running(m)
    assert m.stage == "family_time"
    assert mc.end_family_time(m, phases, at(95)).id == "family-plan"
    assert m.record.family_time_end == at(95)
    assert m.record.phase("family-time").ended == at(95)
    assert mc.advance(m, phases, at(120)).id == "agreement"
    assert mc.advance(m, phases, at(130)) is None  # last phase: nothing changes
    assert m.record.current_phase.phase_id == "agreement"
    mc.end_meeting(m, at(140))
    assert m.record.ended == at(140) and m.record.phases[-1].ended == at(140)
    assert mc.meeting_status(m) == "ended"
    assert mc.advance(m, phases, at(150)) is None
    assert ids(m) == ["welcome", "information", "family-time", "family-plan", "agreement"]


def test_back_soon_after_moving_on_undoes_the_move() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(0))
    mc.advance(m, phases, at(10))
    assert mc.go_back(m, phases, at(10) + timedelta(seconds=5)).id == "welcome"
    assert ids(m) == ["welcome"] and m.record.phases[0].ended is None
    # The welcome clock runs on as if the key had never been pressed.
    assert mc.phase_elapsed(m, "welcome", at(11)) == timedelta(minutes=11)


def test_back_later_records_a_return_visit_and_time_adds_up() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(0))
    mc.advance(m, phases, at(10))
    assert mc.go_back(m, phases, at(15)).id == "welcome"
    assert ids(m) == ["welcome", "information", "welcome"]
    assert m.record.phases[1].ended == at(15)
    assert mc.phase_elapsed(m, "welcome", at(17)) == timedelta(minutes=12)
    assert mc.phase_elapsed(m, "information", at(17)) == timedelta(minutes=5)
    # And on again: the information clock continues from 5 minutes.
    assert mc.advance(m, phases, at(20)).id == "information"
    assert mc.phase_elapsed(m, "information", at(21)) == timedelta(minutes=6)


def test_back_at_the_first_phase_or_before_the_start_does_nothing() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    assert mc.go_back(m, phases, at(0)) is None
    mc.advance(m, phases, at(0))
    assert mc.go_back(m, phases, at(5)) is None
    assert ids(m) == ["welcome"]


def test_undo_the_start_of_family_time() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(0))
    mc.advance(m, phases, at(10))
    mc.advance(m, phases, at(40))
    assert mc.family_time_running(m)
    assert mc.go_back(m, phases, at(40.2)).id == "information"
    assert not mc.family_time_running(m)
    assert m.record.family_time_start is None and m.stage == "meeting"


def test_back_from_the_plan_into_family_time_resumes_it_or_starts_a_new_round() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    for minute in (0, 10, 40):
        mc.advance(m, phases, at(minute))
    mc.extend_family_time(m, 5)
    mc.end_family_time(m, phases, at(100))
    # Straight away: family time was ended too soon; it carries on with its extension.
    assert mc.go_back(m, phases, at(100.1)).id == "family-time"
    assert mc.family_time_running(m) and m.record.family_time_start == at(40)
    assert m.record.family_time_extra_minutes == 5
    mc.end_family_time(m, phases, at(105))
    # Later (the plan was not agreed and the family asked for more time): a new round.
    assert mc.go_back(m, phases, at(130)).id == "family-time"
    assert m.record.family_time_start == at(130) and m.record.family_time_extra_minutes == 0
    assert mc.family_time_remaining(m, phases, at(140)) == timedelta(minutes=50)
    assert ids(m) == ["welcome", "information", "family-time", "family-plan", "family-time"]


def test_start_family_time_directly_starts_the_meeting_and_the_private_phase() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.start_family_time(m, phases, at(0))
    assert m.record.started == at(0)
    assert ids(m) == ["family-time"]
    mc.start_family_time(m, phases, at(5))  # already running: nothing changes
    assert m.record.family_time_start == at(0)


def test_family_time_without_a_guide_or_agenda() -> None:
    m = Meeting()
    phases = mc.planned_phases(m, None)
    mc.start_family_time(m, phases, at(0))
    assert mc.family_time_remaining(m, phases, at(5)) == timedelta(minutes=mc.DEFAULT_FAMILY_TIME_MINUTES - 5)
    assert mc.end_family_time(m, phases, at(30)) is None
    assert m.record.family_time_end == at(30) and m.record.phases == []
    assert mc.end_family_time(m, phases, at(31)) is None
    assert m.record.family_time_end == at(30)


def test_a_meeting_without_phases_is_timed_as_a_whole() -> None:
    m = Meeting()
    assert mc.advance(m, [], at(0)) is None
    assert m.record.started == at(0)
    reading = mc.read(m, [], at(3))
    assert reading.phase is None and reading.meeting_elapsed == timedelta(minutes=3)


# ---------------------------------------------------------------- timers


def test_readings_come_from_stored_times_only() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(0))
    mc.advance(m, phases, at(12))
    # A new copy of the record, as after closing and opening the app.
    copy = Meeting(agenda=m.agenda, record=m.record)
    reading = mc.read(copy, plan(copy), at(50))
    assert reading.status == "running" and reading.phase.id == "information"
    assert (reading.index, reading.count) == (1, 5)
    assert reading.phase_elapsed == timedelta(minutes=38)
    assert reading.phase_planned == timedelta(minutes=30)
    assert reading.phase_over == timedelta(minutes=8)
    assert reading.meeting_elapsed == timedelta(minutes=50)


def test_reading_before_the_start_shows_the_first_phase_at_zero() -> None:
    m = meeting_with_agenda()
    reading = mc.read(m, plan(m), at(0))
    assert reading.status == "not-started" and reading.phase.id == "welcome"
    assert reading.phase_elapsed == timedelta(0) and reading.meeting_elapsed == timedelta(0)


def test_whole_meeting_timer_stops_at_the_end() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(0))
    mc.end_meeting(m, at(90))
    assert mc.meeting_elapsed(m, at(500)) == timedelta(minutes=90)


def test_countdown_extensions_and_overrun() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.start_family_time(m, phases, at(0))
    assert mc.family_time_remaining(m, phases, at(15)) == timedelta(minutes=45)
    assert mc.extend_family_time(m, 5) == 5
    assert mc.extend_family_time(m, 10) == 10
    assert mc.family_time_planned(m, phases) == timedelta(minutes=75)
    assert mc.family_time_remaining(m, phases, at(80)) == timedelta(minutes=-5)
    assert mc.extend_family_time(m, 0) == 0
    assert mc.extend_family_time(m, 10_000) == mc.MAX_EXTRA_MINUTES - 15
    assert m.record.family_time_extra_minutes == mc.MAX_EXTRA_MINUTES


def test_agenda_retiming_changes_the_countdown() -> None:
    m = meeting_with_agenda()
    m.agenda[2].minutes = 30
    phases = plan(m)
    mc.start_family_time(m, phases, at(0))
    assert mc.family_time_remaining(m, phases, at(10)) == timedelta(minutes=20)


def test_clock_running_backwards_never_gives_negative_elapsed_time() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.advance(m, phases, at(10))
    assert mc.meeting_elapsed(m, at(0)) == timedelta(0)
    assert mc.phase_elapsed(m, "welcome", at(0)) == timedelta(0)


def test_times_without_a_zone_are_read_as_utc() -> None:
    m = Meeting()
    m.record.started = datetime(2026, 3, 2, 10, 0)
    assert mc.meeting_elapsed(m, at(2)) == timedelta(minutes=2)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (65, "1:05"), (720, "12:00"), (3723, "1:02:03"), (-90, "1:30")],
)
def test_clock_text(seconds: int, text: str) -> None:
    assert mc.clock_text(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(("seconds", "text"), [(1, "1 minute"), (60, "1 minute"), (61, "2 minutes")])
def test_minutes_text(seconds: int, text: str) -> None:
    assert mc.minutes_text(timedelta(seconds=seconds)) == text


# ---------------------------------------------------------------- properties

moves = st.lists(
    st.tuples(st.sampled_from(["next", "back", "family", "end-family"]), st.integers(1, 3000)),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(moves)
def test_any_sequence_of_moves_keeps_the_record_consistent(steps: list[tuple[str, int]]) -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    now = T0
    for move, seconds in steps:
        now += timedelta(seconds=seconds)
        {
            "next": mc.advance,
            "back": mc.go_back,
            "family": mc.start_family_time,
            "end-family": mc.end_family_time,
        }[move](m, phases, now)
    records = m.record.phases
    # At most one phase runs at a time, and it is the last record.
    running = [r for r in records if r.ended is None]
    assert len(running) <= 1
    if running:
        assert running[0] is records[-1]
    # Records follow each other in time and never end before they start.
    for record in records:
        assert record.started is not None
        assert record.ended is None or record.ended >= record.started
    for before, after in zip(records, records[1:]):
        assert before.ended is not None and before.ended <= after.started
    # Family time runs exactly while the private phase runs.
    current = m.record.current_phase
    in_private = current is not None and current.phase_id == "family-time"
    assert mc.family_time_running(m) == in_private
    # Time spent in phases never exceeds the time the meeting has run.
    spent = sum((mc.phase_elapsed(m, p.id, now) for p in phases), timedelta(0))
    assert spent <= mc.meeting_elapsed(m, now)
    assert mc.meeting_elapsed(m, now) == (now - m.record.started if m.record.started else timedelta(0))


def test_family_time_not_offered_is_stepped_over_and_leaves_no_trace() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.start_meeting(m, phases, at(0))
    mc.advance(m, phases, at(10))  # information; family time is next
    moved = mc.advance_past_private(m, phases, at(20))
    assert moved is not None and moved.id == "family-plan"
    assert ids(m) == ["welcome", "information", "family-plan"]
    assert m.record.family_time_start is None and m.record.phase("family-time") is None
    assert m.record.phase("information").ended == at(20)  # type: ignore[union-attr]


def test_stepping_over_family_time_needs_a_running_meeting_and_a_phase_after() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    assert mc.advance_past_private(m, phases, at(0)) is None  # not started
    mc.start_meeting(m, phases, at(0))
    for minute in (10, 20, 30, 40):
        mc.advance(m, phases, at(minute))
    assert mc.advance_past_private(m, phases, at(50)) is None  # the last phase
    mc.end_meeting(m, at(60))
    assert mc.advance_past_private(m, phases, at(70)) is None


def test_back_from_the_phase_after_family_time_not_held_steps_over_it() -> None:
    m = meeting_with_agenda()
    phases = plan(m)
    mc.start_meeting(m, phases, at(0))
    mc.advance(m, phases, at(10))
    mc.advance_past_private(m, phases, at(20))
    # Soon after: the move is undone, as any move is.
    back = mc.go_back(m, phases, at(20.1), past_private=True)
    assert back is not None and back.id == "information"
    assert ids(m) == ["welcome", "information"] and m.record.phase("information").ended is None  # type: ignore[union-attr]
    # Later: a return visit to information, never into family time.
    mc.advance_past_private(m, phases, at(30))
    back = mc.go_back(m, phases, at(45), past_private=True)
    assert back is not None and back.id == "information"
    assert ids(m) == ["welcome", "information", "family-plan", "information"]
    assert m.record.family_time_start is None

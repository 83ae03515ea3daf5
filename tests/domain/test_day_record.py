"""The record of the day: attendance, phases, captures by kind, and nothing from family time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.domain.day_record import day_record
from sdm_facilitator.domain.meeting import Capture, Child, Meeting, Person, PhaseRecord

T0 = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def _held() -> Meeting:
    m = Meeting()
    m.record.started, m.record.ended = T0, T0 + timedelta(minutes=95)
    m.record.family_time_start, m.record.family_time_end = (
        T0 + timedelta(minutes=30),
        T0 + timedelta(minutes=60),
    )
    m.record.phases = [
        PhaseRecord("intro", T0, T0 + timedelta(minutes=30), notes="chair's note"),
        PhaseRecord("ft", T0 + timedelta(minutes=30), T0 + timedelta(minutes=60), notes="private"),
    ]
    return m


def test_captures_are_grouped_in_order_and_family_time_is_left_out() -> None:
    m = _held()
    m.record.captures = [
        Capture(kind="decision", text="d", at=T0 + timedelta(minutes=70)),
        Capture(kind="worry", text="w", at=T0 + timedelta(minutes=5)),
        Capture(kind="worry", text="said in family time", at=T0 + timedelta(minutes=31)),
    ]
    day = day_record(m, None)
    assert [(g.title, [c.text for c in g.captures]) for g in day.groups] == [
        ("Worries", ["w"]),
        ("Decisions", ["d"]),
    ]
    assert day.family_time.held and day.family_time.minutes == 30
    assert day.minutes == 95


def test_who_was_there() -> None:
    m = _held()
    m.children = [
        Child(name="Leo", participation="attends-part"),
        Child(name="Ruby", participation="written-views"),
    ]
    m.people = [
        Person(name="Kerry", role="parent", attendance="present"),
        Person(name="Sam", attendance="absent"),
        Person(name="Never asked", invitation="not-invited"),
    ]
    day = day_record(m, None)
    assert [a.name for a in day.attendees] == ["Leo", "Kerry"]
    assert [a.name for a in day.not_present] == ["Sam"]


@given(st.integers(min_value=-200, max_value=200))
def test_nothing_inside_family_time_ever_shows(offset: int) -> None:
    m = _held()
    at = T0 + timedelta(minutes=offset)
    m.record.captures = [Capture(kind="note", text="x", at=at)]
    inside = m.record.family_time_start <= at < m.record.family_time_end  # type: ignore[operator]
    shown = [c for g in day_record(m, None).groups for c in g.captures]
    assert (shown == []) == inside

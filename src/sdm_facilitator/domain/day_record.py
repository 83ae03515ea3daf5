"""The record of the day: who was there, the phases, what was said, the plan.

One structure for every place that shows the day after the meeting: the
``record`` paper and a screen in the app read the same thing, so they can
never disagree. Built only from what was stored; nothing is counted from a
clock in memory.

Private family time is the family's own: its length is part of the record,
its content never is. Anything captured while it ran (by phase or by time)
is left out here, so no paper or screen built on this can show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting_clock import planned_phases
from sdm_facilitator.domain.participation import child_in_the_room, taking_part_words

#: Capture kinds in the order a record reads them, with the title of each group.
CAPTURE_GROUPS: tuple[tuple[str, str], ...] = (
    ("worry", "Worries"),
    ("working-well", "What is working well"),
    ("needs-to-happen", "What needs to happen"),
    ("decision", "Decisions"),
    ("note", "Notes"),
)
_TAKING_PART = ("attends-all", "attends-part", "remote")
_THERE = m.ATTENDED


class _Timed:
    """Something with a stored start and end: whether it happened, and for how many minutes."""

    started: datetime | None
    ended: datetime | None

    @property
    def held(self) -> bool:
        return self.started is not None

    @property
    def minutes(self) -> int | None:
        return span_minutes(self.started, self.ended)


@dataclass(frozen=True)
class Attendee:
    """Someone who took part, as the record names them."""

    name: str
    role: str
    relationship: str
    attendance: str


@dataclass(frozen=True)
class PhaseTimes(_Timed):
    """One phase as it ran: when, for how long, and the chair's notes (never for family time)."""

    name: str
    started: datetime | None
    ended: datetime | None
    planned_minutes: int
    private: bool
    notes: str


@dataclass(frozen=True)
class FamilyTime(_Timed):
    """Whether private family time was held, and for how long. Never what was said."""

    started: datetime | None
    ended: datetime | None
    extra_minutes: int


@dataclass(frozen=True)
class CaptureGroup:
    """The captures of one kind, in the order they were made."""

    kind: str
    title: str
    captures: tuple[m.Capture, ...]


@dataclass(frozen=True)
class DayRecord(_Timed):
    """Everything the record of the day shows."""

    started: datetime | None
    ended: datetime | None
    attendees: tuple[Attendee, ...]
    not_present: tuple[Attendee, ...]
    phases: tuple[PhaseTimes, ...]
    family_time: FamilyTime
    groups: tuple[CaptureGroup, ...]
    scales: tuple[m.ScaleAnswer, ...]
    plan: m.Plan


def span_minutes(started: datetime | None, ended: datetime | None) -> int | None:
    """Whole minutes from ``started`` to ``ended``; None while either is unknown."""
    if started is None or ended is None:
        return None
    return max(round((_aware(ended) - _aware(started)).total_seconds() / 60), 0)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _took_part(attendance: str, ways: list[str], phases: list[str], guide: Guide | None) -> str:
    """``Present · in person, by phone (Welcome)``: the mark in the room, then the ways and parts recorded."""
    label = m.ATTENDANCE_LABELS.get(attendance, attendance)
    how = taking_part_words(ways, phases, guide)
    return f"{label} · {how}" if how else label


def _attendees(meeting: m.Meeting, guide: Guide | None) -> tuple[tuple[Attendee, ...], tuple[Attendee, ...]]:
    there: list[Attendee] = []
    absent: list[Attendee] = []
    for child in meeting.children:
        child_role = m.ROLE_LABELS["child"]
        if child.attendance is not None:
            entry = Attendee(
                child.name, child_role, "", _took_part(child.attendance, child.ways, child.phases, guide)
            )
            (there if child.attendance in _THERE else absent).append(entry)
        elif child.ways and child_in_the_room(child):
            there.append(
                Attendee(child.name, child_role, "", taking_part_words(child.ways, child.phases, guide))
            )
        elif not child.ways and child.participation in _TAKING_PART:
            there.append(Attendee(child.name, child_role, "", m.PARTICIPATION_LABELS[child.participation]))
    for person in meeting.people:
        if person.attendance is None:
            continue
        entry = Attendee(
            person.name,
            m.ROLE_LABELS.get(person.role, person.role),
            person.relationship,
            _took_part(person.attendance, person.ways, person.phases, guide),
        )
        (there if person.attendance in _THERE else absent).append(entry)
    return tuple(there), tuple(absent)


def _in_family_time(meeting: m.Meeting, phase_id: str, at: datetime | None, private_ids: set[str]) -> bool:
    """Whether something was recorded during private family time, by its phase or its time."""
    if phase_id and phase_id in private_ids:
        return True
    record = meeting.record
    if at is None or record.family_time_start is None:
        return False
    end = record.family_time_end
    moment = _aware(at)
    return _aware(record.family_time_start) <= moment and (end is None or moment < _aware(end))


def day_record(meeting: m.Meeting, guide: Guide | None) -> DayRecord:
    """The record of ``meeting``'s day, with private family time's content left out."""
    planned = planned_phases(meeting, guide)
    private_ids = {p.id for p in planned if p.private}
    by_id = {p.id: p for p in planned}
    phases = []
    for record in meeting.record.phases:
        plan = by_id.get(record.phase_id)
        private = record.phase_id in private_ids
        phases.append(
            PhaseTimes(
                name=plan.name if plan else record.phase_id,
                started=record.started,
                ended=record.ended,
                planned_minutes=plan.minutes if plan else 0,
                private=private,
                notes="" if private else record.notes,
            )
        )
    captures = [
        c for c in meeting.record.captures if not _in_family_time(meeting, c.phase_id, c.at, private_ids)
    ]
    groups = tuple(
        CaptureGroup(kind, title, tuple(c for c in captures if c.kind == kind))
        for kind, title in CAPTURE_GROUPS
        if any(c.kind == kind for c in captures)
    )
    scales = tuple(
        s for s in meeting.record.scales if not _in_family_time(meeting, s.phase_id, s.at, private_ids)
    )
    there, absent = _attendees(meeting, guide)
    rec = meeting.record
    return DayRecord(
        started=rec.started,
        ended=rec.ended,
        attendees=there,
        not_present=absent,
        phases=tuple(phases),
        family_time=FamilyTime(rec.family_time_start, rec.family_time_end, rec.family_time_extra_minutes),
        groups=groups,
        scales=scales,
        plan=meeting.plan,
    )

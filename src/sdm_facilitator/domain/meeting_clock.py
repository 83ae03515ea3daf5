"""Moving through the meeting and timing it, from stored times only.

Nothing here counts in memory: every reading is worked out from the times in
``meeting.record`` and the ``now`` passed in, so a timer is right after the
chair's screen is left and opened again, and after the app is closed and
started again in the middle of a meeting. No Textual import: the screens call
these functions and save what they change.

The meeting's plan is its agenda (which the coordinator may re-time), falling
back to the guide's phases. Private family time is the guide's private phase;
starting it also records ``record.family_time_start`` so the two never
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting, PhaseRecord

#: Length of private family time when neither the agenda nor the guide says.
DEFAULT_FAMILY_TIME_MINUTES = 45
#: The one-key extensions offered on the privacy screen.
EXTEND_STEPS = (5, 10)
#: The record field's limit (``family_time_extra_minutes`` allows 0 to 600).
MAX_EXTRA_MINUTES = 600
#: Going back this soon after moving on undoes the move instead of recording a return.
UNDO_WINDOW = timedelta(seconds=30)


@dataclass(frozen=True)
class PlannedPhase:
    """One phase of this meeting as planned: from its agenda, with the guide's prompts."""

    id: str
    name: str
    minutes: int
    private: bool = False
    prompts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClockReading:
    """Everything the chair's view shows about time, at one moment."""

    status: str  # "not-started", "running" or "ended"
    phase: PlannedPhase | None
    index: int | None  # position of ``phase`` in the plan
    count: int  # number of planned phases
    phase_elapsed: timedelta
    phase_planned: timedelta | None
    meeting_elapsed: timedelta
    family_time: bool  # private family time is running

    @property
    def phase_over(self) -> timedelta:
        """How far the phase has run past its planned length (zero when within it)."""
        if self.phase_planned is None or not self.phase_planned:
            return timedelta(0)
        return max(self.phase_elapsed - self.phase_planned, timedelta(0))


# ---------------------------------------------------------------- the plan


def planned_phases(meeting: Meeting, guide: Guide | None) -> list[PlannedPhase]:
    """The phases of this meeting in order.

    The agenda decides order and minutes; the guide adds prompts and which
    phase is private. With no agenda the guide's phases are used; with neither
    the list is empty (the meeting can still be timed as a whole).
    """
    by_id = {p.id: p for p in guide.phases} if guide else {}
    if meeting.agenda:
        phases = []
        for item in meeting.agenda:
            g = by_id.get(item.phase_id)
            phases.append(
                PlannedPhase(
                    id=item.phase_id,
                    name=item.name or (g.name if g else item.phase_id),
                    minutes=item.minutes,
                    private=g.private if g else False,
                    prompts=tuple(p.text for p in g.prompts) if g else (),
                )
            )
        return phases
    if guide is None:
        return []
    return [
        PlannedPhase(p.id, p.name, p.minutes, p.private, tuple(x.text for x in p.prompts))
        for p in guide.phases
    ]


def private_phase(phases: list[PlannedPhase]) -> PlannedPhase | None:
    """The private family time phase of the plan, if it has one."""
    return next((p for p in phases if p.private), None)


def _index_of(phases: list[PlannedPhase], phase_id: str) -> int | None:
    return next((i for i, p in enumerate(phases) if p.id == phase_id), None)


# ---------------------------------------------------------------- time arithmetic


def _aware(moment: datetime) -> datetime:
    """Stored times are UTC; a hand-edited time without a zone is read as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def span(start: datetime | None, end: datetime | None, now: datetime) -> timedelta:
    """Time from ``start`` to ``end`` (or to ``now`` while still open); never negative."""
    if start is None:
        return timedelta(0)
    finish = end if end is not None else now
    return max(_aware(finish) - _aware(start), timedelta(0))


def meeting_status(meeting: Meeting) -> str:
    """ "not-started", "running" or "ended", from the record."""
    if meeting.record.ended is not None:
        return "ended"
    if meeting.record.started is not None:
        return "running"
    return "not-started"


def meeting_elapsed(meeting: Meeting, now: datetime) -> timedelta:
    """How long the whole meeting has run (stops when it ends)."""
    return span(meeting.record.started, meeting.record.ended, now)


def phase_elapsed(meeting: Meeting, phase_id: str, now: datetime) -> timedelta:
    """All the time spent in ``phase_id``, including earlier visits when it was returned to."""
    total = timedelta(0)
    for record in meeting.record.phases:
        if record.phase_id == phase_id and record.started is not None:
            total += span(record.started, record.ended, now)
    return total


def position(meeting: Meeting, phases: list[PlannedPhase]) -> int | None:
    """Where the meeting is in the plan: the running phase, else the last one recorded."""
    current = meeting.record.current_phase
    if current is not None:
        return _index_of(phases, current.phase_id)
    for record in reversed(meeting.record.phases):
        index = _index_of(phases, record.phase_id)
        if index is not None:
            return index
    return None


def current_phase(meeting: Meeting, phases: list[PlannedPhase]) -> PlannedPhase | None:
    """The planned phase that is running now, if any."""
    current = meeting.record.current_phase
    if current is None:
        return None
    index = _index_of(phases, current.phase_id)
    return phases[index] if index is not None else None


def read(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> ClockReading:
    """One reading of every timer the chair's view shows."""
    status = meeting_status(meeting)
    index = position(meeting, phases)
    if status == "not-started" and not meeting.record.phases:
        index = 0 if phases else None
    phase = phases[index] if index is not None else None
    return ClockReading(
        status=status,
        phase=phase,
        index=index,
        count=len(phases),
        phase_elapsed=phase_elapsed(meeting, phase.id, now) if phase else timedelta(0),
        phase_planned=timedelta(minutes=phase.minutes) if phase and phase.minutes else None,
        meeting_elapsed=meeting_elapsed(meeting, now),
        family_time=family_time_running(meeting),
    )


# ---------------------------------------------------------------- moving through the phases


def _end_current(meeting: Meeting, now: datetime) -> PhaseRecord | None:
    current = meeting.record.current_phase
    if current is not None:
        current.ended = now
    if family_time_running(meeting):
        meeting.record.family_time_end = now
    return current


def _begin(meeting: Meeting, phase: PlannedPhase, now: datetime) -> None:
    meeting.record.phases.append(PhaseRecord(phase_id=phase.id, started=now))
    if phase.private:
        meeting.record.family_time_start = now
        meeting.record.family_time_end = None
        meeting.record.family_time_extra_minutes = 0


def start_meeting(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> PlannedPhase | None:
    """Record the start of the meeting and of its first phase. Does nothing if started."""
    if meeting.record.started is not None:
        return current_phase(meeting, phases)
    meeting.record.started = now
    if phases:
        _begin(meeting, phases[0], now)
        return phases[0]
    return None


def advance(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> PlannedPhase | None:
    """End the running phase and start the next one; returns the phase now running.

    Starts the meeting if it has not started. Moving into the private phase
    starts family time; moving out of it ends family time. Returns None (and
    changes nothing) at the last phase or after the meeting ended.
    """
    status = meeting_status(meeting)
    if status == "ended":
        return None
    if status == "not-started":
        return start_meeting(meeting, phases, now)
    here = position(meeting, phases)
    following = 0 if here is None else here + 1
    if following >= len(phases):
        return None
    _end_current(meeting, now)
    _begin(meeting, phases[following], now)
    return phases[following]


def advance_past_private(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> PlannedPhase | None:
    """End the running phase and start the next one that is not private family time (it was not offered).

    Family time is not started, so nothing is recorded for it. Returns None
    (and changes nothing) when the meeting is not running or no such phase follows.
    """
    if meeting_status(meeting) != "running":
        return None
    here = position(meeting, phases)
    following = 0 if here is None else here + 1
    while following < len(phases) and phases[following].private:
        following += 1
    if following >= len(phases):
        return None
    _end_current(meeting, now)
    _begin(meeting, phases[following], now)
    return phases[following]


def go_back(
    meeting: Meeting, phases: list[PlannedPhase], now: datetime, *, past_private: bool = False
) -> PlannedPhase | None:
    """Return to the phase before the running one; returns the phase now running.

    Within ``UNDO_WINDOW`` of moving on, the move is undone (the short record
    is removed and the previous one reopened), so a key pressed by mistake
    leaves no trace. Later, the return is recorded as a new visit, because the
    meeting really did go back. Returns None when there is nowhere to go back to.
    With ``past_private``, family time that was not held is stepped over.
    """
    if meeting_status(meeting) != "running":
        return None
    here = position(meeting, phases)
    if here is None or here == 0:
        return None
    back = here - 1
    while past_private and back > 0 and phases[back].private:
        back -= 1
    previous = phases[back]
    record = meeting.record
    current = record.current_phase
    earlier = record.phase(previous.id)
    if (
        current is not None
        and current is record.phases[-1]
        and current.started is not None
        and span(current.started, None, now) < UNDO_WINDOW
        and earlier is not None
        and earlier.ended == current.started
    ):
        record.phases.pop()
        earlier.ended = None
        if phases[here].private:
            _forget_family_round(meeting, phases[here])
        if previous.private:
            record.family_time_end = None
        return previous
    _end_current(meeting, now)
    _begin(meeting, previous, now)
    return previous


def _forget_family_round(meeting: Meeting, private: PlannedPhase) -> None:
    """Undo the start of family time: go back to the round before, if there was one."""
    record = meeting.record
    earlier = record.phase(private.id)
    if earlier is not None:
        record.family_time_start, record.family_time_end = earlier.started, earlier.ended
    else:
        record.family_time_start = record.family_time_end = None
        record.family_time_extra_minutes = 0


def end_meeting(meeting: Meeting, now: datetime) -> None:
    """Record the end of the meeting (and of the running phase and family time)."""
    if meeting.record.started is None:
        meeting.record.started = now
    _end_current(meeting, now)
    meeting.record.ended = now


# ---------------------------------------------------------------- private family time


def family_time_running(meeting: Meeting) -> bool:
    """True between the start of private family time and its end."""
    return meeting.record.family_time_start is not None and meeting.record.family_time_end is None


def start_family_time(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> None:
    """Record the start of private family time. Does nothing if it is running.

    Starts the meeting if needed, ends the running phase and starts the
    private phase of the plan (when there is one). Starting again after it
    ended (the family asked for more time) begins a new round with the full
    planned length; the earlier round stays in the phase records.
    """
    if family_time_running(meeting):
        return
    record = meeting.record
    if record.started is None:
        record.started = now
    record.ended = None
    private = private_phase(phases)
    current = record.current_phase
    if private is not None and not (current is not None and current.phase_id == private.id):
        _end_current(meeting, now)
        _begin(meeting, private, now)
    record.family_time_start = now
    record.family_time_end = None
    record.family_time_extra_minutes = 0


def end_family_time(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> PlannedPhase | None:
    """Record the end of family time and start the phase after it (the family's plan).

    Returns the phase now running, or None when the plan has nothing after
    private family time. Does nothing when family time is not running.
    """
    if not family_time_running(meeting):
        return None
    record = meeting.record
    record.family_time_end = now
    private = private_phase(phases)
    current = record.current_phase
    if private is None or current is None or current.phase_id != private.id:
        return current_phase(meeting, phases)
    current.ended = now
    index = _index_of(phases, private.id)
    assert index is not None
    if index + 1 < len(phases):
        _begin(meeting, phases[index + 1], now)
        return phases[index + 1]
    return None


def family_time_planned(meeting: Meeting, phases: list[PlannedPhase]) -> timedelta:
    """The planned length of family time, with any extensions."""
    private = private_phase(phases)
    minutes = private.minutes if private is not None and private.minutes else DEFAULT_FAMILY_TIME_MINUTES
    return timedelta(minutes=minutes + meeting.record.family_time_extra_minutes)


def family_time_elapsed(meeting: Meeting, now: datetime) -> timedelta:
    """How long the family has had on its own (this round)."""
    return span(meeting.record.family_time_start, meeting.record.family_time_end, now)


def family_time_remaining(meeting: Meeting, phases: list[PlannedPhase], now: datetime) -> timedelta:
    """Time left of the planned family time; negative once it runs over."""
    return family_time_planned(meeting, phases) - family_time_elapsed(meeting, now)


def extend_family_time(meeting: Meeting, minutes: int) -> int:
    """Give the family ``minutes`` more; returns the minutes actually added (capped)."""
    if minutes <= 0:
        return 0
    before = meeting.record.family_time_extra_minutes
    after = min(before + minutes, MAX_EXTRA_MINUTES)
    meeting.record.family_time_extra_minutes = after
    return after - before


# ---------------------------------------------------------------- showing times


def clock_text(duration: timedelta) -> str:
    """A duration as a clock: ``4:05``, ``12:00`` or ``1:02:03`` (sign dropped)."""
    seconds = int(abs(duration).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def minutes_text(duration: timedelta) -> str:
    """A duration in whole minutes, rounded up, in words: ``1 minute``, ``12 minutes``."""
    seconds = int(abs(duration).total_seconds())
    minutes = -(-seconds // 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"

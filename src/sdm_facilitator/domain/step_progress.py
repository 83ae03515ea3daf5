"""Whether a guide step is done: ticked by a person, or shown done by the record.

A guide step may carry ``evidence`` (see ``domain.evidence``): facts of the
record that show it is done, so a coordinator who has filled in the referral is
not told the referral step is overdue. The record can only ever tick a step a
person has left "to do"; a person can untick it with a note, and then the
record no longer ticks it. A step needing judgement never has evidence (the
guide checker refuses it).

Stop-and-check steps are never cleared by one key press. One that names a
risk kind (``risk = "forced-marriage"`` in the guide) takes its state from the
risk screen alone: done when that kind is screened not present, or present /
not known with complete specialist advice (``domain.risk_rules``); whatever
status is stored for it is ignored. One without a risk kind is done or not
applicable only with a reason written in its note. Every list, count and due
date asks this module, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sdm_facilitator.domain.evidence import source_label
from sdm_facilitator.domain.guide import Step
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risk_rules import kind_cleared


@dataclass(frozen=True)
class StepProgress:
    """A step's state as shown: what a person set, or what the record shows."""

    status: str  # todo | done | na
    # True when the record, not a person, shows the step done.
    from_record: bool = False
    # "the referral": where the evidence was found (empty when not from the record).
    source: str = ""
    # The evidence in plain words (the guide's ``evidence_says``, else the expression).
    evidence: str = ""
    # True when a person unticked a step the record showed as done.
    overruled: bool = False

    @property
    def is_open(self) -> bool:
        return self.status == "todo"

    def label(self) -> str:
        """ "done (from the referral)", "to do", "not applicable"."""
        if self.from_record:
            return f"done (from {self.source})"
        return {"done": "done", "na": "not applicable"}.get(self.status, "to do")


def evidence_words(step: Step) -> str:
    """The evidence of ``step`` in plain words, for display."""
    if step.evidence is None:
        return ""
    return step.evidence_says or step.evidence.source


#: Inside ``progress_remembered``: each (meeting, step) answer already worked out, by object identity.
_remembered: ContextVar[dict[tuple[int, int], StepProgress] | None] = ContextVar("_remembered", default=None)


@contextmanager
def progress_remembered() -> Iterator[None]:
    """Within this block, each step's progress for a meeting is worked out once.

    For code asking many questions of one meeting that does not change while
    it asks: a summary asks readiness, the due dates and the fidelity grid,
    and each of them asks about every step (evidence is evaluated each time).
    Reading a store without its summary index summarises every meeting.
    """
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def step_progress(meeting: Meeting, step: Step) -> StepProgress:
    """How ``step`` stands for ``meeting``: stored status first, then the evidence."""
    remembered = _remembered.get()
    if remembered is None:
        return _step_progress(meeting, step)
    key = (id(meeting), id(step))
    found = remembered.get(key)
    if found is None:
        found = remembered[key] = _step_progress(meeting, step)
    return found


#: Where a stop-and-check step with a risk kind takes its state from.
RISK_SCREEN_SOURCE = "the risk screen"


#: Why a private family time step cannot be done, shown when someone tries to tick one.
NO_FAMILY_TIME = "the record shows the meeting ended without private family time"


def family_time_missed(meeting: Meeting, step: Step) -> bool:
    """A private family time step when the record shows the meeting ended without any.

    Such a step cannot be done: its evidence is family time, and the record
    says none was held. A tick stored for it (by a key, a hand-edited file or
    an older version) is not counted; "not applicable" still is.
    """
    record = meeting.record
    return step.stage == "family_time" and record.ended is not None and record.family_time_start is None


def _step_progress(meeting: Meeting, step: Step) -> StepProgress:
    state = meeting.steps.get(step.id)
    if family_time_missed(meeting, step) and (state is None or state.status != "na"):
        return StepProgress("todo", evidence=NO_FAMILY_TIME)
    if step.stop_and_check and step.risk is not None:
        says = "the risk screen shows this kind of harm screened not present, or advice recorded"
        if kind_cleared(meeting, step.risk):
            return StepProgress("done", True, RISK_SCREEN_SOURCE, says)
        return StepProgress("todo", evidence=says)
    if step.stop_and_check and state is not None and not state.note.strip():
        # Set by a key or a hand-edited file without a reason: still open.
        return StepProgress("todo")
    if state is not None and state.status != "todo":
        return StepProgress(state.status)
    overruled = bool(state and state.evidence_overruled)
    if step.evidence is None or step.needs_judgement:
        return StepProgress("todo", overruled=overruled)
    if overruled or not step.evidence.holds(meeting):
        return StepProgress("todo", evidence=evidence_words(step), overruled=overruled)
    return StepProgress("done", True, source_label(step.evidence), evidence_words(step))


def is_step_open(meeting: Meeting, step: Step) -> bool:
    """True when ``step`` still needs doing for ``meeting``."""
    return step_progress(meeting, step).is_open


def untick_from_record(meeting: Meeting, step: Step, note: str) -> None:
    """A person says the record is wrong: the step is open again, with their reason."""
    state = meeting.step_state(step.id)
    state.status = "todo"
    state.evidence_overruled = True
    if note.strip():
        state.note = note


def let_record_decide(meeting: Meeting, step: Step) -> None:
    """Undo an untick: the record may show the step done again."""
    state = meeting.steps.get(step.id)
    if state is not None:
        state.evidence_overruled = False

"""Which of a guide's harm-specific steps and prompts a meeting shows, from its risk screen.

Guides carry steps and room prompts for particular harms (domestic abuse,
forced marriage, exploitation...) marked ``when_risk``. Showing all of them on
every case teaches people to skip them, so a meeting shows one only where its
risk screen (``Meeting.risks``) records that harm as present or not known. A
harm screened and found not present, or not screened yet, hides them: the
risk screen's own readiness item asks for the screen first.

Pure functions over the meeting and the guide, so readiness, the schedule,
the papers and the screens all agree on the same list.
"""

from __future__ import annotations

from sdm_facilitator.domain.guide import Guide, Phase, Prompt, Step
from sdm_facilitator.domain.meeting import Meeting


def risks_in_play(meeting: Meeting) -> frozenset[str]:
    """The harm kinds this meeting's risk screen has present or not known."""
    return frozenset(risk.kind for risk in meeting.risks if risk.needs_advice)


def meeting_steps(guide: Guide, stage: str, meeting: Meeting) -> list[Step]:
    """The steps of ``stage`` this meeting shows: its context, and its risk screen."""
    return guide.steps_for(stage, meeting.context, risks_in_play(meeting))


def meeting_prompts(phase: Phase, meeting: Meeting) -> tuple[Prompt, ...]:
    """The prompts a chair sees in ``phase`` of this meeting, harm-specific ones last."""
    return phase.prompts_for(risks_in_play(meeting))

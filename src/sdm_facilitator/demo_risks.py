"""The demo meetings' risk screens: what was screened for, who is at risk, and the advice taken.

Kept apart from ``demo`` so each case's screen reads on its own. Every name
and event is invented. A screen records every harm, not only the ones found,
because "screened and not present" is an answer too; the guide's steps for
the harms found are ticked where a busy coordinator would have done them.
"""

from __future__ import annotations

from datetime import date, timedelta

from sdm_facilitator.domain.meeting import Meeting, StepState
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.risks import RISK_KINDS, AdviceCondition, Risk, RiskAdvice
from sdm_facilitator.domain.schedule import follow_up_due_date, step_due_date
from sdm_facilitator.guides.loader import GuideLibrary


def _screen(meeting: Meeting, found: list[Risk], screened_on: date, source: str) -> None:
    """``found`` plus every other harm (but "other") recorded as screened and not present."""
    meeting.risks = list(found)
    screen_the_rest(meeting, screened_on, source)


def screen_the_rest(meeting: Meeting, screened_on: date, source: str) -> None:
    """Every harm (but "other") not on the meeting's screen yet, recorded as screened and not present."""
    named = {risk.kind for risk in meeting.risks}
    meeting.risks += [
        Risk(kind=kind, status="not-present", source=source, screened_on=screened_on)
        for kind in RISK_KINDS
        if kind not in named and kind != "other"
    ]


def _tick_due_harm_steps(meeting: Meeting, library: GuideLibrary, today: date, stage: str) -> None:
    """Tick the steps for the harms found whose suggested day has passed, dated that day."""
    guide = library.get(meeting.guide_id)
    if guide is None:
        return
    for step in meeting_steps(guide, stage, meeting):
        if not step.when_risk:
            continue
        if stage == "preparation":
            due = step_due_date(meeting, step.days_before)
        else:
            due = follow_up_due_date(meeting, step.days_after)
        if due is not None and due < today:
            meeting.steps[step.id] = StepState(status="done", date=due)


def screen_okafor_reid(meeting: Meeting, library: GuideLibrary, today: date) -> None:
    """Mum's mental health: the children are at risk of caring for her alone; advice from her care team."""
    mum = next(p for p in meeting.people if p.relationship == "mum")
    screened_on = today - timedelta(days=25)
    mental_health = Risk(
        kind="mental-health",
        status="present",
        at_risk=[child.id for child in meeting.children],
        source="Referral, and Grace at the first visit",
        screened_on=screened_on,
        advice=RiskAdvice(
            by="Dr Helen Marsh",
            role="Grace's care coordinator, community mental health team",
            on=today - timedelta(days=20),
            outcome="go-ahead-with-conditions",
            conditions=[
                AdviceCondition(
                    kind="other",
                    what="Start at 17:30 after Grace's medication has settled, with a break every 40 minutes",
                    met=True,
                ),
                AdviceCondition(
                    kind="family-time-check-in",
                    what="The coordinator checks in with Grace during private family time",
                    people=[mum.id],
                ),
            ],
        ),
    )
    _screen(meeting, [mental_health], screened_on, "Referral and first visits")
    _tick_due_harm_steps(meeting, library, today, "preparation")


def screen_rahman(meeting: Meeting, library: GuideLibrary, today: date) -> None:
    """Yusuf is criminally exploited outside the home: advice from the exploitation team, with conditions."""
    yusuf = meeting.children[0]
    held = meeting.held_on or today
    screened_on = held - timedelta(days=40)
    exploitation = Risk(
        kind="child-exploitation",
        status="present",
        at_risk=[yusuf.id],
        source="Youth worker (Owen Price) and a police report of the house Yusuf was found at",
        screened_on=screened_on,
        advice=RiskAdvice(
            by="Rhian Morgan",
            role="Child exploitation lead, children's services",
            on=held - timedelta(days=35),
            outcome="go-ahead-with-conditions",
            conditions=[
                AdviceCondition(
                    kind="no-address-on-papers",
                    what="No address, school or workplace for Yusuf on any paper",
                    people=[yusuf.id],
                ),
                AdviceCondition(
                    kind="safe-contact",
                    what="Reach Yusuf on his own phone at agreed times; no messages through friends",
                    people=[yusuf.id],
                    met=True,
                ),
                AdviceCondition(
                    kind="other",
                    what="National Referral Mechanism referral made before the meeting (no consent needed)",
                    met=True,
                ),
            ],
        ),
    )
    _screen(meeting, [exploitation], screened_on, "Referral and preparation visits")
    for stage in ("preparation", "follow_up"):
        _tick_due_harm_steps(meeting, library, today, stage)

"""Sections of the workspace used at and after the meeting (the day, plan, follow-up).

The plan section's id is "plan": the chair's view opens it with
``MeetingScreen.show_section("plan")`` when private family time ends.
"""

from __future__ import annotations

from textual.widget import Widget

from sdm_facilitator.ui.session import MeetingSession
from sdm_facilitator.ui.workspace.section import Section


def _the_day(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.the_day import TheDaySection

    return TheDaySection(session)


def _plan(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.plan import PlanSection

    return PlanSection(session)


def _follow_up(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.follow_up import FollowUpSection

    return FollowUpSection(session)


def _fidelity(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.fidelity import FidelitySection

    return FidelitySection(session)


def _outcomes(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.outcomes import OutcomesSection

    return OutcomesSection(session)


GROUP = "The day and after"

AFTER_SECTIONS: list[Section] = [
    Section("the-day", "The day", _the_day, GROUP),
    Section("plan", "The plan", _plan, GROUP),
    Section("follow-up", "Follow-up", _follow_up, GROUP),
    Section("outcomes", "Outcomes, feedback", _outcomes, GROUP),
    Section("fidelity", "How it was delivered", _fidelity, GROUP),
]

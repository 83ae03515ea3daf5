"""Sections of the workspace used at and after the meeting (plan, follow-up).

The plan section's id is "plan": the chair's view opens it with
``MeetingScreen.show_section("plan")`` when private family time ends.
"""

from __future__ import annotations

from textual.widget import Widget

from sdm_facilitator.ui.session import MeetingSession
from sdm_facilitator.ui.workspace.section import Section


def _plan(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.plan import PlanSection

    return PlanSection(session)


def _follow_up(session: MeetingSession) -> Widget:
    from sdm_facilitator.ui.workspace.follow_up import FollowUpSection

    return FollowUpSection(session)


GROUP = "Plan and follow-up"

AFTER_SECTIONS: list[Section] = [
    Section("plan", "The plan", _plan, GROUP),
    Section("follow-up", "Follow-up", _follow_up, GROUP),
]

"""Every section of the meeting workspace, in the order a meeting moves through them: one registry.

Readiness comes first: it is the overview a coordinator opens a meeting to
see, and every item in it leads to the section where it is dealt with (the
ids are the ones ``domain.readiness`` points to). The chair's view opens the
plan ("plan") when private family time ends.

A section's module is imported when the section is first shown, not when the
workspace opens, so a meeting opens quickly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from sdm_facilitator.domain import readiness as r
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.workspace.section import Section
from sdm_facilitator.ui.workspace.section_base import WorkspaceSection

PREPARATION = "Preparation"
AFTER = "The day and after"
PLAN_SECTION_ID = "plan"
DECISION_SECTION_ID = r.SECTION_DECISION

_PREPARATION = "sdm_facilitator.ui.workspace.preparation"
_WORKSPACE = "sdm_facilitator.ui.workspace"

#: (id, title in the side list, group, module, class): the one list of sections.
SECTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("prep-readiness", "Readiness", PREPARATION, f"{_PREPARATION}.readiness", "ReadinessSection"),
    (r.SECTION_STEPS, "Steps", PREPARATION, f"{_PREPARATION}.steps", "StepsSection"),
    (r.SECTION_REFERRAL, "Referral", PREPARATION, f"{_PREPARATION}.referral", "ReferralSection"),
    (r.SECTION_RISKS, "Risk screen", PREPARATION, f"{_PREPARATION}.risks", "RisksSection"),
    (r.SECTION_PEOPLE, "People", PREPARATION, f"{_PREPARATION}.people", "PeopleSection"),
    ("prep-network", "Network map", PREPARATION, f"{_PREPARATION}.network", "NetworkSection"),
    (r.SECTION_CHOICES, "Family choices", PREPARATION, f"{_PREPARATION}.choices", "ChoicesSection"),
    (r.SECTION_CHILDREN, "Children", PREPARATION, f"{_PREPARATION}.children", "ChildrenSection"),
    (r.SECTION_INFO, "Information sharing", PREPARATION, f"{_PREPARATION}.info", "InfoSection"),
    (r.SECTION_AGENDA, "Agenda", PREPARATION, f"{_PREPARATION}.agenda", "AgendaSection"),
    ("the-day", "The day", AFTER, f"{_WORKSPACE}.the_day", "TheDaySection"),
    (DECISION_SECTION_ID, "Decision", AFTER, f"{_WORKSPACE}.decision", "DecisionSection"),
    (PLAN_SECTION_ID, "The plan", AFTER, f"{_WORKSPACE}.plan", "PlanSection"),
    ("follow-up", "Follow-up", AFTER, f"{_WORKSPACE}.follow_up", "FollowUpSection"),
    ("outcomes", "Outcomes, feedback", AFTER, f"{_WORKSPACE}.outcomes", "OutcomesSection"),
    ("fidelity", "How it was delivered", AFTER, f"{_WORKSPACE}.fidelity", "FidelitySection"),
)


#: Sections shown only for some kinds of meeting; a section not named here is shown for every kind.
ONLY_FOR_KINDS: dict[str, frozenset[str]] = {
    DECISION_SECTION_ID: frozenset({"cp-conference"}),
}


def shown_for(section_id: str, kind: str) -> bool:
    """Whether the section belongs in the side list of a meeting of ``kind``."""
    kinds = ONLY_FOR_KINDS.get(section_id)
    return kinds is None or kind in kinds


class SectionRegistryError(TypeError):
    """A registry entry names something that is not a workspace section (a mistake in this file)."""


def section_class(module: str, class_name: str) -> type[WorkspaceSection]:
    """The section class ``class_name`` of ``module``, imported now."""
    found = vars(importlib.import_module(module)).get(class_name)
    if not (isinstance(found, type) and issubclass(found, WorkspaceSection)):
        raise SectionRegistryError(f"{module}.{class_name} is not a WorkspaceSection")
    return found


def _builder(module: str, class_name: str) -> Callable[[MeetingSession], WorkspaceSection]:
    def build(session: MeetingSession) -> WorkspaceSection:
        return section_class(module, class_name)(session)

    return build


def all_sections(kind: str | None = None) -> list[Section]:
    """The sections of a meeting of ``kind`` (every section when None), in the order a meeting moves through them."""
    return [
        Section(sid, title, _builder(module, cls), group)
        for sid, title, group, module, cls in SECTIONS
        if kind is None or shown_for(sid, kind)
    ]

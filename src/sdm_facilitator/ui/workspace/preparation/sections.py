"""Sections of the workspace used before the meeting, in the order a coordinator works.

Readiness comes first: it is the overview a coordinator opens a meeting to see,
and every item in it leads to the section below where it is dealt with. The
section ids are the ones ``domain.readiness`` points to.
"""

from __future__ import annotations

from sdm_facilitator.domain import readiness as r
from sdm_facilitator.ui.workspace.section import Section


def _readiness(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.readiness import ReadinessSection

    return ReadinessSection(session)


def _steps(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.steps import StepsSection

    return StepsSection(session)


def _referral(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.referral import ReferralSection

    return ReferralSection(session)


def _people(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.people import PeopleSection

    return PeopleSection(session)


def _choices(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.choices import ChoicesSection

    return ChoicesSection(session)


def _children(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.children import ChildrenSection

    return ChildrenSection(session)


def _info(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.info import InfoSection

    return InfoSection(session)


def _agenda(session):  # type: ignore[no-untyped-def]
    from sdm_facilitator.ui.workspace.preparation.agenda import AgendaSection

    return AgendaSection(session)


GROUP = "Preparation"

PREPARATION_SECTIONS: list[Section] = [
    Section("prep-readiness", "Readiness", _readiness, GROUP),
    Section(r.SECTION_STEPS, "Steps", _steps, GROUP),
    Section(r.SECTION_REFERRAL, "Referral", _referral, GROUP),
    Section(r.SECTION_PEOPLE, "People and network", _people, GROUP),
    Section(r.SECTION_CHOICES, "Family choices", _choices, GROUP),
    Section(r.SECTION_CHILDREN, "Children", _children, GROUP),
    Section(r.SECTION_INFO, "Information sharing", _info, GROUP),
    Section(r.SECTION_AGENDA, "Agenda", _agenda, GROUP),
]

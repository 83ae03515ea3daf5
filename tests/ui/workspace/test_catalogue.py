"""The one registry of workspace sections: every entry is a section class, ids are unique, order holds."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain import readiness as r
from sdm_facilitator.ui.workspace.catalogue import (
    SECTIONS,
    SectionRegistryError,
    all_sections,
    section_class,
)
from sdm_facilitator.ui.workspace.section_base import WorkspaceSection


def test_every_entry_names_a_workspace_section_and_ids_are_unique() -> None:
    ids = [entry[0] for entry in SECTIONS]
    assert len(ids) == len(set(ids))
    for _sid, _title, _group, module, class_name in SECTIONS:
        assert issubclass(section_class(module, class_name), WorkspaceSection)


def test_readiness_points_only_at_sections_that_exist_and_comes_first() -> None:
    ids = [section.id for section in all_sections()]
    assert ids[0] == "prep-readiness"
    for target in (
        r.SECTION_STEPS,
        r.SECTION_REFERRAL,
        r.SECTION_PEOPLE,
        r.SECTION_CHOICES,
        r.SECTION_AGENDA,
    ):
        assert target in ids


def test_a_wrong_entry_is_refused_with_its_name() -> None:
    with pytest.raises(SectionRegistryError, match="ui.workspace.section_base.READ_ONLY_NOTICE"):
        section_class("sdm_facilitator.ui.workspace.section_base", "READ_ONLY_NOTICE")


def test_a_section_can_be_shown_for_some_kinds_only() -> None:
    from sdm_facilitator.domain.vocabulary import MEETING_KINDS
    from sdm_facilitator.ui.workspace.catalogue import DECISION_SECTION_ID, ONLY_FOR_KINDS, shown_for

    every = [section.id for section in all_sections()]
    assert set(ONLY_FOR_KINDS) <= set(every)
    for kind in MEETING_KINDS:
        ids = [section.id for section in all_sections(kind)]
        assert (DECISION_SECTION_ID in ids) is (kind == "cp-conference")
        # The side list of every other kind is the list it always had.
        assert [sid for sid in every if sid != DECISION_SECTION_ID] == [
            sid for sid in ids if sid != DECISION_SECTION_ID
        ]
    conference = [section.id for section in all_sections("cp-conference")]
    assert conference.index("the-day") + 1 == conference.index(DECISION_SECTION_ID)
    assert conference.index(DECISION_SECTION_ID) + 1 == conference.index("plan")
    assert shown_for("plan", "fgc") and not shown_for(DECISION_SECTION_ID, "fgc")

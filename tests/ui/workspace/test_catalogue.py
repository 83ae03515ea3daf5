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

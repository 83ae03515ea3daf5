"""Fixtures for the papers' tests: one fixed meeting, its guide and the bundled hints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.guides.loader import GuideLibrary
from support.fixed_meeting import fixed_meeting, local_zone
from support.guide_library import bundled_library


@pytest.fixture(scope="session")
def library() -> GuideLibrary:
    return bundled_library()


@pytest.fixture
def london() -> Iterator[None]:
    """The computer's zone set to Europe/London for the test, as the fixed meeting assumes."""
    with local_zone():
        yield


@pytest.fixture
def meeting(library: GuideLibrary, london: None) -> Meeting:
    return fixed_meeting(library)


@pytest.fixture
def guide(library: GuideLibrary, meeting: Meeting) -> Guide:
    found = library.get(meeting.guide_id)
    assert found is not None
    return found

"""Fixtures the real-process tests share: one stored meeting, and the app on a pseudo-terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.store import MeetingStore
from support.pty_app import PtyApp

LABEL = "Okafor family"


@pytest.fixture
def meeting(isolated_data_dir: Path) -> Meeting:
    """One family group conference, stored as the app stores it."""
    store = MeetingStore(isolated_data_dir)
    meeting = Meeting(kind="fgc", family_label=LABEL)
    store.close(store.create(meeting))
    return meeting


@pytest.fixture
def app(isolated_data_dir: Path) -> Iterator[PtyApp]:
    """The real app on a pseudo-terminal over the data folder; killed if a test leaves it running."""
    running = PtyApp(isolated_data_dir)
    yield running
    running.close()

"""The collector is paused for a start and tuned once a process, however many apps it starts."""

from __future__ import annotations

import gc

import pytest

from sdm_facilitator.ui import memory_tuning
from sdm_facilitator.ui.memory_tuning import (
    FIRST_GENERATION_THRESHOLD,
    pause_collection_for_start,
    tune_once_after_first_paint,
)


@pytest.fixture
def fresh_process_state(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """As in a process that has not tuned yet; gc.freeze recorded, not done (it would keep this test run's objects)."""
    freezes: list[None] = []
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    monkeypatch.setattr(memory_tuning, "_tuned", False)
    monkeypatch.setattr(memory_tuning.gc, "freeze", lambda: freezes.append(None))
    yield freezes
    gc.set_threshold(*threshold)
    if enabled:
        gc.enable()


def test_a_start_pauses_the_collector_until_the_first_paint_then_tunes_it_once(fresh_process_state) -> None:  # type: ignore[no-untyped-def]
    pause_collection_for_start()
    assert not gc.isenabled()
    tune_once_after_first_paint()
    assert gc.isenabled() and gc.get_threshold()[0] == FIRST_GENERATION_THRESHOLD
    assert len(fresh_process_state) == 1
    tune_once_after_first_paint()
    pause_collection_for_start()  # a second app in the same process: nothing paused, nothing frozen again
    assert gc.isenabled() and len(fresh_process_state) == 1

"""The collector is tuned once a process, however many apps it starts (tests start hundreds)."""

from __future__ import annotations

import gc

from sdm_facilitator.ui.memory_tuning import FIRST_GENERATION_THRESHOLD, tune_once_after_first_paint


def test_tuning_raises_the_first_threshold_and_freezes_only_once() -> None:
    tune_once_after_first_paint()  # an app test in this process may have done it already
    assert gc.get_threshold()[0] == FIRST_GENERATION_THRESHOLD
    frozen = gc.get_freeze_count()
    made_since = [[n] for n in range(1000)]  # tracked objects a second freeze would take out of sight
    tune_once_after_first_paint()
    assert gc.get_freeze_count() == frozen
    assert all(gc.is_tracked(item) for item in made_since)

"""Care rules: days in care from episodes, looked after on a day, living arrangements that exclude each other."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain.care import (
    arrangement,
    care_known,
    days_in_care,
    in_care_on,
    looked_after,
)
from sdm_facilitator.domain.meeting import CareEpisode, Child, OutcomePoint

START, END = date(2025, 1, 1), date(2026, 1, 1)


def _ep(entered: date | None, left: date | None = None, placement: str | None = None) -> CareEpisode:
    return CareEpisode(entered=entered, left=left, placement=placement)


def test_overlapping_episodes_count_each_day_once() -> None:
    episodes = [_ep(date(2025, 3, 1), date(2025, 3, 31)), _ep(date(2025, 3, 15), date(2025, 4, 10))]
    assert days_in_care(episodes, START, END) == (date(2025, 4, 10) - date(2025, 3, 1)).days == 40


def test_a_child_who_leaves_and_comes_back_counts_both_spells_not_the_gap() -> None:
    episodes = [_ep(date(2025, 2, 1), date(2025, 2, 11)), _ep(date(2025, 5, 1), date(2025, 5, 6))]
    assert days_in_care(episodes, START, END) == 10 + 5
    # Back on the day they left: one unbroken stay, no day counted twice.
    touching = [_ep(date(2025, 2, 1), date(2025, 2, 11)), _ep(date(2025, 2, 11), date(2025, 2, 21))]
    assert days_in_care(touching, START, END) == 20


def test_days_are_clipped_to_the_index_date_and_the_point() -> None:
    before = [_ep(date(2024, 12, 1), date(2025, 1, 11))]
    assert days_in_care(before, START, END) == 10
    still_in = [_ep(date(2025, 12, 22))]
    assert days_in_care(still_in, START, END) == 10
    assert days_in_care([_ep(None), _ep(date(2026, 2, 1))], START, END) == 0
    assert days_in_care([_ep(date(2025, 6, 1), date(2025, 6, 1))], START, END) == 0


def test_in_care_on_a_day_means_entered_and_not_yet_left() -> None:
    ep = [_ep(date(2025, 3, 1), date(2025, 4, 1))]
    assert in_care_on(ep, date(2025, 3, 1)) and in_care_on(ep, date(2025, 3, 31))
    assert not in_care_on(ep, date(2025, 4, 1)) and not in_care_on(ep, date(2025, 2, 28))


def test_kinship_foster_care_is_looked_after_and_with_family_an_sgo_is_neither_care() -> None:
    day = date(2026, 1, 1)
    kinship = OutcomePoint(point="12-months", living="kinship-foster-care")
    sgo = OutcomePoint(point="12-months", living="special-guardianship")
    assert looked_after(Child(), day, kinship) is True
    assert looked_after(Child(), day, sgo) is False
    assert arrangement(kinship) == "kinship-foster-care"
    assert (
        arrangement(sgo)
        == arrangement(OutcomePoint(living="child-arrangements-order"))
        == "family-or-friends"
    )
    assert arrangement(OutcomePoint(living="returned-home")) == "parents"
    assert arrangement(OutcomePoint(living="in-care")) == "other-care"
    assert arrangement(None) is None and arrangement(OutcomePoint()) is None


def test_an_episode_covering_the_day_wins_and_nothing_recorded_is_not_a_no() -> None:
    day = date(2026, 1, 1)
    child = Child(care_episodes=[_ep(date(2025, 11, 1))])
    assert looked_after(child, day, OutcomePoint(living="at-home")) is True
    left = Child(care_episodes=[_ep(date(2025, 3, 1), date(2025, 6, 1))])
    assert looked_after(left, day, None) is False
    assert looked_after(Child(), day, None) is None
    assert not care_known(Child(), None)
    assert care_known(Child(), OutcomePoint(living="at-home"))
    assert care_known(left, None)

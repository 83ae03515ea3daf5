"""Lists show the most recently changed meeting first, and ties never depend on the folder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sdm_facilitator.domain.meeting import listing_key

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_the_most_recently_changed_comes_first() -> None:
    older = listing_key(NOON - timedelta(seconds=1), "Ahmed family", "a")
    newer = listing_key(NOON, "Zielinski family", "z")
    assert sorted([older, newer]) == [newer, older]


def test_meetings_changed_together_follow_the_family_name_whatever_its_case() -> None:
    keys = [
        listing_key(NOON, "okafor family", "1"),
        listing_key(NOON, "Brown family", "2"),
        listing_key(NOON, "Ahmed family", "3"),
    ]
    assert [key[1] for key in sorted(keys)] == ["ahmed family", "brown family", "okafor family"]

"""The reading-level formula: Flesch-Kincaid grade with syllables by vowel groups, plus five years."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.reading_level import reading_level, syllables


@pytest.mark.parametrize(
    ("word", "count"),
    [("Mum", 1), ("made", 1), ("table", 2), ("family", 3), ("conference", 3), ("0800", 1), ("you", 1)],
)
def test_syllables_are_vowel_groups_less_a_silent_e(word: str, count: int) -> None:
    assert syllables(word) == count


def test_short_plain_sentences_read_young_and_long_ones_old() -> None:
    young = reading_level(["Dad will go out.", "Mum will read to you.", "- Call 999"])
    assert (young.words, young.sentences) == (11, 3) and young.reading_age == 5
    old = reading_level(
        [
            "The professionals' response acknowledges the considerable improvements demonstrated "
            "by the family, notwithstanding continuing concerns regarding supervision arrangements."
        ]
    )
    assert old.sentences == 1 and old.reading_age == 18
    assert "adult" in old.describe() and "about 5" in young.describe()


def test_no_words_is_no_level() -> None:
    empty = reading_level(["", "   ", "-"])
    assert (empty.words, empty.sentences, empty.grade) == (0, 0, 0.0)

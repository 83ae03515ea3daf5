"""A reading-level estimate for a child's plan: a simple, documented formula, no dictionary.

The Flesch-Kincaid grade level, with syllables estimated by counting vowel
groups, so it needs nothing downloaded and gives the same answer everywhere:

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
    reading age = grade + 5 (a US grade is about five years younger than the reader)

A sentence ends at ".", "!" or "?", and every list item or line is a sentence
too (a bullet reads as one). A word's syllables are its groups of vowels
("a e i o u y"), less a silent "e" at the end ("made"), never fewer than one;
a number counts as one word of one syllable. It is an estimate for the
coordinator, to see that a six-year-old's plan is not written for adults,
never a gate: it misjudges short lists and names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
#: The youngest reading age the formula is shown as: below it, "about 5" is all it can say.
YOUNGEST_AGE = 5
#: The oldest reading age shown; above it the text is "adult".
OLDEST_AGE = 18


def syllables(word: str) -> int:
    """Vowel groups in ``word``, less a silent final "e"; at least one."""
    lower = word.casefold()
    if lower.isdigit():
        return 1
    count = len(_VOWEL_GROUPS.findall(lower))
    if count > 1 and lower.endswith("e") and not lower.endswith(("le", "ee", "ye")):
        count -= 1
    return max(count, 1)


@dataclass(frozen=True)
class ReadingLevel:
    """What the formula counted and what it found."""

    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade level (0 for no words)."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def reading_age(self) -> int:
        """The age the text suits, rounded, from ``YOUNGEST_AGE`` to ``OLDEST_AGE``."""
        return min(max(round(self.grade + 5), YOUNGEST_AGE), OLDEST_AGE)

    def describe(self) -> str:
        """One line for the coordinator: "reading age about 7 (6.2 words a sentence, 1.3 syllables a word)"."""
        age = "adult" if self.reading_age >= OLDEST_AGE else f"about {self.reading_age}"
        return (
            f"reading age {age} ({self.words_per_sentence:.1f} words a sentence, "
            f"{self.syllables_per_word:.1f} syllables a word)"
        )


def reading_level(texts: Iterable[str]) -> ReadingLevel:
    """The counts over every text in ``texts`` (each is at least one sentence when it has words)."""
    words = sentences = total_syllables = 0
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            found = _WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            total_syllables += sum(syllables(word) for word in found)
    return ReadingLevel(words, sentences, total_syllables)

"""Finding words that blame, stigmatise, exclude or mystify, as someone types.

The matcher is a hint, never a block: it reports where a phrase is and what
could be said instead; saving is never stopped by it.

Matching rules, chosen so that a worker's ordinary writing is caught:

* case does not matter, except for acronyms written in capitals in the hints
  file ("LAC", "CIN"), which match only in capitals so ordinary words are left
  alone;
* whole words only: "contact" is found in "contacts" but not in "contactless";
* a hyphen and a space are the same ("non-compliant", "non compliant");
  curly and straight apostrophes are the same;
* the last word may take simple endings: plural "-s"/"-es" always, and for
  one-word phrases also "-ed", "-ing" and "-er(s)" ("engage" -> "engaging").
  Irregular forms ("non-compliance") belong in the hint's ``variants``;
* where two phrases could match at the same place, the longer one wins, and
  matches never overlap;
* a hint may list longer phrases it must not match (``not_matching``): "DNA"
  is a hint, "DNA test" is not. A match lying inside one of them is dropped.

Everything is compiled into one regular expression, so a 10,000-word note is
checked in a few milliseconds (see ``bench/bench_language.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sdm_facilitator.domain.guide import LanguageHint

__all__ = ["HintMatch", "LanguageMatcher"]

_SEPARATOR_CHAR = r"[\s\-\u2010\u2011\u2013]"
_SEPARATOR = _SEPARATOR_CHAR + "+"
_APOSTROPHE = "['\u2019]"
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013]+")


@dataclass(frozen=True)
class HintMatch:
    """One place in a text where a hint applies."""

    start: int
    end: int
    text: str
    hint: LanguageHint


#: How many leading characters the matcher's regex is grouped by (see ``_branches``).
_TRIE_DEPTH = 3


@dataclass(frozen=True)
class _Form:
    key: str  # lowercased, words joined by single spaces, apostrophes straight
    pattern: str
    hint: LanguageHint


def _form_key(form: str) -> str:
    words = [w for w in _WORD_SPLIT.split(form.strip().lower()) if w]
    return " ".join(words).replace("\u2019", "'")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _literal(word: str) -> str:
    """A word as a regex, with either apostrophe accepted."""
    return _APOSTROPHE.join(re.escape(part) for part in re.split(r"['\u2019]", word))


def _inflected(word: str, *, full: bool) -> str:
    """The last word of a phrase with simple endings allowed."""
    if _is_acronym(word):
        return f"(?-i:{_literal(word)})s?"
    if not word.isalpha() or len(word) < 3:
        return _literal(word)
    lower = word.lower()
    if not full:
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return f"{re.escape(word)}(?:es)?"
        if lower.endswith("y") and lower[-2] not in "aeiou":
            return f"{re.escape(word[:-1])}(?:y|ies)"
        return f"{re.escape(word)}s?"
    if lower.endswith("e"):
        return f"{re.escape(word[:-1])}(?:e|es|ed|er|ers|ing)"
    if lower.endswith("y") and lower[-2] not in "aeiou":
        return f"{re.escape(word[:-1])}(?:y|ies|ied|ying)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return f"{re.escape(word)}(?:es|ed|ing|er|ers)?"
    return f"{re.escape(word)}(?:s|ed|ing|er|ers)?"


def _form_pattern(form: str) -> str | None:
    words = [w for w in _WORD_SPLIT.split(form.strip()) if w]
    if not words:
        return None
    parts = [f"(?-i:{_literal(w)})" if _is_acronym(w) else _literal(w) for w in words[:-1]]
    parts.append(_inflected(words[-1], full=len(words) == 1))
    return _SEPARATOR.join(parts)


class LanguageMatcher:
    """Finds language hints in text. Build once per set of hints; ``find`` is fast."""

    def __init__(self, hints: Iterable[LanguageHint]) -> None:
        self.hints: tuple[LanguageHint, ...] = tuple(hints)
        forms: list[_Form] = []
        seen: set[str] = set()
        for hint in self.hints:
            for form in (hint.phrase, *hint.variants):
                key = _form_key(form)
                pattern = _form_pattern(form)
                if pattern is None or not key or key in seen:
                    continue
                seen.add(key)
                forms.append(_Form(key, pattern, hint))
        # Longest first, so the longer phrase wins where two start at one place.
        forms.sort(key=lambda f: (-len(f.key), f.key))
        self._hint_for_group: list[LanguageHint | None] = [None]
        self._regex: re.Pattern[str] | None = None
        # Per hint with exclusions: one regex of them, and how far around a match to look.
        self._exclusions: dict[int, tuple[re.Pattern[str], int]] = {}
        for hint in self.hints:
            patterns = [p for p in map(_form_pattern, hint.not_matching) if p]
            if patterns:
                reach = 3 * max(len(form) for form in hint.not_matching) + 8
                regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
                self._exclusions[id(hint)] = (regex, reach)
        if forms:
            body = self._branches(forms, 0)
            self._regex = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE | re.DOTALL)

    def _branches(self, forms: list[_Form], level: int) -> str:
        """One alternation, shaped as a shallow trie on the first letters.

        A plain alternation of ~150 phrases tries every phrase at every word;
        grouping them under lookaheads on their first characters lets the
        regex engine skip whole groups at once (about 25x faster). Groups only
        split forms that differ at a definite character, and the longest-first
        order is kept inside each group and puts ended keys last, so the
        longest phrase at a position still wins.
        """
        if level >= _TRIE_DEPTH or len(forms) <= 3:
            out = []
            for form in forms:
                out.append(f"({form.pattern})")
                self._hint_for_group.append(form.hint)
            return "|".join(out)
        groups: dict[str, list[_Form]] = {}
        for form in forms:
            # The last character of a key is never grouped on: inflections may
            # change it ("use" -> "using", "family" -> "families").
            groups.setdefault(form.key[level] if len(form.key) - 1 > level else "", []).append(form)
        parts = []
        for char in sorted(groups, key=lambda c: (c == "", c)):
            # After a separator the text may hold several spaces, so character
            # positions no longer line up with the key: stop grouping there.
            deeper = _TRIE_DEPTH if char == " " else level + 1
            inner = self._branches(groups[char], deeper)
            if char == "":
                parts.append(f"(?:{inner})")
                continue
            if char == " ":
                char_re = _SEPARATOR_CHAR
            elif char == "'":
                char_re = _APOSTROPHE
            else:
                char_re = re.escape(char)
            skip = f".{{{level}}}" if level else ""
            parts.append(f"(?={skip}{char_re})(?:{inner})")
        return "|".join(parts)

    def find(self, text: str) -> list[HintMatch]:
        """Every hint in ``text``, sorted by position, never overlapping."""
        if self._regex is None or not text:
            return []
        matches: list[HintMatch] = []
        hint_for_group = self._hint_for_group
        for match in self._regex.finditer(text):
            hint = hint_for_group[match.lastindex or 0]
            if hint is None:  # pragma: no cover - every branch is a group
                continue
            if self._exclusions and self._excluded(text, match.start(), match.end(), hint):
                continue
            matches.append(HintMatch(match.start(), match.end(), match.group(), hint))
        return matches

    def _excluded(self, text: str, start: int, end: int, hint: LanguageHint) -> bool:
        """True when the match lies inside one of the hint's ``not_matching`` phrases."""
        found = self._exclusions.get(id(hint))
        if found is None:
            return False
        regex, reach = found
        for other in regex.finditer(text, max(0, start - reach), min(len(text), end + reach)):
            if other.start() <= start and other.end() >= end:
                return True
        return False

    def __bool__(self) -> bool:
        return self._regex is not None


class LinePositions:
    """Line and column of any offset in one text, from one scan for its line breaks.

    Looking each match up by rescanning the text from the start made ``lint``
    quadratic (200,000 repeated words took minutes); this index makes each
    lookup a binary search.
    """

    def __init__(self, text: str) -> None:
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (for many offsets use ``LinePositions``)."""
    return LinePositions(text).at(offset)


PARAGRAPH_BREAK = "\n\n"


class ParagraphFinder:
    """``LanguageMatcher.find`` for a text edited a little at a time: unchanged paragraphs are not scanned again.

    Typing into a long note changes one paragraph; rescanning all of them on
    every key is what made typing lag. Paragraphs are split at blank lines
    (a phrase never spans one), and the matches of each paragraph are kept
    for as long as it is in the text.
    """

    def __init__(self, matcher: LanguageMatcher) -> None:
        self.matcher = matcher
        self._found: dict[str, list[HintMatch]] = {}

    def find(self, text: str) -> list[HintMatch]:
        """Every hint in ``text``, sorted by position, as ``LanguageMatcher.find`` gives them paragraph by paragraph."""
        found: dict[str, list[HintMatch]] = {}
        matches: list[HintMatch] = []
        offset = 0
        for paragraph in text.split(PARAGRAPH_BREAK):
            known = found.get(paragraph)
            if known is None:
                known = self._found.get(paragraph)
                if known is None:
                    known = self.matcher.find(paragraph)
                found[paragraph] = known
            matches += [HintMatch(m.start + offset, m.end + offset, m.text, m.hint) for m in known]
            offset += len(paragraph) + len(PARAGRAPH_BREAK)
        self._found = found
        return matches

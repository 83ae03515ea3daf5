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
  is a hint, "DNA test" is not. A match lying inside one of them is dropped;
* a hint may list words that show, in the same sentence, that the phrase
  means something else (``not_near``: "placement" beside "student" or
  "college"); the match is dropped;
* a hint may apply only in a context (``when_risk``, ``when_near``): an
  "argument" is minimising where domestic abuse is on the meeting's risk
  screen (present or not known: pass the kinds to ``find``), or where the
  same sentence speaks of the police or someone hurt; between two children
  it is just an argument;
* a word "*" in a phrase stands for one to three words ("let * back" finds
  "let her partner back"), never across a sentence's end;
* text inside quotation marks attributed to someone is their own words and
  never flagged (see ``quoted_words`` for exactly when a quote counts).

Everything is compiled into one regular expression, so a 10,000-word note is
checked in a few milliseconds (see ``bench/bench_language.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.quoted_words import QuotedWords, sentence_bounds
from sdm_facilitator.domain.risks import Risk

__all__ = ["HintMatch", "LanguageMatcher", "risk_context"]

_SEPARATOR_CHAR = r"[\s\-\u2010\u2011\u2013]"
_SEPARATOR = _SEPARATOR_CHAR + "+"
_APOSTROPHE = "['\u2019]"
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013]+")
#: A word "*" in a phrase: one to three words (hyphenated or with an apostrophe), and nothing across a sentence end.
GAP = "*"
_GAP_PATTERN = r"[\w'\u2019]+(?:[\-\u2010\u2011][\w'\u2019]+)*(?:[ \t]+[\w'\u2019]+(?:[\-\u2010\u2011][\w'\u2019]+)*){0,2}?"
#: Quotation marks: a text without any needs no look for quoted words.
_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e\u2018\u2019'\u00ab\u00bb]")


def risk_context(risks: Iterable[Risk]) -> frozenset[str]:
    """The risk-screen kinds that make context hints apply: those present or not known."""
    return frozenset(risk.kind for risk in risks if risk.needs_advice)


@dataclass(frozen=True)
class HintMatch:
    """One place in a text where a hint applies."""

    start: int
    end: int
    text: str
    hint: LanguageHint


#: How many leading characters of a phrase's first word the matcher's regex is grouped by (see ``_branches``).
_TRIE_DEPTH = 8


@dataclass(frozen=True)
class _Form:
    key: str  # lowercased, words joined by single spaces, apostrophes straight
    # One case-sensitive regex per leading character of the first word
    # ("(?-i:[uU])"), which the trie consumes, and the regex for the rest.
    tokens: tuple[str, ...]
    rest: str
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


def _inflected(word: str, *, full: bool, skip: int = 0) -> str:
    """The last word of a phrase with simple endings allowed, leaving out its first ``skip`` characters."""
    if _is_acronym(word):
        return f"(?-i:{_literal(word[skip:])})s?"
    if not word.isalpha() or len(word) < 3:
        return _literal(word[skip:])
    lower = word.lower()
    whole, stem = re.escape(word[skip:]), re.escape(word[skip:-1])
    if not full:
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return f"{whole}(?:es)?"
        if lower.endswith("y") and lower[-2] not in "aeiou":
            return f"{stem}(?:y|ies)"
        return f"{whole}s?"
    if lower.endswith("e"):
        return f"{stem}(?:e|es|ed|er|ers|ing)"
    if lower.endswith("y") and lower[-2] not in "aeiou":
        return f"{stem}(?:y|ies|ied|ying)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return f"{whole}(?:es|ed|ing|er|ers)?"
    return f"{whole}(?:s|ed|ing|er|ers)?"


def _form_pattern(form: str, skip: int = 0) -> str | None:
    """A phrase as a regex; ``skip`` leaves out the first characters of its first word (the trie matched them)."""
    words = [w for w in _WORD_SPLIT.split(form.strip()) if w]
    if not words:
        return None
    parts = []
    for index, word in enumerate(words[:-1]):
        cut = word[skip:] if index == 0 else word
        if word == GAP:
            parts.append(_GAP_PATTERN)
        else:
            parts.append(f"(?-i:{_literal(cut)})" if _is_acronym(word) else _literal(cut))
    parts.append(_inflected(words[-1], full=len(words) == 1, skip=skip if len(words) == 1 else 0))
    return _SEPARATOR.join(parts)


def _form_parts(form: str) -> tuple[tuple[str, ...], str] | None:
    """The trie's characters and the rest of a phrase's regex (``None`` for an empty phrase).

    The leading ASCII letters and digits of the first word become one
    case-sensitive character class each, so the regex engine can reject a
    whole group of phrases on one character without a lookahead; the last
    character of a one-word phrase stays in the rest, as endings may change it.
    """
    words = [w for w in _WORD_SPLIT.split(form.strip()) if w]
    if not words:
        return None
    first = words[0]
    limit = 0 if first == GAP else len(first) - 1 if len(words) == 1 else len(first)
    count = 0
    while count < limit and first[count].isascii() and first[count].isalnum():
        count += 1
    exact = _is_acronym(first)
    tokens = tuple(
        f"(?-i:{c})" if exact or not c.isalpha() else f"(?-i:[{c.lower()}{c.upper()}])" for c in first[:count]
    )
    rest = _form_pattern(form, skip=count)
    return None if rest is None else (tokens, rest)


class LanguageMatcher:
    """Finds language hints in text. Build once per set of hints; ``find`` is fast."""

    def __init__(self, hints: Iterable[LanguageHint]) -> None:
        self.hints: tuple[LanguageHint, ...] = tuple(hints)
        forms: list[_Form] = []
        seen: set[str] = set()
        for hint in self.hints:
            for form in (hint.phrase, *hint.variants):
                key = _form_key(form)
                parts = _form_parts(form)
                if parts is None or not key or key in seen:
                    continue
                seen.add(key)
                forms.append(_Form(key, *parts, hint))
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
        # Per hint with a context or words that mean another sense: where to look for them.
        self._contexts: dict[int, _Context] = {}
        for hint in self.hints:
            if hint.conditional or hint.not_near:
                self._contexts[id(hint)] = _Context(
                    frozenset(hint.when_risk), _words_regex(hint.when_near), _words_regex(hint.not_near)
                )
        if forms:
            body = self._branches(forms, 0)
            self._regex = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE | re.DOTALL)

    def _branches(self, forms: list[_Form], level: int) -> str:
        """One alternation, shaped as a trie on the first word's letters.

        A plain alternation of ~600 phrases tries every phrase at every word;
        grouping them under one case-sensitive character class per letter
        lets the regex engine skip a whole group on one character comparison
        (a branch that starts with a character class is rejected without
        entering it). Groups only split forms that differ at a definite
        character; the longest-first order is kept inside each group, and
        forms whose first word has ended come last, so the longest phrase at
        a position still wins.
        """
        if level >= _TRIE_DEPTH or len(forms) <= 3:
            out = []
            for form in forms:
                out.append(f"({''.join(form.tokens[level:])}{form.rest})")
                self._hint_for_group.append(form.hint)
            return "|".join(out)
        groups: dict[str, list[_Form]] = {}
        for form in forms:
            groups.setdefault(form.tokens[level] if len(form.tokens) > level else "", []).append(form)
        parts = []
        # Groups for one letter may differ in case ("(?-i:N)" for "NFA", "(?-i:[nN])"
        # for "NFA'd"): the group with the longer phrase is tried first.
        for token in sorted(groups, key=lambda t: (t == "", -max(len(f.key) for f in groups[t]), t)):
            inner = self._branches(groups[token], level + 1)
            parts.append(f"{token}(?:{inner})" if token else f"(?:{inner})")
        return "|".join(parts)

    def find(self, text: str, risks: Collection[str] = ()) -> list[HintMatch]:
        """Every hint in ``text``, sorted by position, never overlapping.

        ``risks`` are the risk-screen kinds present or not known in the meeting
        the text belongs to (``risk_context``); hints with ``when_risk`` apply
        where one of theirs is among them.
        """
        if self._regex is None or not text:
            return []
        matches: list[HintMatch] = []
        hint_for_group = self._hint_for_group
        contexts = self._contexts
        for match in self._regex.finditer(text):
            hint = hint_for_group[match.lastindex or 0]
            if hint is None:  # pragma: no cover - every branch is a group
                continue
            if self._exclusions and self._excluded(text, match.start(), match.end(), hint):
                continue
            context = contexts.get(id(hint)) if contexts else None
            if context is not None and not context.applies(text, match.start(), match.end(), risks):
                continue
            matches.append(HintMatch(match.start(), match.end(), match.group(), hint))
        return self._outside_quotes(text, matches) if matches else matches

    @staticmethod
    def _outside_quotes(text: str, matches: list[HintMatch]) -> list[HintMatch]:
        """``matches`` without those in someone's quoted words; only paragraphs with a match are read for quotes."""
        kept: list[HintMatch] = []
        quoted: QuotedWords | None = None
        paragraph_end = -1
        for match in matches:
            if match.start >= paragraph_end:
                begin = text.rfind(PARAGRAPH_BREAK, 0, match.start)
                begin = 0 if begin < 0 else begin + len(PARAGRAPH_BREAK)
                paragraph_end = text.find(PARAGRAPH_BREAK, match.end)
                if paragraph_end < 0:
                    paragraph_end = len(text)
                has_marks = _QUOTE_MARK.search(text, begin, paragraph_end) is not None
                quoted = QuotedWords(text, begin, paragraph_end) if has_marks else None
            if quoted is None or not quoted.covers(match.start, match.end):
                kept.append(match)
        return kept

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


def _words_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """One regex finding any of ``words`` as whole words, with the matcher's spacing and endings."""
    patterns = [p for p in map(_form_pattern, words) if p]
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class _Context:
    """When a hint with ``when_risk``/``when_near``/``not_near`` applies."""

    risks: frozenset[str]
    near: re.Pattern[str] | None
    not_near: re.Pattern[str] | None

    def applies(self, text: str, start: int, end: int, risks: Collection[str]) -> bool:
        begin, finish = sentence_bounds(text, start, end)
        if self.not_near is not None and self._in_sentence(self.not_near, text, begin, finish, start, end):
            return False
        if not self.risks and self.near is None:
            return True
        if self.risks and not self.risks.isdisjoint(risks):
            return True
        return self.near is not None and self._in_sentence(self.near, text, begin, finish, start, end)

    @staticmethod
    def _in_sentence(
        regex: re.Pattern[str], text: str, begin: int, finish: int, start: int, end: int
    ) -> bool:
        """True when ``regex`` finds a word in the sentence other than the match itself."""
        return any(
            found.end() <= start or found.start() >= end for found in regex.finditer(text, begin, finish)
        )


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
        self._risks: frozenset[str] = frozenset()

    def find(self, text: str, risks: Collection[str] = ()) -> list[HintMatch]:
        """Every hint in ``text``, sorted by position, as ``LanguageMatcher.find`` gives them paragraph by paragraph."""
        risks = frozenset(risks)
        if risks != self._risks:  # another risk screen: what was found before may not hold
            self._found = {}
            self._risks = risks
        found: dict[str, list[HintMatch]] = {}
        matches: list[HintMatch] = []
        offset = 0
        for paragraph in text.split(PARAGRAPH_BREAK):
            known = found.get(paragraph)
            if known is None:
                known = self._found.get(paragraph)
                if known is None:
                    known = self.matcher.find(paragraph, risks)
                found[paragraph] = known
            matches += [HintMatch(m.start + offset, m.end + offset, m.text, m.hint) for m in known]
            offset += len(paragraph) + len(PARAGRAPH_BREAK)
        self._found = found
        return matches

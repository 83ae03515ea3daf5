"""Finding the people of a meeting, and trigger words, in the free text of a family's plan.

The plan names people as the family says them: "Kerry", "Kerry Hollins",
"Mum", "Sue's". Matching folds case and accents ("Zoë" is "zoe") and curly
apostrophes, and only matches whole words, so "Al" is never found in
"Alan". A first name or a relationship word ("Mum") stands for a person only
when it can stand for nobody else in the meeting; otherwise it is left out
rather than guessed. "Kerry's" is found as a possessive: it names a place or
a thing of Kerry's, not Kerry acting.

Positions are kept back to the text as typed, so every finding can quote the
family's own words exactly (they are never changed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.safe_text import one_line

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


@dataclass(frozen=True)
class FoldedText:
    """Text folded for matching, with each folded character's position in the text as typed."""

    source: str
    text: str
    origin: tuple[int, ...]

    def typed(self, start: int, end: int) -> str:
        """The words as typed behind the folded span ``start:end``."""
        if start >= end:
            return ""
        return self.source[self.origin[start] : self.origin[end - 1] + 1]


def fold(source: str) -> FoldedText:
    """Lower case, no accents, straight apostrophes, every space a plain space."""
    if source.isascii():  # the usual case, one character for one: no decomposing needed
        flat = "".join(" " if char.isspace() else char for char in source.lower())
        return FoldedText(source, flat, tuple(range(len(source))))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(source.translate(_APOSTROPHES)):
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if unicodedata.combining(part):
                continue
            out.append(" " if part.isspace() else part)
            origin.append(index)
    return FoldedText(source, "".join(out), tuple(origin))


def fold_key(text: str) -> str:
    """How a name or phrase is compared: folded, with runs of spaces made one."""
    return " ".join(fold(text).text.split())


def _canon(key: str) -> str:
    """One spelling for keys a reader takes as the same: hyphens and spaces alike."""
    return " ".join(word for word in re.split(r"[\s\-]+", key) if word) or key


def _alternation(keys: Iterable[str]) -> str:
    # Longest first, so "kerry hollins" wins over "kerry" where both fit.
    # A hyphen and a space are the same to a reader: "night-time" is "night time".
    ordered = sorted(set(keys), key=lambda key: (-len(key), key))
    return "|".join(
        r"[\s\-]+".join(re.escape(word) for word in re.split(r"[\s\-]+", key) if word) or re.escape(key)
        for key in ordered
    )


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a word list; kept, as the lists change only when the guides are read again."""
    keys = [key for key in (fold_key(p) for p in phrases) if key]
    return re.compile(rf"(?<!\w)(?:{_alternation(keys)})(?!\w)") if keys else None


@lru_cache(maxsize=16)
def _folded_groups(groups: tuple[tuple[str, ...], ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(fold_key(word) for word in group) for group in groups)


class Phrases:
    """A list of trigger phrases, matched as whole words in folded text."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._pattern = _phrase_pattern(tuple(phrases))

    def find(self, folded: FoldedText, start: int = 0, end: int | None = None) -> list[str]:
        """The phrases found in ``folded`` (between ``start`` and ``end``), as typed, in order."""
        if self._pattern is None:
            return []
        stop = len(folded.text) if end is None else end
        return [folded.typed(m.start(), m.end()) for m in self._pattern.finditer(folded.text, start, stop)]

    def first(self, folded: FoldedText, start: int, end: int) -> tuple[int, int] | None:
        """Where the first phrase found between ``start`` and ``end`` begins and ends (folded)."""
        match = self._pattern.search(folded.text, start, end) if self._pattern is not None else None
        return (match.start(), match.end()) if match else None


@dataclass(frozen=True)
class Mention:
    """One person named in a text, where, and whether as a possessive ("Sue's")."""

    person_id: str
    start: int
    end: int
    possessive: bool
    typed: str


class PeopleNames:
    """The names each person and child of a meeting can be called by in the plan."""

    def __init__(self, meeting: Meeting, words: PlanCheckWords) -> None:
        self.display: dict[str, str] = {}
        self.child_ids: set[str] = {child.id for child in meeting.children}
        self.relationships: dict[str, str] = {}
        claims: dict[str, set[str]] = {}

        def claim(alias: str, person_id: str) -> None:
            if alias:
                claims.setdefault(_canon(alias), set()).add(person_id)

        entries = [(p.id, p.name, p.relationship) for p in meeting.people]
        entries += [(c.id, c.name, "") for c in meeting.children]
        for person_id, name, relationship in entries:
            self.display[person_id] = " ".join(name.split()) or "someone not named yet"
            self.relationships[person_id] = relationship
            key = fold_key(name)
            claim(key, person_id)
            if " " in key:
                claim(key.split(" ", 1)[0], person_id)
            first_word = re.match(r"\w+", fold_key(relationship))
            if first_word is None:
                continue
            for folded_group in _folded_groups(words.relationships):
                if first_word.group() in folded_group:
                    for alias in folded_group:
                        claim(alias, person_id)
        # A name that could be two people stands for neither: no guessing.
        self._alias: dict[str, str] = {
            alias: next(iter(ids)) for alias, ids in claims.items() if len(ids) == 1
        }
        self._pattern = (
            re.compile(rf"(?<!\w)(?P<name>{_alternation(self._alias)})(?P<pos>'s|')?(?!\w)")
            if self._alias
            else None
        )

    def name(self, person_id: str) -> str:
        """The person's name as the people list has it."""
        return one_line(self.display.get(person_id, "someone not on the people list"), 40)

    def mentions(self, folded: FoldedText, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every person named in ``folded`` (between ``start`` and ``end``), in order."""
        if self._pattern is None:
            return []
        found: list[Mention] = []
        stop = len(folded.text) if end is None else end
        for match in self._pattern.finditer(folded.text, start, stop):
            alias = _canon(match.group("name"))
            person_id = self._alias.get(alias)
            if person_id is None:  # pragma: no cover - every alternative is a key
                continue
            pos = match.group("pos") or ""
            # A bare apostrophe is a possessive only after an "s" ("James'"); else it closes a quote.
            possessive = pos == "'s" or (pos == "'" and alias.endswith("s"))
            name_end = match.end("name")
            found.append(
                Mention(
                    person_id,
                    match.start(),
                    match.end() if possessive else name_end,
                    possessive,
                    folded.typed(match.start(), name_end),
                )
            )
        return found


def people_in(mentions: Iterable[Mention]) -> list[str]:
    """Ids of the people named (not as possessives), first mention first, each once."""
    seen: list[str] = []
    for mention in mentions:
        if not mention.possessive and mention.person_id not in seen:
            seen.append(mention.person_id)
    return seen

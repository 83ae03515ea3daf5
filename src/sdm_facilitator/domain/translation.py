"""The one translation layer: every word a family reads asks a ``Translator`` for it.

Messages are keyed by their English text, as gettext does (``msgid``), and
the translations are data: a catalogue per language
(``guides/translations/cy.po``, read by ``sdm_facilitator.guides.translations``).
A message with values names them in braces (``"The review is on {date}."``)
and the values are put in after translating, so the words around them can
move as the other language needs; a person's words put in that way are
never read as a template themselves.

A message the catalogue lacks is shown in English and remembered
(``Translator.missing``), so an export can tell the coordinator which words
of a Welsh paper are still English rather than hide it.

Dates and lists are language-aware here too: a Welsh paper says
"Dydd Mawrth 3 Mawrth 2026" and "Leo ac Ewan". Pure Python: no Textual import.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

#: The language codes a paper or screen may be in; ``cy+en`` is Welsh and English side by side.
LANGUAGES: tuple[str, ...] = ("en", "cy", "cy+en")
#: The word ``review`` takes in a catalogue entry nobody has checked yet, and once a speaker has.
NEEDS_CHECK = "needs-check"
APPROVED = "approved"
REVIEW_STATES: tuple[str, ...] = (NEEDS_CHECK, APPROVED)


@dataclass(frozen=True)
class CatalogueEntry:
    """One message and its translation, with whether a speaker of the language has approved it."""

    msgid: str
    msgstr: str
    review: str = NEEDS_CHECK


@dataclass(frozen=True)
class Catalogue:
    """Every translated message of one language, by its English text."""

    lang: str
    entries: Mapping[str, CatalogueEntry] = field(default_factory=dict)

    def needing_check(self) -> list[CatalogueEntry]:
        """Entries a speaker of the language has not approved yet."""
        return [e for e in self.entries.values() if e.review != APPROVED]


def N_(message: str) -> str:
    """Mark an English message for the catalogue without translating it yet (gettext's ``N_``).

    For words kept in a table or a constant and translated where they are shown.
    """
    return message


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a message puts values into."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class Translator:
    """Words in one language: call it with the English message (and its values)."""

    def __init__(self, lang: str = "en", catalogue: Catalogue | None = None) -> None:
        self.lang = lang
        self.catalogue = catalogue
        #: English messages asked for that the catalogue does not hold (shown in English).
        self.missing: set[str] = set()

    def __call__(self, message: str, **values: object) -> str:
        """``message`` in this language, with ``values`` put into its ``{names}``."""
        text = message
        if self.lang != "en" and message:
            entry = self.catalogue.entries.get(message) if self.catalogue else None
            if entry is None or not entry.msgstr:
                self.missing.add(message)
            else:
                text = entry.msgstr
        return text.format_map({k: str(v) for k, v in values.items()}) if values else text

    def label(self, labels: Mapping[str, str], code: str | None, missing: str = "") -> str:
        """The words for a stored ``code`` from a table of English ``labels``, in this language."""
        if code is None or code not in labels:
            return self(missing) if missing else (code or "")
        return self(labels[code])

    # ------------------------------------------------------------ dates and lists

    def long_date(self, day: date) -> str:
        """``Tuesday 3 March 2026``; ``Dydd Mawrth 3 Mawrth 2026``."""
        return self(
            "{weekday} {day} {month} {year}",
            weekday=self(_DAYS[day.weekday()]),
            day=day.day,
            month=self(_MONTHS[day.month - 1]),
            year=day.year,
        )

    def short_date(self, day: date) -> str:
        """``3 March 2026``: for tables where the weekday would crowd the column."""
        return self("{day} {month} {year}", day=day.day, month=self(_MONTHS[day.month - 1]), year=day.year)

    def length(self, minutes: int) -> str:
        """``1 hour 20 minutes``; in Welsh ``1 awr 20 munud`` (a noun after a number stays singular)."""
        hours, rest = divmod(max(minutes, 0), 60)
        parts = []
        if hours:
            parts.append(
                self("{count} hour", count=hours) if hours == 1 else self("{count} hours", count=hours)
            )
        if rest or not hours:
            parts.append(
                self("{count} minute", count=rest) if rest == 1 else self("{count} minutes", count=rest)
            )
        return " ".join(parts)

    def names_list(self, names: list[str]) -> str:
        """``Leo, Ruby and Sam``; in Welsh ``Leo, Ruby a Sam`` (``ac`` before a vowel)."""
        names = [n for n in names if n]
        if len(names) <= 1:
            return "".join(names)
        first = ", ".join(names[:-1])
        last = names[-1]
        if self.lang == "cy" and last[:1].lower() in _WELSH_VOWELS:
            return self("{first} and, before a vowel, {last}", first=first, last=last)
        return self("{first} and {last}", first=first, last=last)


_DAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
# Welsh writes "ac" rather than "a" before a vowel (and "h"-less vowels only: "a Huw").
_WELSH_VOWELS = frozenset("aeiouwyâêîôûŵŷ")

#: English: every message as written. Shared freely: English never records anything as missing.
ENGLISH = Translator("en")


def language_from_choice(words: str) -> str:
    """The paper language a family's free-text language choice asks for: ``cy``, ``cy+en`` or ``en``.

    "Welsh", "Cymraeg" or "cy" is Welsh; naming Welsh with English (or "bilingual",
    "dwyieithog") is both side by side; anything else is English, the
    language of the catalogue's keys.
    """
    said = " ".join(words.casefold().replace("+", " + ").split())
    if not said:
        return "en"
    welsh = any(word in said for word in ("welsh", "cymraeg", "cymreig")) or said.split()[0] == "cy"
    both = any(word in said for word in ("bilingual", "dwyieithog", "english", "saesneg", "+ en"))
    if welsh and both or "dwyieithog" in said or said == "bilingual":
        return "cy+en"
    return "cy" if welsh else "en"

"""The shape of a child's own plan's words: sentence patterns per age band, helplines.

Guidance content is data: the sentences live in ``guides/child-plan-wording.toml``
(checked on load by ``guides.child_plan_wording``). This module holds only
their shape and how a pattern is filled in. A pattern names what it needs in
braces (``{name}``); each key allows only its own names, so a misspelt one is
reported by the file check rather than printed on a child's paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The age bands, youngest first (words for them: ``labels.CHILD_BAND_LABELS``).
BANDS: tuple[str, ...] = ("under-8", "8-12", "13-plus")

#: Every sentence pattern of a band and the names it may fill in.
BAND_PATTERNS: dict[str, tuple[str, ...]] = {
    "title": ("name",),
    "intro": ("made", "when"),
    "views_heading": (),
    "actions_heading": (),
    "action": ("who", "what"),
    "action_nobody": ("what",),
    "action_by": ("date",),
    "no_actions": (),
    "contingency_heading": (),
    "contingency_missing": (),
    "talk_heading": (),
    "keeper": ("name",),
    "advocate": ("name",),
    "lead": ("name",),
    "talk_missing": (),
    "next_heading": (),
    "next": ("date",),
    "next_missing": (),
    "unsafe_heading": (),
    "trusted_adult": ("name",),
    "trusted_missing": (),
    "helplines_intro": (),
}
#: Patterns a band may leave out: the oldest band's own heading for the young person's own actions.
OPTIONAL_PATTERNS: dict[str, tuple[str, ...]] = {"own_actions_heading": ()}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders(pattern: str) -> list[str]:
    """The names in braces in ``pattern``, in order."""
    return _PLACEHOLDER.findall(pattern)


def fill(pattern: str, **values: str) -> str:
    """``pattern`` with each ``{name}`` replaced by its value, inserted as it is (never re-read)."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), pattern)


@dataclass(frozen=True)
class BandWording:
    """One age band's sentence patterns, and whether it says "Mum" and "Dad"."""

    patterns: dict[str, str]
    #: True: a parent with no name the child uses is called what ``ChildPlanWording.family_words`` says.
    mum_and_dad: bool

    def get(self, key: str, **values: str) -> str:
        return fill(self.patterns.get(key, ""), **values)


@dataclass(frozen=True)
class ChildPlanWording:
    """Every band's words, the helplines per jurisdiction and the one in use."""

    bands: dict[str, BandWording]
    #: Jurisdiction id -> its helplines, one line each ("Childline: 0800 1111 ...").
    helplines: dict[str, tuple[str, ...]]
    #: The jurisdiction whose helplines a plan prints (a profile may choose another later).
    jurisdiction: str
    #: The first word of a relationship ("mum", "father") -> what a young child calls them ("Mum", "Dad").
    family_words: dict[str, str]

    def helplines_for(self, jurisdiction: str | None = None) -> tuple[str, ...]:
        """The helplines of ``jurisdiction``, or of the file's own when it has none."""
        return self.helplines.get(jurisdiction or self.jurisdiction) or self.helplines[self.jurisdiction]

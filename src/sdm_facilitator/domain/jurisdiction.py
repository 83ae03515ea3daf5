"""Jurisdiction profiles: the law, timescales and names that differ between England, Wales and the US.

A vocabulary (``terms.toml``) only swaps words; a profile supplies content:
the law and guidance a guide step names, the timescales a conference is held
to, the names of the legal stages, the categories of harm a conference may
choose, and the helplines for a child. Profiles are data
(``guides/jurisdictions/*.toml``, read by ``sdm_facilitator.guides.jurisdictions``).

Guides refer to a profile's pieces by key inside braces, ``{law.legal_advice}``
or ``{helpline.emergency}``, never by naming one country's law. A piece the
profile gives as "" does not apply there, and a guide line that held only
that piece is left out. A piece the profile does not have is never filled
from another country's profile: the text says the profile lacks it and who
to ask. Pure Python: no Textual import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sdm_facilitator.domain.guide import FamilyQuestion, Guide, Phase, Prompt, Step

#: The profile used when the settings name none.
DEFAULT_JURISDICTION = "england"
#: The sections of a profile a guide may refer to, as ``{section.key}``.
REFERENCE_SECTIONS: tuple[str, ...] = ("law", "helpline")
#: A reference to a profile's piece inside guide text.
REFERENCE = re.compile(r"\{(law|helpline)\.([a-z0-9_]+)\}")


@dataclass(frozen=True)
class Timescales:
    """The timescales a child protection conference is held to (conference rules, readiness, fidelity)."""

    #: The first core group meets within this many working days of the conference.
    core_group_working_days: int = 10
    #: The first review conference is within this many months of the initial conference.
    first_review_months: int = 3
    #: Later reviews are at most this many months apart.
    review_interval_months: int = 6


@dataclass(frozen=True)
class JurisdictionProfile:
    """One jurisdiction's pieces. Empty tables mean the profile does not supply them."""

    id: str
    title: str
    #: The vocabulary (``terms.toml`` id) its guides use, or "" for the guides' own words.
    vocabulary: str = ""
    #: The key of the helplines data other papers use (``uk``, ``us``).
    helplines_key: str = ""
    law: Mapping[str, str] = field(default_factory=dict)
    helplines: Mapping[str, str] = field(default_factory=dict)
    legal_stages: Mapping[str, str] = field(default_factory=dict)
    #: Categories of harm a conference may choose: code -> words.
    harm_categories: Mapping[str, str] = field(default_factory=dict)
    #: None when the profile gives no conference timescales.
    timescales: Timescales | None = None

    def piece(self, section: str, key: str) -> str | None:
        """The profile's text for ``{section.key}``: "" where it does not apply, None where it lacks it."""
        table = self.law if section == "law" else self.helplines
        return table.get(key)


def missing_piece(profile: JurisdictionProfile, section: str, key: str) -> str:
    """What a guide says where the profile lacks a piece: never another country's law in its place."""
    return (
        f"[The jurisdiction profile '{profile.title}' does not say this ({section}.{key}); "
        "ask your legal team or safeguarding lead what applies here.]"
    )


def fill_references(text: str, profile: JurisdictionProfile) -> str:
    """``text`` with each ``{law.key}``/``{helpline.key}`` replaced by the profile's words."""
    if "{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        found = profile.piece(match.group(1), match.group(2))
        return missing_piece(profile, match.group(1), match.group(2)) if found is None else found

    return " ".join(REFERENCE.sub(replace, text).split())


def references(text: str) -> list[tuple[str, str]]:
    """Every (section, key) ``text`` refers to."""
    return [(m.group(1), m.group(2)) for m in REFERENCE.finditer(text)]


def legal_stage_name(profile: JurisdictionProfile, code: str) -> str:
    """What the profile calls a legal stage, or a sentence saying the profile does not name it.

    The stages' codes are the model's one list, ``meeting.LEGAL_STAGE_CHOICES``.
    """
    return stage_name_in(profile.legal_stages, profile.title, code)


def stage_name_in(names: Mapping[str, str], title: str, code: str) -> str:
    """A legal stage's name from a profile's ``names``, or a sentence saying the profile ``title`` lacks it."""
    name = names.get(code)
    if name:
        return name
    return f"[not named in the jurisdiction profile '{title}': {code}]"


def helpline(profile: JurisdictionProfile, key: str) -> str | None:
    """A helpline for a child (``child``, ``emergency``) from the profile, or None when it has none."""
    return profile.helplines.get(key) or None


def apply_profile(guide: Guide, profile: JurisdictionProfile) -> Guide:
    """A copy of ``guide`` whose references name the profile's law and helplines.

    A "how" line that held only references the profile marks as not applying
    ("") is left out, so a US guide has no line about England's pre-proceedings.
    """

    def say(text: str) -> str:
        return fill_references(text, profile)

    def lines(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(filled for filled in (say(t) for t in texts) if filled.strip())

    def prompt(p: Prompt) -> Prompt:
        return dataclasses.replace(p, text=say(p.text))

    def step(s: Step) -> Step:
        return dataclasses.replace(s, title=say(s.title), why=say(s.why), how=lines(s.how))

    def phase(p: Phase) -> Phase:
        return dataclasses.replace(
            p,
            prompts=tuple(prompt(q) for q in p.prompts),
            risk_prompts=tuple(prompt(q) for q in p.risk_prompts),
        )

    def question(q: FamilyQuestion) -> FamilyQuestion:
        return dataclasses.replace(q, text=say(q.text), hint=say(q.hint))

    return dataclasses.replace(
        guide,
        summary=say(guide.summary),
        facilitator_note=say(guide.facilitator_note),
        steps=tuple(step(s) for s in guide.steps),
        phases=tuple(phase(p) for p in guide.phases),
        family_questions=tuple(question(q) for q in guide.family_questions),
        follow_up_prompts=tuple(prompt(p) for p in guide.follow_up_prompts),
    )

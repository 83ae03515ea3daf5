"""What the chosen jurisdiction profile asks of a meeting's record, in one value the app passes around.

A profile (``domain.jurisdiction``) is the data; this is what the record's
checks, the Decision section and the papers need from it: the conference
timescales, the categories of harm, the names of the legal stages, and which
records the law asks for (England's pre-proceedings offer of a family group
decision-making meeting, the Indian Child Welfare Act's inquiry in the United
States). A record the law asks for is known from the profile's own pieces
(``law.pre_proceedings_offer``, ``law.heritage_inquiry``) rather than from its
name, so an organisation's own profile can ask for them too.

Where the profile gives no timescales or names no categories they are left
empty and the app says so, never putting England's in their place. The
default value is England's, for callers that choose no profile (tests, older
call sites). Pure Python: no Textual import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sdm_facilitator.domain.conference_rules import DEFAULT_TIMESCALES
from sdm_facilitator.domain.jurisdiction import JurisdictionProfile, Timescales, stage_name_in
from sdm_facilitator.domain.labels import HARM_CATEGORY_LABELS, LEGAL_STAGE_LABELS


@dataclass(frozen=True)
class ProfileLaw:
    """The pieces of the chosen profile the record is checked and worded by."""

    title: str = "England"
    #: None where the profile gives no conference timescales.
    timescales: Timescales | None = DEFAULT_TIMESCALES
    #: The profile's id (``england``, ``wales``, ``us``); "" with no usable profile.
    id: str = "england"
    #: Categories of harm a conference may choose, code -> words; empty where the profile names none.
    categories: Mapping[str, str] = field(default_factory=lambda: dict(HARM_CATEGORY_LABELS))
    #: The legal stages' names, code -> words; empty where the profile names none.
    legal_stages: Mapping[str, str] = field(default_factory=lambda: dict(LEGAL_STAGE_LABELS))
    #: The law asks for a family group decision-making meeting to be offered before proceedings.
    fgdm_offer: bool = True
    #: The law asks whether each child is or may be a member of a tribe (the Indian Child Welfare Act).
    heritage_inquiry: bool = False

    def stage_name(self, code: str) -> str:
        """What the profile calls a legal stage (``legal_stage_name``), or that it does not name it."""
        return stage_name_in(self.legal_stages, self.title, code)

    def stage_names(self, codes: tuple[str, ...]) -> dict[str, str]:
        """Every stage in ``codes`` by the profile's name for it, in that order (for choices and tables)."""
        return {code: self.stage_name(code) for code in codes}


def profile_law(profile: JurisdictionProfile | None, chosen: str = "") -> ProfileLaw:
    """The law of the chosen profile; with no usable profile, no timescales, categories or stage names.

    ``chosen``: the id the settings name, so the app can say which profile could not be used.
    """
    if profile is None:
        title = f"{chosen or 'chosen'}, which could not be used"
        return ProfileLaw(title, None, "", {}, {}, fgdm_offer=False)
    return ProfileLaw(
        profile.title,
        profile.timescales,
        profile.id,
        dict(profile.harm_categories),
        dict(profile.legal_stages),
        fgdm_offer=bool(profile.law.get("pre_proceedings_offer")),
        heritage_inquiry=bool(profile.law.get("heritage_inquiry")),
    )


def no_categories_words(law: ProfileLaw) -> str:
    """What the decision form says where the profile names no categories of harm."""
    return (
        f"The jurisdiction profile '{law.title}' names no categories of harm, so none is asked for: "
        "say what the worry is in plain words."
    )

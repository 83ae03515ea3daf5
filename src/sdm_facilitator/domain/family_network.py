"""Where someone sits in the family's network: how they are related to each child, side, household.

The genogram and ecomap (``domain.network_layout``) are drawn from these
fields. They are optional and kept in the meeting's file as one table per
person or child (``[people.network]``), so files written before them open
unchanged and a file with none of them is written exactly as before.

The free-text ``relationship`` stays the person's own words. Where it reads
like a relation ("Gran", "maternal aunt"), :func:`suggest_place` offers the
structured relation; the form asks before anything is set and never changes
the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sdm_facilitator.domain.labels import FOUND_THROUGH_LABELS
from sdm_facilitator.domain.model_base import choices, extra_field

#: How someone is related to one child, closest first (the layout places a person by the closest).
RELATION_CHOICES = (
    "parent",
    "step-parent",
    "parent-partner",
    "grandparent",
    "great-grandparent",
    "aunt-uncle",
    "sibling",
    "half-sibling",
    "cousin",
    "friend",
    "neighbour",
    "community-faith",
    "professional",
    "other",
)
#: Relations outside the family: drawn around it (the ecomap), not in its generations.
OUTSIDE_FAMILY = ("friend", "neighbour", "community-faith", "professional", "other")
#: Each family relation's generation, counted from the children (0) upwards (negative).
GENERATION = {
    "great-grandparent": -3,
    "grandparent": -2,
    "parent": -1,
    "step-parent": -1,
    "parent-partner": -1,
    "aunt-uncle": -1,
    "sibling": 0,
    "half-sibling": 0,
    "cousin": 0,
}
#: The relations that make someone a parent of the child, for "beyond the parents".
PARENT_RELATIONS = ("parent", "step-parent", "parent-partner")

SIDE_CHOICES = ("mother", "father", "both", "not-related")
CONTACT_CHOICES = ("in-touch", "little", "lost-touch", "not-known")
#: How the relationship is for the child: the ecomap's line.
BOND_CHOICES = ("supportive", "mixed", "stressful", "broken")
FOUND_THROUGH_CHOICES = ("family-finding", "lifelong-links")


@dataclass
class ChildRelation:
    """How one person (or child) is related to one child of the meeting, by the child's id."""

    child: str = ""
    relation: str = field(default="other", metadata=choices(RELATION_CHOICES))
    extra: dict[str, Any] = extra_field()


@dataclass
class NetworkPlace:
    """Someone's place in the family's network. Every field optional; unset is left out of the file."""

    relations: list[ChildRelation] = field(default_factory=list)
    side: str | None = field(default=None, metadata=choices(SIDE_CHOICES))
    # A short name shared by people who live together ("Nana's house").
    household: str = ""
    alive: bool | None = None
    contact: str | None = field(default=None, metadata=choices(CONTACT_CHOICES))
    bond: str | None = field(default=None, metadata=choices(BOND_CHOICES))
    found_through: str | None = field(default=None, metadata=choices(FOUND_THROUGH_CHOICES))
    extra: dict[str, Any] = extra_field()

    def relation_to(self, child_id: str) -> str | None:
        """The relation to the child with ``child_id``, or None when it is not recorded."""
        return next((r.relation for r in self.relations if r.child == child_id), None)

    def set_relation(self, child_id: str, relation: str | None) -> bool:
        """Record (or, with None, forget) the relation to one child; True when it changed."""
        if relation is not None and relation not in RELATION_CHOICES:
            raise ValueError(f"unknown relation {relation!r}")
        if self.relation_to(child_id) == relation:
            return False
        kept = [r for r in self.relations if r.child != child_id]
        if relation is not None:
            found = next((r for r in self.relations if r.child == child_id), None)
            if found is not None:
                found.relation = relation
                kept.insert(self.relations.index(found), found)
            else:
                kept.append(ChildRelation(child_id, relation))
        self.relations[:] = kept
        return True

    def closest_relation(self, child_ids: list[str] | None = None) -> str | None:
        """The closest relation to any child (to ``child_ids`` only, when given), by ``RELATION_CHOICES`` order."""
        found = [r.relation for r in self.relations if child_ids is None or r.child in child_ids]
        return min(found, key=RELATION_CHOICES.index) if found else None


def found_through_words(value: str) -> str:
    """ "family finding", "a Lifelong Links search": the label inside a sentence (the name keeps its capitals)."""
    label = FOUND_THROUGH_LABELS[value]
    return label[0].lower() + label[1:]


def generation_of(relation: str | None) -> int | None:
    """The generation row of a relation (None: outside the family, or not recorded)."""
    return GENERATION.get(relation) if relation is not None else None


# ------------------------------------------------------------------ offering a relation from free text


@dataclass(frozen=True)
class PlaceSuggestion:
    """A relation (and side, where the words say it) read from someone's free-text relationship."""

    relation: str
    side: str | None
    words: str


_SIDE_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bmaternal\b|\bmum'?s\b|\bmother'?s\b|\bmom'?s\b|\bmam'?s\b", "mother"),
    (r"\bpaternal\b|\bdad'?s\b|\bfather'?s\b", "father"),
)
_PARENT = "(?:mum|mom|mam|mother|dad|father)"
#: Words of a relationship, most particular first (so "great gran" is not read as "gran").
_RELATION_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bgreat[- ]?(?:gran|grand|nan|nana)\w*", "great-grandparent"),
    (rf"\b{_PARENT}'?s (?:{_PARENT}|parents)\b", "grandparent"),
    (rf"\b{_PARENT}'?s (?:brother|sister|sibling)\b", "aunt-uncle"),
    (r"\bhalf[- ]?(?:brother|sister|sibling)s?\b", "half-sibling"),
    (r"\bstep[- ]?(?:mum|mom|mother|dad|father|parent)\b", "step-parent"),
    (
        r"\b(?:gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|grandparent"
        r"|nan|nana|nanna|nanny|grampa|gramps)\b",
        "grandparent",
    ),
    (r"\b(?:aunt|auntie|aunty|uncle)\b", "aunt-uncle"),
    (r"\bcousin\b", "cousin"),
    (r"\b(?:brother|sister|sibling)s?\b", "sibling"),
    (r"\b(?:mum|mom|mam|mother|dad|father|parent)\b", "parent"),
    (r"\b(?:partner|boyfriend|girlfriend)\b", "parent-partner"),
    (r"\bneighbou?r\b", "neighbour"),
    (
        r"\b(?:church|mosque|temple|synagogue|gurdwara|faith|pastor|imam|priest|rabbi|community)\b",
        "community-faith",
    ),
    (r"\bfriend\b", "friend"),
)
_MUM_WORDS = re.compile(r"\b(?:mum|mom|mam|mother)\b", re.IGNORECASE)
_DAD_WORDS = re.compile(r"\b(?:dad|father)\b", re.IGNORECASE)


def suggest_place(relationship: str) -> PlaceSuggestion | None:
    """The relation (and side) the words of a free-text relationship point to, or None.

    Only an offer: the caller shows it and sets nothing until the person says so.
    "Gran (mum's mum)" gives grandparent on the mother's side; a parent's own
    words ("mum", "dad") give their side too.
    """
    text = " ".join(relationship.split())
    if not text:
        return None
    for pattern, relation in _RELATION_WORDS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match is None:
            continue
        side = None
        for side_pattern, side_value in _SIDE_WORDS:
            if re.search(side_pattern, text, re.IGNORECASE):
                side = side_value
                break
        if relation == "parent" and match.group(0).lower() != "parent":
            side = "mother" if _MUM_WORDS.search(match.group(0)) else "father"
        elif relation == "step-parent":
            side = None
        elif relation in OUTSIDE_FAMILY:
            side = "not-related"
        return PlaceSuggestion(relation, side, match.group(0))
    return None

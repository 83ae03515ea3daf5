"""Who might be missing from the family's network: rules over the people list, never guesses.

Coordinators say the people most often missed are the father's side of the
family. Each rule looks only at what is recorded (side, relation to each
child) and says what it did not find; the prompts for finding people are
guide data (``guides/network-finding.toml``), passed in by the caller so
this module stays pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sdm_facilitator.domain.family_network import PARENT_RELATIONS
from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.domain.network_layout import is_beyond_parents

NO_ONE_ON_SIDE = "no-one-on-side"
NO_GRANDPARENT = "no-grandparent"
NO_AUNT_UNCLE = "no-aunt-uncle"
FEW_BEYOND_PARENTS = "few-beyond-parents"
RULES = (NO_ONE_ON_SIDE, NO_GRANDPARENT, NO_AUNT_UNCLE, FEW_BEYOND_PARENTS)
SIDES = (("mother", "mother's"), ("father", "father's"))


@dataclass(frozen=True)
class Missing:
    """One thing the network does not have yet, in words, with the guide's prompts for it."""

    rule: str
    side: str | None
    words: str
    prompts: tuple[str, ...] = ()


def _on_side(person: Person, side: str) -> bool:
    return person.network.side in (side, "both")


def _relations(person: Person, child_ids: list[str]) -> set[str]:
    return {r.relation for r in person.network.relations if r.child in child_ids}


def beyond_parents(meeting: Meeting) -> list[Person]:
    """The people in the network who are not the children's parents (nor professionals)."""
    child_ids = [c.id for c in meeting.children]
    return [p for p in meeting.people if is_beyond_parents(p, child_ids)]


def who_might_be_missing(
    meeting: Meeting, enough: int, prompts: Mapping[str, Sequence[str]] | None = None
) -> list[Missing]:
    """Every finding, most telling first; ``enough`` is the guide's N beyond the parents."""
    child_ids = [c.id for c in meeting.children]
    prompts = prompts or {}
    found: list[Missing] = []

    def add(rule: str, side: str | None, words: str) -> None:
        found.append(Missing(rule, side, words, tuple(prompts.get(rule, ()))))

    family = [p for p in meeting.people if not p.is_professional and p.network.side != "not-related"]
    for side, words in SIDES:
        on_side = [p for p in family if _on_side(p, side)]
        beyond = [p for p in on_side if not (_relations(p, child_ids) & set(PARENT_RELATIONS))]
        if not beyond:
            add(NO_ONE_ON_SIDE, side, f"No one yet on the {words} side of the family, beyond the {side}.")
            continue
        if not any({"grandparent", "great-grandparent"} & _relations(p, child_ids) for p in on_side):
            add(NO_GRANDPARENT, side, f"No grandparent on the {words} side yet, living or not.")
        if not any("aunt-uncle" in _relations(p, child_ids) for p in on_side):
            add(NO_AUNT_UNCLE, side, f"No brother or sister of the {side} (an aunt or uncle) yet.")
    count = len(beyond_parents(meeting))
    if count < enough:
        people = "person" if count == 1 else "people"
        add(
            FEW_BEYOND_PARENTS,
            None,
            f"{count} {people} beyond the parents; the guide suggests at least {enough}.",
        )
    # A side with no one at all comes first: it is the gap most often missed.
    return sorted(found, key=lambda item: RULES.index(item.rule))

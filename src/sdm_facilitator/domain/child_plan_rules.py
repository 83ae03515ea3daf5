"""Which band a child's plan is written in, which actions it shows, and what it calls people.

Pure rules shared by the papers and the export dialog:

- the band comes from the child's age (under 8, 8 to 12, 13 and over); a
  child whose age is not recorded gets the middle band; the coordinator can
  choose another for one export;
- an action appears in a child's plan as marked (``Action.for_children``);
  unmarked, an action whose words name some of the children appears only in
  their plans (a brother's counsellor is not his sister's business), and one
  naming none appears in every child's plan;
- a young person's own actions (they are the one who does it) are theirs;
- a child's plan calls a person what the child calls them (``Person.child_calls``),
  and for the youngest a parent with no such name is "Mum" or "Dad".
"""

from __future__ import annotations

import re

from sdm_facilitator.domain.child_plan_wording import BANDS, BandWording, ChildPlanWording
from sdm_facilitator.domain.meeting import NO_CHILD_PLAN, Action, Child, Meeting, Person

#: The band of a child whose age is not recorded.
UNKNOWN_AGE_BAND = "8-12"


def band_for_age(age: int | None) -> str:
    """The band a child of ``age`` reads in."""
    if age is None:
        return UNKNOWN_AGE_BAND
    if age < 8:
        return "under-8"
    if age <= 12:
        return "8-12"
    return "13-plus"


def band_for(child: Child, chosen: str | None = None) -> str:
    """The band chosen for this export, else the child's age's."""
    return chosen if chosen in BANDS else band_for_age(child.age)


def _names_of(child: Child) -> list[str]:
    """The child's full name and first name, as a paper might mention them."""
    full = " ".join(child.name.split())
    first = full.split(" ")[0] if full else ""
    return [name for name in dict.fromkeys((full, first)) if name]


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text.casefold()) is not None


def children_named(meeting: Meeting, action: Action) -> list[Child]:
    """The children an action's words name (what, who, the help and who gives it)."""
    words = " \n ".join((action.what, action.who, action.support_needed, action.support_from))
    return [c for c in meeting.children if any(_mentions(words, name) for name in _names_of(c))]


def action_is_for(meeting: Meeting, action: Action, child: Child) -> bool:
    """Whether ``action`` appears in ``child``'s own plan (see the module's rules)."""
    if NO_CHILD_PLAN in action.for_children:
        return False
    marked = [cid for cid in action.for_children if meeting.child(cid) is not None]
    if marked:
        return child.id in marked
    named = children_named(meeting, action)
    return not named or child in named


def is_own_action(action: Action, child: Child) -> bool:
    """Whether the child is the one who does it (the action's "who" is their name)."""
    who = " ".join(action.who.split()).casefold()
    return bool(who) and who in (name.casefold() for name in _names_of(child))


def person_named(meeting: Meeting, words: str) -> Person | None:
    """The person ``words`` names: their whole name or their first name, if exactly one fits."""
    key = " ".join(words.split()).casefold()
    if not key:
        return None
    whole = [p for p in meeting.people if " ".join(p.name.split()).casefold() == key]
    if len(whole) == 1:
        return whole[0]
    first = [p for p in meeting.people if p.name.split() and p.name.split()[0].casefold() == key]
    return first[0] if len(first) == 1 else None


def called(meeting: Meeting, words: str, band: BandWording, wording: ChildPlanWording) -> str:
    """What a child's plan calls the person ``words`` names: the child's own word for them where known."""
    person = person_named(meeting, words)
    if person is None:
        return words.strip()
    if person.child_calls.strip():
        return person.child_calls.strip()
    if band.mum_and_dad and person.role == "parent":
        first = re.split(r"[\s(,;]+", person.relationship.strip().casefold(), maxsplit=1)[0]
        if first in wording.family_words:
            return wording.family_words[first]
    return words.strip()

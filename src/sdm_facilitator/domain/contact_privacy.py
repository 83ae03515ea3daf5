"""What a paper for the family must leave out while someone is at risk.

An address, a phone number, a school or a workplace on an invitation, an
agenda or the written plan can lead someone causing harm to the person they
harm. While the risk screen (``Meeting.risks``) names a person or a child as
at risk in a harm present or not known, no paper for the family prints
their contact details, or the venue when it is where they live or stay.

The paper says nothing about it (a line saying "details withheld" would
itself tell a reader who is being protected); the coordinator is told
instead, in one sentence that names what was left out, never the values.
Pure functions: the papers, the export dialog and the command line share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.safe_text import one_line

#: A person's contact fields, in the order papers print them, with their words.
PERSON_CONTACT_FIELDS: tuple[tuple[str, str], ...] = (
    ("phone", "phone"),
    ("email", "email"),
    ("address", "address"),
    ("school_or_work", "school or workplace"),
)
#: Stands in for a person with no name in a sentence about them.
NAMELESS = "someone with no name yet"


def at_risk_ids(meeting: Meeting) -> frozenset[str]:
    """Ids of the people and children at risk in a harm the screen has present or not known."""
    return frozenset(pid for risk in meeting.risks if risk.needs_advice for pid in risk.at_risk)


def contact_details(person: Person) -> list[tuple[str, str]]:
    """The person's filled contact details as (words, value), in print order."""
    values = {"phone": person.phone, "email": person.email, "address": person.address}
    values["school_or_work"] = person.school_or_work
    return [(words, values[key].strip()) for key, words in PERSON_CONTACT_FIELDS if values[key].strip()]


def child_details(child: Child) -> list[tuple[str, str]]:
    """The child's filled contact details (their school) as (words, value)."""
    return [("school", child.school.strip())] if child.school.strip() else []


@dataclass(frozen=True)
class LeftOut:
    """What one paper left out about one person: field words, and whether the venue.

    ``lives_there`` names the person at risk when ``who`` is not at risk but
    shares their home (both live or stay at the venue): ``who``'s address is
    then where the person at risk can be found.
    """

    who: str
    what: tuple[str, ...] = ()
    venue: bool = False
    lives_there: str = ""


def venue_left_out(meeting: Meeting) -> LeftOut | None:
    """The venue, when it is where someone at risk lives or stays and it is filled in."""
    if not meeting.choices.venue.strip():
        return None
    hidden = at_risk_ids(meeting)
    for person in meeting.people:
        if person.id in hidden and person.lives_at_venue:
            return LeftOut(person.name.strip() or NAMELESS, venue=True)
    return None


def shares_a_hidden_home(meeting: Meeting, person: Person) -> str:
    """The name of someone at risk who lives where ``person`` does (both at the venue), or ""."""
    if not person.lives_at_venue or person.id in at_risk_ids(meeting):
        return ""
    hidden = venue_left_out(meeting)
    return hidden.who if hidden is not None else ""


def _and(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def left_out_sentence(items: Sequence[LeftOut]) -> str:
    """One sentence for the coordinator ("Left out: Kerry's address and phone, because Kerry is at risk.").

    Says which details were left out and why, never the details themselves.
    Names are the coordinator's own typing, folded onto one line with any
    control character made visible; callers still show the sentence literally.
    """
    parts: list[str] = []
    names: list[str] = []
    for item in items:
        who = one_line(item.who, 40)
        at_risk = one_line(item.lives_there, 40) if item.lives_there else who
        if at_risk not in names:
            names.append(at_risk)
        if item.what and item.lives_there:
            parts.append(f"{_possessive(who)} {_and(item.what)}, as {at_risk} lives or stays there too")
        elif item.what:
            parts.append(f"{_possessive(who)} {_and(item.what)}")
        if item.venue:
            parts.append(f"the venue, as it is where {who} lives or stays")
    if not parts:
        return ""
    verb = "is" if len(names) == 1 else "are"
    return f"Left out: {'; '.join(parts)}, because {_and(names)} {verb} at risk."

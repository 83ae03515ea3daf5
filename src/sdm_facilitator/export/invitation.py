"""Invitations: one a page, for each person invited, or for one person.

Each says when and where, who will be there (each by their first name or
only their role, as that person chose: ``Person.shown_as``, role only until
they choose), the language and any interpreter, what to expect (the agreed
parts of the meeting) and whom to contact. It never names anyone marked not
to be invited or who declined, never prints an address but the venue, and
leaves out the venue where it is the home of someone at risk and the phone or
email of a contact the risk screen names as at risk (``contact_privacy``).
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import LeftOut, at_risk_ids, contact_details, venue_left_out
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting_clock import planned_phases, private_phase
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.facts import child_names, header_line, kind_words
from sdm_facilitator.export.paper_blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Note,
    PageBreak,
    Paper,
    Paragraph,
)
from sdm_facilitator.export.wording import day_and_time, length_text, names_list

#: The invitation states in which a person is invited (suggested, declined, not to be invited are not).
INVITED = ("family-agreed", "invited", "accepted")
NOT_CHOSEN = "not chosen yet"
#: The venue when it is where someone at risk lives or stays.
VENUE_FROM_COORDINATOR = "the coordinator will tell you"


class NotInvited(ValueError):
    """An invitation asked for someone who is not invited; the message is for the coordinator."""


def invited_people(meeting: m.Meeting) -> list[m.Person]:
    """Everyone invited, in the order of the people list."""
    return [p for p in meeting.people if p.invitation in INVITED and p.name.strip()]


def role_words(person: m.Person) -> str:
    """A person's role as a family reads it: their relationship, else the role's name."""
    return person.relationship.strip() or m.ROLE_LABELS.get(person.role, person.role).lower()


def shown_name(person: m.Person) -> str:
    """How an invitation names this person: first name and role, or the role alone (until they choose)."""
    if person.shown_as == "first-name" and person.name.split():
        return f"{person.name.split()[0]}, {role_words(person)}"
    return role_words(person)


def find_invited(meeting: m.Meeting, wanted: str) -> m.Person:
    """The invited person called ``wanted`` (whole name, first name or id); refuse anyone not invited."""
    key = " ".join(wanted.split()).casefold()
    found = [
        p
        for p in meeting.people
        if key in (p.id.casefold(), " ".join(p.name.split()).casefold())
        or (p.name.split() and p.name.split()[0].casefold() == key)
    ]
    if not found:
        raise NotInvited(f"no one called '{one_line(wanted, 40)}' in this meeting's people")
    person = found[0]
    if person.invitation not in INVITED:
        state = m.INVITATION_LABELS.get(person.invitation, person.invitation).lower()
        raise NotInvited(f"'{one_line(wanted, 40)}' is not invited (their invitation: {state})")
    return person


def _when_where(meeting: m.Meeting, paper: Paper) -> list[Block]:
    starts = meeting.starts_at
    hidden = venue_left_out(meeting)
    if hidden is not None and hidden not in paper.left_out:
        paper.left_out.append(hidden)
    venue = VENUE_FROM_COORDINATOR if hidden else meeting.choices.venue.strip() or NOT_CHOSEN
    return [
        Fields(
            (
                ("When", day_and_time(starts) if starts else NOT_CHOSEN),
                ("Where", venue),
                ("How", m.FORMAT_LABELS.get(meeting.choices.format or "", NOT_CHOSEN)),
            )
        )
    ]


def _who(meeting: m.Meeting, person: m.Person) -> list[Block]:
    others = [shown_name(p) for p in invited_people(meeting) if p.id != person.id]
    if not others:
        return [Note("The coordinator will tell you who else is coming.")]
    return [Bullets(tuple(others))]


def _language(meeting: m.Meeting, person: m.Person) -> list[Block]:
    lines = []
    if meeting.choices.language.strip():
        lines.append(f"The meeting's language: {meeting.choices.language.strip()}.")
    needs = person.needs
    language = needs.language.strip()
    if needs.interpreter and needs.interpreter_booked:
        lines.append(f"An interpreter{' for ' + language if language else ''} is booked for you.")
    elif needs.interpreter:
        lines.append(f"An interpreter{' for ' + language if language else ''} is being booked for you.")
    elif language:
        lines.append(f"Your language: {language}. Tell the coordinator if you would like an interpreter.")
    else:
        lines.append("If you would like an interpreter, tell the coordinator: it is free.")
    return [Paragraph(line) for line in lines]


def _expect(meeting: m.Meeting, guide: Guide | None) -> list[Block]:
    phases = planned_phases(meeting, guide)
    if not phases:
        return [Note("The coordinator will go through the meeting with you before the day.")]
    blocks: list[Block] = [
        Paragraph("The meeting has these parts:"),
        Bullets(tuple(f"{p.name} ({length_text(p.minutes)})" for p in phases)),
        Paragraph(f"About {length_text(sum(p.minutes for p in phases))} in all."),
    ]
    private = private_phase(phases)
    if private is not None:
        blocks.append(
            Paragraph(f"During “{private.name}” the family talks on its own, without the professionals.")
        )
    return blocks


def _contact(meeting: m.Meeting, person: m.Person, paper: Paper) -> list[Block]:
    """Professionals invited, with a phone or email; never an address; never details of anyone at risk."""
    hidden = at_risk_ids(meeting)
    items = []
    for p in invited_people(meeting):
        if not p.is_professional or p.id == person.id:
            continue
        details = [(w, v) for w, v in contact_details(p) if w in ("phone", "email")]
        if details and p.id in hidden:
            left = LeftOut(p.name.strip(), tuple(w for w, _ in details))
            if left not in paper.left_out:
                paper.left_out.append(left)
            continue
        if details:
            items.append(f"{shown_name(p)}: " + "; ".join(f"{w} {v}" for w, v in details))
    if not items:
        return [Note("The person who gave you this invitation will tell you how to reach them.")]
    return [Bullets(tuple(items))]


def invitation_part(
    meeting: m.Meeting, guide: Guide | None, person: m.Person, paper: Paper, level: int
) -> list[Block]:
    """One person's invitation, headings one level below ``level``."""
    sub = level + 1
    children = names_list(child_names(meeting)) or "the children"
    blocks: list[Block] = [
        Paragraph(
            f"You are invited to {kind_words(meeting)}. Everyone there will work together on a plan "
            f"so that {children} can be safe and well."
        ),
        Heading("When and where", sub),
        *_when_where(meeting, paper),
        Heading("Who will be there", sub),
        *_who(meeting, person),
        Heading("Language and interpreter", sub),
        *_language(meeting, person),
        Heading("What to expect", sub),
        *_expect(meeting, guide),
        Heading("Who to contact", sub),
        *_contact(meeting, person, paper),
    ]
    return blocks


def invitation_paper(meeting: m.Meeting, guide: Guide | None, wanted: str | None) -> Paper:
    """The invitation for the person ``wanted``, or for everyone invited, each on its own page."""
    if wanted is not None:
        person = find_invited(meeting, wanted)
        paper = Paper(f"An invitation for {person.name.strip()}", header_line(meeting))
        paper.add(*invitation_part(meeting, guide, person, paper, level=1))
        return paper
    people = invited_people(meeting)
    paper = Paper("Invitations", header_line(meeting))
    if not people:
        paper.add(Note("No one is marked as invited yet."))
    for index, person in enumerate(people):
        if index:
            paper.add(PageBreak())
        paper.add(Heading(f"An invitation for {person.name.strip()}", 2))
        paper.add(*invitation_part(meeting, guide, person, paper, level=2))
    return paper

"""Facts about a conference every paper states the same way: who a person is, whose view may be read.

People and children are kept by id in ``Meeting.conference``; papers name
them. A child's view of the conference may only be printed for a reader its
audience allows (the child's views audience, ``domain.sharing``): the child
saying no keeps it for the chair alone, and a view nobody asked about is
treated the same, so a paper never prints a child's words on a guess.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.labels import ROLE_LABELS
from sdm_facilitator.domain.sharing import view_reaches

#: The kind of meeting a conference's papers are for.
CONFERENCE_KIND = "cp-conference"
#: Who reads a paper: the parents' letter, the professionals' record.
FAMILY_READER = "family"
PROFESSIONAL_READER = "professionals"


def is_conference(meeting: m.Meeting) -> bool:
    return meeting.kind == CONFERENCE_KIND


def person(meeting: m.Meeting, person_id: str) -> m.Person | None:
    return next((p for p in meeting.people if p.id == person_id), None)


def child(meeting: m.Meeting, child_id: str) -> m.Child | None:
    return next((c for c in meeting.children if c.id == child_id), None)


def person_name(meeting: m.Meeting, person_id: str) -> str:
    """The person's name, or "" when the id names nobody (or nobody with a name)."""
    found = person(meeting, person_id)
    return found.name.strip() if found else ""


def child_name(meeting: m.Meeting, child_id: str) -> str:
    found = child(meeting, child_id)
    return found.name.strip() if found else ""


def name_and_role(meeting: m.Meeting, person_id: str) -> str:
    """``Priya Nair, social worker``: the name, then the role as the people list words it."""
    found = person(meeting, person_id)
    if found is None or not found.name.strip():
        return ""
    role = found.relationship.strip() or ROLE_LABELS.get(found.role, found.role).lower()
    return f"{found.name.strip()}, {role}"


def child_view_reaches(meeting: m.Meeting, child_id: str, reader: str) -> bool:
    """Whether the child's view of the conference may be printed for ``reader`` (``sharing.READER_CHOICES``).

    The child's views audience decides (``sharing.view_reaches``): a view
    shared with named people only never reaches a paper for the whole
    family, and a view nobody asked the child about stays with the chair.
    """
    found = child(meeting, child_id)
    return found is not None and view_reaches(found, reader)

"""Facts about a conference every paper states the same way: who a person is, whose view may be read.

People and children are kept by id in ``Meeting.conference``; papers name
them. A child's view of the conference may only be printed for a reader its
audience allows: the child saying no keeps it for the chair alone, and a view
nobody asked about is treated the same, so a paper never prints a child's
words on a guess.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.labels import ROLE_LABELS

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
    """Whether the child's view of the conference may be printed for ``reader``.

    The child's own say about their views (``Child.views_consent``) decides:
    agreed means everyone at the meeting; not agreed, or not asked, means the
    chair only, so neither the parents' letter nor the record prints it.
    """
    found = child(meeting, child_id)
    if found is None:
        return False
    return bool(found.views_consent) and reader in (FAMILY_READER, PROFESSIONAL_READER)

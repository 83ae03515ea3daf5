"""What each kind of meeting actually requires of the family before the day, in plain words.

A family group conference, family group decision-making, a family unity
meeting, a child in need meeting and the review of such a plan are voluntary:
the family agrees to take part, or the meeting does not happen. A child
protection conference is statutory: the council must hold it whether or not
the parents agree, so their agreement is recorded but never a gate. What it
needs instead is that the parents have been told about it and invited
(Working Together 2023: parents are invited and helped to take part).

Sharing information is a separate question, answered per item by a lawful
basis (``sharing.py``), never by this yes/no.

Pure Python: readiness, the workspace and ``sdm-facilitator check`` all read
the same words from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.domain.safe_text import one_line

#: Kinds of meeting the family must agree to. Every kind but the child protection conference.
VOLUNTARY_KINDS: tuple[str, ...] = ("fgc", "fgdm", "family-unity", "cin-meeting", "review")

NOT_RECORDED = "The family's agreement to take part in the meeting is not recorded"
NOT_AGREED = "The family has not agreed to the meeting: it cannot go ahead without them"
PARENTS_DECLINED = (
    "The parents have said they do not want to take part: the conference still goes ahead; "
    "offer other ways to give their views (in writing, by phone, through an advocate or a supporter)"
)
NO_PARENT_LISTED = "No parent or carer is on the list of people: every conference invites the parents"
NOT_TOLD_AND_INVITED = "not yet told about the conference and invited"

#: Invitation states in which a parent has been told about the conference and invited.
_TOLD = ("invited", "accepted", "declined")


@dataclass(frozen=True)
class AgreementItem:
    """One thing about the family's agreement still open; ``ref`` names a person when it is about one."""

    text: str
    ref: str = ""


def agreement_required(meeting: Meeting) -> bool:
    """Whether the meeting cannot go ahead without the family's agreement (voluntary kinds)."""
    return meeting.kind in VOLUNTARY_KINDS


def is_parent(person: Person) -> bool:
    return person.role in ("parent", "carer")


def agreement_items(meeting: Meeting) -> list[AgreementItem]:
    """What is still open about the family taking part, in the words that fit the kind of meeting."""
    agreed = meeting.referral.consent_meeting
    if agreement_required(meeting):
        if agreed is None:
            return [AgreementItem(NOT_RECORDED)]
        if agreed is False:
            return [AgreementItem(NOT_AGREED)]
        return []
    items = []
    if agreed is False:
        items.append(AgreementItem(PARENTS_DECLINED))
    parents = [p for p in meeting.people if is_parent(p)]
    if not parents:
        items.append(AgreementItem(NO_PARENT_LISTED))
    for person in parents:
        if person.invitation not in _TOLD and person.invitation != "not-invited":
            name = one_line(person.name.strip(), 40) or "(no name yet)"
            items.append(AgreementItem(f"{name}: {NOT_TOLD_AND_INVITED}", person.id))
    return items


def agreement_question(meeting: Meeting) -> str:
    """The referral form's label for ``consent_meeting``, fitting the kind of meeting."""
    if agreement_required(meeting):
        return "Family agrees to the meeting"
    return "Parents want to take part (the conference goes ahead either way)"

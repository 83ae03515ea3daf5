"""Meetings carrying the law's records: England's pre-proceedings offer and each child's ICWA inquiry.

Copies of given meetings (the originals are often cached fixtures, never
changed), the offer and the inquiries cycling through every code, with a
hostile reason and tribe that must never reach an anonymised file.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date

from sdm_facilitator.domain.legal_records import FgdmOffer, IcwaInquiry
from sdm_facilitator.domain.meeting import Meeting

#: Free text a coordinator could type: a name, markup, a spreadsheet formula, quotes, a line break.
HOSTILE_REASON = 'Zq Mrs Adaeze Okonkwo said no =HYPERLINK("http://x.example") <b>"care",\nplease</b>'
HOSTILE_TRIBE = 'Zq Tribe of the \u202eNorth Fork, "Band" [b]Nation[/b]'

#: One offer per pattern, chosen by the meeting's place in the list (the first records nothing).
OFFER_PATTERNS = (
    {},
    {"offered": True, "answer": "accepted", "held_before_application": True},
    {"offered": True, "answer": "accepted", "held_before_application": False},
    {"offered": True, "answer": "accepted"},
    {"offered": True, "answer": "declined"},
    {"offered": True, "answer": "not-yet"},
    {"offered": True},
    {"offered": False, "not_offered_reason": HOSTILE_REASON},
    {"offered": False},
    {"answer": "declined"},
)
#: One inquiry per pattern, chosen by the child's place (the first records nothing).
ICWA_PATTERNS = (
    {},
    {"asked": True, "answer": "member-or-eligible", "tribe": HOSTILE_TRIBE, "notified": True},
    {"asked": True, "answer": "may-be"},
    {"asked": True, "answer": "no-reason-to-know"},
    {"asked": False},
    {"answer": "may-be", "tribe": HOSTILE_TRIBE, "notified": True},
    {"asked": True, "answer": "member-or-eligible", "tribe": HOSTILE_TRIBE},
)


def _day(index: int) -> date:
    return date(2025, 1 + index % 12, 1 + index % 27)


def offer_for(index: int) -> FgdmOffer:
    """The offer of pattern ``index`` (cycling), dated when it was offered; the reason made unique."""
    pattern = dict(OFFER_PATTERNS[index % len(OFFER_PATTERNS)])
    if pattern.get("not_offered_reason"):
        pattern["not_offered_reason"] = f"{pattern['not_offered_reason']} #{index}"
    offer = FgdmOffer(**pattern)  # type: ignore[arg-type]
    if offer.offered:
        offer.offered_on = _day(index)
    return offer


def icwa_for(index: int) -> IcwaInquiry:
    """The inquiry of pattern ``index`` (cycling), the tribe made unique and the notice dated."""
    pattern = dict(ICWA_PATTERNS[index % len(ICWA_PATTERNS)])
    notified = pattern.pop("notified", False)
    if pattern.get("tribe"):
        pattern["tribe"] = f"{pattern['tribe']} #{index}"
    icwa = IcwaInquiry(**pattern)  # type: ignore[arg-type]
    if notified:
        icwa.tribe_notified = _day(index + 5)
    return icwa


def with_legal_records(meetings: Sequence[Meeting]) -> list[Meeting]:
    """Copies of ``meetings``, each with an offer and each child with an inquiry, through every pattern."""
    out = []
    children = 0
    for index, meeting in enumerate(meetings):
        copied = copy.deepcopy(meeting)
        copied.referral.fgdm_offer = offer_for(index)
        for child in copied.children:
            child.icwa = icwa_for(children)
            children += 1
        out.append(copied)
    return out


def without_legal_records(meetings: Sequence[Meeting]) -> list[Meeting]:
    """Copies of ``meetings`` with no offer and no inquiry: what a file from before these records reads as."""
    out = []
    for meeting in meetings:
        copied = copy.deepcopy(meeting)
        copied.referral.fgdm_offer = FgdmOffer()
        for child in copied.children:
            child.icwa = IcwaInquiry()
        out.append(copied)
    return out

"""The records a jurisdiction's law asks for, as the record of the day prints them for professionals.

England's pre-proceedings offer of a family group decision-making meeting
(printed where the profile's law has it and the case stood at pre-proceedings,
or once anything of it is recorded) and each child's ICWA inquiry (printed
where the profile's law has it, or once recorded). What is missing is said
plainly, in the words readiness uses. Text people typed stays data.
"""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.labels import FGDM_ANSWER_LABELS, ICWA_ANSWER_LABELS
from sdm_facilitator.domain.legal_record_checks import (
    asks_fgdm_offer,
    fgdm_offer_gaps,
    icwa_gaps,
    shows_icwa,
)
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.export.paper_blocks import Block, Fields, Heading, Note

NOT_RECORDED = "not recorded"


def _yes_no(value: bool | None) -> str:
    return NOT_RECORDED if value is None else ("yes" if value else "no")


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else NOT_RECORDED


def fgdm_offer_blocks(meeting: m.Meeting, law: ProfileLaw) -> list[Block]:
    """The offer, its day, the family's answer and whether the meeting came before any application."""
    offer = meeting.referral.fgdm_offer
    if not asks_fgdm_offer(meeting, law) and offer.is_empty:
        return []
    pairs = [
        ("Offered in the letter before proceedings", _yes_no(offer.offered)),
        ("Offered on", _day(offer.offered_on)),
        ("The family's answer", FGDM_ANSWER_LABELS.get(offer.answer or "", NOT_RECORDED)),
        ("Held before any application to court", _yes_no(offer.held_before_application)),
    ]
    if offer.not_offered_reason.strip():
        pairs.append(("Why it was not offered", offer.not_offered_reason))
    blocks: list[Block] = [
        Heading("The offer of a family group decision-making meeting before proceedings", 3),
        Fields(tuple(pairs)),
    ]
    return blocks + [Note(gap.text + ".") for gap in fgdm_offer_gaps(meeting, law)]


def icwa_blocks(meeting: m.Meeting, law: ProfileLaw) -> list[Block]:
    """Each child's ICWA inquiry: asked, what it found, the tribe and the day it was notified."""
    children = [c for c in meeting.children if shows_icwa(c, law)]
    if not children:
        return []
    blocks: list[Block] = [Heading("The Indian Child Welfare Act's inquiry", 3)]
    for index, child in enumerate(children, 1):
        icwa = child.icwa
        pairs = (
            ("Child", child.name.strip() or f"child {index}"),
            ("Inquiry made", _yes_no(icwa.asked)),
            ("What it found", ICWA_ANSWER_LABELS.get(icwa.answer or "", NOT_RECORDED)),
            ("Tribe", icwa.tribe.strip() or NOT_RECORDED),
            ("Tribe notified on", _day(icwa.tribe_notified)),
        )
        blocks.append(Fields(pairs))
    return blocks + [Note(gap.text + ".") for gap in icwa_gaps(meeting, law)]


def legal_record_blocks(meeting: m.Meeting, law: ProfileLaw) -> list[Block]:
    """Every record the chosen profile's law asks for, or that was recorded under another ([] for none)."""
    return fgdm_offer_blocks(meeting, law) + icwa_blocks(meeting, law)

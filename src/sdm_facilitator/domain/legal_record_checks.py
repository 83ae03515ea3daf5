"""What is still missing from the records the chosen profile's law asks for, in plain words.

England's offer of a family group decision-making meeting is asked for when
the case stood at pre-proceedings at referral and the profile's law has the
offer (``ProfileLaw.fgdm_offer``). The ICWA inquiry is asked for each child
when the profile's law has it (``ProfileLaw.heritage_inquiry``), and for any
child whose inquiry was started even under another profile: a record begun is
a record to finish. Readiness lists these; the papers print the records.
Pure Python: no Textual import.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_facilitator.domain.legal_records import ICWA_REASON_TO_KNOW
from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.safe_text import one_line

#: The legal stage at referral that makes the pre-proceedings offer a record to keep.
PRE_PROCEEDINGS = "pre_proceedings"
_OFFER = "a family group decision-making meeting"


@dataclass(frozen=True)
class RecordGap:
    """One record the law asks for that is missing or incomplete; ``ref`` names the child, if any."""

    text: str
    ref: str = ""


def asks_fgdm_offer(meeting: Meeting, law: ProfileLaw) -> bool:
    """Whether the pre-proceedings offer is a record to keep: the profile's law and the case's stage."""
    return law.fgdm_offer and meeting.referral.baseline_stage == PRE_PROCEEDINGS


def shows_fgdm_offer(meeting: Meeting, law: ProfileLaw) -> bool:
    """Whether the referral shows the offer's fields: where the profile's law has it, or it was recorded."""
    return law.fgdm_offer or not meeting.referral.fgdm_offer.is_empty


def shows_icwa(child: Child, law: ProfileLaw) -> bool:
    """Whether a child's ICWA inquiry is shown: where the profile's law has it, or it was recorded."""
    return law.heritage_inquiry or not child.icwa.is_empty


def fgdm_offer_gaps(meeting: Meeting, law: ProfileLaw) -> list[RecordGap]:
    """What the record of the pre-proceedings offer still lacks (nothing where the law does not ask)."""
    if not asks_fgdm_offer(meeting, law):
        return []
    offer = meeting.referral.fgdm_offer
    if offer.offered is None:
        return [RecordGap(f"Whether the letter before proceedings offered {_OFFER} is not recorded")]
    if not offer.offered:
        if offer.not_offered_reason.strip():
            return []
        return [
            RecordGap(
                f"Why {_OFFER} was not offered is not recorded "
                "(the law allows it only where a meeting is not in the child's best interests)"
            )
        ]
    gaps = []
    if offer.offered_on is None:
        gaps.append(RecordGap(f"The day {_OFFER} was offered is not recorded"))
    if offer.answer is None:
        gaps.append(RecordGap(f"The family's answer to the offer of {_OFFER} is not recorded"))
    elif offer.answer == "accepted" and offer.held_before_application is None:
        gaps.append(
            RecordGap(
                "Whether the family group decision-making meeting was held before any application "
                "to court is not recorded"
            )
        )
    elif offer.answer == "accepted" and offer.held_before_application is False:
        gaps.append(
            RecordGap(
                "The family group decision-making meeting was not held before the application to court: "
                "the law asks for an accepted meeting to be held first"
            )
        )
    return gaps


def icwa_gaps(meeting: Meeting, law: ProfileLaw) -> list[RecordGap]:
    """What each child's ICWA inquiry still lacks: the inquiry, then the tribe and its notice."""
    gaps = []
    for index, child in enumerate(meeting.children, 1):
        if not shows_icwa(child, law):
            continue
        name = one_line(child.name, 40) if child.name.strip() else f"child {index}"
        icwa = child.icwa
        if not icwa.asked or icwa.answer is None:
            gaps.append(RecordGap(f"ICWA inquiry not recorded for {name}", child.id))
            continue
        if icwa.answer not in ICWA_REASON_TO_KNOW:
            continue
        if not icwa.tribe.strip():
            gaps.append(RecordGap(f"ICWA: the tribe is not named for {name}", child.id))
        if icwa.tribe_notified is None:
            gaps.append(RecordGap(f"ICWA: the day {name}'s tribe was notified is not recorded", child.id))
    return gaps

"""Records a jurisdiction's law asks a coordinator to keep: England's pre-proceedings offer, the US ICWA inquiry.

England (Children Act 1989 s.31ZA, added by the Children's Wellbeing and
Schools Act 2026 and started by regulations): before applying for a care or
supervision order, the council must offer the family a family group
decision-making meeting in the letter before proceedings, unless that is not
in the child's best interests; a meeting the family accepts is held before
any application. ``FgdmOffer`` records the offer, the day, the family's
answer and whether the meeting was held before any application.

United States (the Indian Child Welfare Act): whether each child is, or may
be, a member of a federally recognised tribe or eligible for membership is
asked at the start; where there is reason to know, the tribe must be
notified. ``IcwaInquiry`` (one per child) records the inquiry, the answer,
the tribe named and the day it was notified.

Both are plain parts of the meeting file (the generic codec stores them; an
empty one is not written, so older files open and save unchanged). Which
profile asks for which is ``profile_law.ProfileLaw``; what is still missing is
``legal_record_gaps``. Pure Python: no Textual import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sdm_facilitator.domain.model_base import choices, extra_field

#: The family's answer to the offer of a family group decision-making meeting.
FGDM_ANSWER_CHOICES: tuple[str, ...] = ("accepted", "declined", "not-yet")
#: What the ICWA inquiry found about a child and a tribe.
ICWA_ANSWER_CHOICES: tuple[str, ...] = ("member-or-eligible", "may-be", "no-reason-to-know")
#: Answers that give reason to know: the tribe must be named and notified.
ICWA_REASON_TO_KNOW: tuple[str, ...] = ("member-or-eligible", "may-be")


@dataclass
class FgdmOffer:
    """England's offer of a family group decision-making meeting in the letter before proceedings."""

    # Whether the letter before proceedings offered the meeting (None: not recorded).
    offered: bool | None = None
    offered_on: date | None = None
    answer: str | None = field(default=None, metadata=choices(FGDM_ANSWER_CHOICES))
    # Whether the meeting was held before any application to court (an accepted offer).
    held_before_application: bool | None = None
    # Why it was not offered: the law allows that only where it is not in the child's best interests.
    not_offered_reason: str = ""
    extra: dict[str, Any] = extra_field()

    @property
    def is_empty(self) -> bool:
        return self == FgdmOffer(extra=self.extra)


@dataclass
class IcwaInquiry:
    """The Indian Child Welfare Act's inquiry for one child: asked, answered, tribe named and notified."""

    # Whether every parent and relative was asked (None: not recorded).
    asked: bool | None = None
    answer: str | None = field(default=None, metadata=choices(ICWA_ANSWER_CHOICES))
    tribe: str = ""
    tribe_notified: date | None = None
    extra: dict[str, Any] = extra_field()

    @property
    def is_empty(self) -> bool:
        return self == IcwaInquiry(extra=self.extra)

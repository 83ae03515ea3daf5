"""The law's records as anonymised cells, and the report's counts of them built from those cells alone.

England's pre-proceedings offer of a family group decision-making meeting
(one per referral, in ``meetings.csv``) and each child's ICWA inquiry (in
``children.csv``) leave the laptop only as fixed codes, yes / no and months:
why a meeting was not offered and a tribe's name are free text, so only
whether they are recorded is written, never the words. An empty cell means
"not recorded", which is also how a column missing from an older file reads.

The service report counts these records from the cells (``legal_record_figures``),
whether the cells were made from meeting records on this laptop or read back
from several coordinators' anonymised files, so the two reports agree by
construction. Pure Python: no Textual import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sdm_facilitator.domain.evaluation_rows import Column, month, yes_no
from sdm_facilitator.domain.legal_records import (
    FGDM_ANSWER_CHOICES,
    ICWA_ANSWER_CHOICES,
    ICWA_REASON_TO_KNOW,
    FgdmOffer,
    IcwaInquiry,
)

RowIn = Mapping[str, str]

#: The pre-proceedings offer's columns, at the end of ``meetings.csv``.
OFFER_COLUMNS: tuple[Column, ...] = (
    Column(
        "fgdm_offered",
        "England, pre-proceedings: yes / no, the letter before proceedings offered a family group "
        "decision-making meeting; empty when not recorded",
    ),
    Column("fgdm_offer_month", "Month the meeting was offered (YYYY-MM)"),
    Column(
        "fgdm_answer",
        f"The family's answer to the offer: {', '.join(FGDM_ANSWER_CHOICES)}; empty when not recorded",
    ),
    Column(
        "fgdm_held_before_application",
        "yes / no: the meeting was held before any application to court; empty when not recorded",
    ),
    Column(
        "fgdm_not_offered_reason_recorded",
        "When not offered: yes / no, why it was not offered is recorded (the reason itself is not exported)",
    ),
)
#: Each child's ICWA inquiry's columns, at the end of ``children.csv`` (repeated on each of the child's rows).
ICWA_COLUMNS: tuple[Column, ...] = (
    Column(
        "icwa_asked",
        "United States, Indian Child Welfare Act: yes / no, the inquiry was made of every parent and "
        "relative; empty when not recorded",
    ),
    Column(
        "icwa_answer",
        f"What the inquiry found: {', '.join(ICWA_ANSWER_CHOICES)}; empty when not recorded",
    ),
    Column(
        "icwa_tribe_named",
        "When there is reason to know: yes / no, the tribe is named (the name itself is not exported)",
    ),
    Column(
        "icwa_notified",
        "When there is reason to know: yes when the day the tribe was notified is recorded, no when it is not",
    ),
    Column("icwa_notified_month", "Month the tribe was notified (YYYY-MM)"),
)


def offer_cells(offer: FgdmOffer) -> dict[str, str]:
    """The offer's cells: codes, yes / no and a month; the reason's words never."""
    not_offered = offer.offered is False
    return {
        "fgdm_offered": yes_no(offer.offered),
        "fgdm_offer_month": month(offer.offered_on),
        "fgdm_answer": offer.answer or "",
        "fgdm_held_before_application": yes_no(offer.held_before_application),
        "fgdm_not_offered_reason_recorded": yes_no(bool(offer.not_offered_reason.strip()))
        if not_offered
        else "",
    }


def icwa_cells(icwa: IcwaInquiry) -> dict[str, str]:
    """A child's inquiry's cells: codes, yes / no and a month; the tribe's name never."""
    reason_to_know = icwa.answer in ICWA_REASON_TO_KNOW
    notified = icwa.tribe_notified is not None
    return {
        "icwa_asked": yes_no(icwa.asked),
        "icwa_answer": icwa.answer or "",
        "icwa_tribe_named": yes_no(bool(icwa.tribe.strip())) if reason_to_know else "",
        "icwa_notified": "yes" if notified else ("no" if reason_to_know else ""),
        "icwa_notified_month": month(icwa.tribe_notified),
    }


#: The offer's measures, in the report's order, with their words.
OFFER_MEASURES: dict[str, str] = {
    "offer-recorded": "Referrals with the pre-proceedings offer recorded",
    "offered": "Offered in the letter before proceedings",
    "not-offered-why-recorded": "Not offered, why recorded",
    "not-offered-why-not-recorded": "Not offered, why not recorded",
    "offered-not-recorded": "Whether offered: not recorded",
    "accepted": "Offer accepted by the family",
    "declined": "Offer declined by the family",
    "not-yet": "No answer from the family yet",
    "answer-not-recorded": "Offered, the family's answer not recorded",
    "held-before": "Accepted, held before any application to court",
    "not-held-before": "Accepted, not held before the application to court",
    "held-not-recorded": "Accepted, whether held first not recorded",
}
#: The ICWA inquiry's measures (children), in the report's order, with their words.
ICWA_MEASURES: dict[str, str] = {
    "icwa-recorded": "Children with an ICWA inquiry recorded",
    "icwa-asked": "ICWA inquiry made",
    "icwa-not-asked": "ICWA inquiry not made",
    "member-or-eligible": "ICWA: a member of a tribe, or eligible",
    "may-be": "ICWA: may be a member or eligible",
    "no-reason-to-know": "ICWA: no reason to know",
    "tribe-notified": "Reason to know: the tribe notified",
    "notice-not-recorded": "Reason to know: the day the tribe was notified not recorded",
}


@dataclass(frozen=True)
class LegalRecordFigures:
    """Counts of the law's records; a part with nothing recorded is empty, so its rows are left out."""

    offers: dict[str, int]
    icwa: dict[str, int]


def _count_recorded(
    rows: Iterable[RowIn],
    columns: Sequence[Column],
    recorded: str,
    measures: Iterable[str],
    classify: Callable[[dict[str, str], Counter[str]], None],
) -> dict[str, int]:
    """Count the rows that recorded anything in ``columns``, each classified into the measures.

    A row with every one of those cells empty is a family the record never reached, so it is
    left out of the counts rather than counted as "not recorded" (the n stays honest).
    """
    counts: Counter[str] = Counter()
    for row in rows:
        cells = {column.name: row.get(column.name, "") for column in columns}
        if not any(cells.values()):
            continue
        counts[recorded] += 1
        classify(cells, counts)
    return {key: counts[key] for key in measures} if counts else {}


def _classify_offer(cells: dict[str, str], counts: Counter[str]) -> None:
    offered = cells["fgdm_offered"]
    if offered == "no":
        why = cells["fgdm_not_offered_reason_recorded"] == "yes"
        counts["not-offered-why-recorded" if why else "not-offered-why-not-recorded"] += 1
    elif offered == "yes":
        counts["offered"] += 1
        answer = cells["fgdm_answer"]
        counts[answer if answer in FGDM_ANSWER_CHOICES else "answer-not-recorded"] += 1
        if answer == "accepted":
            held = cells["fgdm_held_before_application"]
            counts[{"yes": "held-before", "no": "not-held-before"}.get(held, "held-not-recorded")] += 1
    else:
        counts["offered-not-recorded"] += 1


def _classify_icwa(cells: dict[str, str], counts: Counter[str]) -> None:
    if cells["icwa_asked"] in ("yes", "no"):
        counts["icwa-asked" if cells["icwa_asked"] == "yes" else "icwa-not-asked"] += 1
    answer = cells["icwa_answer"]
    if answer in ICWA_ANSWER_CHOICES:
        counts[answer] += 1
    if answer in ICWA_REASON_TO_KNOW:
        counts["tribe-notified" if cells["icwa_notified"] == "yes" else "notice-not-recorded"] += 1


def _offer_counts(rows: Iterable[RowIn]) -> dict[str, int]:
    return _count_recorded(rows, OFFER_COLUMNS, "offer-recorded", OFFER_MEASURES, _classify_offer)


def _icwa_counts(rows: Iterable[RowIn]) -> dict[str, int]:
    return _count_recorded(rows, ICWA_COLUMNS, "icwa-recorded", ICWA_MEASURES, _classify_icwa)


def legal_record_figures(
    meeting_rows: Iterable[RowIn], child_rows: Iterable[RowIn]
) -> LegalRecordFigures | None:
    """The counts over one row per referral and one row per child; ``None`` when nothing is recorded.

    A row without these columns (an older anonymised file) counts as nothing recorded.
    """
    figures = LegalRecordFigures(_offer_counts(meeting_rows), _icwa_counts(child_rows))
    return figures if figures.offers or figures.icwa else None


__all__ = [
    "ICWA_COLUMNS",
    "ICWA_MEASURES",
    "OFFER_COLUMNS",
    "OFFER_MEASURES",
    "LegalRecordFigures",
    "icwa_cells",
    "legal_record_figures",
    "offer_cells",
]

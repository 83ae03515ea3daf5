"""Every value the risk screen, the conference record, sharing and taking part can hold has words, in order."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain import (
    conference,
    family_network,
    labels,
    legal_records,
    meeting,
    participation,
    risks,
    sharing,
)

PAIRS = [
    (labels.RISK_KIND_LABELS, risks.RISK_KINDS),
    (labels.RISK_STATUS_LABELS, risks.RISK_STATUS_CHOICES),
    (labels.ADVICE_OUTCOME_LABELS, risks.ADVICE_OUTCOME_CHOICES),
    (labels.CONDITION_KIND_LABELS, risks.CONDITION_KINDS),
    (labels.CONFERENCE_STAGE_LABELS, conference.CONFERENCE_STAGE_CHOICES),
    (labels.HARM_VIEW_LABELS, conference.HARM_VIEW_CHOICES),
    (labels.CHILD_VIEW_WAY_LABELS, conference.CHILD_VIEW_WAY_CHOICES),
    (labels.DECISION_LABELS, conference.DECISION_CHOICES),
    (labels.INSTEAD_LABELS, conference.INSTEAD_CHOICES),
    (labels.HARM_CATEGORY_LABELS, conference.HARM_CATEGORY_CHOICES),
    (labels.DISSENT_RESOLUTION_LABELS, conference.DISSENT_RESOLUTION_CHOICES),
    (labels.LAWFUL_BASIS_LABELS, sharing.LAWFUL_BASIS_CHOICES),
    (labels.LAWFUL_BASIS_HELP, sharing.LAWFUL_BASIS_CHOICES),
    (labels.SPECIAL_CATEGORY_LABELS, sharing.SPECIAL_CATEGORY_CHOICES),
    (labels.CHILD_AGREEMENT_LABELS, sharing.CHILD_AGREEMENT_CHOICES),
    (labels.VIEW_AUDIENCE_LABELS, sharing.VIEW_AUDIENCE_CHOICES),
    (labels.WAY_LABELS, participation.WAY_CHOICES),
    (labels.ATTENDANCE_LABELS, meeting.ATTENDANCE_CHOICES),
    (labels.SHOWN_AS_LABELS, meeting.SHOWN_AS_CHOICES),
    (labels.RELATION_LABELS, family_network.RELATION_CHOICES),
    (labels.SIDE_LABELS, family_network.SIDE_CHOICES),
    (labels.CONTACT_LABELS, family_network.CONTACT_CHOICES),
    (labels.BOND_LABELS, family_network.BOND_CHOICES),
    (labels.FOUND_THROUGH_LABELS, family_network.FOUND_THROUGH_CHOICES),
    (labels.FGDM_ANSWER_LABELS, legal_records.FGDM_ANSWER_CHOICES),
    (labels.ICWA_ANSWER_LABELS, legal_records.ICWA_ANSWER_CHOICES),
]


@pytest.mark.parametrize(("words", "values"), PAIRS, ids=[str(values[0]) for _, values in PAIRS])
def test_each_value_has_words_in_the_order_of_its_choices(
    words: dict[str, str], values: tuple[str, ...]
) -> None:
    assert tuple(words) == values
    assert all(text.strip() for text in words.values())

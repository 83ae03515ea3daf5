"""Every value the risk screen and the conference record can hold has words for people, in the same order."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain import conference, labels, risks

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
]


@pytest.mark.parametrize(("words", "values"), PAIRS, ids=[str(values[0]) for _, values in PAIRS])
def test_each_value_has_words_in_the_order_of_its_choices(
    words: dict[str, str], values: tuple[str, ...]
) -> None:
    assert tuple(words) == values
    assert all(text.strip() for text in words.values())

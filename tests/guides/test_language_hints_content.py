"""The bundled language hints: accurate alternatives, no false positives, the areas they used to miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.language import LanguageMatcher
from sdm_facilitator.guides.loader import load_language_hints, load_library
from sdm_facilitator.paths import bundled_guides_dir

FIXTURES = Path(__file__).parent / "fixtures" / "record_and_terms"
HINTS = load_library(None).language_hints
MATCHER = LanguageMatcher(HINTS)


def by_phrase(phrase: str) -> LanguageHint:
    return next(h for h in HINTS if h.phrase == phrase)


# Real phrases that mean something else: each must give no hint at all.
FALSE_POSITIVES = [
    "The DNA test came back negative.",
    "The court made a placement order in June.",
    "She is on a student placement with the team.",
    "The early intervention team visited.",
    "Mum has treatment-resistant depression.",
    "The threshold document was filed with the court.",
    "The hostile environment policy affected the family's housing.",
    "The multi-agency safeguarding arrangements for the area were published.",
    "The multi-agency risk assessment conference met on Tuesday.",
    "There is a ramp to the disabled toilet.",
]


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_phrases_that_mean_something_else_give_no_hint(text: str) -> None:
    assert [m.text for m in MATCHER.find(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dad DNAed the appointment.", "DNAed"),
        ("The placement ended in May.", "placement"),
        ("She was hostile on the phone.", "hostile"),
        ("We will arrange an intervention.", "intervention"),
        ("Mum was resistant to the idea.", "resistant"),
        ("The case meets the threshold.", "threshold"),
        ("A multi-agency meeting was held.", "multi-agency"),
    ],
)
def test_the_same_words_still_give_a_hint_elsewhere(text: str, expected: str) -> None:
    assert [m.text for m in MATCHER.find(text)] == [expected]


def test_alternatives_do_not_assert_what_the_writer_may_not_know() -> None:
    assert "person in recovery" not in by_phrase("addict").alternatives
    dna = by_phrase("DNA")
    assert "was not able to come" not in dna.alternatives
    assert any("was not brought" in a for a in dna.alternatives)  # a child is brought, or not
    colluding = " ".join(by_phrase("colluding").alternatives)
    assert "wants to protect" not in colluding and "finds it hard to believe" not in colluding
    capacity = " ".join(by_phrase("lacks capacity").alternatives)
    assert "which decision" in capacity and "assessment" in capacity


NEW_AREAS = {
    "He was used as a drug runner.": "drug runner",
    "She is putting herself at risk.": "putting herself at risk",
    "Police called her a child prostitute.": "child prostitute",
    "It seemed a lifestyle choice.": "lifestyle choice",
    "She stays with her older boyfriend.": "older boyfriend",
    "They have a volatile relationship.": "volatile relationship",
    "It was mutual violence.": "mutual violence",
    "Mum allowed him back last week.": "allowed him back",
    "After the placement breakdown he moved.": "placement breakdown",
    "She lives in a residential unit.": "residential unit",
    "The sibling group was split.": "sibling group",
    "He was removed into care in 2022.": "removed into care",
    "He is ageing out next year.": "ageing out",
    "Support for care leavers.": "care leavers",
    "Letterbox contact twice a year.": "Letterbox contact",
    "He is wheelchair-bound.": "wheelchair-bound",
    "She suffers from epilepsy.": "suffers from",
    "Jay is non-verbal.": "non-verbal",
    "Dad is an illegal immigrant.": "illegal immigrant",
    "Referred to the MASH.": "MASH",
    "Discussed at MARAC.": "MARAC",
}


@pytest.mark.parametrize(("text", "expected"), sorted(NEW_AREAS.items()))
def test_hints_cover_exploitation_abuse_care_disability_migration_and_acronyms(
    text: str, expected: str
) -> None:
    assert [m.text for m in MATCHER.find(text)] == [expected]


def test_there_are_at_least_105_hints_each_with_an_alternative_and_a_reason() -> None:
    hints, problems = load_language_hints(bundled_guides_dir() / "language.toml")
    assert problems == []
    assert len(hints) >= 105  # 65 before the exploitation, abuse, care, disability and migration hints
    for h in hints:
        assert h.alternatives and all(a.strip() for a in h.alternatives), h.phrase
        assert h.why.strip() and len(h.why) <= 120, h.phrase


def test_a_not_matching_phrase_that_cannot_contain_the_hint_is_reported() -> None:
    hints, problems = load_language_hints(FIXTURES / "language_not_matching_unrelated.toml")
    assert hints == ()
    assert [str(p) for p in problems] == [
        "language_not_matching_unrelated.toml:7: hints[1].not_matching[2]: 'blood test' does not contain "
        "'DNA' or any of its variants, so it can never stop a match",
    ]


def test_a_not_matching_phrase_equal_to_the_hint_is_reported() -> None:
    hints, problems = load_language_hints(FIXTURES / "language_not_matching_itself.toml")
    assert hints == ()
    assert [str(p) for p in problems] == [
        "language_not_matching_itself.toml:8: hints[1].not_matching[1]: 'Hostility' is the hint's own phrase; "
        "it would hide every match",
    ]

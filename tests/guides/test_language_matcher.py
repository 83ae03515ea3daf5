"""The language matcher: whole words, simple endings, longest phrase wins, fast."""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.language import (
    PARAGRAPH_BREAK,
    HintMatch,
    LanguageMatcher,
    ParagraphFinder,
    line_col,
)
from sdm_facilitator.domain.risks import RISK_KINDS
from sdm_facilitator.guides.loader import load_library
from support.hypothesis_budget import examples


def hint(phrase: str, *variants: str, category: str = "blaming") -> LanguageHint:
    return LanguageHint(
        phrase=phrase,
        alternatives=(f"instead of {phrase}",),
        why="because",
        category=category,
        variants=tuple(variants),
    )


@pytest.fixture(scope="module")
def bundled() -> LanguageMatcher:
    return LanguageMatcher(load_library(None).language_hints)


def found(matcher: LanguageMatcher, text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.hint.phrase) for m in matcher.find(text)]


def test_reports_position_text_and_hint() -> None:
    failed = hint("failed to engage")
    matcher = LanguageMatcher([failed])
    matches = matcher.find("Mum failed to engage with the plan.")
    assert matches == [HintMatch(4, 20, "failed to engage", failed)]


def test_case_does_not_matter_for_words() -> None:
    matcher = LanguageMatcher([hint("failed to engage")])
    assert found(matcher, "FAILED TO ENGAGE. Failed To Engage") == [
        (0, 16, "FAILED TO ENGAGE", "failed to engage"),
        (18, 34, "Failed To Engage", "failed to engage"),
    ]


def test_acronyms_match_only_in_capitals() -> None:
    matcher = LanguageMatcher([hint("LAC", "CIN plan", category="jargon")])
    assert found(matcher, "LAC review; shellac; a lac; LACs; the CIN plan; cin plan") == [
        (0, 3, "LAC", "LAC"),
        (28, 32, "LACs", "LAC"),
        (38, 46, "CIN plan", "LAC"),
    ]


def test_whole_words_only() -> None:
    matcher = LanguageMatcher([hint("placement"), hint("contact session")])
    assert found(matcher, "replacement displacements contactless placement") == [
        (38, 47, "placement", "placement")
    ]
    assert found(matcher, "contact sessionsx contact sessions") == [
        (18, 34, "contact sessions", "contact session")
    ]


def test_hyphens_and_spaces_are_the_same() -> None:
    matcher = LanguageMatcher([hint("non-compliant"), hint("hard to reach")])
    text = "non compliant, non-compliant, non\u2011compliant, hard-to-reach, hard to\nreach, noncompliant"
    assert [m.text for m in matcher.find(text)] == [
        "non compliant",
        "non-compliant",
        "non\u2011compliant",
        "hard-to-reach",
        "hard to\nreach",
    ]


def test_simple_inflections() -> None:
    matcher = LanguageMatcher([hint("engage"), hint("family"), hint("absent father"), hint("abscond")])
    text = "engages engaged engaging engagement families familys absent fathers absent fathered absconding"
    assert [m.text for m in matcher.find(text)] == [
        "engages",
        "engaged",
        "engaging",
        "families",
        "absent fathers",
        "absconding",
    ]


def test_irregular_forms_come_from_variants() -> None:
    matcher = LanguageMatcher([hint("non-compliant", "non-compliance")])
    assert [m.text for m in matcher.find("Non-compliance was noted.")] == ["Non-compliance"]


def test_longest_phrase_wins_where_two_start_together() -> None:
    chaotic = hint("chaotic")
    lifestyle = hint("chaotic lifestyle")
    matcher = LanguageMatcher([chaotic, lifestyle])
    assert found(matcher, "a chaotic lifestyle and a chaotic week") == [
        (2, 19, "chaotic lifestyle", "chaotic lifestyle"),
        (26, 33, "chaotic", "chaotic"),
    ]


def test_matches_never_overlap() -> None:
    matcher = LanguageMatcher([hint("hard to reach"), hint("reach families")])
    assert found(matcher, "hard to reach families, reach families") == [
        (0, 13, "hard to reach", "hard to reach"),
        (24, 38, "reach families", "reach families"),
    ]


def test_punctuation_around_phrases() -> None:
    matcher = LanguageMatcher([hint("failed to engage"), hint("LAC", category="jargon")])
    text = '("failed to engage"), \u201cLAC\u201d. LAC\'s plan; [LAC]! failed to engage?'
    assert [m.text for m in matcher.find(text)] == [
        "failed to engage",
        "LAC",
        "LAC",
        "LAC",
        "failed to engage",
    ]


def test_curly_and_straight_apostrophes_are_the_same() -> None:
    matcher = LanguageMatcher([hint("children's services")])
    assert [m.text for m in matcher.find("children’s services and children's services")] == [
        "children’s services",
        "children's services",
    ]


def test_regex_characters_in_phrases_are_literal(bundled: LanguageMatcher) -> None:
    assert [m.text for m in bundled.find("an s.47 enquiry, not sx47 or s447")] == ["s.47"]


def test_first_hint_wins_when_two_share_a_phrase() -> None:
    first, second = hint("chaotic"), hint("Chaotic")
    matcher = LanguageMatcher([first, second])
    assert matcher.find("chaotic")[0].hint is first


def test_empty_inputs() -> None:
    assert LanguageMatcher([]).find("anything at all") == []
    assert not LanguageMatcher([])
    assert LanguageMatcher([hint("x y")]).find("") == []


def test_bundled_hints_catch_the_issue_examples(bundled: LanguageMatcher) -> None:
    text = (
        "Mum was non-compliant and failed to engage. The family are hard to reach.\n"
        "LAC review next week; supervised contact moved to Tuesday. Contactless card."
    )
    assert [(m.text, m.hint.category) for m in bundled.find(text)] == [
        ("non-compliant", "blaming"),
        ("failed to engage", "blaming"),
        ("hard to reach", "excluding"),
        ("LAC", "jargon"),
        ("supervised contact", "jargon"),
    ]


def test_line_and_column() -> None:
    text = "first line\nsecond failed to engage"
    match = LanguageMatcher([hint("failed to engage")]).find(text)[0]
    assert line_col(text, match.start) == (2, 8)
    assert line_col(text, 0) == (1, 1)


def test_a_long_note_is_checked_quickly(bundled: LanguageMatcher) -> None:
    """A very generous sanity bound; bench/bench_language.py gives real figures."""
    note = " ".join(["we met the family and the children were well today"] * 1000 + ["failed to engage"] * 10)
    assert len(note.split()) >= 10_000
    started = time.perf_counter()
    matches = bundled.find(note)
    elapsed = time.perf_counter() - started
    assert len(matches) == 10
    assert elapsed < 1.0


@functools.cache
def bundled_matcher() -> LanguageMatcher:
    return LanguageMatcher(load_library(None).language_hints)


WORDS = st.sampled_from(
    [
        "the",
        "family",
        "failed",
        "to",
        "engage",
        "LAC",
        "lac",
        "non",
        "compliant",
        "-",
        "hard",
        "reach",
        "contact",
        "session",
        "chaotic",
        "lifestyle",
        "é",
        "\u2019s",
        ".",
        "\n",
        "placement",
    ]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=40), seps=st.lists(st.sampled_from([" ", "", "  ", "-"]), max_size=40))
def test_matches_are_sorted_non_overlapping_and_exact(words: list[str], seps: list[str]) -> None:
    matcher = bundled_matcher()
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    previous_end = 0
    for match in matcher.find(text):
        assert match.start >= previous_end
        assert match.end > match.start
        assert text[match.start : match.end] == match.text
        assert match.start == 0 or not text[match.start - 1].isalnum()
        assert match.end == len(text) or not (text[match.end].isalnum() or text[match.end] == "_")
        previous_end = match.end


def test_every_bundled_phrase_and_variant_is_found_as_written(bundled: LanguageMatcher) -> None:
    """Each form as written (a "*" filled with two words), in a meeting where every risk kind is screened."""
    for language_hint in bundled.hints:
        for form in (language_hint.phrase, *language_hint.variants):
            written = form.replace(" * ", " her partner ")
            text = f"Note: {written}, end."
            matches = bundled.find(text, RISK_KINDS)
            assert [(m.text, m.hint) for m in matches] == [(written, language_hint)], form


def test_inflections_survive_grouping_of_many_similar_phrases() -> None:
    """With many phrases sharing first letters, an ending that changes the last letter still matches."""
    hints = [
        LanguageHint(p, ("x",), "why", "jargon") for p in ("use", "user group", "useless", "usual", "usurp")
    ]
    found = [m.text for m in LanguageMatcher(hints).find("using it, users, used, usual")]
    assert found == ["using", "users", "used", "usual"]


def test_lint_positions_come_from_one_pass_over_the_text() -> None:
    """200,000 repeated words: every match's line and column without rescanning the text."""
    import time

    from sdm_facilitator.domain.language import LinePositions

    text = "word hard to reach\n" * 50_000
    offsets = [i * 19 + 5 for i in range(50_000)]
    started = time.process_time()
    positions = LinePositions(text)
    found = [positions.at(offset) for offset in offsets]
    assert time.process_time() - started < 1.0
    assert found[0] == (1, 6) and found[-1] == (50_000, 6)
    assert found == [line_col(text, offset) for offset in offsets[:50]] + found[50:]


_PIECES = st.sampled_from(
    [
        "we met the family",
        "failed to engage",
        "non-compliant",
        "hard to reach",
        "LAC",
        "mum said",
        " ",
        "\n",
        "\n\n",
        "the mother",
        "chaotic lifestyle",
        ".",
        "supervised contact",
        "x",
    ]
)


@settings(max_examples=examples(80), deadline=None)
@given(
    first=st.lists(_PIECES, max_size=30), edits=st.lists(st.tuples(st.integers(0, 40), _PIECES), max_size=5)
)
def test_paragraph_finder_finds_what_the_matcher_finds_as_text_is_edited(
    first: list[str], edits: list[tuple[int, str]]
) -> None:
    """Edit after edit, scanning only changed paragraphs gives the whole scan's matches (none spans a blank line)."""
    matcher = LanguageMatcher(load_library(None).language_hints)
    finder = ParagraphFinder(matcher)
    text = "".join(first)
    for position, piece in [(0, ""), *edits]:
        at = min(position, len(text))
        text = text[:at] + piece + text[at:]
        expected = [m for m in matcher.find(text) if PARAGRAPH_BREAK not in m.text]
        assert finder.find(text) == expected

"""People's own quoted words are never flagged by language hints; the writer's own words still are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.language import LanguageMatcher
from sdm_facilitator.domain.quoted_words import _SENTENCE_END, SENTENCE_REACH, QuotedWords, sentence_bounds
from sdm_facilitator.domain.risks import RISK_KINDS
from support.guide_library import bundled_library

HINTS = bundled_library().language_hints
MATCHER = LanguageMatcher(HINTS)
EVERY_RISK = frozenset(RISK_KINDS)


def flagged(text: str) -> list[str]:
    return [m.text for m in MATCHER.find(text, EVERY_RISK)]


@pytest.mark.parametrize(
    "text",
    [
        'Mia said "I hate it when they shout and dad kicks off".',
        "Mia said 'I hate it when they shout and dad kicks off'.",
        "Mia said “I hate it when they shout and dad kicks off”.",
        "Mia said ‘I hate it when they shout and dad kicks off’.",
        "Mia said «I hate it when they shout and dad kicks off».",
        'Mia: "dad kicks off and it was only verbal"',
        "“Things just get heated sometimes,” Kerry said, “but he loves the kids.”",
        "In Jodie's words, “it was a toxic relationship from day one”.",
        'Kerry said "It stopped. He has anger issues but he is trying." ',
        "Mum said “he told me ‘you provoked me’ and I believed him”.",
        "Mum said \"he told me 'you provoked me' and I believed him\".",
        'Callum texted his worker "cant come today things kicked off at home".',
        "Mr Hollins told the police 'she provoked me, she knows what buttons to press'.",
    ],
)
def test_attributed_quotes_are_left_alone(text: str) -> None:
    assert flagged(text) == []


def test_nested_quote_leaves_the_words_after_the_outer_quote_checked() -> None:
    text = "Mum said “he told me ‘you provoked me’ and I believed him” but the relationship is volatile."
    assert flagged(text) == ["volatile"]


def test_an_unclosed_quote_runs_to_the_end_of_its_sentence() -> None:
    assert flagged('Jay said "dad kicks off when he drinks. Mum has anger issues.') == ["anger issues"]
    assert flagged("Mia said 'I hate it when they shout and dad kicks off") == []


def test_a_blank_line_ends_a_quote() -> None:
    assert flagged('Mia said "dad kicks off\n\nDad has anger issues.') == ["anger issues"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('There was a "domestic incident" on Saturday.', ["domestic incident"]),
        ("The couple's 'volatile' relationship has continued.", ["volatile"]),
        ("Kerry's partner's anger issues are the worry.", ["anger issues"]),
        ('Mia said "I hate it when they shout"; the relationship remains volatile.', ["volatile"]),
    ],
)
def test_scare_quotes_apostrophes_and_words_outside_a_quote_are_still_checked(
    text: str, words: list[str]
) -> None:
    assert flagged(text) == words


def test_covers_reports_overlap_with_any_quoted_span() -> None:
    text = 'A. Mia said "one two". Dad said "three".'
    quoted = QuotedWords(text)
    assert [text[s:e] for s, e in quoted.spans] == ['"one two"', '"three"']
    first = text.index("one")
    assert quoted.covers(first, first + 3)
    assert quoted.covers(text.index("said"), text.index("one"))  # ends inside a quote
    assert not quoted.covers(0, 1)
    assert not quoted.covers(text.index("Dad"), text.index("Dad") + 3)


# ------------------------------------------------------------------ property: quoted words are never flagged

PHRASES = sorted({form.replace(" * ", " her partner ") for h in HINTS for form in (h.phrase, *h.variants)})
WORDS = [
    "I",
    "hate",
    "it",
    "when",
    "they",
    "shout",
    "don't",
    "it's",
    "Kerry's",
    "mum",
    "and",
    "he",
    "said",
    "me",
]
PUNCTUATION = [",", ".", "!", "?", ";"]
PAIRS = [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("«", "»")]
NESTED = {'"': ("'", "'"), "“": ("‘", "’"), "'": ('"', '"'), "‘": ("“", "”"), "«": ("“", "”")}
SPEAKERS = ["Mia", "Mum", "Dad", "Kerry (34)", "Jayden, 8,", "Grandma Sue", "PC Jones"]
VERBS = ["said", "says", "told me", "told the police", "wrote", "asked", "explained", "texted her worker"]

inner_words = st.lists(
    st.sampled_from(PHRASES + WORDS) | st.sampled_from(PUNCTUATION), min_size=1, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    speaker=st.sampled_from(SPEAKERS),
    verb=st.sampled_from(VERBS),
    pair=st.sampled_from(PAIRS),
    words=inner_words,
    nested=st.none() | inner_words,
    shape=st.sampled_from(["before", "after", "colon"]),
)
def test_text_inside_an_attributed_quotation_is_never_flagged(
    speaker: str, verb: str, pair: tuple[str, str], words: list[str], nested: list[str] | None, shape: str
) -> None:
    opening, closing = pair
    inner = " ".join(words)
    if nested is not None:
        inner_open, inner_close = NESTED[opening]
        inner = f"{inner} {inner_open}{' '.join(nested)}{inner_close} {inner}"
    quote = f"{opening}{inner}{closing}"
    tail = " and the relationship is volatile."
    if shape == "before":
        text = f"{speaker} {verb} {quote}{tail}"
    elif shape == "after":
        text = f"{quote} {speaker} {verb}{tail}"
    else:
        text = f"{speaker}: {quote}{tail}"
    start = text.index(quote)
    end = start + len(quote)
    matches = MATCHER.find(text, EVERY_RISK)
    assert [m.text for m in matches if m.start < end and m.end > start] == []
    # The writer's own words after the quote are still checked.
    assert matches and matches[-1].text == "volatile"


# ------------------------------------------------------------------ sentences, found backwards as forwards


def _forward_sentence_start(text: str, start: int) -> int:
    low = max(0, start - SENTENCE_REACH)
    begin = low
    for found in _SENTENCE_END.finditer(text, low):
        if found.end() <= start:
            begin = found.end()
    return begin


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab .!?\n\"')”’", max_size=40), st.data())
def test_sentence_start_searched_backwards_matches_a_forward_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert sentence_bounds(text, start, start)[0] == _forward_sentence_start(text, start)


def test_sentence_bounds_stop_at_sentence_ends_and_line_breaks() -> None:
    text = "One. Two has a word! Three\nFour"
    word = text.index("word")
    assert text[slice(*sentence_bounds(text, word, word + 4))].strip() == "Two has a word!"
    four = text.index("Four")
    assert sentence_bounds(text, four, four + 4) == (four, len(text))
    three = text.index("Three")
    assert text[slice(*sentence_bounds(text, three, three))] == " Three\n"

"""Hints on minimising and victim-blaming words about abuse (issue 23): each hint, each exception, the context rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.language import LanguageMatcher, ParagraphFinder, risk_context
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.guides.loader import load_language_hints, load_library

HINTS = load_library(None).language_hints
MATCHER = LanguageMatcher(HINTS)
DA = frozenset({"domestic-abuse"})


def found(text: str, risks: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(words matched, phrase of the hint) for each hint in ``text``."""
    return [(m.text, m.hint.phrase) for m in MATCHER.find(text, risks)]


# Each new hint: a sentence it flags (words, hint) and a close sentence it leaves alone.
FLAGGED = [
    ("Mum has let her partner back into the home.", "let her partner back", "allowed him back"),
    ("She lets dad back in whenever he turns up.", "lets dad back", "allowed him back"),
    ("Ms Nowak allowed Bartosz to stay over at Christmas.", "allowed Bartosz to stay", "allowed him to stay"),
    ("Police attended; it was verbal only.", "verbal only", "verbal only"),
    ("Dad says it was only verbal.", "only verbal", "verbal only"),
    ("Dad has anger issues.", "anger issues", "anger issues"),
    ("He has a short fuse.", "short fuse", "anger issues"),
    ("Home life is volatile.", "volatile", "volatile"),
    ("Things get heated when he drinks.", "get heated", "got heated"),
    ("The children were exposed to DV.", "exposed to DV", "exposed to domestic abuse"),
    (
        "Amira's exposure to domestic violence has affected her sleep.",
        "exposure to domestic violence",
        "exposed to domestic abuse",
    ),
    ("Kerry chose to go back to him.", "chose to go back", "chose to stay"),
    ("Mark was kicking off in the street.", "kicking off", "kicking off"),
    ("There was a domestic incident on Friday.", "domestic incident", "domestic dispute"),
    ("Police attended a domestic at 2am.", "attended a domestic", "domestic dispute"),
    ("They have a toxic relationship.", "toxic relationship", "volatile relationship"),
    ("They have a fiery relationship.", "fiery relationship", "volatile relationship"),
    ("Dad lost his temper and threw the remote.", "lost his temper", "lost his temper"),
    ("He says she provoked him.", "she provoked", "provoked him"),
    ("Mum failed to protect the children.", "failed to protect", "failure to protect"),
    ("It was described as low-level domestic abuse.", "low-level domestic abuse", "low-level domestic abuse"),
    ("Dad says it was just a push.", "just a push", "just a push"),
    ("Mum has a history of poor choices in partners.", "poor choices in partners", "poor choice of partners"),
    ("Both say the assault was a one-off.", "was a one-off", "was a one-off"),
    ("There was an altercation in the garden.", "altercation", "altercation"),
]
CLOSE_BUT_CLEAN = [
    "The school let her back into class after lunch.",
    "The school allowed him to sit his exams in a separate room.",
    "Mum gave verbal consent for us to speak to the GP.",
    "Dad is attending a domestic abuse perpetrator programme.",
    "Leon uses volatile substances and was found with lighter gas.",
    "The flat was not heated over Christmas.",
    "Dad is often exposed to fumes at work.",
    "Kerry went back to live with Mark in October.",
    "The match kicks off at 10 and grandad takes him.",
    "The meeting will kick off with introductions.",
    "Ms Hussain's sister is a domestic cleaner.",
    "Mark has agreed to attend a course about the harm he has caused.",
    "Tyler has missed school three days in a row.",
    "Mum is fighting for the children to come home.",
]


@pytest.mark.parametrize(("text", "words", "phrase"), FLAGGED)
def test_each_minimising_phrase_is_caught(text: str, words: str, phrase: str) -> None:
    assert found(text) == [(words, phrase)]


@pytest.mark.parametrize("text", CLOSE_BUT_CLEAN)
def test_close_sentences_about_other_things_are_left_alone(text: str) -> None:
    assert found(text, DA) == []


# Fixed expressions where the word means something else.
FIXED_EXPRESSIONS = [
    "Grandma is a student nurse and her placement ends in June.",
    "Kerry starts her placement at college in September.",
    "Fatima is a student social worker on placement with the team.",
    "Precious and her baby are at the mother and baby unit.",
    "The mother and baby foster home has a space.",
    "The family were accommodated in temporary housing after the fire.",
    "Zofia and her mum were accommodated in a B&B by the housing team.",
    "Ms Okafor is worried about the hostile environment policy.",
]


@pytest.mark.parametrize("text", FIXED_EXPRESSIONS)
def test_fixed_expressions_are_not_flagged(text: str) -> None:
    assert found(text, DA) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Brooke's placement is going well.", "placement"),
        ("The mother was seen at home.", "The mother"),
        ("Jayden was accommodated in 2021.", "was accommodated"),
        ("Dad was hostile towards the worker.", "hostile"),
    ],
)
def test_the_same_words_outside_the_fixed_expressions_are_still_flagged(text: str, words: str) -> None:
    assert [w for w, _ in found(text)] == [words]


# ------------------------------------------------------------------ context: the risk screen, words nearby


def test_argument_is_flagged_only_where_domestic_abuse_is_screened_or_the_sentence_is_about_violence() -> (
    None
):
    text = "The couple continue to have arguments about money."
    assert found(text) == []
    assert found(text, frozenset({"substance-misuse"})) == []
    assert found(text, DA) == [("arguments", "argument")]
    near = "Police were called after an argument between the couple."
    assert found(near) == [("argument", "argument")]


def test_a_violent_word_in_the_next_sentence_does_not_count() -> None:
    assert found("Jayden had an argument with a boy in class. Police visited the school about parking.") == []


def test_argument_forms_and_a_common_misspelling() -> None:
    text = "They argued. Arguing again. An arguement. They had a row. A fight."
    assert [w for w, _ in found(text, DA)] == ["argued", "Arguing", "arguement", "had a row", "fight"]


def test_risk_context_takes_present_and_not_known_kinds_only() -> None:
    risks = [
        Risk(kind="domestic-abuse", status="not-known"),
        Risk(kind="substance-misuse", status="present"),
        Risk(kind="sexual-abuse", status="not-present"),
    ]
    assert risk_context(risks) == frozenset({"domestic-abuse", "substance-misuse"})
    assert found("They argue most nights.", risk_context(risks)) == [("argue", "argument")]
    assert (
        found("They argue most nights.", risk_context([Risk(kind="domestic-abuse", status="not-present")]))
        == []
    )


def test_paragraph_finder_checks_again_when_the_risk_screen_changes() -> None:
    finder = ParagraphFinder(MATCHER)
    text = "They argue most nights.\n\nThe children are asleep by eight."
    assert finder.find(text) == []
    assert [m.text for m in finder.find(text, DA)] == ["argue"]
    assert finder.find(text) == []


def test_not_near_drops_a_match_only_in_the_same_sentence() -> None:
    assert found("Grandma is a student nurse. Brooke's placement is going well.") == [
        ("placement", "placement")
    ]


def test_a_gap_stands_for_one_to_three_words_and_never_crosses_a_sentence() -> None:
    assert [w for w, _ in found("Mum let her new partner back in.")] == ["let her new partner back"]
    assert found("Mum let us know. He came back later.") == []
    assert found("Mum let one two three four back in.") == []


# ------------------------------------------------------------------ the hints file: bad new keys


def load(tmp_path: Path, body: str) -> tuple[tuple[LanguageHint, ...], list[str]]:
    path = tmp_path / "language.toml"
    path.write_text(
        '[[hints]]\nphrase = "argument"\ncategory = "blaming"\nalternatives = ["say what happened"]\nwhy = "Hides who did what."\n'
        + body,
        encoding="utf-8",
    )
    hints, problems = load_language_hints(path)
    return hints, [str(p) for p in problems]


def test_context_keys_load(tmp_path: Path) -> None:
    hints, problems = load(
        tmp_path, 'when_risk = ["domestic-abuse"]\nwhen_near = ["police"]\nnot_near = ["teacher"]\n'
    )
    assert problems == []
    assert (hints[0].when_risk, hints[0].when_near, hints[0].not_near) == (
        ("domestic-abuse",),
        ("police",),
        ("teacher",),
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            'when_risk = ["domestic-violence"]\n',
            "language.toml:6: hints[1].when_risk[1]: unknown risk kind 'domestic-violence'",
        ),
        (
            'when_risk = "domestic-abuse"\n',
            "language.toml:6: hints[1].when_risk: expected a list of risk-screen kinds",
        ),
        ("when_near = [1]\n", "language.toml:6: hints[1].when_near[1]:"),
        (
            'when_near = ["arguments"]\n',
            "language.toml:6: hints[1].when_near[1]: 'arguments' is the hint's own phrase, so the hint would always apply",
        ),
        (
            'not_near = ["Argument"]\n',
            "language.toml:6: hints[1].not_near[1]: 'Argument' is the hint's own phrase, so it would hide every match",
        ),
        (
            'when_near = ["police"]\nnot_near = ["Police"]\n',
            "language.toml:7: hints[1].not_near[1]: 'Police' is also in when_near; it cannot both make the hint apply and stop it",
        ),
        (
            'variants = ["* argument"]\n',
            "language.toml:6: hints[1].variants[1]: '* argument': a '*' stands for words between two others; "
            "it cannot start or end a phrase",
        ),
        (
            'variants = ["argument *"]\n',
            "language.toml:6: hints[1].variants[1]: 'argument *': a '*' stands for words between two others; "
            "it cannot start or end a phrase",
        ),
        (
            'variants = ["had * * argument"]\n',
            "language.toml:6: hints[1].variants[1]: 'had * * argument': one '*' already stands for up to three words; "
            "write it once",
        ),
    ],
)
def test_bad_context_keys_are_reported_with_file_key_and_problem(
    tmp_path: Path, body: str, problem: str
) -> None:
    hints, problems = load(tmp_path, body)
    assert hints == ()
    assert len(problems) == 1
    assert problems[0].startswith(problem), problems[0]

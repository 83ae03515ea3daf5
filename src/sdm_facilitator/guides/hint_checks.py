"""Checks for a language hint's added keys: ``not_matching``, ``when_risk``, ``when_near``, ``not_near``, and "*".

A hint may list longer phrases it must not match ("DNA test" for "DNA").
Such a phrase only makes sense if it contains the hint's phrase or one of its
variants; otherwise it can never hide a match, which is almost certainly a
typing mistake. The context keys say when a hint applies ("argument" only
where domestic abuse is on the risk screen, or "police" is in the sentence)
and when a word means something else ("placement" near "student"); a word
that the hint's own phrase contains would make them always or never true, so
it is reported. Kept apart from ``validate`` so the core checks and this can
change independently.
"""

from __future__ import annotations

import re
from typing import Any

from sdm_facilitator.domain.language import GAP, LanguageMatcher
from sdm_facilitator.domain.risks import RISK_KINDS
from sdm_facilitator.guides.check_types import FieldFactory, KeyPath, ProblemSink


def _words(text: str) -> str:
    return " ".join(re.split(r"[\s\-]+", text.strip().lower()))


def extra_hint_fields(field: FieldFactory) -> dict[str, Any]:
    """The optional context keys of a [[hints]] table, in the core checker's terms."""
    return {
        "when_risk": field(
            "choices",
            required=False,
            expect="a list of risk-screen kinds",
            choices=RISK_KINDS,
            noun="risk kind",
        ),
        "when_near": field(
            "texts",
            required=False,
            expect="a list of words in quotes; one of them in the same sentence makes the hint apply",
        ),
        "not_near": field(
            "texts",
            required=False,
            expect="a list of words in quotes; one of them in the same sentence means another sense",
        ),
    }


def _plain_matcher(hint: dict[str, Any]) -> LanguageMatcher:
    """The hint's phrase and variants alone, without exclusions or context."""
    from sdm_facilitator.domain.guide import LanguageHint

    return LanguageMatcher(
        [LanguageHint(hint["phrase"], ("-",), "-", hint["category"], tuple(hint.get("variants", ())))]
    )


def _check_gaps(checker: ProblemSink, hint: dict[str, Any], path: KeyPath) -> None:
    """A "*" stands for words between two others: never first, last, or twice in a row."""
    forms: list[tuple[KeyPath, str]] = [(path + ("phrase",), hint["phrase"])]
    forms += [(path + ("variants", i), v) for i, v in enumerate(hint.get("variants", ()))]
    forms += [(path + ("not_matching", i), v) for i, v in enumerate(hint.get("not_matching", ()))]
    for where, form in forms:
        words = _words(form).split()
        if GAP not in words:
            continue
        if words[0] == GAP or words[-1] == GAP:
            checker.add(
                where, f"'{form}': a '*' stands for words between two others; it cannot start or end a phrase"
            )
        elif any(a == GAP and b == GAP for a, b in zip(words, words[1:], strict=False)):
            checker.add(where, f"'{form}': one '*' already stands for up to three words; write it once")


def _check_context_words(checker: ProblemSink, hint: dict[str, Any], path: KeyPath) -> None:
    plain = _plain_matcher(hint)
    near = hint.get("when_near", ())
    for key, words, effect in (
        ("when_near", near, "the hint would always apply"),
        ("not_near", hint.get("not_near", ()), "it would hide every match"),
    ):
        for index, word in enumerate(words):
            if any(m.start == 0 and m.end == len(word.strip()) for m in plain.find(word.strip())):
                checker.add(path + (key, index), f"'{word}' is the hint's own phrase, so {effect}")
    both = {_words(w) for w in near} & {_words(w) for w in hint.get("not_near", ())}
    for index, word in enumerate(hint.get("not_near", ())):
        if _words(word) in both:
            checker.add(
                path + ("not_near", index),
                f"'{word}' is also in when_near; it cannot both make the hint apply and stop it",
            )


def hint_extras(checker: ProblemSink, hint: dict[str, Any], path: KeyPath) -> dict[str, Any]:
    """Check the keys above (and "*" in phrases) and return them as :class:`LanguageHint` keyword arguments.

    Problems are added to ``checker``; the caller sees them by counting.
    """
    _check_gaps(checker, hint, path)
    _check_context_words(checker, hint, path)
    return {
        "when_risk": tuple(hint.get("when_risk", ())),
        "when_near": tuple(hint.get("when_near", ())),
        "not_near": tuple(hint.get("not_near", ())),
    }


def check_not_matching(checker: ProblemSink, hint: dict[str, Any], path: KeyPath) -> None:
    """Report each ``not_matching`` phrase the hint itself would never match inside."""
    excluded = hint.get("not_matching", ())
    if not excluded:
        return
    plain = _plain_matcher(hint)
    for index, phrase in enumerate(excluded):
        if not plain.find(phrase):
            checker.add(
                path + ("not_matching", index),
                f"'{phrase}' does not contain '{hint['phrase']}' or any of its variants, "
                "so it can never stop a match",
            )
        elif _words(phrase) in {_words(hint["phrase"]), *map(_words, hint.get("variants", ()))}:
            checker.add(
                path + ("not_matching", index),
                f"'{phrase}' is the hint's own phrase; it would hide every match",
            )

"""Checks for a language hint's ``not_matching`` phrases.

A hint may list longer phrases it must not match ("DNA test" for "DNA").
Such a phrase only makes sense if it contains the hint's phrase or one of its
variants; otherwise it can never hide a match, which is almost certainly a
typing mistake. Kept apart from ``validate`` so the core checks and this can
change independently.
"""

from __future__ import annotations

import re
from typing import Any

from sdm_facilitator.domain.language import LanguageMatcher
from sdm_facilitator.guides.check_types import KeyPath, ProblemSink


def _words(text: str) -> str:
    return " ".join(re.split(r"[\s\-]+", text.strip().lower()))


def check_not_matching(checker: ProblemSink, hint: dict[str, Any], path: KeyPath) -> None:
    """Report each ``not_matching`` phrase the hint itself would never match inside."""
    from sdm_facilitator.domain.guide import LanguageHint

    excluded = hint.get("not_matching", ())
    if not excluded:
        return
    plain = LanguageMatcher(
        [LanguageHint(hint["phrase"], ("-",), "-", hint["category"], tuple(hint.get("variants", ())))]
    )
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

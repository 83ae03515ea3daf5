"""How fast the language matcher checks a long note.

Run: ``python bench/bench_language.py`` (with the package importable, e.g.
``PYTHONPATH=src``). The goal from issue 3 is a 10,000-word note in under
20 ms, so the hints can run as someone types. This prints figures; it is not
a pass/fail test.
"""

from __future__ import annotations

import random
import statistics
import time

from sdm_facilitator.domain.language import LanguageMatcher
from sdm_facilitator.guides.loader import load_library

# Ordinary case-note words, with a few phrases the hints should catch.
_WORDS = [
    "we",
    "met",
    "with",
    "the",
    "family",
    "at",
    "home",
    "today",
    "and",
    "talked",
    "about",
    "how",
    "the",
    "children",
    "are",
    "getting",
    "on",
    "at",
    "school",
    "mum",
    "said",
    "things",
    "have",
    "been",
    "better",
    "since",
    "her",
    "sister",
    "started",
    "helping",
    "with",
    "the",
    "morning",
    "routine",
    "dad",
    "was",
    "not",
    "there",
    "but",
    "sent",
    "a",
    "message",
    "the",
    "youngest",
    "was",
    "happy",
    "and",
    "showed",
    "me",
    "her",
    "drawings",
    "we",
    "agreed",
    "to",
    "meet",
    "again",
    "next",
    "week",
    "grandma",
    "offered",
    "to",
    "help",
    "with",
    "childcare",
    "on",
    "Tuesdays",
    "and",
    "the",
    "health",
    "visitor",
    "will",
    "call",
    "in",
    "contactless",
    "payment",
    "card",
    "details",
    "were",
    "shared",
    "with",
    "the",
    "housing",
    "officer",
]
_PHRASES = (
    "failed to engage",
    "non-compliant",
    "hard to reach",
    "supervised contact",
    "LAC",
    "chaotic lifestyle",
    "the mother",
    "CIN plan",
)


def make_note(words: int, seed: int = 3) -> str:
    """A note of about ``words`` words, with a hint phrase roughly every 60 words."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < words:
        if rng.random() < 1 / 60:
            out.extend(rng.choice(_PHRASES).split())
        else:
            word = rng.choice(_WORDS)
            out.append(word + ("." if rng.random() < 0.08 else ""))
    return " ".join(out[:words])


def main() -> None:
    library = load_library(None)
    hints = library.language_hints

    started = time.perf_counter()
    matcher = LanguageMatcher(hints)
    build_ms = (time.perf_counter() - started) * 1000

    for words in (100, 1_000, 10_000, 50_000):
        note = make_note(words)
        runs = []
        found = 0
        for _ in range(15):
            started = time.perf_counter()
            found = len(matcher.find(note))
            runs.append((time.perf_counter() - started) * 1000)
        print(
            f"{words:>6} words ({len(note):>7} chars): median {statistics.median(runs):7.2f} ms, "
            f"worst {max(runs):7.2f} ms, {found} hints found"
        )
    print(f"{len(hints)} hints; building the matcher took {build_ms:.1f} ms (once per session)")


if __name__ == "__main__":
    main()

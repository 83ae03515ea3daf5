"""How well and how fast the language hints work: the labelled corpus, and a 1 MB meeting.

    python bench/bench_hints.py [--baseline REV] [--runs 15]

Prints precision and recall on ``tests/data/hint_corpus.toml`` with every
miss and false alarm, for the current matcher and hints and, in the same run,
for the matcher and hints at ``--baseline`` (a git revision; by default the
last commit before the minimising-language work, issue 23), read straight out
of git so no old copy is kept in the tree. Then it times both on every text
of a generated 1 MB meeting (200 people, 300 actions, long notes), as
``lint`` checks it, and on a 10,000-word note full of quotations.
This prints figures; it is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import tomllib
import types
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_language import make_note
from generate import large_meeting

from sdm_facilitator.domain.language import LanguageMatcher, risk_context
from sdm_facilitator.domain.meeting import iter_meeting_texts
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.guides.validate import parse_language

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support.hint_corpus import Score, load_corpus, score  # noqa: E402

#: The last commit before the minimising-language hints (issue 23, part 4).
BASELINE = "092befb"


def _git_show(rev: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(REPO), "show", f"{rev}:{path}"], check=True, capture_output=True, text=True
    ).stdout


def baseline_matcher(rev: str) -> Any:
    """The matcher module and hints file as they were at ``rev``, built into a matcher."""
    module = types.ModuleType("baseline_language")
    sys.modules[module.__name__] = module  # dataclasses look their module up while being made
    exec(
        compile(_git_show(rev, "src/sdm_facilitator/domain/language.py"), "baseline_language.py", "exec"),
        module.__dict__,
    )
    text = _git_show(rev, "guides/language.toml")
    hints, problems = parse_language(tomllib.loads(text), Path("language.toml"), text)
    if problems:
        print(f"baseline hints file has problems: {problems}")
    return module.LanguageMatcher(hints)


def print_score(label: str, result: Score, *, details: bool) -> None:
    print(
        f"{label}: precision {result.precision:.3f}, recall {result.recall:.3f} "
        f"(flagged right {result.true_pos}, false alarms {result.false_pos}, "
        f"missed {result.false_neg}, left alone right {result.true_neg})"
    )
    if not details:
        return
    for case in result.misses:
        print(f"  missed ({case.hint or '?'}): {case.text}")
    for case, found in result.false_alarms:
        print(f"  false alarm {found}: {case.text}")


def timed(finds: dict[str, Callable[[], int]], runs: int) -> dict[str, tuple[float, float, int]]:
    """Fastest and median milliseconds of each ``find``, and what it found.

    Runs are interleaved (one of each in turn) so that load from other work on
    the machine falls on both alike, and timed in this process's CPU time
    (``time.process_time``), which other processes' work does not inflate.
    """
    times: dict[str, list[float]] = {label: [] for label in finds}
    found: dict[str, int] = {}
    for _ in range(runs):
        for label, find in finds.items():
            started = time.process_time()
            found[label] = find()
            times[label].append((time.process_time() - started) * 1000)
    return {label: (min(t), statistics.median(t), found[label]) for label, t in times.items()}


def print_times(results: dict[str, tuple[float, float, int]]) -> None:
    for label, (fastest, median, found) in results.items():
        print(f"  {label:>17}: fastest {fastest:8.2f} ms, median {median:8.2f} ms, {found} hints")


def quoted_note(words: int) -> str:
    """A long note where every few sentences quote someone, with hint phrases inside and outside the quotes."""
    rng = random.Random(5)
    base = make_note(words).split(". ")
    quotes = [
        'Mia said "I hate it when they kick off and dad has anger issues".',
        "Kerry told me: ‘it was only verbal, he never touched me’.",
        "The couple's relationship is volatile and things got heated.",
        "Dad's mum said it's 'just how they are' and the boys' room is fine.",
    ]
    return ". ".join(s + (". " + rng.choice(quotes) if rng.random() < 0.2 else "") for s in base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help="git revision of the matcher to compare with")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)

    library = load_library(None)
    current = LanguageMatcher(library.language_hints)
    old = baseline_matcher(args.baseline)
    cases = load_corpus()
    print(f"corpus: {len(cases)} sentences, {sum(c.flag for c in cases)} to flag")
    print_score(
        f"baseline {args.baseline}", score(cases, lambda t, r: [m.text for m in old.find(t)]), details=False
    )
    print_score("current", score(cases, lambda t, r: [m.text for m in current.find(t, r)]), details=True)

    meeting = large_meeting(library, random.Random(1), date(2026, 3, 2))
    meeting.risks = [Risk(kind="domestic-abuse", status="present")]
    texts = [text for _, text in iter_meeting_texts(meeting)]
    risks = risk_context(meeting.risks)
    size = sum(len(t.encode()) for t in texts)
    print(f"\n1 MB meeting: {len(texts)} texts, {size / 1e6:.2f} MB, domestic abuse on the risk screen")
    print_times(
        timed(
            {
                f"baseline {args.baseline}": lambda: sum(len(old.find(t)) for t in texts),
                "current": lambda: sum(len(current.find(t, risks)) for t in texts),
                "current, no risks": lambda: sum(len(current.find(t)) for t in texts),
            },
            args.runs,
        )
    )

    note = quoted_note(10_000)
    print(f"\n10,000-word note with quotations ({len(note)} chars)")
    print_times(
        timed(
            {
                f"baseline {args.baseline}": lambda: len(old.find(note)),
                "current": lambda: len(current.find(note, risks)),
            },
            args.runs,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The labelled case-note corpus for the language hints, and how a matcher scores on it.

Shared by ``tests/guides/test_hint_corpus.py`` (which asserts a floor) and
``bench/bench_hints.py`` (which prints the figures, misses and false alarms).
The corpus is ``tests/data/hint_corpus.toml``; its header says how sentences
were labelled.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_FILE = Path(__file__).resolve().parents[1] / "data" / "hint_corpus.toml"


@dataclass(frozen=True)
class Case:
    """One labelled sentence."""

    text: str
    flag: bool
    hint: str = ""
    risks: frozenset[str] = frozenset()
    origin: str = ""


@dataclass
class Score:
    """How a matcher did on the corpus: counts, and the sentences it got wrong."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    misses: list[Case] = field(default_factory=list)
    false_alarms: list[tuple[Case, list[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


def load_corpus(path: Path = CORPUS_FILE) -> list[Case]:
    """Every case in the corpus file, in file order."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)["cases"]
    return [
        Case(
            text=entry["text"],
            flag=entry["flag"],
            hint=entry.get("hint", ""),
            risks=frozenset(entry.get("risks", ())),
            origin=entry.get("from", ""),
        )
        for entry in raw
    ]


#: What a matcher found in one text under one set of risk kinds: the matched words.
FindFn = Callable[[str, frozenset[str]], list[str]]


def score(cases: Sequence[Case], find: FindFn) -> Score:
    """Precision and recall of ``find`` on ``cases``: a case counts as flagged when anything is found."""
    result = Score()
    for case in cases:
        found = find(case.text, case.risks)
        if case.flag and found:
            result.true_pos += 1
        elif case.flag:
            result.false_neg += 1
            result.misses.append(case)
        elif found:
            result.false_pos += 1
            result.false_alarms.append((case, found))
        else:
            result.true_neg += 1
    return result

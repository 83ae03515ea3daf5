"""Shared by the budget scripts: run a measurement several times, print and keep a small table.

Each script measures one budget of the table in docs/benchmarks.md and prints
figure, budget, median of at least five runs, min, max and pass or fail.
``run_all.py`` collects the rows into ``bench/results.md``. Benchmarks are
figures, never tests: nothing here runs in the test suite.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SRC = BENCH_DIR.parent / "src"
# run_all.py asks each script to append its rows here as JSON lines.
ROWS_FILE_ENV = "SDM_BENCH_ROWS"
MIN_RUNS = 5


@dataclass(frozen=True)
class Row:
    """One figure against its budget; ``unit`` is "ms", "s", "x" or "MB"."""

    figure: str
    budget: float | None  # None: shown for reference, not judged
    unit: str
    median: float
    low: float
    high: float

    @property
    def passed(self) -> bool | None:
        return None if self.budget is None else self.median <= self.budget

    def cells(self) -> list[str]:
        def show(value: float) -> str:
            if self.unit == "x":
                return f"{value:.2f}x"
            if self.unit == "MB":
                return f"{value:.0f} MB"
            if self.unit == "s":
                return f"{value:.2f} s"
            return f"{value:.1f} ms"

        budget = "-" if self.budget is None else f"≤ {show(self.budget)}"
        result = {None: "-", True: "pass", False: "FAIL"}[self.passed]
        return [self.figure, budget, show(self.median), show(self.low), show(self.high), result]


def row_from(figure: str, budget: float | None, unit: str, samples: list[float]) -> Row:
    """A row from the samples of one figure (the median is what is judged)."""
    return Row(figure, budget, unit, statistics.median(samples), min(samples), max(samples))


def repeat(measure: Callable[[], float], runs: int = MIN_RUNS) -> list[float]:
    """``runs`` samples of ``measure`` (at least five)."""
    return [measure() for _ in range(max(runs, MIN_RUNS))]


HEADER = ["figure", "budget", "median", "min", "max", "result"]


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def report(rows: list[Row]) -> None:
    """Print the table; hand the rows to run_all.py when it asked for them."""
    print(markdown(rows))
    target = os.environ.get(ROWS_FILE_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(asdict(row)) + "\n")


def child_env(data_dir: Path | None = None) -> dict[str, str]:
    """The environment for a measured child process: this checkout's sources first."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH", "")])),
    }
    # An installed app starts from compiled bytecode (pip compiles it at install); a shell that
    # forbids writing it would have every measured start compile the app's sources again (about
    # 0.15 s), a cost no person's start pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if data_dir is not None:
        env["SDM_FACILITATOR_DATA_DIR"] = str(data_dir)
    return env


def python() -> str:
    return sys.executable

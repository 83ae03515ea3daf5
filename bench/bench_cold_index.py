"""Budget: ``list`` on a store without its summary index, as a ratio to a plain ``tomllib`` parse.

    python bench/bench_cold_index.py [--meetings 10000] [--runs 5] [--compare-src DIR --compare-label TEXT]

A store has no summary index after an upgrade, a restore from a backup or a
folder copied from another computer: the first ``list`` then reads and
summarises every meeting file. Each run deletes the index and times, in fresh
processes and in turn, ``sdm-facilitator list`` (which rebuilds the index) and
a plain Python that reads every meeting file and parses it with ``tomllib``
(``cold_index_child.py``): the least any reader of these files must do. The
ratio is taken pair by pair, so a machine that slows down during the run slows
both. ``--compare-src DIR`` also times, in the same turns, the ``list`` of
another copy of the sources (for example the commit before a change, from
``git archive``), so before and after come from one run on one machine.
The last run leaves the index rebuilt, as the other budgets expect.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from budget_table import BENCH_DIR, MIN_RUNS, Row, child_env, python, report, row_from
from store_cache import store_with

CHILD = str(BENCH_DIR / "cold_index_child.py")
#: Every summary index, whatever its name: ".summary-index.json" before issue 26, then one per
#: computer (".summary-index-<computer>.json") and, from issue 27, its head. Deleting only the old
#: name left the index in place, so that "cold" list read it (0.08x of a plain parse).
INDEX_GLOB = ".summary-index*.json"
#: Issue 19: at least three times faster than the 1.7x to 2.2x it was; 0.6x is the aim.
RATIO_BUDGET = 0.6


@dataclass(frozen=True)
class Timing:
    """One fresh process: wall seconds from spawn to exit, and processor seconds of it and its workers."""

    wall: float
    cpu: float


def timed(command: list[str], env: dict[str, str]) -> Timing:
    """Run ``command`` once (its output dropped); its workers' time counts as they are waited for."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return Timing(elapsed, usage.ru_utime + usage.ru_stime)


def cold_list(data_dir: Path, env: dict[str, str]) -> Timing:
    """One ``list`` with the summary index deleted first."""
    for index in (data_dir / "meetings").glob(INDEX_GLOB):
        index.unlink(missing_ok=True)
    return timed([python(), "-m", "sdm_facilitator", "--data-dir", str(data_dir), "list"], env)


def ratio_rows(label: str, runs: list[Timing], plain: list[Timing], budget: float | None) -> list[Row]:
    return [
        row_from(
            f"{label}, ratio to a plain tomllib parse",
            budget,
            "x",
            [a.wall / b.wall for a, b in zip(runs, plain)],
        ),
        row_from(f"{label}, seconds", None, "s", [a.wall for a in runs]),
        row_from(
            f"{label}, processor time of all its processes, ratio to the plain parse's (for reference)",
            None,
            "x",
            [a.cpu / b.cpu for a, b in zip(runs, plain)],
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--compare-src", type=Path, help="another copy of src/ to time in the same turns")
    parser.add_argument("--compare-label", default="the other sources", help="how the table names them")
    args = parser.parse_args()
    data_dir = store_with(args.meetings)
    env = child_env()
    other_env = None
    if args.compare_src is not None:
        other_env = {**env, "PYTHONPATH": str(args.compare_src.resolve())}
    plain_command = [python(), CHILD, str(data_dir / "meetings")]
    timed(plain_command, env)  # warm-up: the file cache
    plain: list[Timing] = []
    ours: list[Timing] = []
    other: list[Timing] = []
    for run in range(args.runs):
        print(f"   run {run + 1} of {args.runs}", flush=True)
        plain.append(timed(plain_command, env))
        ours.append(cold_list(data_dir, env))
        if other_env is not None:
            other.append(cold_list(data_dir, other_env))
    if other_env is not None:
        cold_list(data_dir, env)  # leave this checkout's index behind
    size = f"{args.meetings:,}"
    rows = ratio_rows(f"list, {size} meetings, no summary index", ours, plain, RATIO_BUDGET)
    rows.append(
        row_from(
            f"plain tomllib parse of the same {size} files, seconds (reference)",
            None,
            "s",
            [p.wall for p in plain],
        )
    )
    if other_env is not None:
        rows += ratio_rows(f"the same with {args.compare_label}", other, plain, None)
    report(rows)


if __name__ == "__main__":
    main()

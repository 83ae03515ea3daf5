"""Budget: app start to the home screen painted, as a ratio to a one-Static Textual app.

    python bench/bench_startup.py [--sizes 10,1000,10000] [--runs 5]

Both apps start in fresh interpreters, in turn (app, reference, app, ...), and
are timed from process start to their first frame with the home screen (or
the Static) painted; see ``startup_child.py``. The ratio is taken pair by pair,
so a machine that slows down during the run slows both. Peak memory is the
app process's largest resident size. A second reference, Textual alone drawing
the home screen's widgets (a header, a filter box, a table of 100 rows, a
footer), shows how much of the ratio is the app's own work and how much is
the widgets any such screen needs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path

from budget_table import BENCH_DIR, MIN_RUNS, child_env, python, report, row_from
from store_cache import store_with

CHILD = str(BENCH_DIR / "startup_child.py")
RATIO_BUDGET = 1.3
MEMORY_BUDGET_MB = 200


def timed_start(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from spawn to exit, and the child's peak resident size in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def measure(data_dir: Path, runs: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Ratios to the one-Static app, peak memory, seconds, and ratios to Textual drawing the same widgets."""
    env = child_env()
    app = [python(), CHILD, "app", str(data_dir)]
    reference = [python(), CHILD, "reference"]
    same_widgets = [python(), CHILD, "same-widgets"]
    timed_start(app, env)  # warm-up: file cache, and the summary index on a new store
    timed_start(reference, env)
    timed_start(same_widgets, env)
    ratios, memory, seconds, floor_ratios = [], [], [], []
    for _ in range(max(runs, MIN_RUNS)):
        app_s, app_mb = timed_start(app, env)
        ref_s, _ = timed_start(reference, env)
        floor_s, _ = timed_start(same_widgets, env)
        ratios.append(app_s / ref_s)
        floor_ratios.append(app_s / floor_s)
        memory.append(app_mb)
        seconds.append(app_s)
    return ratios, memory, seconds, floor_ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        ratios, memory, seconds, floor_ratios = measure(store_with(size), args.runs)
        rows.append(
            row_from(f"app start, {size:,} meetings, ratio to a one-Static app", RATIO_BUDGET, "x", ratios)
        )
        rows.append(
            row_from(
                f"app start, {size:,} meetings, ratio to Textual alone drawing the same widgets (for reference)",
                None,
                "x",
                floor_ratios,
            )
        )
        rows.append(row_from(f"app start, {size:,} meetings, seconds (for reference)", None, "s", seconds))
        rows.append(row_from(f"app start, {size:,} meetings, peak memory", MEMORY_BUDGET_MB, "MB", memory))
    report(rows)


if __name__ == "__main__":
    main()

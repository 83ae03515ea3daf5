"""Budget: ``sdm-facilitator list`` on 100, 1,000 and 10,000 meetings, warm.

    python bench/bench_list.py [--sizes 100,1000,10000] [--runs 5]

Each run is a fresh process, timed from start to exit. Warm means the file
cache and the summary index are in place: the first, uncounted run builds the
index (it parses every file, as the very first start after copying a store in does).
"""

from __future__ import annotations

import argparse
import subprocess
import time

from budget_table import MIN_RUNS, child_env, python, repeat, report, row_from
from store_cache import store_with

BUDGETS = {100: 0.3, 1000: 0.5, 10000: 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        command = [python(), "-m", "sdm_facilitator", "--data-dir", str(store_with(size)), "list"]
        env = child_env()

        def run(command: list[str] = command, env: dict[str, str] = env) -> float:
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            return time.perf_counter() - started

        first = run()
        rows.append(row_from(f"list, {size:,} meetings, first run (builds the index)", None, "s", [first]))
        rows.append(
            row_from(f"list, {size:,} meetings, warm", BUDGETS.get(size), "s", repeat(run, args.runs))
        )
    report(rows)


if __name__ == "__main__":
    main()

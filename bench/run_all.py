"""Run every budget script and write ``bench/results.md``.

    python bench/run_all.py [--quick]

Stores are generated once into ``bench/.stores`` and kept (the first run on a
machine spends a minute or two generating 10,000 meetings). ``--quick`` uses
1,000 meetings where the budgets name 10,000, for a short check while working.
Figures, not tests: a budget that is not met is reported, not failed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from budget_table import BENCH_DIR, ROWS_FILE_ENV, Row, child_env, markdown

RESULTS = BENCH_DIR / "results.md"


def scripts(quick: bool) -> list[list[str]]:
    big = "1000" if quick else "10000"
    return [
        ["bench_list.py", "--sizes", f"100,1000,{big}" if not quick else "100,1000"],
        ["bench_startup.py", "--sizes", f"10,1000,{big}" if not quick else "10,1000"],
        ["bench_cold_index.py", "--meetings", big],
        ["bench_home_return.py", "--meetings", "1000"],
        ["bench_save.py"],
        ["bench_open.py"],
        ["bench_typing.py"],
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 meetings instead of 10,000")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        rows_file = Path(folder) / "rows.jsonl"
        env = {**child_env(), ROWS_FILE_ENV: str(rows_file)}
        for script in scripts(args.quick):
            print(f"== {' '.join(script)}", flush=True)
            done = subprocess.run([sys.executable, str(BENCH_DIR / script[0]), *script[1:]], env=env)
            if done.returncode != 0:
                print(f"   {script[0]} failed with exit code {done.returncode}", file=sys.stderr)
        rows = [Row(**json.loads(line)) for line in rows_file.read_text(encoding="utf-8").splitlines()]
    took = time.monotonic() - started
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        "# Benchmark results\n\n"
        f"Written by `python bench/run_all.py{' --quick' if args.quick else ''}` on {stamp}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, in {took:.0f} s. "
        "Medians of at least five runs; start-up is a ratio to a one-`Static` Textual app timed the same way "
        "in the same run.\n\n" + markdown(rows) + "\n"
    )
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

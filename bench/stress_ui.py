"""Run the UI tests again and again while busy loops compete for every core.

    python bench/stress_ui.py [--runs 10] [--busy N] [--paths tests/ui]

A test that waits for time instead of for what it needs passes on a quiet
machine and fails on a loaded one; this makes the machine loaded on purpose.
It starts one busy loop per core (``--busy``), runs pytest on the given paths
``--runs`` times (each run in its own process, with the project's own xdist
settings), and prints each run's result and the pass count. Not part of the
test suite: it takes ``runs`` times as long as the UI tests do.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def busy_loop() -> None:  # pragma: no cover - runs in a child process until terminated
    """Use one core fully until killed."""
    value = 0
    while True:
        value = (value * 31 + 7) % 1_000_003


def run_once(paths: list[str], number: int) -> tuple[bool, str, float]:
    """One pytest run; whether it passed, its summary line, and its wall time."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1] if lines else f"no output (exit {result.returncode})"
    if result.returncode != 0:
        failed = [line for line in lines if line.startswith("FAILED")]
        summary += "".join(f"\n      {line}" for line in failed)
    print(f"run {number}: {summary}", flush=True)
    return result.returncode == 0, summary, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--busy", type=int, default=os.cpu_count() or 2, help="busy loops (default: one per core)"
    )
    parser.add_argument("--paths", nargs="+", default=["tests/ui"])
    args = parser.parse_args()
    loops = [multiprocessing.Process(target=busy_loop, daemon=True) for _ in range(args.busy)]
    for loop in loops:
        loop.start()
    passed = 0
    times: list[float] = []
    try:
        for number in range(1, args.runs + 1):
            ok, _summary, seconds = run_once(args.paths, number)
            passed += ok
            times.append(seconds)
    finally:
        for loop in loops:
            loop.terminate()
        for loop in loops:
            loop.join()
    print(
        f"{passed} of {args.runs} runs passed with {args.busy} busy loops "
        f"(each run {min(times):.0f} to {max(times):.0f} s)"
    )
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the command line and the app take to start, in fresh interpreters.

Prints the median of several runs for: ``--version``, ``list`` on a demo
folder, and importing the Textual app. Not a test: figures only.

    python bench/cold_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(args: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "SDM_FACILITATOR_DATA_DIR": folder}
        src = Path(__file__).resolve().parents[1] / "src"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH", "")]))
        py = [sys.executable]
        subprocess.run(
            [*py, "-m", "sdm_facilitator", "demo", folder], env=env, check=True, capture_output=True
        )
        cases = {
            "python -c pass (baseline)": [*py, "-c", "pass"],
            "sdm-facilitator --version": [*py, "-m", "sdm_facilitator", "--version"],
            "sdm-facilitator list (4 meetings)": [*py, "-m", "sdm_facilitator", "list"],
            "import the Textual app": [*py, "-c", "import sdm_facilitator.ui.app"],
        }
        print(f"median of {runs} runs")
        for name, args in cases.items():
            print(f"  {name:40s} {timed(args, env, runs) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()

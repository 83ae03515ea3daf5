"""Budget: opening the 1.3 MB meeting to its first section painted.

    python bench/bench_open.py [--runs 5]

In a running app (headless) on a store holding the large meeting: from the
moment the home screen asks to open it until the workspace has drawn its
first frame. Between runs the meeting is closed again.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import tomllib

from app_timing import painted
from budget_table import MIN_RUNS, report, row_from
from store_cache import large_meeting

BUDGET_MS = 150.0


async def measure(runs: int) -> list[float]:
    from sdm_facilitator.ui.app import SdmApp

    data_dir, big = large_meeting()
    text = (data_dir / "meetings" / f"{big}.toml").read_text(encoding="utf-8")
    app = SdmApp(data_dir)
    samples, references = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await painted(app, "HomeScreen")
        for _ in range(max(runs, MIN_RUNS) + 1):
            started = time.perf_counter()
            app.open_meeting(big)
            samples.append((await painted(app, "MeetingScreen") - started) * 1000)
            app.screen.action_close_meeting()
            await painted(app, "HomeScreen")
            await pilot.pause()
            # The same-run reference: the standard library parsing the same bytes, right after.
            started = time.perf_counter()
            tomllib.loads(text)
            references.append((time.perf_counter() - started) * 1000)
    # The first open also imports the workspace's modules.
    return samples[1:], references[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    args = parser.parse_args()
    samples, references = asyncio.run(measure(args.runs))
    report(
        [
            row_from("open the 1.3 MB meeting to its first section painted", BUDGET_MS, "ms", samples),
            row_from(
                "the same, ratio to a plain tomllib parse of its file in the same run",
                None,
                "x",
                [sample / reference for sample, reference in zip(samples, references)],
            ),
            row_from("plain tomllib parse of that file (reference)", None, "ms", references),
        ]
    )


if __name__ == "__main__":
    main()

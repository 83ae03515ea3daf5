"""Budget: opening the 1.3 MB meeting to its first section painted.

    python bench/bench_open.py [--runs 5]

In a running app (headless) on a store holding the large meeting: from the
moment the home screen asks to open it until the workspace has drawn its
first frame. Between runs the meeting is closed again. Each open comes half a
second after the home screen is back, as a person presses Enter, with nothing
else running; two figures: with what the home screen read ahead of the open
dropped first (the open reads and parses the file itself), and with it
(``storage/read_ahead.py``).
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
#: How long the cursor rests on the row before Enter in the second figure (the home screen reads a
#: meeting ahead of its open once the cursor has rested 0.1 s: ``storage/read_ahead.py``).
REST_SECONDS = 0.5


async def measure(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Opens at once, opens after the cursor has rested on the row, and the plain parses."""
    from sdm_facilitator.ui.app import SdmApp

    data_dir, big = large_meeting()
    text = (data_dir / "meetings" / f"{big}.toml").read_text(encoding="utf-8")
    app = SdmApp(data_dir)
    at_once, rested, references = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await painted(app, "HomeScreen")
        for _ in range(max(runs, MIN_RUNS) + 1):
            for samples, read_ahead in ((at_once, False), (rested, True)):
                # As a person lands on the row and presses Enter a moment later: any read ahead is done.
                await asyncio.sleep(REST_SECONDS)
                if not read_ahead:  # dropped: the open reads and parses the file itself
                    app.store.read_ahead.forget()
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
    return at_once[1:], rested[1:], references[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    args = parser.parse_args()
    samples, rested, references = asyncio.run(measure(args.runs))
    report(
        [
            row_from("open the 1.3 MB meeting to its first section painted", BUDGET_MS, "ms", samples),
            row_from(
                f"the same, Enter {REST_SECONDS:.1f} s after the cursor came to the row, read ahead",
                BUDGET_MS,
                "ms",
                rested,
            ),
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

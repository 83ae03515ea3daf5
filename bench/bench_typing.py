"""Budget: typing into a note of a 1 MB meeting keeps up with 30 keys a second.

    python bench/bench_typing.py [--runs 5] [--keys 150]

In a running app (headless) on the 1.3 MB meeting: the referral's worries
(about 90 KB of text) get ``--keys`` key presses one after another, as fast
as the app takes them, and the time per key is the total divided by the keys.
At 30 keys a second with no backlog a key may take at most 33 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from app_timing import painted
from budget_table import MIN_RUNS, report, row_from
from store_cache import store_with

BUDGET_MS = 1000 / 30


async def measure(runs: int, keys: int) -> list[float]:
    from textual.widgets import TextArea

    from sdm_facilitator.ui.app import SdmApp

    data_dir = store_with(0, large=1)
    big = max((data_dir / "meetings").glob("*.toml"), key=lambda p: p.stat().st_size).stem
    app = SdmApp(data_dir)
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await painted(app, "HomeScreen")
        app.open_meeting(big)
        await painted(app, "MeetingScreen")
        app.screen.show_section("prep-referral")
        await pilot.pause()
        area = app.screen.query_one("#ref-worries", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        typed = list("we talked about the family ") * (keys // 27 + 1)
        for _ in range(max(runs, MIN_RUNS)):
            started = time.perf_counter()
            await pilot.press(*typed[:keys])
            await pilot.pause()
            samples.append((time.perf_counter() - started) * 1000 / keys)
        app.screen.flush()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--keys", type=int, default=150)
    args = parser.parse_args()
    samples = asyncio.run(measure(args.runs, args.keys))
    report([row_from("typing into a 90 KB note of a 1.3 MB meeting, per key", BUDGET_MS, "ms", samples)])


if __name__ == "__main__":
    main()

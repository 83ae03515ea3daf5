"""Budget: back to the home screen from a meeting, with 1,000 meetings in the store.

    python bench/bench_home_return.py [--runs 5] [--meetings 1000]

In a running app (headless): a meeting is opened, one thing in it changed and
saved, and the time is taken from closing it until the home screen has drawn
its next frame with that meeting's row up to date.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from app_timing import painted
from budget_table import MIN_RUNS, report, row_from
from store_cache import store_with

BUDGET_MS = 100.0


async def measure(meetings: int, runs: int) -> list[float]:
    from sdm_facilitator.ui.app import SdmApp

    app = SdmApp(store_with(meetings))
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await painted(app, "HomeScreen", lambda home: not getattr(home, "refreshing", False))
        some = sorted((app.store.folder).glob("*.toml"))[0].stem
        for n in range(max(runs, MIN_RUNS) + 1):
            app.open_meeting(some)
            await painted(app, "MeetingScreen")
            app.screen.session.meeting.choices.venue = f"Room {n}"
            app.screen.session.mark_changed()
            started = time.perf_counter()
            app.screen.action_close_meeting()
            samples.append((await painted(app, "HomeScreen") - started) * 1000)
            await pilot.pause()
    return samples[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--meetings", type=int, default=1000)
    args = parser.parse_args()
    samples = asyncio.run(measure(args.meetings, args.runs))
    report([row_from(f"back to home from a meeting, {args.meetings:,} meetings", BUDGET_MS, "ms", samples)])


if __name__ == "__main__":
    main()

"""One measured start-up, run in a fresh interpreter by ``bench_startup.py``.

    python bench/startup_child.py app DATA_DIR   # sdm-facilitator, through its command line
    python bench/startup_child.py reference      # a one-Static Textual app

Both run headless with the same hook: when the wanted screen is mounted, wait
for its next refresh (the first frame painted with it), then leave at once.
The parent times the whole process, from start to that exit.
"""

from __future__ import annotations

import asyncio
import os
import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

_run = App.run


def _exit_after_first_paint(screen_name: str | None) -> None:
    """Make every ``App.run`` headless and leave once ``screen_name`` (or any screen) has painted."""

    async def pilot(driven) -> None:  # type: ignore[no-untyped-def]
        app = driven.app
        while screen_name is not None and type(app.screen).__name__ != screen_name:
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.screen.call_after_refresh(painted.set)
        await painted.wait()
        if os.environ.get("SDM_BENCH_SHOW"):
            print(
                type(app.screen).__name__,
                [type(w).__name__ for w in app.screen.walk_children()],
                file=sys.stderr,
            )
        os._exit(0)

    def run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.update(headless=True, auto_pilot=pilot)
        return _run(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]


class Reference(App[None]):
    """The smallest Textual app: one Static."""

    def compose(self) -> ComposeResult:
        yield Static("Hello")


def main() -> int:
    if sys.argv[1] == "reference":
        _exit_after_first_paint(None)
        Reference().run()
        return 1
    _exit_after_first_paint("HomeScreen")
    from sdm_facilitator.cli import main as cli_main

    cli_main(["--data-dir", sys.argv[2]])
    return 1  # not reached: the hook leaves the process


if __name__ == "__main__":
    raise SystemExit(main())

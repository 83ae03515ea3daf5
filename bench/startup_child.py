"""One measured start-up, run in a fresh interpreter by ``bench_startup.py``.

    python bench/startup_child.py app DATA_DIR   # sdm-facilitator, through its command line
    python bench/startup_child.py reference      # a one-Static Textual app
    python bench/startup_child.py same-widgets   # Textual alone drawing the home screen's widgets

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


class SameWidgets(App[None]):
    """Textual alone drawing what the home screen draws: a header, a filter box, a table of 100
    meetings in seven columns, five lines of text and a footer of keys; none of the app's own code.
    The floor that Textual's own widgets set for a start to the home screen."""

    BINDINGS = [
        ("n", "bell", "New meeting"),
        ("slash", "bell", "Filter"),
        ("ctrl+r", "bell", "Report"),
        ("question_mark", "bell", "Keys"),
        ("ctrl+q", "quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable, Footer, Header, Input

        yield Header()
        yield Input(placeholder="Type to filter by family, child, kind or stage (/)", compact=True)
        table: DataTable[str] = DataTable(cursor_type="row")
        table.add_columns("Family", "Kind", "Context", "Stage", "Date", "Next due", "Readiness")
        for n in range(100):
            table.add_row(
                f"Family {n:03d} (Amara, Kofi)",
                "FGC",
                "child in need",
                "preparation",
                "Tue 12 Jan",
                "Invite the family",
                "3 open, 1 overdue",
            )
        yield table
        for line in range(5):
            yield Static(f"Line {line}")
        yield Footer()


def main() -> int:
    if sys.argv[1] in ("reference", "same-widgets"):
        _exit_after_first_paint(None)
        (Reference if sys.argv[1] == "reference" else SameWidgets)().run()
        return 1
    _exit_after_first_paint("HomeScreen")
    from sdm_facilitator.cli import main as cli_main

    cli_main(["--data-dir", sys.argv[2]])
    return 1  # not reached: the hook leaves the process


if __name__ == "__main__":
    raise SystemExit(main())

"""Progress of a long read on stderr, so a first look at a large store is never silent.

A store without its summary index (after an upgrade, a restore, a folder
copied from another computer) has every meeting file read once, which takes
seconds for thousands of meetings. Nothing is shown while a read is quick
(``QUIET_SECONDS``): a list that answers at once stays clean. After that:

- on a terminal, a progress bar (Rich, imported only then: the command line
  otherwise loads no terminal UI), cleared when done;
- otherwise (a log, a pipe, a scheduled job), one plain line a second at
  most, and a last line saying how long it took.

Only counts are shown, never a file or family name: stderr ends up in logs.
The clock is injectable so tests need no sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

#: A read that ends sooner shows nothing.
QUIET_SECONDS = 1.0
#: At most one plain line this often (seconds).
LINE_EVERY_SECONDS = 1.0
#: The bar is redrawn at most this often (seconds).
BAR_EVERY_SECONDS = 0.1


class ReadingProgress:
    """Call it with ``(done, total)`` as files are read; call ``finish()`` when the reading ends."""

    def __init__(
        self,
        stream: TextIO,
        *,
        what: str = "meeting files",
        terminal: bool | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.stream = stream
        self.what = what
        self.terminal = bool(getattr(stream, "isatty", lambda: False)()) if terminal is None else terminal
        self.clock = clock or time.monotonic
        self.started = self.clock()
        self._shown_at: float | None = None
        self._last: tuple[int, int] = (0, 0)
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        self._last = (done, total)
        if now - self.started < QUIET_SECONDS:
            return
        if self.terminal:
            self._draw_bar(done, total, now)
        elif self._shown_at is None or now - self._shown_at >= LINE_EVERY_SECONDS:
            self._shown_at = now
            self.stream.write(f"Reading {self.what}: {done:,} of {total:,}…\n")
            self.stream.flush()

    def finish(self) -> None:
        """Clear the bar, or end the plain lines with how long it took (nothing if nothing was shown)."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        elif self._shown_at is not None:
            done, total = self._last
            took = self.clock() - self.started
            words = (
                f"Read {done:,} {self.what}"
                if done == total
                else f"Stopped after {done:,} of {total:,} {self.what}"
            )
            self.stream.write(f"{words} in {took:.1f} s.\n")
            self.stream.flush()
            self._shown_at = None

    def _draw_bar(self, done: int, total: int, now: float) -> None:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            console = Console(file=self.stream, force_terminal=True)
            # Drawn here, at most every BAR_EVERY_SECONDS, rather than by Rich's own thread.
            self._bar = Progress(
                TextColumn(f"Reading {self.what}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                auto_refresh=False,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("read", total=total)
            self._shown_at = None
        elif self._shown_at is not None and now - self._shown_at < BAR_EVERY_SECONDS and done < total:
            self._bar.update(self._task, completed=done, total=total)
            return
        self._shown_at = now
        self._bar.update(self._task, completed=done, total=total)
        self._bar.refresh()

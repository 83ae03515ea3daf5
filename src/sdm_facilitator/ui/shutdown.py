"""A closed terminal window (SIGHUP) or a shutdown (SIGTERM): save, then exit within seconds, every time.

The first such signal starts two things at once:

- on the app's loop, the save: what was typed is written (fields into the
  meeting, text in an open dialog as a draft) and the meetings are saved,
  then the app exits as after ctrl+q;
- a watchdog thread that ends the process ``EXIT_DEADLINE_SECONDS`` after the
  signal whatever Textual is doing by then. With its terminal gone, Textual's
  shutdown can wait for ever on output nobody will read (see
  ``ui/textual_internals.py``), and a process left behind holds the meeting's
  lock, so the meeting opens read-only everywhere else. The watchdog ends it
  with ``os._exit``: 0 when everything was saved, 1 otherwise. The meeting's
  lock is an OS lock, released the moment the process ends.

The handler is a plain ``signal.signal`` handler rather than the loop's, so
the watchdog is armed even while the loop is busy (a large store being read).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Final

#: The signals that mean "this program is about to be stopped": save first.
EXIT_SIGNALS: tuple[int, ...] = () if sys.platform == "win32" else (signal.SIGHUP, signal.SIGTERM)
#: The process is gone this long after the first signal at the latest.
EXIT_DEADLINE_SECONDS: Final = 2.5
#: Return codes: everything was saved, or something could not be (or the save never finished).
SAVED, NOT_SAVED = 0, 1


class ExitWatchdog:
    """Ends the process a fixed time after it was asked to stop, with the right return code."""

    def __init__(
        self,
        deadline_seconds: float = EXIT_DEADLINE_SECONDS,
        end_process: Callable[[int], object] = os._exit,
    ) -> None:
        self.deadline_seconds = deadline_seconds
        self._end_process = end_process
        self._saved = threading.Event()
        self._return_code = NOT_SAVED
        self._thread: threading.Thread | None = None

    @property
    def armed(self) -> bool:
        return self._thread is not None

    def arm(self) -> None:
        """Start counting down (once; later calls change nothing)."""
        if self._thread is not None:
            return
        deadline = time.monotonic() + self.deadline_seconds
        self._thread = threading.Thread(target=self._run, args=(deadline,), name="exit-watchdog", daemon=True)
        self._thread.start()

    def saves_done(self, return_code: int) -> None:
        """The saves are on disk (``SAVED``) or have failed (``NOT_SAVED``): the code to end with."""
        self._return_code = return_code
        self._saved.set()

    def _run(self, deadline: float) -> None:
        # Waiting on the event (not sleeping) keeps the thread cheap; the deadline holds either way.
        self._saved.wait(max(0.0, deadline - time.monotonic()))
        remaining = deadline - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)  # the ordinary exit restores a terminal that is still there
        self._end_process(self._return_code if self._saved.is_set() else NOT_SAVED)


class SignalExit:
    """The app's response to SIGHUP and SIGTERM: arm the watchdog, then save and exit on the loop."""

    def __init__(self, watchdog: ExitWatchdog | None = None) -> None:
        self.watchdog = watchdog or ExitWatchdog()
        self.received: int | None = None

    def install(
        self, on_signal: Callable[[], None], *, before_save: Callable[[], None] = lambda: None
    ) -> None:
        """Handle the exit signals from now on (call on the app's loop, in the main thread).

        ``before_save`` runs in the signal handler itself (keep it tiny);
        ``on_signal`` is scheduled on the running loop.
        """
        import asyncio

        loop = asyncio.get_running_loop()

        def handler(signum: int, _frame: object) -> None:
            if self.received is not None:
                return  # already saving and exiting: the watchdog holds the deadline
            self.received = signum
            self.watchdog.arm()
            before_save()
            loop.call_soon_threadsafe(on_signal)

        for signum in EXIT_SIGNALS:
            try:
                signal.signal(signum, handler)
            except (ValueError, OSError):  # pragma: no cover - not the main thread
                return

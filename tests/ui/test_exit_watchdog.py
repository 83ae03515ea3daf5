"""The exit watchdog: after an exit signal the process ends by the deadline, with the code the saves earned.

The real process, terminal and signals are in ``tests/hardening/test_close_terminal.py``;
here the watchdog's ``os._exit`` is replaced by a recorder.
"""

from __future__ import annotations

import threading
import time

from sdm_facilitator.ui.shutdown import NOT_SAVED, SAVED, ExitWatchdog


class Ended:
    def __init__(self) -> None:
        self.codes: list[int] = []
        self.at: float | None = None
        self.done = threading.Event()

    def __call__(self, code: int) -> None:
        self.codes.append(code)
        self.at = time.monotonic()
        self.done.set()


def test_saved_in_time_ends_with_0_at_the_deadline() -> None:
    ended = Ended()
    watchdog = ExitWatchdog(0.3, ended)
    armed_at = time.monotonic()
    watchdog.arm()
    watchdog.arm()  # a second signal changes nothing
    watchdog.saves_done(SAVED)
    assert ended.done.wait(5)
    assert ended.codes == [SAVED]
    assert ended.at is not None and ended.at - armed_at >= 0.3 - 0.01


def test_a_failed_save_ends_with_1() -> None:
    ended = Ended()
    watchdog = ExitWatchdog(0.1, ended)
    watchdog.arm()
    watchdog.saves_done(NOT_SAVED)
    assert ended.done.wait(5)
    assert ended.codes == [NOT_SAVED]


def test_saves_that_never_finish_still_end_the_process_by_the_deadline_with_1() -> None:
    ended = Ended()
    watchdog = ExitWatchdog(0.2, ended)
    watchdog.arm()
    assert ended.done.wait(5)
    assert ended.codes == [NOT_SAVED]


def test_nothing_happens_until_armed() -> None:
    ended = Ended()
    watchdog = ExitWatchdog(0.05, ended)
    watchdog.saves_done(SAVED)
    assert not ended.done.wait(0.3)
    assert not watchdog.armed

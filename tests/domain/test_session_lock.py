"""The idle lock and the slowing of repeated passphrase tries, on a hand-moved clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sdm_facilitator.domain.session_lock import IdleLock, UnlockThrottle


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def test_idle_lock_is_due_after_the_limit_and_touch_restarts_it() -> None:
    clock = Clock()
    lock = IdleLock(15, clock)
    clock.advance(minutes=14, seconds=59)
    assert not lock.due()
    lock.touch()
    clock.advance(minutes=14)
    assert not lock.due()
    clock.advance(minutes=1)
    assert lock.due()


def test_idle_lock_never_due_while_paused_and_counts_again_after() -> None:
    clock = Clock()
    lock = IdleLock(15, clock)
    lock.pause()
    clock.advance(hours=2)
    assert not lock.due()
    lock.resume()
    clock.advance(minutes=10)
    assert not lock.due()
    clock.advance(minutes=5)
    assert lock.due()


def test_throttle_doubles_the_wait_up_to_a_bound_and_resets() -> None:
    clock = Clock()
    throttle = UnlockThrottle(clock)
    assert throttle.wait_seconds() == 0
    waits = [throttle.failed() for _ in range(8)]
    assert waits == [1, 2, 4, 8, 16, 30, 30, 30]
    assert throttle.wait_seconds() == 30
    clock.advance(seconds=29)
    assert 0 < throttle.wait_seconds() <= 1
    clock.advance(seconds=1)
    assert throttle.wait_seconds() == 0
    throttle.succeeded()
    assert throttle.failed() == 1

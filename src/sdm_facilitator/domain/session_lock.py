"""When an unlocked encrypted store locks itself, and how fast passphrases may be tried.

Pure rules on a clock the caller passes in, so tests move time by hand and
the screens only ask "is it time?".

- ``IdleLock``: after ``minutes`` without a key press the app goes back to its
  unlock screen. During private family time the clock is paused: the family
  is alone with a screen that shows no names, and locking would hand them an
  unlock screen, then the coordinator's notes once unlocked; the idle time
  counts again from when family time ends.
- ``UnlockThrottle``: a wrong passphrase costs a growing wait (1, 2, 4 ... up to
  30 seconds) before the next try, so someone with the laptop cannot try
  more than one passphrase a second, and far fewer after a few misses. Key
  derivation already costs about half a second a try on top.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Clock = Callable[[], datetime]
FIRST_WAIT_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0


class IdleLock:
    """Counts idle time; ``due`` once it reaches the limit (never while paused)."""

    def __init__(self, minutes: int, clock: Clock) -> None:
        self.limit = timedelta(minutes=minutes)
        self._clock = clock
        self._last_activity = clock()
        self._paused = False

    def touch(self) -> None:
        """A key press or a click: idle time starts again."""
        self._last_activity = self._clock()

    def pause(self) -> None:
        """Private family time: never lock now."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self.touch()

    @property
    def paused(self) -> bool:
        return self._paused

    def due(self) -> bool:
        return not self._paused and self._clock() - self._last_activity >= self.limit


class UnlockThrottle:
    """How long to wait before the next passphrase may be tried."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.failures = 0
        self._next_try: datetime | None = None

    def wait_seconds(self) -> float:
        """Seconds until a try is allowed (0 when it is)."""
        if self._next_try is None:
            return 0.0
        return max(0.0, (self._next_try - self._clock()).total_seconds())

    def failed(self) -> float:
        """Record a wrong passphrase; return the wait before the next try."""
        self.failures += 1
        wait = min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (self.failures - 1))
        self._next_try = self._clock() + timedelta(seconds=wait)
        return float(wait)

    def succeeded(self) -> None:
        self.failures = 0
        self._next_try = None

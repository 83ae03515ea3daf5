"""Keys are handled one after another: a key waits until the one before it has been dealt with all the way up.

Textual gives a key to the focused widget and, if nothing there uses it, the
key travels up through each parent's message queue to the app, which then runs
a binding such as ``c`` (capture). Keys that arrive in one write (a paste, a
quick typist, tmux ``send-keys``) are all given out before the first has
travelled up: the words after ``c`` reached the widget that had the focus
before the capture box existed, and were lost or, worse, ran other bindings.

So the app gives out one key at a time. Right after a key it posts a
``KeyHandled`` marker to the same widget; the marker follows the key up the
same queues and reaches the app only after the key has been dealt with
everywhere (and any binding it ran has opened its dialog). Then the next key
goes, to whatever now has the focus. If a widget on the way is removed and
the marker is lost, the keys go on after about ``LONGEST_WAIT_SECONDS``
(one paused timer, restarted per key, rather than a new timer for every key
of a long paste).
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

#: A marker lost on the way (its widget removed) holds later keys no longer than this.
LONGEST_WAIT_SECONDS = 0.5


class KeyHandled(Message, bubble=True):
    """Posted behind a key to the widget it went to; it reaches the app once the key has been handled."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class KeyOrder:
    """The keys waiting for the one in flight, in the order they were typed."""

    def __init__(self, app: App[object]) -> None:
        self._app = app
        self._waiting: deque[events.Key] = deque()
        self._in_flight: int | None = None
        self._serial = 0
        self._fallback: Timer | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    async def idle(self) -> None:
        """Return once no key is on its way or waiting (a test's key presses are then done)."""
        await self._idle.wait()

    @property
    def in_flight(self) -> bool:
        """A key has been given out and its marker is not back yet."""
        return self._in_flight is not None

    @property
    def busy(self) -> bool:
        """A key is still on its way, or keys are waiting: a new key must queue behind them."""
        return self._in_flight is not None or bool(self._waiting)

    def wait(self, event: events.Key) -> None:
        """Keep ``event`` until the keys before it have been handled."""
        self._waiting.append(event)
        self._idle.clear()

    def sent(self, target: MessagePump) -> None:
        """A key has gone to ``target``: follow it with a marker and hold later keys until the marker is back."""
        self._serial += 1
        self._in_flight = self._serial
        self._idle.clear()
        target.post_message(KeyHandled(self._serial))
        if self._fallback is None:
            self._fallback = self._app.set_interval(
                LONGEST_WAIT_SECONDS, self._give_up_waiting, pause=True, name="key-order-fallback"
            )
        self._fallback.reset()

    def handled(self, serial: int) -> events.Key | None:
        """The key ``serial`` has been dealt with: the next waiting key, if any, to give out now."""
        if serial != self._in_flight:
            return None
        return self._next()

    def _next(self) -> events.Key | None:
        self._in_flight = None
        if self._fallback is not None:
            self._fallback.pause()
        if self._waiting:
            return self._waiting.popleft()
        self._idle.set()
        return None

    def _give_up_waiting(self) -> None:
        if self._fallback is not None:
            self._fallback.pause()
        if self._in_flight is not None:
            self._in_flight = None
            self._app.post_message(KeyHandled(0))

    def next_after_lost_marker(self) -> events.Key | None:
        """After a lost marker: the next waiting key, when nothing is in flight."""
        return self._next() if self._in_flight is None else None

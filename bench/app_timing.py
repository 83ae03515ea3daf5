"""Timing inside a running app (headless, Textual's test harness): until a screen has painted.

Shared by the budgets that measure the app itself rather than a process:
opening a meeting, coming back to the home screen, typing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any


async def painted(app: Any, screen_name: str, ready: Callable[[Any], bool] = lambda _screen: True) -> float:
    """Wait until ``screen_name`` is the current screen, ``ready`` says so, and its next frame is drawn.

    Returns ``time.perf_counter()`` at that moment.
    """
    while type(app.screen).__name__ != screen_name or not ready(app.screen):
        await asyncio.sleep(0.0005)
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()
    return time.perf_counter()

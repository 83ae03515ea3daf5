"""Shared Pilot steps: typing, letting the app settle, going into the room, and what the screen shows."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.textual_internals import PressesKeysInOrder
from sdm_facilitator.ui.workspace.screen import MeetingScreen

_NAMES = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", "/": "slash"}


def key_name(character: str) -> str:
    """Textual's name for the key that types ``character`` (as ``Pilot.press`` names it)."""
    if character in _NAMES:
        return _NAMES[character]
    if len(character) == 1 and not character.isalnum():
        return unicodedata.name(character, character).lower().replace("-", "_").replace(" ", "_")
    return character


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` as a quick typist does: every key through the app's own key handling, in order.

    The keys go in one burst, without ``Pilot.press``'s wait for the app to be
    idle after each one (those waits made typing the slowest part of the UI
    tests); then, once the app has taken every key and handled each in turn
    (it gives them out one at a time: ``ui/key_order.py``), the app settles.
    What arrives is the same key events.
    """
    for character in text:
        pilot.app.post_message(events.Key(key_name(character), character))
    await keys_handled(pilot.app)
    await settle(pilot, 2)


async def keys_handled(app: App[object]) -> None:
    """Return once ``app`` has taken every key posted to it so far and handled each in turn."""
    taken = asyncio.Event()
    app.call_later(taken.set)  # runs after the app has taken the keys posted before it, in order
    await taken.wait()
    if isinstance(app, PressesKeysInOrder):
        await app.keys_given_out()


async def settle(pilot: Pilot[int], times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def until(pilot: Pilot[int], condition: Callable[[], bool], what: str, *, most: int = 600) -> None:
    """Let the app run until ``condition()`` holds: a debounced save has reached disk, a clock has ticked.

    The test waits for the thing it needs, however busy the machine is, not for a
    length of time that happens to be enough on a quiet one. Each turn lets the app
    run for a twentieth of a second; ``most`` turns (half a minute) bound the wait
    so that a condition that never comes fails the test, naming ``what``, instead of
    hanging it.
    """
    for _ in range(most):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited in vain for {what}")


async def until_still(pilot: Pilot[int], *, most: int = 200) -> None:
    """Return once the screen draws the same picture twice running, with no animation left.

    A layout that refits after a refresh (tables sizing their columns, a scrollbar
    appearing) takes as many refreshes as it takes, however busy the machine is: this
    waits for them to end rather than for a length of time. ``most`` bounds the
    refreshes, so a screen that never stops changing fails the test instead of hanging it.
    """
    before = ""
    for _ in range(most):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        now = pilot.app.export_screenshot()
        if now == before:
            return
        before = now
    raise AssertionError(f"the screen was still changing after {most} refreshes")


async def into_the_room(pilot: Pilot[int], app: SdmApp, meeting_id: str) -> ChairScreen:
    """Open the meeting, then press m for the chair's view."""
    app.open_meeting(meeting_id)
    await settle(pilot)
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("f2", "m")
    await settle(pilot)
    assert isinstance(app.screen, ChairScreen)
    return app.screen


def screen_text(app: SdmApp) -> str:
    """Every Static's rendered text on the current screen."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def run_palette_command(pilot: Pilot[int], words: str) -> None:
    """Open the command palette, type ``words`` and run the first match, as a person would."""
    await pilot.press("ctrl+p")
    await type_text(pilot, words)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)

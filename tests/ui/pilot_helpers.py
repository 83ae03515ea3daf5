"""Shared steps for the review-fix tests: into the room, and what the screen shows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen

_NAMES = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", "/": "slash"}


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    await pilot.press(*[_NAMES.get(ch, ch) for ch in text])


async def settle(pilot: Pilot[int], times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


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

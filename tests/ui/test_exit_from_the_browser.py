"""A browser tab closed (or ``serve`` stopped) saves what was typed, as a closed terminal window does.

Textual's web driver ends the app by posting ``ExitApp`` itself (on textual-serve's
"quit", and on SIGINT or SIGTERM in place of the app's handlers), not through
``App.exit``; the test posts exactly that message.
"""

from __future__ import annotations

from pathlib import Path

from textual.messages import ExitApp

from sdm_facilitator.storage.drafts import read_drafts
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.room.capture import CaptureDialog
from sdm_facilitator.ui.shutdown import SAVED
from support.app_helpers import save_meetings
from support.pilot_helpers import settle, type_text
from support.room_fixtures import room_app, room_meeting

TYPED = "Dad [b]drinks[/b] at night"


async def test_text_in_an_open_dialog_is_kept_when_the_driver_ends_the_app(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await settle(pilot)
        await pilot.press("f2", "m")
        await settle(pilot)
        await pilot.press("w")  # a worry
        await settle(pilot)
        assert isinstance(app.screen, CaptureDialog)
        await type_text(pilot, TYPED)
        app.post_message(ExitApp())  # what the web driver sends when the tab closes
        app.post_message(ExitApp())  # and again, for SIGTERM as serve stops: saved once
        for _ in range(200):  # the save ends with exit(), which sets the return code
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == SAVED
    (draft,) = read_drafts(MeetingStore(isolated_data_dir), meeting.id)
    assert draft.values() == {"kind": "worry", "text": TYPED}

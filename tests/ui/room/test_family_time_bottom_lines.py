"""Private family time shows the bottom lines the family was given, on one key, as typed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from support.app_helpers import FIXED_NOW, save_meetings
from support.pilot_helpers import into_the_room, settle
from support.room_fixtures import room_app, room_meeting

LINE = "Nobody [b]shouts[/b] at the children 🙂"


async def test_b_shows_and_hides_the_bottom_lines_on_the_privacy_screen(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    meeting.referral.bottom_lines = [LINE, "Amara is in school every day."]
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")  # start family time
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        panel = app.screen.query_one("#family-bottom-lines", Static)
        assert not panel.display and "Amara is in school" not in str(panel.render())
        await pilot.press("b")
        await settle(pilot)
        assert panel.display and panel.region.height > 2
        shown = str(panel.render())
        assert "The bottom lines you were given" in shown
        assert f"1. {LINE}" in shown and "2. Amara is in school every day." in shown
        await pilot.press("b")
        await settle(pilot)
        assert not panel.display and isinstance(app.screen, FamilyTimeScreen)
        assert "Amara is in school" not in str(panel.render())

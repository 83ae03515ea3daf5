"""After private family time: the next key is a command, never a letter in the family's words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList, TextArea

from sdm_facilitator.domain.meeting import PhaseRecord
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_NOW, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.room_fixtures import room_app, room_meeting

WORDS = "We want Maja to stay with Nana."


def meeting_in_family_time():  # type: ignore[no-untyped-def]
    meeting = room_meeting()
    meeting.plan.family_words = WORDS
    record = meeting.record
    record.started = FIXED_NOW - timedelta(minutes=50)
    record.phases = [
        PhaseRecord("introductions", FIXED_NOW - timedelta(minutes=50), FIXED_NOW - timedelta(minutes=40)),
        PhaseRecord("information", FIXED_NOW - timedelta(minutes=40), FIXED_NOW - timedelta(minutes=20)),
        PhaseRecord("private-family-time", FIXED_NOW - timedelta(minutes=20)),
    ]
    record.family_time_start = FIXED_NOW - timedelta(minutes=20)
    return meeting


async def test_the_key_after_family_time_ends_opens_the_room_and_leaves_the_plan_alone(
    isolated_data_dir: Path,
) -> None:
    meeting = meeting_in_family_time()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        # Family time is still running, so the app opens straight into the privacy screen.
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        await pilot.press("ctrl+e")
        await type_text(pilot, "back")
        await pilot.press("enter")
        await settle(pilot, 5)
        workspace = app.screen
        assert isinstance(workspace, MeetingScreen)
        assert workspace.current_section is not None and workspace.current_section.id == "plan"
        assert isinstance(app.focused, OptionList), "the side list, not a text box"
        assert not isinstance(app.focused, TextArea)

        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen), "m is taken as the command it is"
        assert app.screen.session.meeting.plan.family_words == WORDS
        assert reload(isolated_data_dir, meeting.id).plan.family_words == WORDS

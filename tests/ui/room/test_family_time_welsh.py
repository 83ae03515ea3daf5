"""Private family time in Welsh, at 80x24: the family who chose Welsh sees every word of their screen in Welsh."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting import AgendaItem
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from support.app_helpers import FIXED_NOW, FakeClock, bundled_library, save_meetings
from support.pilot_helpers import into_the_room, screen_text, settle
from support.room_fixtures import room_meeting


async def test_private_family_time_is_in_welsh_when_the_family_chose_welsh(isolated_data_dir: Path) -> None:
    library = bundled_library()
    guide = library.get("fgc")
    assert guide is not None
    meeting = room_meeting()
    meeting.guide_id = guide.id
    meeting.agenda = [AgendaItem(phase_id=p.id, name=p.name, minutes=p.minutes) for p in guide.phases]
    meeting.choices.language = "Cymraeg"
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    save_meetings(isolated_data_dir, meeting)
    app = SdmApp(data_dir=isolated_data_dir, library=library, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")  # start family time (Yes has the focus)
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        shown = screen_text(app)
        assert "Amser i'r teulu, heb neb arall" in shown
        assert "Cwestiynau ar gyfer eich cynllun" in shown
        assert "Beth sydd angen digwydd er mwyn i'r plant fod yn ddiogel ac yn iach?" in shown
        assert "ar ôl" in shown and "amser a gynlluniwyd" in shown, "the countdown's words too"
        for english in ("Questions for your plan", "Time for the family", "What needs to happen", "planned:"):
            assert english not in shown
        assert app.screen.title == "Amser preifat i'r teulu"
        for part in ("#family-heading", "#family-countdown", "#family-how"):
            region = app.screen.query_one(part).region
            assert region.height >= 1 and region.bottom <= 24 and region.right <= 80, f"{part} fits on screen"
        words = [key.description for key in app.screen.query(FooterKey)]
        assert "Gorffen amser y teulu" in words and "End family time" not in words

        await pilot.press("escape")
        await settle(pilot)
        assert "Mae amser y teulu'n dal i fynd" in screen_text(app)

        # The way out is the same keys and word: the professionals' word stays as it is.
        await pilot.press("ctrl+e", "b", "a", "c", "k", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FamilyTimeScreen)

"""Quick capture shows language hints (never while names and notes are hidden); no family time in a family unity meeting."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.capture import CaptureDialog
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from sdm_facilitator.ui.widgets.hinted_text import HintLine, hint_text
from support.app_helpers import FIXED_TODAY, FakeClock, bundled_library, reload, save_meetings
from support.pilot_helpers import into_the_room, settle, type_text
from support.room_fixtures import room_app, room_meeting


async def test_quick_capture_shows_a_language_hint_as_the_chair_types(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "w")
        await settle(pilot)
        assert isinstance(app.screen, CaptureDialog)
        hint = app.screen.query_one(HintLine)
        assert not hint.has_class("-shown")
        await type_text(pilot, "Mum failed to engage")
        await settle(pilot)
        assert hint.has_class("-shown")
        assert "failed to engage" in str(hint.content)
        await pilot.press("enter")
        await settle(pilot)
    assert reload(isolated_data_dir, meeting.id).record.captures[-1].text == "Mum failed to engage"


async def test_no_hint_quotes_the_text_while_names_and_notes_are_hidden(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "h")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen) and chair is app.screen
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, CaptureDialog) and app.screen.masked
        await type_text(pilot, "Mum failed to engage")
        await settle(pilot)
        assert not app.screen.query_one(HintLine).has_class("-shown")


class _HintApp(App[None]):
    def compose(self) -> ComposeResult:
        yield HintLine()


async def test_a_long_hint_wraps_at_80_columns_instead_of_being_cut() -> None:
    hints = bundled_library().language_hints
    app = _HintApp()
    app.library = bundled_library()  # type: ignore[attr-defined]
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.query_one(HintLine)
        line.show_for("He was used as a drug runner and she is putting herself at risk.")
        await settle(pilot)
        full = str(hint_text(line.matches))
        assert len(full) > 160 and hints
        assert line.size.height >= 3
        shown = "".join(
            "".join(segment.text for segment in strip)
            for strip in (line.render_line(y) for y in range(line.size.height))
        )
        # Every character of the hint is on screen: wrapped, not cut.
        assert "".join(shown.split()) == "".join(full.split())


async def test_a_family_unity_meeting_has_no_private_family_time(isolated_data_dir: Path) -> None:
    when = datetime.combine(FIXED_TODAY + timedelta(days=3), time(10, 0))
    meeting = create_meeting(bundled_library(), kind="family-unity", family_label="Unity family", when=when)
    assert meeting.guide_id == "family-unity"
    save_meetings(isolated_data_dir, meeting)
    app = SdmApp(data_dir=isolated_data_dir, library=bundled_library(), clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        # The footer does not offer family time where there is none.
        footer = [key.description for key in app.screen.query(FooterKey)]
        assert "Family" not in footer and "Capture" in footer
        await pilot.press("f")
        await settle(pilot)
        assert not isinstance(app.screen, FamilyTimeScreen)
        assert isinstance(app.screen, ChairScreen)
        notes = [n.message for n in app._notifications]
        assert any(
            m.startswith("No private family time in this kind of meeting. The facilitator stays")
            for m in notes
        )
    assert reload(isolated_data_dir, meeting.id).record.family_time_start is None

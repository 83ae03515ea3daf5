"""Private family time: no quitting to the shell, and never silently reopening an ended meeting."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_NOW, reload, save_meetings
from support.pilot_helpers import into_the_room, screen_text, settle
from support.plan_helpers import held_meeting, open_section, start
from support.room_fixtures import room_app, room_meeting

ENDED = FIXED_NOW - timedelta(minutes=5)


def footer_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.description for key in app.screen.query(FooterKey)]


# ---------------------------------------------------------------- item 2: no quitting


async def test_ctrl_q_does_not_quit_from_the_privacy_screen(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        assert "Quit" in footer_words(app), "elsewhere the footer offers quitting"
        await pilot.press("f", "enter")  # start family time (Yes has the focus)
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        words = footer_words(app)
        assert "End family time" in words
        assert "Quit" not in words, "the privacy screen does not offer quitting"

        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, FamilyTimeScreen), "still the privacy screen, nothing on top"

        # Ending family time the deliberate way gives quitting back.
        await pilot.press("ctrl+e", "b", "a", "c", "k", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert "Quit" in footer_words(app)


# ---------------------------------------------------------------- item 4: an ended meeting


def ended_room_meeting() -> Meeting:
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW - timedelta(minutes=90)
    meeting.record.ended = ENDED
    return meeting


def reopen_question(app) -> Confirm:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, Confirm), f"expected the reopen question, got {app.screen}"
    shown = screen_text(app)
    assert f"The meeting was ended at {ENDED.astimezone():%H:%M}. Reopen it for more family time?" in shown
    assert app.focused is not None and app.focused.id == "confirm-no", "No has the focus"
    return app.screen


async def test_chair_asks_before_reopening_an_ended_meeting(isolated_data_dir: Path) -> None:
    meeting = ended_room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f")
        await settle(pilot)
        reopen_question(app)
        await pilot.press("enter")  # the focused No
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
        record = reload(isolated_data_dir, meeting.id).record
        assert record.ended == ENDED and record.family_time_start is None
        assert app.screen.meeting.record.ended == ENDED

        await pilot.press("f")
        await settle(pilot)
        reopen_question(app)
        await pilot.press("y")  # one question is enough: no second "start now?"
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
    record = reload(isolated_data_dir, meeting.id).record
    assert record.ended is None and record.family_time_start == FIXED_NOW


async def test_workspace_command_asks_before_reopening(isolated_data_dir: Path) -> None:
    meeting = ended_room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        app.screen.action_in_the_room(family_time=True)  # the palette's "start private family time"
        await settle(pilot, 5)
        reopen_question(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
    assert reload(isolated_data_dir, meeting.id).record.ended == ENDED


async def test_plan_section_asks_before_reopening_an_ended_meeting(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.record.ended = ENDED
    m.plan.response.decision = "not-agreed"
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        section = app.screen.query_one("#plan")
        await pilot.press("ctrl+b")
        await settle(pilot)
        reopen_question(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert reload(isolated_data_dir, m.id).record.ended == ENDED

        section.back_to_family_time()  # the palette's "Plan: back to private family time"
        await settle(pilot)
        reopen_question(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
    record = reload(isolated_data_dir, m.id).record
    assert record.ended is None and record.family_time_start == FIXED_NOW


async def test_plan_section_running_meeting_goes_straight_back(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.response.decision = "not-agreed"
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen), "not ended: no question"
    assert reload(isolated_data_dir, m.id).record.family_time_start == FIXED_NOW


# ---------------------------------------------------------------- item 6: one "now"


async def test_chair_and_privacy_screen_share_the_apps_clock(isolated_data_dir: Path) -> None:
    from sdm_facilitator.ui.room.family_time import app_now
    from support.app_helpers import FakeClock

    assert ChairScreen.now is FamilyTimeScreen.now is app_now, "one 'now' for the room's screens"
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")
        await settle(pilot)
        privacy = app.screen
        assert isinstance(privacy, FamilyTimeScreen)
        clock.advance(minutes=7)
        assert chair.now() == privacy.now() == FIXED_NOW + timedelta(minutes=7)

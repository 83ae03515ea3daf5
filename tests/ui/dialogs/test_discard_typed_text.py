"""Escape never throws typed text away without asking (form, capture and scale dialogs)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from sdm_facilitator.domain.meeting import Action
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.room.capture import CaptureDialog, ScaleDialog
from sdm_facilitator.ui.room.chair import ChairScreen
from support.app_helpers import reload, save_meetings
from support.pilot_helpers import into_the_room, screen_text, settle, type_text
from support.plan_helpers import held_meeting, open_section, start
from support.room_fixtures import room_app, room_meeting


def _asks_to_discard(app) -> Confirm:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, Confirm), f"expected the discard question, got {screen}"
    assert "Discard what you typed?" in screen_text(app)
    assert app.focused is not None and app.focused.id == "confirm-no", "Keep editing has the focus"
    return screen


# ---------------------------------------------------------------- the form dialog


async def test_form_escape_closes_at_once_when_nothing_typed(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert not dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"


async def test_form_escape_asks_before_discarding_typed_text(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        await type_text(pilot, "Nana [/] stays")
        assert dialog.unsaved_text()

        # Escape asks; a second Escape keeps editing, with the text still there.
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#field-what", Input).value == "Nana [/] stays"

        # Enter on the focused "Keep editing" keeps it too.
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog

        # Only "Discard" closes it, and nothing is added.
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert app.screen.session.meeting.plan.actions == []  # type: ignore[attr-defined]
    assert reload(isolated_data_dir, m.id).plan.actions == []


async def test_form_editing_back_to_the_start_loses_nothing(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.actions = [Action(what="Walk to school", who="Bea")]
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        app.screen.query_one("#plan-actions").focus()
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert not dialog.unsaved_text(), "the values it opened with are not 'typed'"
        await pilot.press("end", "x")
        assert dialog.unsaved_text()
        await pilot.press("backspace")
        assert not dialog.unsaved_text()
        await pilot.press("tab", "end", "y")  # the second field (Who) changed
        assert dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.press("y")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert [(a.what, a.who) for a in app.screen.session.meeting.plan.actions] == [  # type: ignore[attr-defined]
            ("Walk to school", "Bea")
        ]


# ---------------------------------------------------------------- in the room


async def test_capture_escape_asks_only_when_text_was_written(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CaptureDialog)
        await pilot.press("down")  # a different kind, but nothing written
        assert not dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen), "nothing typed: closes at once"

        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CaptureDialog)
        await type_text(pilot, "Dad [b]drinks")
        assert dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#capture-text", Input).value == "Dad [b]drinks"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
    assert reload(isolated_data_dir, meeting.id).record.captures == []


async def test_masked_capture_asks_without_showing_the_text(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("h", "c")  # names and notes hidden
        await settle(pilot)
        await type_text(pilot, "Zzsecret")
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        assert "Zzsecret" not in screen_text(app)


async def test_scale_escape_asks_when_anything_was_typed(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ScaleDialog)
        assert not dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen), "nothing typed: closes at once"

        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ScaleDialog)
        await pilot.press("enter")  # to "who gave it", the number left empty
        await type_text(pilot, "Kerry")
        assert dialog.unsaved_text()
        await pilot.press("escape")
        await settle(pilot)
        _asks_to_discard(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#scale-who", Input).value == "Kerry"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
    assert reload(isolated_data_dir, meeting.id).record.scales == []

"""Keys typed the moment a dialog is on screen land in the field that gets the focus, in order.

A coordinator types fast: the words after the key that opens a dialog arrive
while the dialog is still being built. These tests wait only until the
dialog is on the screen (not until it is drawn or focused), then post the
rest at once with no pause between keys, as a terminal delivers a quick
typist or a paste, and check that nothing is dropped and nothing lands in
another field.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input

from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.room.capture import CaptureDialog
from support.app_helpers import save_meetings
from support.pilot_helpers import into_the_room, keys_handled, settle
from support.plan_helpers import held_meeting, open_section, start
from support.prep_fixtures import new_prep_meeting, prep_app
from support.room_fixtures import room_app, room_meeting

_CHARACTERS = {"space": " ", "tab": "\t", "enter": "\r"}


def burst(app: App[object], *parts: str) -> None:
    """Post every key of ``parts`` to the app at once: names like "tab" as keys, other text letter by letter."""
    for part in parts:
        keys = [part] if part in _CHARACTERS or part.startswith("ctrl+") else list(part)
        for key in keys:
            name = "space" if key == " " else key
            app.post_message(events.Key(name, _CHARACTERS.get(name, key if len(key) == 1 else None)))


async def open_then_type(app: App[object], opener: str, dialog_type: type, *parts: str) -> None:
    """Post ``opener``; the moment a ``dialog_type`` is the screen (not yet ready), post ``parts`` at once."""
    burst(app, opener)
    for _ in range(10_000):
        if isinstance(app.screen, dialog_type):
            break
        await asyncio.sleep(0)
    else:
        raise AssertionError(f"{opener} did not open a {dialog_type.__name__}")
    assert app.screen.focused is None, "the dialog was ready already: this would not test type-ahead"
    burst(app, *parts)
    await keys_handled(app)


async def _prep_section(pilot, app, section: str) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await app.screen.show_section(section)
    await settle(pilot)


async def test_a_person_typed_straight_after_a_lands_in_name_then_relationship(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await _prep_section(pilot, app, "prep-people")
        await open_then_type(app, "a", EditorDialog, "Rose Okafor")
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        assert dialog.query_one("#pe-name", Input).value == "Rose Okafor"


async def test_information_typed_fast_goes_to_each_field_in_turn(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await _prep_section(pilot, app, "prep-info")
        await open_then_type(app, "a", EditorDialog, "Assessment", "tab", "Gran and Dad")
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        assert dialog.query_one("#is-document", Input).value == "Assessment"
        assert dialog.query_one("#is-to", Input).value == "Gran and Dad"


async def test_an_action_typed_straight_after_ctrl_n_fills_what_then_who(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "plan")
        await open_then_type(app, "ctrl+n", FormDialog, "Nana stays on Fridays", "tab", "Bea")
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#field-what", Input).value == "Nana stays on Fridays"
        assert dialog.query_one("#field-who", Input).value == "Bea"


async def test_a_capture_typed_straight_after_c_is_kept_whole(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await open_then_type(app, "c", CaptureDialog, "Mum [b] said yes")
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, CaptureDialog)
        assert dialog.query_one("#capture-text", Input).value == "Mum [b] said yes"


async def test_an_opener_and_its_text_in_one_write_reach_the_dialog(isolated_data_dir: Path) -> None:
    """``c`` and the words after it arrive together (a paste, tmux send-keys): the words land in the capture box."""
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        burst(app, "c", "Gran (Sue) said yes")
        await keys_handled(app)
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, CaptureDialog)
        assert dialog.query_one("#capture-text", Input).value == "Gran (Sue) said yes"


async def test_a_person_and_their_relationship_in_one_write_fill_both_fields(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await _prep_section(pilot, app, "prep-people")
        burst(app, "a", "Rose Okafor", "tab", "Aunt")
        await keys_handled(app)
        await settle(pilot, 6)
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        assert dialog.query_one("#pe-name", Input).value == "Rose Okafor"

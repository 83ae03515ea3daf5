"""Editor dialogs open at their top: the first field is focused with its label in view."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import Field
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import save_meetings
from support.pilot_helpers import settle
from support.prep_fixtures import full_meeting, new_prep_meeting, prep_app

SIZE = (80, 24)


async def _open_editor(pilot, app, section_id: str) -> EditorDialog:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.show_section(section_id)
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, EditorDialog)
    return dialog


def _first_label_visible(dialog: EditorDialog) -> None:
    body = dialog.query_one(".editor-body", VerticalScroll)
    assert body.scroll_y == 0
    first = body.query(Field).first()
    label = first.children[0]
    assert label.region.height >= 1
    assert body.region.contains_region(label.region), (label.region, body.region)
    assert dialog.focused is not None and first in dialog.focused.ancestors


async def test_new_person_dialog_opens_with_the_first_label_in_view(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_editor(pilot, app, "prep-people")
        assert dialog.dialog_title == "New person"
        _first_label_visible(dialog)
        assert dialog.focused is not None and dialog.focused.id == "pe-name"


async def test_new_report_dialog_opens_with_the_first_label_in_view(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_editor(pilot, app, "prep-info")
        _first_label_visible(dialog)


async def test_the_person_form_shows_the_fields_filled_first_and_that_it_goes_on(
    isolated_data_dir: Path,
) -> None:
    """At 80x24 the first screen holds name to preparation visit, with a scrollbar for the rest."""
    meeting = full_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(meeting.id)
        await settle(pilot)
        await app.screen.show_section("prep-people")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        body = app.screen.query_one(".editor-body", VerticalScroll)
        visible = body.content_region
        for field_id in ("pe-name", "pe-role", "pe-relationship", "pe-invitation", "pe-prep-visit"):
            region = app.screen.query_one(f"#{field_id}").region
            assert visible.contains_region(region), f"{field_id} is on the first screen"
        assert body.show_vertical_scrollbar and body.max_scroll_y > 0, "the form says it goes on"

"""Polish after a newcomer's first try of the app, at the usual 80x24 terminal.

Starting a meeting planned for another day asks first; the chair's "who is
here" list leaves out people not expected and shows the children taking part;
the follow-up tables show the whole text of the highlighted row; the new
meeting form notes a guide without steps for the chosen context; the editor
dialogs open at their top; the high-contrast theme keeps muted text bright;
the chair's footer fits 80 columns.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.color import Color
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Input, Static

from app.fixes.fixes_helpers import into_the_room, screen_text, settle
from app.part1.prep_fixtures import new_prep_meeting, prep_app
from app.part2a.chair_fixtures import room_app, room_meeting
from app_helpers import FIXED_TODAY, reload, save_meetings
from sdm_facilitator.domain.meeting import Child, Person
from sdm_facilitator.ui.screens.capture_dialog import PeopleDialog
from sdm_facilitator.ui.screens.chair import ChairScreen
from sdm_facilitator.ui.screens.meeting import MeetingScreen
from sdm_facilitator.ui.widgets.confirm import Confirm
from sdm_facilitator.ui.widgets.editor_dialog import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import Field

SIZE = (80, 24)


# ---------------------------------------------------------------- 5. editor dialogs open at their top


async def _open_editor(pilot, app, section_id: str) -> EditorDialog:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    screen.show_section(section_id)
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

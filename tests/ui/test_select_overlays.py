"""An open drop-down menu has a solid background and a border in both themes, over the fields below it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from support.app_helpers import save_meetings
from support.pilot_helpers import settle
from support.prep_fixtures import full_meeting, prep_app

THEMES = ["textual-dark", "sdm-high-contrast"]


async def open_format_menu(pilot) -> Select:  # type: ignore[no-untyped-def,type-arg]
    app = pilot.app
    meeting_id = app.store.list_meetings().meetings[0].meeting.id
    app.open_meeting(meeting_id)
    await settle(pilot)
    await app.screen.show_section("prep-choices")
    await settle(pilot)
    select = app.screen.query_one("#ch-format", Select)
    select.focus()
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return select


@pytest.mark.parametrize("theme", THEMES)
async def test_an_open_menu_is_solid_and_bordered(isolated_data_dir: Path, theme: str) -> None:
    save_meetings(isolated_data_dir, full_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        select = await open_format_menu(pilot)
        assert select.expanded
        overlay = select.query_one("SelectOverlay")
        styles = overlay.styles
        assert styles.background.a == 1, "nothing underneath shows through"
        assert all(
            edge[0] not in ("", "none", "hidden")
            for edge in (styles.border_top, styles.border_bottom, styles.border_left, styles.border_right)
        )
        assert styles.background != overlay.screen.styles.background or theme == "sdm-high-contrast"


@pytest.mark.parametrize("theme", THEMES)
def test_open_menu_snapshot(snap_compare, isolated_data_dir: Path, theme: str) -> None:  # type: ignore[no-untyped-def]
    save_meetings(isolated_data_dir, full_meeting())
    app = prep_app(isolated_data_dir)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = theme
        await open_format_menu(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

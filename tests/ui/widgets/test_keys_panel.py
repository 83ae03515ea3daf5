"""`?` lists the keys that do something here before the keys that move around."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from sdm_facilitator.ui.widgets.keys_panel import (
    ANYWHERE,
    MOVING_AROUND,
    ON_THIS_SCREEN,
    KeysPanel,
    key_groups,
)
from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import settle


async def test_question_mark_lists_the_screen_s_own_keys_first_and_moving_around_last(
    isolated_data_dir: Path,
) -> None:
    save_meetings(isolated_data_dir, new_meeting("fgc", "[bold]Ahmed[/] family"))
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.screen.query(KeysPanel)
        groups = key_groups(app.screen)
        names = list(groups)
        assert names[-1] == MOVING_AROUND
        assert names.index(ON_THIS_SCREEN) < names.index(ANYWHERE) < names.index(MOVING_AROUND)
        on_screen = [line.description for line in groups[ON_THIS_SCREEN]]
        assert any("new" in words.lower() for words in on_screen)
        moving = [line.description.lower() for line in groups[MOVING_AROUND]]
        assert any("cursor" in words or "scroll" in words or "page" in words for words in moving)
        assert all("cursor" not in line.description.lower() for line in groups[ON_THIS_SCREEN])
        await pilot.press("question_mark")
        await settle(pilot)
        assert not app.screen.query(KeysPanel)


async def test_the_panel_is_drawn_with_its_groups_in_order(
    isolated_data_dir: Path,
) -> None:
    save_meetings(isolated_data_dir, new_meeting("fgc", "Okafor family"))
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one(KeysPanel).query_one("#keys-table", Static).content
        console = Console(width=60, record=True, file=io.StringIO())
        console.print(table)
        drawn = console.export_text()
        assert drawn.index(ON_THIS_SCREEN) < drawn.index(ANYWHERE) < drawn.index(MOVING_AROUND)
        # Enter opens a meeting: the app's own binding, not one of the list's cursor keys.
        assert drawn.index("Open") < drawn.index(MOVING_AROUND)

"""A data folder kept in step by a sync engine, on the home screen: changes arrive within seconds, a conflict copy is merged."""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.merge_conflict import MergeConflictDialog
from sdm_facilitator.ui.home.home import FOLDER_POLL_SECONDS, HomeScreen
from support.app_helpers import reload, save_meetings
from support.prep_fixtures import new_prep_meeting, prep_app


async def _until(
    pilot: Pilot[int], done: Callable[[], bool], seconds: float = 6 * FOLDER_POLL_SECONDS
) -> None:
    """Wait for the home screen's next looks at the folder until ``done`` (a real poll: real seconds)."""
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "the home screen did not show the change"
        await asyncio.sleep(0.1)
        await pilot.pause()


def _families(app: SdmApp) -> list[str]:
    table = app.screen.query_one("#meetings", DataTable)
    return sorted(str(table.get_cell(key, "family")) for key in table.rows)


async def test_a_synced_change_shows_and_a_conflict_copy_is_merged_from_the_palette(
    isolated_data_dir: Path,
) -> None:
    here = new_prep_meeting("Hollins family")
    here.children = [Child(id="c1", name="Amara")]
    save_meetings(isolated_data_dir, here)
    folder = isolated_data_dir / "meetings"
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and _families(app) == ["Hollins family"]
        # Another laptop's new meeting arrives through the sync engine.
        arriving = new_prep_meeting("Rahman family")
        (folder / f"{arriving.id}.toml").write_text(meeting_to_toml(arriving))
        await _until(pilot, lambda: _families(app) == ["Hollins family", "Rahman family"])
        # Both laptops changed the Hollins meeting: Syncthing keeps theirs beside ours.
        there = copy.deepcopy(here)
        there.children[0].views = "wants to stay with nan"
        conflict = folder / f"{here.id}.sync-conflict-20261207-101500-ABCDEFG.toml"
        conflict.write_text(meeting_to_toml(there))
        problems = app.screen.query_one("#unreadable", Static)
        await _until(pilot, lambda: conflict.name in str(problems.render()))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Compare and merge", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MergeConflictDialog)
        assert [d.label for d in dialog.found] == ["children › Amara › views"]
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not conflict.exists() and conflict.name not in str(problems.render())
    assert reload(isolated_data_dir, here.id).children[0].views == "wants to stay with nan"

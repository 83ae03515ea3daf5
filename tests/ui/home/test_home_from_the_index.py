"""The home screen reads the summary index, not every file: on start, on return, after a dialog."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from sdm_facilitator.storage import index as index_module
from sdm_facilitator.storage import startup_checks as startup_module
from sdm_facilitator.storage.index import INDEX_NAME, FileKey, SummaryIndex
from sdm_facilitator.ui.home import home as home_module
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import save_meetings
from support.pilot_helpers import until
from support.prep_fixtures import new_prep_meeting, prep_app


def aged(data_dir: Path) -> None:
    then = time.time_ns() - 3600 * 1_000_000_000
    for path in (data_dir / "meetings").glob("*.toml"):
        os.utime(path, ns=(then, then))


def family_cells(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(table.get_cell(key, "family")) for key in table.rows]


async def test_returning_from_a_meeting_updates_its_row_without_reading_the_store(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = new_prep_meeting("Hollins family"), new_prep_meeting("Rahman family")
    save_meetings(isolated_data_dir, first, second)
    aged(isolated_data_dir)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#meetings", DataTable)
        assert sorted(family_cells(table)) == ["Hollins family", "Rahman family"]
        listings: list[object] = []
        real = SummaryIndex.listing
        monkeypatch.setattr(
            SummaryIndex, "listing", lambda self, **kw: listings.append(kw) or real(self, **kw)
        )
        app.open_meeting(first.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen.session.meeting.family_label = "Barnes family"
        screen.session.mark_changed()
        fills: list[object] = []
        real_fill = HomeScreen._fill_table
        monkeypatch.setattr(HomeScreen, "_fill_table", lambda self: fills.append(self) or real_fill(self))
        screen.action_close_meeting()
        await pilot.pause()
        assert app.screen is home
        assert sorted(family_cells(table)) == ["Barnes family", "Rahman family"]
        assert fills == []  # one row changed where it is; the table was not filled again
        await pilot.press("ctrl+p")  # the command palette, then back: nothing is read
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home and listings == []

        def indexed_families() -> set[str]:
            rows = SummaryIndex(app.store, lambda m: None, app.summary_index().guides_key).load()
            return {row.summary.family_label for row in rows.values() if row.summary}

        # The closed meeting's row goes into the index, checked against the file, a
        # moment after the home screen is drawn.
        await until(
            pilot,
            lambda: indexed_families() == {"Barnes family", "Rahman family"},
            "both rows in the index",
        )
        await app.workers.wait_for_complete()


async def test_many_changed_files_are_read_in_the_background_with_a_progress_line(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_module, "READ_BEFORE_PAINT", 2)
    monkeypatch.setattr(home_module, "PROGRESS_FROM", 3)
    save_meetings(isolated_data_dir, *[new_prep_meeting(f"Family {n}") for n in range(8)])
    shown: list[str] = []
    real = HomeScreen._show_progress
    monkeypatch.setattr(
        HomeScreen,
        "_show_progress",
        lambda self, done, total: shown.append(f"{done}/{total}") or real(self, done, total),
    )
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert home.query_one("#meetings", DataTable).row_count == 8
        assert shown and shown[-1] == "8/8"
        assert not home.query_one("#index-progress", Static).display
    assert (isolated_data_dir / "meetings" / INDEX_NAME).exists()


async def test_the_table_holds_the_latest_meetings_and_the_filter_reaches_all(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_module, "MAX_TABLE_ROWS", 3)
    save_meetings(isolated_data_dir, *[new_prep_meeting(f"Family {n}") for n in range(5)])
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#meetings", DataTable)
        shown = family_cells(table)
        assert len(shown) == 3
        more = home.query_one("#more-meetings", Static)
        assert more.display and "Showing the 3 with the latest activity of 5" in str(more.content)
        hidden = next(f"Family {n}" for n in range(5) if f"Family {n}" not in shown)
        await pilot.press(*hidden.split()[1])  # type the number: the filter searches every meeting
        await pilot.pause()
        assert family_cells(table) == [hidden] and not more.display


async def test_a_store_without_its_index_says_it_is_reading_from_the_first_moment(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: a restored or copied-in store showed "No meetings yet" while it read every file."""
    monkeypatch.setattr(home_module, "READ_BEFORE_PAINT", 2)
    monkeypatch.setattr(home_module, "PROGRESS_FROM", 3)
    monkeypatch.setattr(startup_module, "RECENT_FILES_CHECKED", 0)  # 8 files stand for thousands
    save_meetings(isolated_data_dir, *[new_prep_meeting(f"Family {n}") for n in range(8)])
    aged(isolated_data_dir)
    (isolated_data_dir / "meetings" / INDEX_NAME).unlink(missing_ok=True)
    reading, go_on = threading.Event(), threading.Event()
    real_read_row = SummaryIndex.read_row

    def held_read_row(self: SummaryIndex, name: str, known: object = None) -> object:
        # Held in the home screen's worker only (start-up reads a few recent files itself, to find
        # a meeting in family time). The progress line was drawn before this: the worker waits for it.
        if threading.current_thread() is not threading.main_thread():
            reading.set()
            go_on.wait(30)
        return real_read_row(self, name, known)  # type: ignore[arg-type]

    monkeypatch.setattr(SummaryIndex, "read_row", held_read_row)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            assert await asyncio.to_thread(reading.wait, 30)
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            line = home.query_one("#index-progress", Static)
            assert line.display
            assert str(line.content) == "Reading meeting files: 0 of 8…"
            empty = home.query_one("#no-meetings", Static)
            assert empty.display and str(empty.content) == "Reading the meeting files in this folder…"
        finally:
            go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert home.query_one("#meetings", DataTable).row_count == 8
        assert not line.display and not empty.display


async def test_a_few_files_that_take_long_still_get_a_progress_line(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_module, "READ_BEFORE_PAINT", 1)
    monkeypatch.setattr(
        home_module, "PROGRESS_AFTER_SECONDS", 0.0
    )  # "longer than a second", without waiting one
    # The start-up check reads the newest changed files itself; once they are two seconds old (a busy
    # machine), their rows are trusted and nothing is left for the list to read. These stand for thousands.
    monkeypatch.setattr(startup_module, "RECENT_FILES_CHECKED", 0)
    save_meetings(isolated_data_dir, *[new_prep_meeting(f"Family {n}") for n in range(3)])
    shown: list[str] = []
    real = HomeScreen._show_progress
    monkeypatch.setattr(
        HomeScreen,
        "_show_progress",
        lambda self, done, total: shown.append(f"{done}/{total}") or real(self, done, total),
    )
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert shown and shown[0] == "0/3" and shown[-1] == "3/3"


async def test_a_start_looks_at_the_meetings_folder_once(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meetings = [new_prep_meeting(f"Family {n}") for n in range(3)]
    save_meetings(isolated_data_dir, *meetings)
    aged(isolated_data_dir)
    app = prep_app(isolated_data_dir)
    app.summary_index().listing()  # the index as an earlier start left it: every row trusted
    scans: list[object] = []
    real = SummaryIndex._files
    monkeypatch.setattr(SummaryIndex, "_files", lambda self: scans.append(self) or real(self))
    looked: list[int] = []
    real_key = FileKey.of
    monkeypatch.setattr(FileKey, "of", lambda stat: looked.append(stat.st_ino) or real_key(stat))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert sorted(family_cells(table)) == ["Family 0", "Family 1", "Family 2"]
        # The check for a missing key file, the family-time check and the list shared one look.
        assert len(scans) == 1
        inodes = {path.stat().st_ino for path in (isolated_data_dir / "meetings").glob("*.toml")}
        assert sorted(n for n in looked if n in inodes) == sorted(inodes)  # one stat of each file
        app.screen.action_refresh()
        assert len(scans) == 2  # a refresh later looks again


async def test_a_start_paints_the_head_of_the_list_then_the_whole_list(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27: the first screen comes from the index's head; the rest of the list follows its first paint."""
    monkeypatch.setattr(index_module, "HEAD_ROWS", 2)
    save_meetings(isolated_data_dir, *[new_prep_meeting(f"Family {n}") for n in range(5)])
    aged(isolated_data_dir)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:  # reads the files, writes the index and its head
        await pilot.pause()
        await app.workers.wait_for_complete()
    fills: list[tuple[bool, int, str]] = []
    real_fill = HomeScreen._fill_table

    def fill(self: HomeScreen) -> None:
        real_fill(self)
        more = self.query_one("#more-meetings", Static)
        shown = str(more.content) if more.display else ""
        fills.append((self.listing.partial, self.query_one("#meetings", DataTable).row_count, shown))

    monkeypatch.setattr(HomeScreen, "_fill_table", fill)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert len(family_cells(home.query_one("#meetings", DataTable))) == 5
    assert fills[0][:2] == (True, 2) and "Showing the 2 with the latest activity of 5" in fills[0][2]
    assert fills[-1] == (False, 5, "")

"""Closed meetings on the home screen, deleting from the app, the retention review and where the data is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from sdm_facilitator.domain.closure import close_meeting, reopen_meeting
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.locations import LocationsDialog
from sdm_facilitator.ui.dialogs.typed_confirm import TypedConfirm
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.home.retention import RetentionScreen
from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import run_palette_command, screen_text, settle, type_text
from support.privacy_helpers import named_meeting, names_on_disk


def row_ids(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(row.value) for row in app.screen.query_one(DataTable).rows]


async def test_closed_meetings_leave_the_list_and_f3_shows_them(isolated_data_dir: Path) -> None:
    still_open, done = new_meeting(label="Still open"), new_meeting(label="Work done")
    close_meeting(done, "work-finished", date(2026, 1, 10))
    save_meetings(isolated_data_dir, still_open, done)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert row_ids(app) == [still_open.id]
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.title == "Closed meetings"
        assert row_ids(app) == [done.id]
        assert "Closed before the day on 2026-01-10: The work is finished" in screen_text(app)
        # Reopened elsewhere (the command line): back in the main list after a refresh.
        store = MeetingStore(isolated_data_dir)
        opened = store.open(done.id)
        reopen_meeting(opened.meeting)
        store.save(opened)
        store.close(opened)
        await pilot.press("f3", "f5")
        await settle(pilot)
        assert sorted(row_ids(app)) == sorted([still_open.id, done.id])


async def test_only_closed_meetings_still_skips_the_welcome(isolated_data_dir: Path) -> None:
    done = new_meeting(label="Work done")
    close_meeting(done, "transferred", date(2026, 1, 10))
    save_meetings(isolated_data_dir, done)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Every meeting is closed. Press f3" in screen_text(app)


async def test_delete_an_open_meeting_needs_the_typed_word(isolated_data_dir: Path) -> None:
    doomed, kept = named_meeting(), new_meeting(label="Kept family")
    save_meetings(isolated_data_dir, doomed, kept)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=row_ids(app).index(doomed.id))
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, TypedConfirm)
        assert "The meeting for Quillfeather family is not closed" in screen_text(app)
        await pilot.press("y", "enter")  # a stray yes never deletes
        await settle(pilot)
        assert isinstance(app.screen, TypedConfirm) and "Nothing was removed" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert doomed.id in row_ids(app)
        await pilot.press("delete")
        await settle(pilot)
        await type_text(pilot, "delete")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert row_ids(app) == [kept.id]
    assert names_on_disk(isolated_data_dir) == []


async def test_delete_a_closed_meeting_asks_yes_naming_the_family(isolated_data_dir: Path) -> None:
    done = new_meeting(label="Closed [b]family")
    close_meeting(done, "family-moved", date(2025, 6, 1))
    save_meetings(isolated_data_dir, done)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3", "delete")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "Delete the meeting for Closed [b]family for good?" in screen_text(app)
        await pilot.press("enter")  # the focused button is Keep
        await settle(pilot)
        assert row_ids(app) == [done.id]
        await pilot.press("delete", "y")
        await settle(pilot)
        assert not MeetingStore(isolated_data_dir).list_meetings().meetings


async def test_retention_review_lists_past_the_period_and_deletes_all_on_yes(isolated_data_dir: Path) -> None:
    old, older, recent = new_meeting(label="Old"), new_meeting(label="Older"), new_meeting(label="Recent")
    close_meeting(old, "work-finished", date(2024, 3, 1))  # 24 months before the fixed today
    close_meeting(older, "other", date(2020, 5, 5))
    close_meeting(recent, "work-finished", date(2025, 12, 1))
    save_meetings(isolated_data_dir, old, older, recent)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")  # the home screen lists the closed meetings
        await settle(pilot)
        assert sorted(row_ids(app)) == sorted([old.id, older.id, recent.id])
        app.action_retention()
        await settle(pilot)
        assert isinstance(app.screen, RetentionScreen)
        assert row_ids(app) == [older.id, old.id]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, Confirm) and "Delete all 2 listed meetings" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert row_ids(app) == [older.id, old.id]
        await pilot.press("a", "y")
        await settle(pilot)
        assert "No closed meeting is past the retention period" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert row_ids(app) == [recent.id]  # the deleted meetings have left the home list too
    assert [m.meeting.id for m in MeetingStore(isolated_data_dir).list_meetings().meetings] == [recent.id]


async def test_where_the_data_is_from_the_palette(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_palette_command(pilot, "where the data")
        assert isinstance(app.screen, LocationsDialog)
        text = screen_text(app)
        assert "meetings" in text and "error reports" in text and "encryption key file" in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, LocationsDialog)


async def test_a_meeting_whose_file_cannot_be_read_is_deleted_from_the_app_by_its_id(
    isolated_data_dir: Path,
) -> None:
    """A file that does not parse is not a row, yet it is a child's record: the palette deletes it by id."""
    kept = new_meeting(label="Other family")
    store = save_meetings(isolated_data_dir, kept)
    broken = store.folder / "20260301-0a1b2c3d.toml"
    broken.write_text(
        'id = "20260301-0a1b2c3d"\nfamily_label = "Quillfeather family"\nupdated = 2016-12-31T23:59:60Z\n'
    )
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert row_ids(app) == [kept.id] and "leap second" in screen_text(app)
        await run_palette_command(pilot, "Delete the unreadable file")
        assert isinstance(app.screen, TypedConfirm)
        assert "20260301-0a1b2c3d.toml cannot be read" in screen_text(app)
        await pilot.press("y", "enter")  # a stray yes never deletes
        await settle(pilot)
        assert isinstance(app.screen, TypedConfirm) and broken.exists()
        await type_text(pilot, "delete")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not broken.exists() and "leap second" not in screen_text(app)
        assert row_ids(app) == [kept.id]
    assert names_on_disk(isolated_data_dir) == []

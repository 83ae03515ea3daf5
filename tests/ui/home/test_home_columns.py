"""The home list keeps its Stage column at 80 columns and fits the screen again after every resize."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import settle
from support.table_helpers import column_keys, drawn_lines, fills_its_width

LONG_LABEL = "Amara and the Okafor-Reid family"
HOSTILE = "[bold]x[/] family"


def meetings():  # type: ignore[no-untyped-def]
    held = new_meeting(
        "cp-conference", "Familie Schröder-Nowak (Lena, Jonas)", when=datetime(2026, 2, 2, 10, 0)
    )
    held.record.started = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)
    held.record.ended = datetime(2026, 2, 2, 12, 0, tzinfo=UTC)
    listed = [
        new_meeting("fgc", LONG_LABEL, when=datetime(2026, 3, 12, 17, 30)),
        new_meeting("cin-meeting", "Семья Кузнецовых"),
        new_meeting("fgc", HOSTILE),
        held,
    ]
    # The list shows the most recently changed first; distinct times make that order (and so
    # the row under the cursor) the same on every run, whatever order the folder lists files in.
    for minutes, meeting in enumerate(listed):
        meeting.updated = meeting.updated - timedelta(minutes=minutes)
    return listed


async def test_at_80_columns_the_home_list_keeps_the_stage_and_fits(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, *meetings())
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#meetings", DataTable)
        keys = column_keys(table)
        assert {"family", "stage", "date", "ready"} <= set(keys)
        assert fills_its_width(table)
        lines = drawn_lines(table)
        assert "Stage" in lines[0]
        assert any("Follow-up" in line for line in lines) and any("Preparation" in line for line in lines)
        assert any("Семья Кузнецовых" in line for line in lines)
        assert any("[bold]x[/]" in line for line in lines)
        # The next due and the kind are spared before the stage or a family label of up to 30
        # characters, and a long readiness is cut: the detail has them all.
        assert "due" not in keys and "kind" not in keys
        assert any(LONG_LABEL[:30] in line for line in lines)
        assert any("■ 2 to check · ✗ 19 o…" in line for line in lines)
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
        assert "Next due:" in detail and "Family group conference" in detail
        row = app.screen._current_row()  # type: ignore[attr-defined]
        assert row.readiness_text in detail


async def test_the_home_list_refits_after_a_resize_both_ways(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, *meetings())
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#meetings", DataTable)
        narrow = table.columns["family"].width  # type: ignore[index]
        await pilot.resize_terminal(150, 30)
        await settle(pilot)
        assert fills_its_width(table)
        assert table.columns["family"].width > narrow  # type: ignore[index]
        assert {"context", "stage", "due"} <= set(column_keys(table))
        assert any(LONG_LABEL in line for line in drawn_lines(table))
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert fills_its_width(table)
        assert table.columns["family"].width == narrow  # type: ignore[index]
        assert "stage" in column_keys(table) and "context" not in column_keys(table)


async def test_at_80_columns_short_labels_keep_the_kind_and_30_characters_show_whole(
    isolated_data_dir: Path,
) -> None:
    """Two families with labels alike up to the 18th character are told apart; nothing gives way needlessly."""
    alike = ["Okafor-Reid family (Amara, Tobi)"[:30], "Okafor-Reid family (Kemi, Ade)"]
    save_meetings(isolated_data_dir, *(new_meeting("fgc", label) for label in alike))
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#meetings", DataTable)
        lines = drawn_lines(table)
        assert all(any(label in line for line in lines) for label in alike)
        assert fills_its_width(table) and {"stage", "date", "ready"} <= set(column_keys(table))
    short = isolated_data_dir / "short"
    save_meetings(short, new_meeting("fgc", "Hollins family"))
    app = make_app(short)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "kind" in column_keys(app.screen.query_one("#meetings", DataTable))

"""A risk without specialist advice shows on the home row as something to check, and goes once advice is recorded."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Meeting
from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import settle
from support.risk_helpers import advice, present, screen_all_not_present
from support.table_helpers import drawn_lines


def screened(label: str) -> Meeting:
    """Every kind screened not present, so the guide's stop-and-check steps are cleared by the screen."""
    return screen_all_not_present(new_meeting("fgc", label, when=datetime(2026, 3, 12, 17, 30)))


async def home_row(data_dir: Path, meeting: Meeting) -> tuple[str, str]:
    save_meetings(data_dir, meeting)
    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#meetings", DataTable)
        line = next(line for line in drawn_lines(table) if meeting.family_label in line)
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
    return line, detail


async def test_a_risk_without_advice_is_a_blocker_on_the_home_row(isolated_data_dir: Path) -> None:
    meeting = screened("Hollins family")
    present("domestic-abuse", meeting)
    line, detail = await home_row(isolated_data_dir, meeting)
    assert "■ 1 to check" in line
    assert "■ 1 to check" in detail


async def test_with_advice_recorded_the_home_row_has_nothing_to_check(isolated_data_dir: Path) -> None:
    meeting = screened("Hollins family")
    present("domestic-abuse", meeting, advice=advice())
    line, detail = await home_row(isolated_data_dir, meeting)
    assert "to check" not in line and "to check" not in detail

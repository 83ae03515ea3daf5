"""The home list shows the day a meeting was held (not the day planned), and what is due next after it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Action
from sdm_facilitator.domain.schedule import next_due
from support.app_helpers import bundled_library, make_app, new_meeting, save_meetings


def held_early():  # type: ignore[no-untyped-def]
    """Planned for 12 March, held on 2 March; the plan has an action due on 9 March."""
    meeting = new_meeting("fgc", "Early family", when=datetime(2026, 3, 12, 10, 0))
    meeting.record.started = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    meeting.record.ended = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    meeting.plan.response.decision = "agreed"
    meeting.plan.actions = [Action(what="Nana stays Fridays", by_when=date(2026, 3, 9))]
    meeting.plan.review_date = date(2026, 6, 1)
    return meeting


async def test_a_meeting_held_early_shows_its_held_day_and_the_next_due_thing(
    isolated_data_dir: Path,
) -> None:
    meeting = held_early()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        cells = {
            str(column.key.value): str(table.get_cell_at((0, i)))
            for i, column in enumerate(table.ordered_columns)
        }
        assert cells["date"] == "02 Mar"
        due = next_due(meeting, bundled_library().get(meeting.guide_id))
        assert due is not None and due.due > date(2026, 3, 2), "counted from the day it was held"
        assert cells["due"].startswith(f"{due.due:%d %b} {due.label[:10]}")
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
        assert "held Mon 02 Mar 2026 08:00" in detail

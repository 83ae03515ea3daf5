"""Follow-up tables show the whole text of the highlighted row, and nothing when they are empty."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import PlanChange, Review
from support.app_helpers import FIXED_TODAY
from support.pilot_helpers import settle
from support.plan_helpers import held_meeting, open_section, start

SIZE = (80, 24)


LONG_WHAT = "Curfew moved to 9:30 on Fridays [b]only[/b] while the football season lasts"


LONG_REASON = "Yusuf asked; everyone agreed it was fair [/] and Gran will check in"


async def test_follow_up_shows_whole_plan_changes_and_reviews(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    meeting.follow_up.plan_changes = [
        PlanChange(date=FIXED_TODAY, what=LONG_WHAT, reason=LONG_REASON),
        PlanChange(date=None, what="Second change", reason=""),
    ]
    meeting.follow_up.reviews = [
        Review(
            id="r-1",
            scheduled=FIXED_TODAY + timedelta(days=90),
            requested_by="planned at the meeting [x]",
            held=FIXED_TODAY + timedelta(days=91),
            outcome="The plan carries on; the curfew stays at 9:30 [/]",
        ),
        Review(id="r-2", scheduled=FIXED_TODAY + timedelta(days=180)),
    ]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        screen = app.screen
        changes = screen.query_one("#fu-changes", DataTable)
        change_detail = screen.query_one("#fu-change-detail", Static)
        review_detail = screen.query_one("#fu-review-detail", Static)
        text = str(change_detail.render())
        assert change_detail.display
        assert LONG_WHAT in text and f"Why: {LONG_REASON}" in text
        assert f"Changed on {FIXED_TODAY:%a %d %b %Y}" in text

        changes.focus()
        await pilot.press("down")
        await settle(pilot)
        text = str(change_detail.render())
        assert "Second change" in text and "no reason written" in text and "no date written" in text

        reviews = screen.query_one("#fu-reviews", DataTable)
        reviews.focus()
        await settle(pilot)
        text = str(review_detail.render())
        assert "Asked for by: planned at the meeting [x]" in text
        assert "Outcome: The plan carries on; the curfew stays at 9:30 [/]" in text
        assert f"Held on {FIXED_TODAY + timedelta(days=91):%a %d %b %Y}" in text
        await pilot.press("down")
        await settle(pilot)
        text = str(review_detail.render())
        assert "No outcome yet: press o to record one." in text and "Asked for by: not written" in text


async def test_follow_up_details_hidden_when_tables_are_empty(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        assert not app.screen.query_one("#fu-change-detail", Static).display
        assert not app.screen.query_one("#fu-review-detail", Static).display

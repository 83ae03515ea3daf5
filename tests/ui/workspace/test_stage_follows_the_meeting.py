"""The workspace header's stage moves when the meeting ends, not when the plan is agreed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from sdm_facilitator.domain.vocabulary import STAGE_LABELS
from support.app_helpers import reload
from support.plan_helpers import held_meeting, open_section, save, start


async def test_agreeing_the_plan_while_the_meeting_runs_keeps_the_meeting_stage(
    isolated_data_dir: Path,
) -> None:
    meeting = held_meeting()  # started on the day, not ended
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "plan")
        app.screen.query_one("#plan-response", Select).focus()
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # Agreed with changes
        await save(pilot)
        saved = reload(isolated_data_dir, meeting.id)
        assert saved.plan.response.decision == "agreed-with-changes"
        assert saved.stage == "meeting"
        assert app.screen.sub_title.endswith(STAGE_LABELS["meeting"])

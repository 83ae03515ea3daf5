"""The hint line under a text field knows the meeting's risk screen: "argument" is a hint only where there is domestic abuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import save_meetings
from support.pilot_helpers import type_text
from support.prep_fixtures import new_prep_meeting, prep_app


@pytest.mark.parametrize(
    ("status", "shown"), [("present", True), ("not-known", True), ("not-present", False)]
)
async def test_argument_is_a_hint_where_domestic_abuse_is_on_the_risk_screen(
    isolated_data_dir: Path, status: str, shown: bool
) -> None:
    meeting = new_prep_meeting()
    meeting.risks = [Risk(kind="domestic-abuse", status=status)]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.show_section("prep-referral")
        await pilot.pause()
        screen.query_one("#ref-worries", TextArea).focus()
        await type_text(pilot, "They argue most nights")
        await pilot.pause()
        hint = screen.query_one("#ref-worries").parent.query_one(".hint-line", Static)  # type: ignore[union-attr]
        assert hint.display is shown
        assert ("argue" in str(hint.content)) is shown

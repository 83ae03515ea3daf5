"""Follow-up: the section's keys work wherever the focus is in it; the footer shows the table's own."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting import Action
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.pilot_helpers import settle
from support.plan_helpers import open_section, start
from ui.workspace.test_holding_a_review_early import meeting_with_a_review_ahead


def footer_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.description for key in app.screen.query(FooterKey)]


async def test_follow_up_keys_work_from_any_of_its_tables(isolated_data_dir: Path) -> None:
    meeting = meeting_with_a_review_ahead()
    meeting.plan.actions = [Action(what="Nana stays on Fridays", who="Bea")]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        actions = app.screen.query_one("#fu-actions", DataTable)
        assert app.focused is actions
        assert "Update" in footer_words(app) and "Hold" not in footer_words(app)

        # c records a plan change while the actions table has the focus.
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and "change to the plan" in app.screen.form_title
        await pilot.press("escape")
        await settle(pilot)

        # n, h and o reach the reviews from the actions table too.
        for key, expected in (("n", FormDialog), ("h", Confirm), ("o", FormDialog)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, expected), key
            await pilot.press("escape")
            await settle(pilot)
            assert app.focused is actions

        # And u from the reviews table updates the highlighted action.
        app.screen.query_one("#fu-reviews", DataTable).focus()
        await settle(pilot)
        assert "Hold" in footer_words(app) and "Update" not in footer_words(app)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and "Nana stays on Fridays" in app.screen.form_title

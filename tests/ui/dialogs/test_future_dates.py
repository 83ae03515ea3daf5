"""A date in the future for something that already happened is asked about, and kept either way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sdm_facilitator.domain.meeting import Action
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import reload
from support.pilot_helpers import settle
from support.plan_helpers import open_section, start
from ui.workspace.test_holding_a_review_early import meeting_with_a_review_ahead

FUTURE = "2026-04-01"  # the fixed clock's today is 2026-03-02


async def test_an_update_dated_in_the_future_is_asked_about_and_kept_when_right(
    isolated_data_dir: Path,
) -> None:
    meeting = meeting_with_a_review_ahead()
    meeting.plan.actions = [Action(what="Nana stays on Fridays", who="Bea")]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        await pilot.press("u")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-on").value = FUTURE  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm) and "future" in app.screen.question

        # "Change it": back to the date, as typed.
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog and app.focused is dialog.query_one("#field-on")
        assert dialog.query_one("#field-on").value == FUTURE  # type: ignore[attr-defined]

        # Asked again, "yes": kept as typed.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, (Confirm, FormDialog))
        await pilot.press("ctrl+s")
        await settle(pilot)
    updates = reload(isolated_data_dir, meeting.id).plan.actions[0].updates
    assert [u.date for u in updates] == [date(2026, 4, 1)]


async def test_a_date_today_or_before_is_saved_without_a_question(isolated_data_dir: Path) -> None:
    meeting = meeting_with_a_review_ahead()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-what").value = "Curfew moves to 9:30"  # type: ignore[attr-defined]
        dialog.query_one("#field-on").value = "2026-03-01"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, (Confirm, FormDialog))

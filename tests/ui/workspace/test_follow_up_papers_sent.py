"""Follow-up: who got which paper, added, corrected and removed by keys; typed names stay text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.distribution import PaperSent
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import FIXED_TODAY, reload
from support.pilot_helpers import settle
from support.plan_helpers import held_meeting, open_section, save, start


async def test_papers_sent_are_added_corrected_and_removed_by_keys(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    meeting.papers_sent = [
        PaperSent(paper="record", recipient="[b]The IRO[/b]", how="email", on=date(2026, 3, 1))
    ]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        screen = app.screen
        table = screen.query_one("#fu-sent", DataTable)
        assert "[b]The IRO[/b]" in str(screen.query_one("#fu-sent-detail", Static).render())

        # p from anywhere in the section: the family's plan, to Beatrice (first on the people list), by email.
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "enter", "down", "enter")  # To: Beatrice Okafor
        await pilot.press("tab", "tab", "enter", "down", "enter")  # How: by email
        await pilot.press("ctrl+s")
        await settle(pilot)
        sent = screen.session.meeting.papers_sent  # type: ignore[attr-defined]
        assert [(e.paper, e.person_id, e.how, e.on) for e in sent][1] == (
            "plan",
            meeting.people[0].id,
            "email",
            FIXED_TODAY,
        )
        assert table.row_count == 2

        # e corrects the highlighted entry: it went to someone else, in words.
        table.focus()
        table.move_cursor(row=1)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "enter", "down", "down", "enter")  # To: someone else
        await pilot.press("tab", *"Gran")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (sent[1].person_id, sent[1].recipient) == ("", "Gran")

        # x removes it, after asking.
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        await save(pilot)
    assert [e.recipient for e in reload(isolated_data_dir, meeting.id).papers_sent] == ["[b]The IRO[/b]"]

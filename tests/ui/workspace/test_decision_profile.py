"""The Decision section follows the chosen jurisdiction profile: its categories of harm and its timescales.

In Wales the chair can tick financial abuse by keys (a category of the Wales
Safeguarding Procedures, not of England's); under a profile that gives no
timescales (the United States) the dates are asked for without England's
10 working days or 3 months put in their place.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import DataTable

from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.workspace.decision import DecisionSection
from support.app_helpers import FakeClock, new_meeting, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section


def conference() -> Meeting:
    meeting = new_meeting(kind="cp-conference", label="Hollins", children=[("Leo", 13)])
    meeting.people = [Person(id="p-kerry", name="Kerry Hollins", role="parent")]
    meeting.record.started = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    meeting.record.ended = datetime(2026, 3, 2, 9, 20, tzinfo=UTC)
    return meeting


def app_in(data_dir: Path, jurisdiction: str, meeting: Meeting) -> SdmApp:
    save_meetings(data_dir, meeting)
    return SdmApp(data_dir=data_dir, library=load_library(None, jurisdiction=jurisdiction), clock=FakeClock())


async def go_to(pilot, app, part: str) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#dc-parts", DataTable)
    table.focus()
    await settle(pilot, 1)
    parts = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    while table.cursor_row != parts.index(part):
        await pilot.press("down")


async def test_in_wales_the_chair_ticks_financial_abuse_by_keys(isolated_data_dir: Path) -> None:
    meeting = conference()
    app = app_in(isolated_data_dir, "wales", meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        section = app.screen.query_one(DecisionSection)
        await go_to(pilot, app, "Decision: Leo")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # a plan is needed
        # Wales's categories: neglect, physical, emotional or psychological, sexual, financial.
        await pilot.press("tab", "down", "down", "down", "down", "space", "tab")
        await type_text(pilot, "Her money is taken.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        (row,) = [r for r in section.rows() if r.part == "Decision: Leo"]
        assert row.recorded == "A child protection plan is needed: Financial abuse"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert reload(isolated_data_dir, meeting.id).conference.decisions[0].categories == ["financial"]


async def test_under_a_profile_without_timescales_the_dates_say_so(isolated_data_dir: Path) -> None:
    meeting = conference()
    app = app_in(isolated_data_dir, "us", meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        section = app.screen.query_one(DecisionSection)
        hints = {r.part: r.hint for r in section.rows()}
        assert hints["First core group"] == (
            "The jurisdiction profile gives no timescale for the first core group: check your local procedures."
        )
        assert "10 working days" not in str(hints) and "months after" not in str(hints)
        await go_to(pilot, app, "Review conference")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "gives no timescale for the review conference" in str(
            app.screen.query_one("#form-intro").render()
        )

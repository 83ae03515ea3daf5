"""The risk screen by key presses: screen a kind, choose people, record advice with conditions, clear a blocker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.dialogs.pick import PickDialog
from sdm_facilitator.ui.workspace.preparation.risks import RisksSection
from support.app_helpers import FIXED_TODAY, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section
from support.prep_fixtures import new_prep_meeting, prep_app, prep_library

SIZES = [(80, 24), (100, 30)]


def risk_meeting() -> Meeting:
    m = new_prep_meeting("Hollins family", children=[("Ella", 6)])
    m.people = [
        Person(id="p-kerry", name="Kerry [b]Hollins[/b]", role="parent", invitation="accepted"),
        Person(id="p-mark", name="Mark Hollins", role="parent", invitation="invited"),
        Person(id="p-sue", name="Sue", role="wider-family", invitation="accepted"),
    ]
    return m


def section(app) -> RisksSection:  # type: ignore[no-untyped-def]
    return app.screen.query_one(RisksSection)


def blockers(meeting: Meeting) -> list[str]:
    guide = prep_library().get(meeting.guide_id)
    return [i.text for i in readiness(meeting, guide, FIXED_TODAY).blockers]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30"])
async def test_screen_a_risk_record_advice_with_conditions_and_clear_the_blocker(
    isolated_data_dir: Path, size: tuple[int, int]
) -> None:
    meeting = risk_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=size) as pilot:
        await open_section(app, pilot, meeting.id, "prep-risks")
        risks = section(app)
        table = risks.query_one("#risks-table", DataTable)
        assert app.screen.focused is table and table.cursor_row == 0
        assert "0 of 8 kinds screened" in str(risks.query_one("#risks-summary", Static).content)

        # Domestic abuse is present; the meeting now waits for advice.
        await pilot.press("p")
        await settle(pilot)
        assert [r.status for r in risks.meeting.risks] == ["present"]
        assert blockers(risks.meeting) == [
            "Domestic abuse is present: record specialist advice before the meeting goes ahead"
        ]

        # Who is at risk (Kerry), then who is thought to cause harm (Mark), from the lists.
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        # The children come first in the list; Kerry is the first of the people after them.
        await pilot.press(*["down"] * len(risks.meeting.children), "space", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "space", "ctrl+s")
        await settle(pilot)
        risk = risks.meeting.risks[0]
        assert (risk.at_risk, risk.causing_harm) == (["p-kerry"], ["p-mark"])
        details = str(risks.query_one("#risk-details", Static).content)
        assert "At risk: Kerry [b]Hollins[/b]" in details  # typed text shown as typed
        assert "Thought to cause harm: Mark Hollins" in details

        # The advice: go ahead with conditions, two of them.
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Priya Shah")
        await pilot.press("tab")
        await type_text(pilot, "IDVA")
        await pilot.press("tab")
        await type_text(pilot, "2026-03-01")
        await pilot.press("tab", "enter", "down", "enter")  # the outcome: go ahead with conditions
        await settle(pilot)
        await pilot.press("tab", "tab")  # past "instead" to the first condition: separate arrival
        await type_text(pilot, "Kerry arrives 15 minutes early, side door")
        await pilot.press("tab", "tab", "tab")  # no address on papers, safe contact -> not in the room
        await type_text(pilot, "yes")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen.query_one(RisksSection), RisksSection)
        advice = risk.advice
        assert (advice.by, advice.role, advice.on, advice.outcome) == (
            "Priya Shah",
            "IDVA",
            FIXED_TODAY.replace(day=1),
            "go-ahead-with-conditions",
        )
        assert [(c.kind, c.what) for c in advice.conditions] == [
            ("separate-arrival", "Kerry arrives 15 minutes early, side door"),
            ("not-in-room", ""),
        ]
        # The blocker is gone; the conditions are checks that tick from the record or by hand.
        assert blockers(risks.meeting) == []
        guide = prep_library().get(meeting.guide_id)
        checks = [
            i.text for i in readiness(risks.meeting, guide, FIXED_TODAY).items if i.section == "prep-risks"
        ]
        assert any("Separate arrival" in text for text in checks)
        assert any("Someone must not be in the room" in text and "Mark Hollins" in text for text in checks)

        # The coordinator ticks the one only a person can know.
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert advice.conditions[0].met is True
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = reload(isolated_data_dir, meeting.id)
    assert saved.risks[0].advice.conditions[0].met is True
    assert saved.risks[0].at_risk == ["p-kerry"]


async def test_other_needs_a_name_and_not_present_screens_a_kind(isolated_data_dir: Path) -> None:
    meeting = risk_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-risks")
        risks = section(app)
        await pilot.press("n")  # domestic abuse: screened, not present
        await settle(pilot)
        risks.focus_step("other")
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)  # "other" asks what the harm is first
        await type_text(pilot, "[red]Dangerous dogs[/red]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        kinds = [(r.kind, r.name, r.status) for r in risks.meeting.risks]
        assert kinds == [
            ("domestic-abuse", "", "not-present"),
            ("other", "[red]Dangerous dogs[/red]", "not-known"),
        ]
        assert all(r.screened_on == FIXED_TODAY for r in risks.meeting.risks)


async def test_forced_marriage_shows_the_warning_from_the_data_file(isolated_data_dir: Path) -> None:
    meeting = risk_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-risks")
        risks = section(app)
        risks.focus_step("forced-marriage")
        await settle(pilot)
        warning = risks.query_one("#risk-warning", Static)
        assert not warning.display
        await pilot.press("u")
        await settle(pilot)
        text = str(warning.content)
        assert warning.display and "020 7008 0151" in text and "999" in text
        assert "may be the wrong tool" in text
        # Screened as not known, it is cleared only with how it is known.
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and warning.display
        await type_text(pilot, "Spoke to Zara alone at school")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not warning.display

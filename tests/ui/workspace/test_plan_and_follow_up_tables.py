"""The plan's and follow-up's tables use the width they have and show the highlighted row whole below.

At 100x30 a 40-character action is not cut and no space is left unused; at
80x24 what cannot fit is cut with "…" (or its column spared) and the detail
under the table has every word; a resize is followed both ways.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Action, Meeting, PlanChange, Review
from support.app_helpers import FIXED_TODAY
from support.pilot_helpers import settle
from support.plan_helpers import held_meeting, open_section, start
from support.table_helpers import column_keys, drawn_lines, fills_its_width

ACTION = "Walk Amara to school each Monday [b]x[/]"  # 40 characters
WHO = "Beatrice Okafor and Kemi Adeyemi"
CHANGE = "Curfew moved to 9:30 on Fridays while the football season lasts"
REASON = "Yusuf asked; everyone agreed it was fair"


def tables_meeting() -> Meeting:
    m = held_meeting()
    m.plan.actions = [
        Action(
            id="a-1",
            what=ACTION,
            who=WHO,
            by_when=date(2026, 3, 30),
            support_needed="bus pass",
            support_from="Leyton family support service",
            status="under-way",
        ),
        Action(id="a-2", what="Пётр phones every Sunday", who="Пётр", status="not-started"),
    ]
    m.follow_up.plan_changes = [PlanChange(FIXED_TODAY, CHANGE, REASON)]
    m.follow_up.reviews = [
        Review(
            id="r-1",
            scheduled=date(2026, 6, 2),
            requested_by="planned at the meeting",
            outcome="The plan carries on unchanged",
        )
    ]
    return m


def detail_text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_at_100_columns_the_plans_actions_are_whole_and_use_the_width(isolated_data_dir: Path) -> None:
    meeting = tables_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "plan")
        table = app.screen.query_one("#plan-actions", DataTable)
        await settle(pilot)
        assert fills_its_width(table)
        lines = drawn_lines(table)
        assert any(ACTION in line for line in lines)
        # Who is cut before the action; the detail below has every name.
        assert any("Beatrice Ok…" in line for line in lines)
        assert f"Who: {WHO}" in detail_text(app, "#plan-action-detail")


async def test_at_80_columns_the_plan_cuts_an_action_and_the_detail_has_it_all(
    isolated_data_dir: Path,
) -> None:
    meeting = tables_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "plan")
        table = app.screen.query_one("#plan-actions", DataTable)
        table.focus()
        await settle(pilot)
        assert fills_its_width(table)
        assert any("Walk Amara to" in line and "…" in line for line in drawn_lines(table))
        text = detail_text(app, "#plan-action-detail")
        assert ACTION in text
        assert f"Who: {WHO} · by Mon 30 Mar 2026" in text
        assert "Help: bus pass from Leyton family support service" in text
        await pilot.press("down")
        await settle(pilot)
        text = detail_text(app, "#plan-action-detail")
        assert "Пётр phones every Sunday" in text and "no date yet" in text and "Help" not in text
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert fills_its_width(table)
        assert any(ACTION in line for line in drawn_lines(table))


async def test_follow_up_tables_fit_80_and_100_columns(isolated_data_dir: Path) -> None:
    meeting = tables_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        actions = app.screen.query_one("#fu-actions", DataTable)
        changes = app.screen.query_one("#fu-changes", DataTable)
        reviews = app.screen.query_one("#fu-reviews", DataTable)
        await settle(pilot)
        for table in (actions, changes, reviews):
            assert fills_its_width(table), table.id
        # The help column is spared before a 40-character action is cut; the detail says it.
        assert any(ACTION in line for line in drawn_lines(actions))
        assert "help" not in column_keys(actions)
        assert any(
            # The section scrolls at 100x30 since it lists who got which paper: its scroll bar takes two columns.
            "planned at the meeting" in line and "The plan carries on unchang" in line
            for line in drawn_lines(reviews)
        )

        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        for table in (actions, changes, reviews):
            assert fills_its_width(table), table.id
        assert any("Walk Amara" in line and "…" in line for line in drawn_lines(actions))
        actions.focus()
        await settle(pilot)
        text = detail_text(app, "#fu-action-detail")
        assert ACTION in text and "Help: bus pass from Leyton family support service" in text
        changes.focus()
        await settle(pilot)
        assert any("…" in line for line in drawn_lines(changes))
        text = detail_text(app, "#fu-change-detail")
        assert CHANGE in text and f"Why: {REASON}" in text
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        assert "help" in column_keys(actions)
        assert fills_its_width(actions)

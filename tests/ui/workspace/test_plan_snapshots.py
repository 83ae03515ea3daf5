"""Snapshots of the plan and follow-up sections at 100x30 and 80x24, on a fixed clock.

Regenerate on purpose with ``pytest tests/ui/workspace/test_plan_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import (
    Action,
    ActionUpdate,
    BottomLineCheck,
    Meeting,
    Person,
    PlanChange,
    Review,
)
from support.app_helpers import FakeClock, make_app, new_meeting, save_meetings

SIZES = [(100, 30), (80, 24)]


def plan_meeting() -> Meeting:
    """A conference held on 2026-03-02 whose plan is written and agreed, in follow-up."""
    m = new_meeting("fgc", "Rahman [family]", when=datetime(2026, 1, 12, 13, 0))
    m.id = "20260112-5a5a5a5a"
    m.record.started = datetime(2026, 1, 12, 13, 0, tzinfo=UTC)
    m.record.ended = datetime(2026, 1, 12, 15, 30, tzinfo=UTC)
    m.referral.bottom_lines = ["Yusuf is home by 9pm on school nights.", "Someone [/] knows where he is."]
    m.people = [Person(name="Nasreen Rahman", role="parent"), Person(name="Owen Price", role="professional")]
    m.plan.family_words = (
        "Yusuf works at Farid's garage Saturdays. Mum texts Farid if he isn't home by 9. [b]"
    )
    m.plan.actions = [
        Action(
            id="a-1",
            what="Saturday job at the garage",
            who="Farid and Yusuf",
            status="under-way",
            updates=[ActionUpdate(date(2026, 1, 26), "under-way", "Started; going well.")],
        ),
        Action(
            id="a-2",
            what="Find a boxing club [x]",
            who="Owen",
            by_when=date(2026, 2, 11),
            support_needed="club fees",
            support_from="youth service",
            support_delivered="not-yet",
            status="stuck",
            updates=[ActionUpdate(date(2026, 2, 20), "stuck", "Club full until spring.")],
        ),
        Action(
            id="a-3",
            what="Phone credit",
            who="Nasreen",
            status="done",
            updates=[ActionUpdate(date(2026, 1, 15), "done", "")],
        ),
    ]
    m.plan.contingency = "If Yusuf is not home by 10, Farid goes to look."
    m.plan.family_keeper = "Farid Rahman"
    m.plan.professional_lead = "Owen Price"
    m.plan.review_date = date(2026, 4, 12)
    m.plan.bottom_line_checks = [
        BottomLineCheck("Yusuf is home by 9pm on school nights.", True, "Mum texts Farid."),
    ]
    m.plan.response.decision = "agreed-with-changes"
    m.plan.response.changes = "The family tells Owen about any night Yusuf is not home."
    m.plan.response.date = date(2026, 1, 12)
    m.follow_up.plan_changes = [
        PlanChange(date(2026, 2, 26), "Curfew 9:30 on Fridays", "Yusuf asked; all agreed."),
    ]
    m.follow_up.reviews = [Review(id="r-1", scheduled=date(2026, 4, 12), requested_by="at the meeting")]
    return m


def _run_before(meeting_id: str, section: str, focus: str | None):
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.pause()
        app.open_meeting(meeting_id)
        await pilot.pause()
        # Awaited: the section is built, laid out and focused when this returns.
        await app.screen.show_section(section)
        app.screen.query_one(focus or "#sections").focus()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("section", "focus"),
    [("plan", None), ("plan", "#plan-response"), ("follow-up", "#fu-actions")],
    ids=["plan-top", "plan-response", "follow-up"],
)
def test_after_meeting_section(snap_compare, isolated_data_dir: Path, size, section, focus) -> None:  # type: ignore[no-untyped-def]
    meeting = plan_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=_run_before(meeting.id, section, focus))


def test_after_meeting_not_agreed_80x24(snap_compare, isolated_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    meeting = plan_meeting()
    meeting.plan.response.decision = "not-agreed"
    meeting.record.ended = None  # still in the room: the family may get more time
    meeting.plan.response.reasons = "The plan does not say who is with him after 9 [/]."
    meeting.plan.response.would_make_acceptable = "Name the adult for each evening."
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=_run_before(meeting.id, "plan", "#plan-response")
    )

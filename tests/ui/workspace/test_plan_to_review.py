"""Pilot: write a plan, check the bottom lines, agree it, follow it up and hold a review.

Every step uses real key presses and then reads the meeting file back from
disk, as a later start of the app would.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import DataTable

from sdm_facilitator.domain import plan_rules as rules
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import FakeClock, reload
from support.pilot_helpers import type_text
from support.plan_helpers import BOTTOM_LINES, held_meeting, open_section, save, start

TODAY = date(2026, 3, 2)


async def test_plan_follow_up_and_review(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    # The meeting was ended in the room; the plan is written up afterwards.
    meeting.record.ended = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    clock = FakeClock()
    app = start(isolated_data_dir, meeting, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "plan")

        # ---- the family's words (going into the section lands in them)
        assert app.focused is not None and app.focused.id == "plan-words"
        await type_text(pilot, "Nana [/] stays")
        await save(pilot)
        assert reload(isolated_data_dir, meeting.id).plan.family_words == "Nana [/] stays"

        # ---- three actions, typed in the dialog (enter on the last field saves)
        for what, who, by, help_needed, help_from in (
            ("Nana stays", "Bea", "2026-03-09", "", ""),
            ("Walk [b]", "Gran", "", "bus", "school"),
            ("Respite", "Jo", "2026-03-20", "care", "council"),
        ):
            await pilot.press("ctrl+n")
            assert isinstance(app.screen, FormDialog)
            await type_text(pilot, what)
            await pilot.press("tab")
            await type_text(pilot, who)
            await pilot.press("tab")
            await type_text(pilot, by)
            await pilot.press("tab")
            await type_text(pilot, help_needed)
            await pilot.press("tab")
            await type_text(pilot, help_from)
            await pilot.press("enter")
            await pilot.pause()
        await save(pilot)
        plan = reload(isolated_data_dir, meeting.id).plan
        assert [a.what for a in plan.actions] == ["Nana stays", "Walk [b]", "Respite"]
        assert plan.actions[0].by_when == date(2026, 3, 9) and plan.actions[0].who == "Bea"
        assert (plan.actions[1].support_needed, plan.actions[1].support_from) == ("bus", "school")

        # ---- a wrong date is refused inside the dialog, nothing is added
        await pilot.press("ctrl+n")
        await type_text(pilot, "Bad")
        await pilot.press("tab", "tab")
        await type_text(pilot, "soon")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)
        assert "Write the date as YYYY-MM-DD" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")  # text was typed: asks before throwing it away
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()

        # ---- edit the highlighted action (the last added), then remove the first
        table = app.screen.query_one("#plan-actions", DataTable)
        assert app.focused is table
        await pilot.press("e")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "end", "backspace", "backspace")
        await type_text(pilot, "Jo W")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("up", "up", "d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await save(pilot)
        plan = reload(isolated_data_dir, meeting.id).plan
        assert [a.what for a in plan.actions] == ["Walk [b]", "Respite"]
        assert plan.actions[1].who == "Jo W"
        action_ids = [a.id for a in plan.actions]

        # ---- contingency, who keeps an eye on it, who follows it up, review date
        await pilot.press("tab")
        assert app.focused.id == "plan-contingency"
        await type_text(pilot, "Kemi")
        await pilot.press("tab")
        await type_text(pilot, "Bea")
        await pilot.press("tab")
        await type_text(pilot, "Jo")
        await pilot.press("tab")
        assert app.focused.id == "plan-review"
        await pilot.press("enter")  # empty: takes the suggested date
        await save(pilot)
        plan = reload(isolated_data_dir, meeting.id).plan
        guide = app.library.get(meeting.guide_id)
        assert plan.contingency == "Kemi"
        assert (plan.family_keeper, plan.professional_lead) == ("Bea", "Jo")
        assert plan.review_date == rules.suggested_review_date(meeting, guide, TODAY)
        review_date = plan.review_date

        # ---- bottom lines: the first addressed with a note, the second not yet
        await pilot.press("tab")
        assert app.focused.id == "bl-addressed-0"
        await pilot.press("enter", "down", "enter")
        await pilot.press("tab")
        await type_text(pilot, "ok [/]")
        await pilot.press("tab")
        assert app.focused.id == "bl-addressed-1"
        await pilot.press("enter", "down", "down", "enter")
        await save(pilot)
        saved = reload(isolated_data_dir, meeting.id)
        checks = saved.plan.bottom_line_checks
        assert [(c.bottom_line, c.addressed, c.note) for c in checks] == [
            (BOTTOM_LINES[0], True, "ok [/]"),
            (BOTTOM_LINES[1], False, ""),
        ]
        # The family's words and the referral are never changed by the check.
        assert saved.plan.family_words == "Nana [/] stays"
        assert saved.referral.bottom_lines == BOTTOM_LINES

        # ---- the professionals' response: agreed
        await pilot.press("tab", "tab")
        assert app.focused.id == "plan-response"
        await pilot.press("enter", "down", "enter")
        await save(pilot)
        saved = reload(isolated_data_dir, meeting.id)
        assert (saved.plan.response.decision, saved.plan.response.date) == ("agreed", TODAY)
        assert saved.stage == "follow_up"

        # ---- follow-up: the side list, down one, tab into the actions table
        await pilot.press("f2", "down", "tab")
        assert app.focused.id == "fu-actions"
        # First action: stuck, then (three days on) done.
        await pilot.press("u")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter", "down", "down", "down", "enter", "tab")
        await type_text(pilot, "late [x]")
        await pilot.press("tab", "enter")
        await save(pilot)
        action = reload(isolated_data_dir, meeting.id).plan.actions[0]
        assert action.status == "stuck"
        assert [(u.date, u.status, u.note) for u in action.updates] == [(TODAY, "stuck", "late [x]")]
        clock.advance(days=3)
        await pilot.press("u", "enter", "up", "enter", "tab")
        await type_text(pilot, "ok")
        await pilot.press("enter", "enter")
        await save(pilot)
        action = reload(isolated_data_dir, meeting.id).plan.actions[0]
        assert action.status == "done"
        assert [(u.date, u.status) for u in action.updates] == [(TODAY, "stuck"), (date(2026, 3, 5), "done")]
        detail = str(app.screen.query_one("#fu-action-detail").render())
        assert "late [x]" in detail and "2026-03-05 Done" in detail

        # Whether the school gave the bus pass it promised.
        await pilot.press("g", "g")
        await save(pilot)
        assert reload(isolated_data_dir, meeting.id).plan.actions[0].support_delivered == "partly"

        # ---- a change to the plan, with its reason; the history is shown
        await pilot.press("tab")
        assert app.focused.id == "fu-changes"
        await pilot.press("c")
        await type_text(pilot, "Tues")
        await pilot.press("tab")
        await type_text(pilot, "[/] work")
        await pilot.press("tab", "enter")
        await save(pilot)
        changes = reload(isolated_data_dir, meeting.id).follow_up.plan_changes
        assert [(c.date, c.what, c.reason) for c in changes] == [
            (date(2026, 3, 5), "Tues", "[/] work"),
        ]
        assert app.screen.query_one("#fu-changes", DataTable).row_count == 1

        # ---- schedule the review (the plan's review date is offered), then hold it
        await pilot.press("tab")
        assert app.focused.id == "fu-reviews"
        await pilot.press("n", "tab")
        await type_text(pilot, "plan")
        await pilot.press("enter")
        await save(pilot)
        reviews = reload(isolated_data_dir, meeting.id).follow_up.reviews
        assert [(r.scheduled, r.requested_by, r.held) for r in reviews] == [
            (review_date, "plan", None),
        ]
        before = set(MeetingStore(isolated_data_dir).folder.glob("*.toml"))
        await pilot.press("h")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        created = set(MeetingStore(isolated_data_dir).folder.glob("*.toml")) - before
        assert len(created) == 1
        review_id = created.pop().stem
        assert app.screen.session.meeting.id == review_id  # type: ignore[attr-defined]

        original = reload(isolated_data_dir, meeting.id)
        assert original.follow_up.reviews[0].meeting_id == review_id
        assert original.follow_up.reviews[0].held == date(2026, 3, 5)
        review = reload(isolated_data_dir, review_id)
        assert review.kind == "review" and review.reviews_meeting_id == meeting.id
        assert review.guide_id == (
            app.library.for_kind("review").id if app.library.for_kind("review") else ""
        )
        assert review.plan.family_words == "Nana [/] stays"
        assert review.plan.contingency == "Kemi"
        # Only the open action is carried; the done one stays with the first meeting.
        assert [a.id for a in review.plan.actions] == [action_ids[1]]
        assert review.plan.response.decision is None

        # ---- back to the first meeting and record the review's outcome
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.session.meeting.id == meeting.id  # type: ignore[attr-defined]
        assert app.focused is not None and app.focused.id == "fu-reviews"
        await pilot.press("o")
        await type_text(pilot, "Going well")
        await pilot.press("ctrl+s")
        await save(pilot)
        outcome = reload(isolated_data_dir, meeting.id).follow_up.reviews[0]
        assert outcome.outcome == "Going well"
        assert outcome.held == date(2026, 3, 5)
        # Holding it again opens the same review meeting instead of a second one.
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.session.meeting.id == review_id  # type: ignore[attr-defined]
        assert len(set(MeetingStore(isolated_data_dir).folder.glob("*.toml")) - before) == 1

"""Holding a review before its planned date: asked plainly, dated from its own day, nothing borrowed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sdm_facilitator.domain.meeting import Child, Review
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_TODAY, bundled_library, reload
from support.plan_helpers import held_meeting, open_section, start

PLANNED = date(2026, 4, 12)


def meeting_with_a_review_ahead():  # type: ignore[no-untyped-def]
    meeting = held_meeting()
    meeting.record.ended = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    meeting.plan.response.decision = "agreed"
    meeting.people[0].prep_visit = date(2026, 2, 20)
    meeting.people[0].prep_notes = "Met at home."
    meeting.people[0].attendance = "present"
    meeting.children = [
        Child(
            name="Maja", views="I want to stay with Nana.", views_consent=True, met_before=date(2026, 2, 21)
        )
    ]
    meeting.follow_up.reviews = [Review(id="r-1", scheduled=PLANNED, requested_by="at the meeting")]
    return meeting


def meeting_files(data_dir: Path) -> set[Path]:
    return set(MeetingStore(data_dir).folder.glob("*.toml"))


async def test_holding_a_review_early_warns_and_opens_a_review_of_its_own(isolated_data_dir: Path) -> None:
    meeting = meeting_with_a_review_ahead()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        app.screen.query_one("#fu-reviews").focus()
        await pilot.pause()
        before = meeting_files(isolated_data_dir)

        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        assert "planned for Sun 12 Apr 2026, in 41 days" in dialog.question
        assert "Today is recorded as the day it was held" in dialog.detail
        await pilot.press("enter")  # "Not yet" has the focus: a stray Enter holds nothing
        await pilot.pause()
        assert meeting_files(isolated_data_dir) == before
        assert reload(isolated_data_dir, meeting.id).follow_up.reviews[0].held is None

        await pilot.press("h", "y")
        await pilot.pause()
        await pilot.pause()
        created = meeting_files(isolated_data_dir) - before
        assert len(created) == 1
        assert isinstance(app.screen, MeetingScreen)
        review = reload(isolated_data_dir, created.pop().stem)
        assert reload(isolated_data_dir, meeting.id).follow_up.reviews[0].held == FIXED_TODAY

    # Its steps are dated from its own day: nothing is overdue the day it is opened.
    guide = bundled_library().get(review.guide_id)
    assert guide is not None and guide.steps_for("preparation", review.context)
    assert readiness(review, guide, FIXED_TODAY).overdue == []
    # The people and the plan come across; last time's preparation and views do not.
    assert [p.name for p in review.people] == [p.name for p in meeting.people]
    assert all(p.prep_visit is None and not p.prep_notes and p.attendance is None for p in review.people)
    assert [(c.name, c.views, c.views_consent, c.met_before) for c in review.children] == [
        ("Maja", "", None, None)
    ]
    assert review.plan.family_words == meeting.plan.family_words

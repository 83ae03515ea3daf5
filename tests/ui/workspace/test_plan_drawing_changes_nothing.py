"""Drawing the plan section never changes the record; editing a bottom line's check does."""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.domain.meeting import BottomLineCheck
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import reload
from support.pilot_helpers import settle, type_text
from support.plan_helpers import BOTTOM_LINES, held_meeting, open_section, save, start


async def test_read_only_plan_with_unchecked_bottom_lines_is_left_alone(isolated_data_dir: Path) -> None:
    m = held_meeting()
    assert m.referral.bottom_lines and m.plan.bottom_line_checks == []
    app = start(isolated_data_dir, m)
    holder = MeetingStore(isolated_data_dir).open(m.id)  # another copy of the app has it open
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await open_section(app, pilot, m.id, "plan")
            session = app.screen.session  # type: ignore[attr-defined]
            assert session.read_only
            assert len(app.screen.query(".bl-row")) == len(BOTTOM_LINES), "every bottom line is shown"
            assert session.meeting.plan.bottom_line_checks == []
            assert not session.dirty
            # Showing it again (back from another section) changes nothing either.
            await pilot.press("f2", "down", "up")
            await settle(pilot)
            assert session.meeting.plan.bottom_line_checks == []
    finally:
        MeetingStore(isolated_data_dir).close(holder)


async def test_opening_the_plan_does_not_mark_the_meeting_changed(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.bottom_line_checks = [BottomLineCheck(BOTTOM_LINES[0], True, "kept")]
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        session = app.screen.session  # type: ignore[attr-defined]
        assert [c.bottom_line for c in session.meeting.plan.bottom_line_checks] == [BOTTOM_LINES[0]]
        assert not session.dirty


async def test_a_check_is_made_when_a_note_is_written(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        app.screen.query_one("#bl-note-1").focus()
        await type_text(pilot, "ok")
        await save(pilot)
        checks = reload(isolated_data_dir, m.id).plan.bottom_line_checks
        assert [(c.bottom_line, c.addressed, c.note) for c in checks] == [(BOTTOM_LINES[1], None, "ok")]

        app.screen.query_one("#bl-addressed-0").focus()
        await pilot.press("enter", "down", "enter")  # "Addressed"
        await save(pilot)
        checks = reload(isolated_data_dir, m.id).plan.bottom_line_checks
        assert {(c.bottom_line, c.addressed) for c in checks} == {
            (BOTTOM_LINES[0], True),
            (BOTTOM_LINES[1], None),
        }

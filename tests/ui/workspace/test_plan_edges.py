"""Plan and follow-up: hostile text shown literally, more family time, read-only, changed bottom lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Action, ActionUpdate, BottomLineCheck, PlanChange, Review
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import reload
from support.pilot_helpers import type_text
from support.plan_helpers import held_meeting, open_section, save, start
from support.strategies import HOSTILE_TEXTS


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every Static's rendered text on the current screen, plus DataTable cells."""
    from textual.widgets import DataTable, Static

    parts = [str(w.render()) for w in app.screen.query(Static)]
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            parts += [str(cell) for cell in table.get_row_at(row)]
    return "\n".join(parts)


@pytest.mark.parametrize("text", HOSTILE_TEXTS[:-1], ids=range(len(HOSTILE_TEXTS) - 1))
async def test_user_text_is_shown_literally(isolated_data_dir: Path, text: str) -> None:
    m = held_meeting()
    m.referral.bottom_lines = [text]
    m.plan.family_words = text
    m.plan.actions = [
        Action(
            what=text,
            who=text,
            support_needed=text,
            support_from=text,
            support_delivered="partly",
            updates=[ActionUpdate(date(2026, 3, 1), "stuck", text)],
        ),
    ]
    m.plan.bottom_line_checks = [
        BottomLineCheck(text, True, text),
        BottomLineCheck("old " + text, False, text),
    ]
    m.follow_up.plan_changes = [PlanChange(date(2026, 3, 1), text, text)]
    m.follow_up.reviews = [Review(scheduled=date(2026, 6, 1), requested_by=text, outcome=text)]
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        shown = _screen_text(app)
        assert f"1. {text}" in shown  # the bottom line, exactly as typed
        assert "(no longer in the referral)" in shown
        await pilot.press("f2", "down")
        await pilot.pause()
        shown = _screen_text(app)
        assert text[:10] in shown
        assert f"Stuck: {text}" in shown  # the update in the action's detail
        await pilot.press("ctrl+p")  # the palette lists the section's commands, plain text
        await pilot.pause()
        await pilot.press("escape")
    assert app.return_code in (0, None)


async def test_not_agreed_offers_more_family_time(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        section = app.screen.query_one("#plan")
        # Agreed or undecided: the key is not offered (and does nothing).
        await pilot.press("ctrl+b")
        assert type(app.screen).__name__ == "MeetingScreen"
        app.screen.query_one("#plan-response").focus()
        await pilot.press("enter", "down", "down", "down", "enter", "tab")
        assert app.focused.id == "plan-reasons"
        await type_text(pilot, "No [/] adult")
        await pilot.press("tab")
        assert app.focused.id == "plan-acceptable"
        await type_text(pilot, "Name one")
        await save(pilot)
        saved = reload(isolated_data_dir, m.id).plan.response
        assert (saved.decision, saved.reasons, saved.would_make_acceptable) == (
            "not-agreed",
            "No [/] adult",
            "Name one",
        )
        assert saved.date == date(2026, 3, 2)
        assert any(
            c.title.startswith("Plan: back to private family time") for c in section.palette_commands()
        )
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.pause()
        from sdm_facilitator.ui.room.family_time import FamilyTimeScreen

        assert isinstance(app.screen, FamilyTimeScreen)
        again = reload(isolated_data_dir, m.id)
        assert again.record.family_time_start is not None and again.record.family_time_end is None
        assert again.plan.response.reasons == "No [/] adult"


async def test_read_only_meeting_changes_nothing(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.actions = [Action(what="Keep")]
    app = start(isolated_data_dir, m)
    holder = MeetingStore(isolated_data_dir).open(m.id)  # another copy of the app has it open
    try:
        before = MeetingStore(isolated_data_dir).path_for(m.id).read_bytes()
        async with app.run_test(size=(80, 24)) as pilot:
            await open_section(app, pilot, m.id, "plan")
            await pilot.press("ctrl+n")
            assert type(app.screen).__name__ == "MeetingScreen"
            await pilot.press("f2", "down", "tab", "u", "g")
            await pilot.press("tab", "tab", "n", "h")
            assert type(app.screen).__name__ == "MeetingScreen"
            await save(pilot)
        assert MeetingStore(isolated_data_dir).path_for(m.id).read_bytes() == before
        assert len(list(MeetingStore(isolated_data_dir).folder.glob("*.toml"))) == 1
    finally:
        MeetingStore(isolated_data_dir).close(holder)


async def test_new_bottom_line_appears_and_old_notes_stay(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.bottom_line_checks = [BottomLineCheck(m.referral.bottom_lines[0], True, "kept note")]
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        assert len(app.screen.query(".bl-row")) == 2
        # The referral changes elsewhere (another section): a line goes, a line comes.
        meeting = app.screen.session.meeting
        meeting.referral.bottom_lines = [meeting.referral.bottom_lines[1], "A new line"]
        await pilot.press("f2", "down")
        await pilot.press("up")
        await pilot.pause()
        shown = _screen_text(app)
        assert "A new line" in shown and "(no longer in the referral)" in shown
        checks = {c.bottom_line: c for c in meeting.plan.bottom_line_checks}
        assert checks[m.referral.bottom_lines[0]].note == "kept note"
        assert "A new line" not in checks, "shown as not checked yet; no check until one is made"

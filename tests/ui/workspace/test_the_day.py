"""The day: phases with times, captures by kind, scale answers, family time; corrections keep the time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Capture, Meeting, PhaseRecord, ScaleAnswer
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.room_fixtures import room_app, room_meeting

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SIZES = [(100, 30), (80, 24)]


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def ended_meeting() -> Meeting:
    """A meeting held this morning: four phases, family time of 65 minutes, things said and scaled."""
    meeting = room_meeting("Hollins [family]")
    meeting.id = "20260302-d4d4d4d4"
    record = meeting.record
    record.started, record.ended = START, at(135)
    record.phases = [
        PhaseRecord("introductions", at(0), at(12)),
        PhaseRecord("information", at(12), at(50)),
        PhaseRecord("private-family-time", at(50), at(115)),
        PhaseRecord("plan", at(115), at(135)),
    ]
    record.family_time_start, record.family_time_end = at(50), at(115)
    record.family_time_extra_minutes = 5
    record.captures = [
        Capture(
            id="q-1",
            kind="worry",
            text="Maja misses school on Mondays [b]often[/b]",
            phase_id="information",
            at=at(20),
        ),
        Capture(
            id="q-2",
            kind="working-well",
            text="Nana takes her to swimming every week",
            phase_id="information",
            at=at(25),
        ),
        Capture(
            id="q-3",
            kind="decision",
            text="Kerry phones the school on Sunday evenings; the teacher calls "
            "back on Monday mornings when Maja is not in by ten",
            phase_id="plan",
            at=at(125),
        ),
        Capture(
            id="q-4", kind="worry", text="Evenings when Kerry works late", phase_id="information", at=at(30)
        ),
    ]
    record.scales = [
        ScaleAnswer(
            id="s-1",
            value=4,
            who="Kerry Hollins",
            note="Better since the summer",
            phase_id="information",
            at=at(40),
        )
    ]
    return meeting


async def open_the_day(app, pilot, meeting_id: str) -> None:  # type: ignore[no-untyped-def]
    app.open_meeting(meeting_id)
    await settle(pilot)
    await app.screen.show_section("the-day")
    await settle(pilot)


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_the_day_reads_the_record_and_corrects_a_typing_mistake(isolated_data_dir: Path) -> None:
    meeting = ended_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_day(app, pilot, meeting.id)
        assert "Held Mon 02 Mar 2026, 09:00 to 11:15 (135 min)" in shown(app, "#day-held")
        family = shown(app, "#day-family-time")
        assert "09:50 to 10:55, 65 min, 5 min added" in family
        phases = app.screen.query_one("#day-phases", DataTable)
        assert [str(phases.get_row_at(i)[0]) for i in range(phases.row_count)] == [
            "Welcome and introductions",
            "Information sharing",
            "Private family time",
            "The family's plan",
        ]
        assert [phases.get_row_at(i)[1:] for i in range(2)] == [
            ["09:00", "09:12", "12 of 10 min"],
            ["09:12", "09:50", "38 of 30 min"],
        ]
        # Captures grouped by kind (worries first), each with its time.
        captures = app.screen.query_one("#day-captures", DataTable)
        assert [
            (captures.get_row_at(i)[0], captures.get_row_at(i)[1]) for i in range(captures.row_count)
        ] == [
            ("Worry", "09:20"),
            ("Worry", "09:30"),
            ("Working well", "09:25"),
            ("Decision", "11:05"),
        ]
        assert app.focused is captures, "going into the section lands in what was said"
        # The whole text of the highlighted row shows below, literally.
        assert "Maja misses school on Mondays [b]often[/b]" in shown(app, "#day-capture-detail")
        await pilot.press("down", "down", "down")
        assert "when Maja is not in by ten" in shown(app, "#day-capture-detail")
        assert "Recorded at 11:05, The family's plan" in shown(app, "#day-capture-detail")

        # Correct a typing mistake: the words change, the time and phase stay.
        await pilot.press("up", "up", "enter")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("end")
        await type_text(pilot, " too")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = reload(isolated_data_dir, meeting.id).record.captures
        corrected = next(c for c in saved if c.id == "q-4")
        assert corrected.text == "Evenings when Kerry works late too"
        assert (corrected.at, corrected.phase_id, corrected.kind) == (at(30), "information", "worry")

        # A scale answer: a wrong value is refused with the reason, then corrected.
        app.screen.query_one("#day-scales", DataTable).focus()
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("backspace")
        await type_text(pilot, "12")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "a whole number from 0 to 10" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("backspace", "backspace", "5", "ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        scale = reload(isolated_data_dir, meeting.id).record.scales[0]
        assert (scale.value, scale.who, scale.at) == (5, "Kerry Hollins", at(40))


async def test_the_day_before_the_meeting_says_nothing_is_recorded_yet(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_day(app, pilot, meeting.id)
        assert "has not started yet" in shown(app, "#day-held")
        assert shown(app, "#day-family-time") == "Private family time: not held."
        assert not app.screen.query_one("#day-captures", DataTable).display


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_day_snapshot(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = ended_meeting()
    save_meetings(isolated_data_dir, meeting)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_the_day(pilot.app, pilot, meeting.id)
        pilot.app.screen.query_one("#day-captures", DataTable).focus()
        await settle(pilot)

    assert snap_compare(room_app(isolated_data_dir), terminal_size=size, run_before=run_before)

"""Snapshots of the chair's view and the privacy screen, at 100x30 and 80x24.

The clock is fixed and local time is UTC, so timers and "since 09:10" never
move between runs or machines.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Capture, PhaseRecord, ScaleAnswer
from support.app_helpers import FIXED_NOW, FakeClock, save_meetings
from support.room_fixtures import room_app, room_meeting

SIZES = [(100, 30), (80, 24)]


pytestmark = pytest.mark.usefixtures("utc_local_time")


def meeting_in_progress(data_dir: Path) -> str:
    """Twenty minutes in: information sharing for eight minutes, people marked, things captured."""
    meeting = room_meeting("Hollins family")
    start = FIXED_NOW - timedelta(minutes=20)
    meeting.record.started = start
    meeting.record.phases = [
        PhaseRecord("introductions", start, start + timedelta(minutes=12)),
        PhaseRecord("information", start + timedelta(minutes=12)),
    ]
    meeting.people[0].attendance = "present"
    meeting.people[1].attendance = "remote"
    meeting.record.captures = [
        Capture(
            kind="worry",
            text="Ruby hides when voices are raised [at night]",
            phase_id="information",
            at=start + timedelta(minutes=14),
        ),
        Capture(
            kind="working-well",
            text="Mark started the course",
            phase_id="information",
            at=start + timedelta(minutes=16),
        ),
    ]
    meeting.record.scales = [ScaleAnswer(value=4, who="Kerry", phase_id="information", at=start)]
    save_meetings(data_dir, meeting)
    return meeting.id


def opener(meeting_id: str, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("f2", "m", *keys)
        await pilot.pause()
        await steady_cursors(pilot)

    return run_before


async def steady_cursors(pilot) -> None:  # type: ignore[no-untyped-def]
    """Stop every cursor blinking and show the focused box's: a busy machine must not catch it mid-blink."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    focused = pilot.app.focused
    if focused is not None:
        pilot.app.set_focus(None)
        pilot.app.set_focus(focused)  # focusing shows the cursor, and now it stays
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chair_view(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = meeting_in_progress(isolated_data_dir)
    app = room_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting_id, "space"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chair_view_names_hidden(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = meeting_in_progress(isolated_data_dir)
    app = room_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting_id, "h"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_privacy_screen(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = meeting_in_progress(isolated_data_dir)
    app = room_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting_id, "f", "enter", "5"))


def test_privacy_screen_end_dialog(snap_compare, isolated_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    meeting_id = meeting_in_progress(isolated_data_dir)
    app = room_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=(80, 24), run_before=opener(meeting_id, "f", "enter", "ctrl+e"))

"""Snapshots of "Who is here" with children marked like everyone else, at 100x30 and 80x24.

One child is here in person, one joins by phone, one takes part in writing
(listed, not yet marked); a parent is online.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Child
from support.app_helpers import FakeClock, save_meetings
from support.room_fixtures import room_app, room_meeting

SIZES = [(100, 30), (80, 24)]

pytestmark = pytest.mark.usefixtures("utc_local_time")


def marked_meeting(data_dir: Path) -> str:
    meeting = room_meeting("Hollins family")
    meeting.people[0].attendance = "present"
    meeting.people[1].attendance = "remote"
    meeting.children = [
        Child(id="c-leo", name="Leo [/]", age=13, ways=["in-person", "in-writing"], attendance="present"),
        Child(id="c-amy", name="Amy", age=9, ways=["phone"], attendance="phone"),
        Child(id="c-mo", name="Mo", age=4, participation="written-views"),
    ]
    save_meetings(data_dir, meeting)
    return meeting.id


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_who_is_here_with_children(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = marked_meeting(isolated_data_dir)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("f2", "m", "p")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(room_app(isolated_data_dir, FakeClock()), terminal_size=size, run_before=run_before)

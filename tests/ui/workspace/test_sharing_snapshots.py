"""Snapshots of the report editor's lawful basis (with the consent warning) and the people editor's ways.

At 100x30 and 80x24, fixed clock, local time UTC, no blinking cursor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import InfoShare, Person
from support.app_helpers import save_meetings
from support.prep_fixtures import new_prep_meeting, prep_app

SIZES = [(100, 30), (80, 24)]

pytestmark = pytest.mark.usefixtures("utc_local_time")


def _size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def opener(meeting_id: str, section: str, focus: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.app.screen.show_section(section)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        pilot.app.screen.query_one(f"#{focus}").focus()
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=_size_id)
def test_report_with_consent_for_a_conference(
    snap_compare, isolated_data_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting = new_prep_meeting("Hollins family", children=[("Leo", 13)])
    meeting.kind, meeting.context = "cp-conference", "statutory"
    meeting.info_sharing = [
        InfoShare(
            document="Police report [/]",
            to="Kerry and Mark",
            lawful_basis="consent",
            special_categories=["health"],
        )
    ]
    save_meetings(isolated_data_dir, meeting)
    assert snap_compare(
        prep_app(isolated_data_dir),
        terminal_size=size,
        run_before=opener(meeting.id, "prep-info", "is-basis"),
    )


@pytest.mark.parametrize("size", SIZES, ids=_size_id)
def test_person_taking_part_in_several_ways(
    snap_compare, isolated_data_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting = new_prep_meeting()
    meeting.people = [
        Person(
            name="Nana [/]",
            role="wider-family",
            invitation="accepted",
            ways=["in-person", "phone"],
            phases=["welcome", "plan"],
        )
    ]
    save_meetings(isolated_data_dir, meeting)
    assert snap_compare(
        prep_app(isolated_data_dir),
        terminal_size=size,
        run_before=opener(meeting.id, "prep-people", "pe-phases"),
    )

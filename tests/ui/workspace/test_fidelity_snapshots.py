"""Snapshots of the fidelity grid and markers at 80x24 and 100x30.

A meeting delivered well in most ways, with one marker not met, one not
recorded and one step marked not applicable, on the bundled FGC guide and a
fixed clock with local time set to UTC.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import StepState
from support.app_helpers import bundled_library, make_app, save_meetings
from support.fidelity_fixtures import delivered_meeting

SIZES = [(100, 30), (80, 24)]


pytestmark = pytest.mark.usefixtures("utc_local_time")


def fidelity_meeting():  # type: ignore[no-untyped-def]
    m = delivered_meeting()
    m.id = "20260301-f1de11f1"
    m.family_label = "Okafor [b]family[/b]"
    m.guide_id = "fgc"
    m.choices.venue_council_building = True
    m.plan.sent_on = None
    guide = bundled_library().get("fgc")
    assert guide is not None
    for stage in ("preparation", "meeting", "family_time"):
        for step in guide.steps_for(stage, m.context):
            m.steps[step.id] = StepState(status="done")
    first = guide.steps_for("preparation", m.context)[0]
    m.steps[first.id] = StepState(status="na")
    return m


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_fidelity_grid(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = fidelity_meeting()
    save_meetings(isolated_data_dir, meeting)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.app.screen.show_section("fidelity")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(isolated_data_dir), terminal_size=size, run_before=run_before)

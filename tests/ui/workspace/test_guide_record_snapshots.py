"""Snapshot: a step the record shows done, and a stop-and-check step, in the preparation steps.

A fixed guide built in the test (not the bundled files), so guide wording
changes do not move the picture.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sdm_facilitator.domain.evidence import compile_evidence
from sdm_facilitator.domain.guide import Step
from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.ui.app import SdmApp
from support.app_helpers import FakeClock, save_meetings
from support.pilot_helpers import until_still
from support.prep_fixtures import GUIDE_ID, new_prep_meeting, prep_guide, prep_library

pytestmark = pytest.mark.usefixtures("utc_local_time")


def record_library() -> GuideLibrary:
    base = prep_guide()
    steps = list(base.steps)
    steps[1] = dataclasses.replace(
        steps[1],
        evidence=compile_evidence('count(people) >= 1 and every(people, invitation != "suggested")'),
        evidence_says="Everyone on the people list has an invitation decision.",
    )
    stop = Step(
        "stop-check",
        "preparation",
        ("trust",),
        ("statutory", "voluntary"),
        "Stop and check: any sign of forced marriage",
        "Specialist advice comes first.",
        days_before=40,
        stop_and_check=True,
    )
    guide = dataclasses.replace(base, steps=(*steps, stop))
    return GuideLibrary(guides={GUIDE_ID: guide}, language_hints=prep_library().language_hints)


def test_steps_with_evidence_and_a_stop_and_check(snap_compare, isolated_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from sdm_facilitator.domain.meeting import Person

    meeting = new_prep_meeting()
    meeting.people = [Person(name="Nana", invitation="accepted")]
    save_meetings(isolated_data_dir, meeting)
    app = SdmApp(data_dir=isolated_data_dir, library=record_library(), clock=FakeClock())

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.app.screen.show_section("prep-steps")
        await pilot.pause()
        await pilot.pause()
        pilot.app.screen.query_one("#prep-steps").focus_step("who-is-family")
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        # The row opens, the one left closes, and the section's height follows over as many
        # refreshes as a busy machine takes: wait until the screen is drawn the same twice running.
        # (The row puts itself at the top without animation: Textual's animated centring on focus
        # is stopped, which had made where it ended up depend on the machine's speed.)
        await until_still(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

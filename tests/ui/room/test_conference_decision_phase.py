"""The room's decision phases of a child protection conference: the same record as the Decision section.

In the agencies' views phase ``r`` adds a view at once; in the decision phase it
opens the decision for each child (a picker, then the same form as the
workspace); family time for the outline plan is offered, never required. The
chair's view and the picker are snapshotted at 100x30 and 80x24.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting import Meeting, Person, PhaseRecord
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.room.decision_record import RecordPicker
from support.app_helpers import FIXED_NOW, FakeClock, make_app, new_meeting, reload, save_meetings
from support.pilot_helpers import into_the_room, settle, type_text

SIZES = [(100, 30), (80, 24)]
ORDER = ["welcome", "information", "contributions", "agency-views", "decision"]


def conference_in(phase_id: str) -> Meeting:
    """A conference running for an hour, now in ``phase_id`` (every earlier phase held in order)."""
    meeting = new_meeting(kind="cp-conference", label="Hollins [family]", children=[("Leo", 13), ("Ruby", 6)])
    meeting.id = "20260302-c0f0dec1"
    meeting.people = [
        Person(id="p-kerry", name="Kerry Hollins", role="parent", attendance="present"),
        Person(id="p-priya", name="Priya Nair", role="professional", attendance="present"),
    ]
    start = FIXED_NOW - timedelta(minutes=60)
    meeting.record.started = start
    held = ORDER[: ORDER.index(phase_id) + 1]
    for index, pid in enumerate(held):
        began = start + timedelta(minutes=10 * index)
        ended = began + timedelta(minutes=10) if pid != phase_id else None
        meeting.record.phases.append(PhaseRecord(pid, began, ended))
    return meeting


def footer_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.description for key in app.screen.query(FooterKey)]


async def test_r_adds_an_agency_view_at_once_in_the_agencies_phase(isolated_data_dir: Path) -> None:
    meeting = conference_in("agency-views")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        assert "Record" in footer_words(app) and "Family" not in footer_words(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.form_title == "An agency's view on significant harm"
        await type_text(pilot, "Health visitor")
        await pilot.press("tab", "tab", "enter", "down", "down", "enter")  # not likely
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
    (view,) = reload(isolated_data_dir, meeting.id).conference.agency_views
    assert (view.agency, view.view) == ("Health visitor", "not-likely")


async def test_the_decision_phase_opens_each_childs_decision(isolated_data_dir: Path) -> None:
    meeting = conference_in("decision")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RecordPicker)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[:2] == ["Decision: Leo ⚠: not recorded", "Decision: Ruby ⚠: not recorded"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and app.screen.form_title == "The decision for Ruby"
        await pilot.press("enter", "down", "enter")  # a plan is needed
        await pilot.press("tab", "down", "space")  # physical abuse
        await pilot.press("tab")
        await type_text(pilot, "Ruby was hurt.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
    saved = reload(isolated_data_dir, meeting.id)
    (decision,) = saved.conference.decisions
    ruby = saved.children[1]
    assert (decision.child_id, decision.decision, decision.categories, decision.explanation) == (
        ruby.id,
        "plan-needed",
        ["physical"],
        "Ruby was hurt.",
    )


async def test_r_is_not_offered_where_the_phase_records_nothing(isolated_data_dir: Path) -> None:
    meeting = conference_in("welcome")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        assert "Record" not in footer_words(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is chair


async def test_family_time_for_the_outline_plan_is_offered_not_required(isolated_data_dir: Path) -> None:
    meeting = conference_in("decision")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "space", "space")  # the decision phase's prompts, then on
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "outline plan" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is chair
        record = chair.meeting.record
        assert record.current_phase is not None and record.current_phase.phase_id == "decision-plan"
        assert record.family_time_start is None
        assert record.phase("family-time") is None
        # Back goes to the decision, past the family time that was not held.
        await pilot.press("left")
        await settle(pilot)
        assert app.screen is chair
        assert record.current_phase is not None and record.current_phase.phase_id == "decision"


pytestmark = pytest.mark.usefixtures("utc_local_time")


def opener(meeting_id: str, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("f2", "m", *keys)
        await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chair_view_in_the_decision_phase(
    snap_compare, isolated_data_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    meeting = conference_in("decision")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting.id))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_decision_record_picker(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = conference_in("decision")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting.id, "r"))

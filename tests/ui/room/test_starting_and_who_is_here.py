"""Starting the meeting and the chair's "who is here" list, at the usual 80x24 terminal.

Starting a meeting planned for another day asks first; "who is here" leaves
out people not expected and shows the children taking part; the chair's
footer fits 80 columns.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.widgets import DataTable, Footer, Label, Static

from sdm_facilitator.domain.meeting import Child, Person
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.room.capture import PeopleDialog
from sdm_facilitator.ui.room.chair import ChairScreen
from support.app_helpers import FIXED_TODAY, reload, save_meetings
from support.pilot_helpers import into_the_room, screen_text, settle
from support.room_fixtures import room_app, room_meeting

SIZE = (80, 24)


def _planned(days: int | None):  # type: ignore[no-untyped-def]
    meeting = room_meeting()
    if days is not None:
        meeting.choices.when = datetime.combine(FIXED_TODAY + timedelta(days=days), time(17, 30))
    return meeting


async def _asked_to_start(pilot, app, meeting_id: str) -> tuple[ChairScreen, Confirm]:  # type: ignore[no-untyped-def]
    """Into the room, space to start: the question the chair is asked first."""
    chair = await into_the_room(pilot, app, meeting_id)
    await pilot.press("space")
    await settle(pilot)
    question = app.screen
    assert isinstance(question, Confirm)
    assert question.question == "Start the meeting now?"
    return chair, question


async def test_starting_a_meeting_planned_for_another_day_asks_first(isolated_data_dir: Path) -> None:
    meeting = _planned(10)
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair, question = await _asked_to_start(pilot, app, meeting.id)
        day = (FIXED_TODAY + timedelta(days=10)).strftime("%a %d %b %Y")
        assert f"It is planned for {day}." in question.detail
        assert "'the meeting' stage" in question.detail
        assert question.focused is not None and question.focused.id == "confirm-no"
        await pilot.press("enter")  # a stray Enter keeps the meeting in preparation
        await settle(pilot)
        assert app.screen is chair
        assert chair.meeting.record.started is None
        assert reload(isolated_data_dir, meeting.id).record.started is None

        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is chair
        assert chair.meeting.stage == "meeting"
        # Once started, space moves through the prompts without asking again.
        await pilot.press("space")
        await settle(pilot)
        assert app.screen is chair
    saved = reload(isolated_data_dir, meeting.id)
    assert saved.record.started is not None
    assert [p.phase_id for p in saved.record.phases] == ["introductions"]


async def test_a_meeting_planned_for_today_or_undated_starts_at_once(isolated_data_dir: Path) -> None:
    today, undated = _planned(0), _planned(None)
    save_meetings(isolated_data_dir, today, undated)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        for meeting in (today, undated):
            chair = await into_the_room(pilot, app, meeting.id)
            await pilot.press("space")
            await settle(pilot)
            assert app.screen is chair
            assert chair.meeting.stage == "meeting"
            await pilot.press("escape")
            await settle(pilot)
            app.pop_screen()  # the workspace, back to the list
            await settle(pilot)
    assert reload(isolated_data_dir, today.id).record.started is not None
    assert reload(isolated_data_dir, undated.id).record.started is not None


def _people_meeting():  # type: ignore[no-untyped-def]
    meeting = room_meeting()
    meeting.people += [
        Person(id="p-declined", name="Declined Dora", role="wider-family", invitation="declined"),
        Person(
            id="p-left-out",
            name="Left-out Len",
            role="parent",
            invitation="not-invited",
            not_invited_reason="agreed with mum",
        ),
    ]
    meeting.children = [
        Child(id="c-leo", name="Leo [/]", age=13, participation="attends-part"),
        Child(id="c-amy", name="Amy", age=9, participation="remote"),
        Child(id="c-mo", name="Mo", age=4, participation="written-views"),
        Child(id="c-kit", name="Kit", age=15, participation="not-taking-part", participation_reason="exams"),
    ]
    return meeting


def _row_texts(table: DataTable) -> list[list[str]]:
    return [
        [str(getattr(cell, "plain", cell)) for cell in table.get_row_at(i)] for i in range(table.row_count)
    ]


async def test_who_is_here_lists_expected_people_and_marks_every_child(isolated_data_dir: Path) -> None:
    meeting = _people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        # The room's summary does not wait for people who declined or are left out, nor for children
        # taking part in writing or not at all; it does wait for Leo and Amy.
        assert "not marked: 5" in screen_text(app)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PeopleDialog)
        table = dialog.query_one("#people-table", DataTable)
        rows = _row_texts(table)
        names = [row[1] for row in rows]
        assert names == [
            "Kerry Hollins",
            "Sue [/] Barnes",
            "Priya Nair",
            "Leo [/] (13)",
            "Amy (9)",
            "Mo (4)",
            "Kit (15)",
        ]
        assert rows[3] == ["·  not marked", "Leo [/] (13)", "child · in person"]
        assert rows[4][2] == "child · online"
        assert rows[5][2] == "child · in writing"
        assert rows[6][2] == "child"
        note = dialog.query_one("#people-note", Static)
        assert note.display and "Not listed: 2 who declined or are not to be invited." in str(note.render())

        # Marks go on people and on children alike.
        await pilot.press("p")  # Kerry is here, and the cursor moves on to Sue
        for _ in range(2):
            await pilot.press("down")
        await pilot.press("p")  # Leo is here; the cursor moves on to Amy
        await pilot.press("b")  # Amy joins by phone
        await settle(pilot)
        assert _row_texts(table)[3][0] == "✓  here"
        assert _row_texts(table)[4][0] == "☎  by phone"
        await pilot.press("up", "up", "up")
        await pilot.press("o")  # Priya joined online
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is chair
        assert "✓ here: Kerry Hollins, Leo [/]" in screen_text(app)
        assert "☎ phone: Amy" in screen_text(app)
    saved = reload(isolated_data_dir, meeting.id)
    marks = {p.id: p.attendance for p in saved.people}
    assert marks == {
        "p-kerry": "present",
        "p-sue": None,
        "p-priya": "remote",
        "p-declined": None,
        "p-left-out": None,
    }
    assert {c.id: c.attendance for c in saved.children} == {
        "c-leo": "present",
        "c-amy": "phone",
        "c-mo": None,
        "c-kit": None,
    }


async def test_chair_footer_fits_80_columns(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        assert isinstance(chair, ChairScreen)
        footer = chair.query_one(Footer)
        await settle(pilot)
        keys = [key for key in footer.query("FooterKey") if not key.has_class("-command-palette")]
        descriptions = [key.description for key in keys]  # type: ignore[attr-defined]
        assert descriptions[:6] == ["Next", "Back", "Capture", "Here", "Hide", "Family"]
        assert descriptions[-1] == "Keys"
        palette = footer.query_one("FooterKey.-command-palette")
        # Every key ends before the palette's key on the right, none cut off.
        assert max(key.region.right for key in keys) <= palette.region.x
        assert footer.max_scroll_x == 0
        # Scale and Close are still keys (in ? help and the palette), just not in the footer.
        shown = {b.binding.action for b in chair.active_bindings.values()}
        assert {"scale", "leave"} <= shown
        await pilot.press("s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ScaleDialog"


async def test_marking_who_is_here_moves_to_the_next_person(isolated_data_dir: Path) -> None:
    meeting = _people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PeopleDialog)
        hint = "\n".join(str(label.render()) for label in dialog.query(Label))
        assert "marks the row and moves to the next person" in hint
        assert "space changes the mark and stays" in hint
        # One key per person: here, online, not here, part of it; children's lines are marked too.
        await pilot.press("p", "o", "a", "t")
        table = dialog.query_one("#people-table", DataTable)
        assert table.cursor_row == 4
        await pilot.press("escape")
        await settle(pilot)
    saved = reload(isolated_data_dir, meeting.id)
    marks = {p.id: p.attendance for p in saved.people}
    assert (marks["p-kerry"], marks["p-sue"], marks["p-priya"]) == ("present", "remote", "absent")
    assert saved.children[0].attendance == "part"


async def test_starting_with_a_check_not_made_names_it_and_waits_for_a_yes(isolated_data_dir: Path) -> None:
    from sdm_facilitator.domain.risks import Risk

    meeting = _planned(0)
    meeting.risks.append(Risk(kind="child-exploitation", status="not-known", screened_on=FIXED_TODAY))
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair, question = await _asked_to_start(pilot, app, meeting.id)
        assert "planned for" not in question.detail  # it is today: only the check is the reason
        assert question.detail.startswith("Stop and check first: 1 check not made yet (")
        assert "xploitation" in question.detail
        await pilot.press("enter")  # No is the default: the meeting waits
        await settle(pilot)
        assert app.screen is chair and chair.meeting.record.started is None

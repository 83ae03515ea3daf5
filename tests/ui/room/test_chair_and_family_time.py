"""The chair's view and private family time, driven by real key presses.

Each step checks the meeting file on disk, because times stamped in the room
must survive anything; the clock is a ``FakeClock`` moved by hand, so timers
are checked to the second.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, Digits, Static

from sdm_facilitator.domain.guide import scale_question
from sdm_facilitator.domain.meeting import Capture
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.room.capture import (
    CaptureDialog,
    EndFamilyTimeDialog,
    PeopleDialog,
    ScaleDialog,
)
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_NOW, FakeClock, reload, save_meetings
from support.pilot_helpers import type_text, until
from support.room_fixtures import SECRETS, room_app, room_meeting, secret_meeting
from support.strategies import HOSTILE_TEXTS


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


async def into_the_room(pilot, app: SdmApp, meeting_id: str) -> ChairScreen:  # type: ignore[no-untyped-def]
    """Open the meeting from the app, then press m for the chair's view."""
    app.open_meeting(meeting_id)
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("f2", "m")
    await pilot.pause()
    screen = app.screen
    if isinstance(screen, FamilyTimeScreen):
        return screen  # type: ignore[return-value]
    assert isinstance(screen, ChairScreen)
    return screen


def text_of(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    rendered = screen.query_one(selector, Static).render()
    return str(getattr(rendered, "plain", rendered))


def phase_clock(screen) -> str:  # type: ignore[no-untyped-def]
    return screen.query_one("#phase-timer Digits", Digits).value


def countdown(screen) -> str:  # type: ignore[no-untyped-def]
    return screen.query_one("#family-countdown Digits", Digits).value


# ---------------------------------------------------------------- the whole meeting


async def test_whole_meeting_from_first_phase_through_family_time(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        assert "Ready when you are" in text_of(chair, "#chair-prompt")
        assert reload(isolated_data_dir, meeting.id).record.started is None

        # Start: the meeting and its first phase are stamped.
        await pilot.press("space")
        record = reload(isolated_data_dir, meeting.id).record
        assert record.started == FIXED_NOW
        assert [(p.phase_id, p.started, p.ended) for p in record.phases] == [
            ("introductions", FIXED_NOW, None)
        ]
        assert "their way" in text_of(chair, "#chair-prompt")

        # A worry, captured without leaving the view.
        clock.advance(minutes=3)
        await pilot.press("w")
        assert isinstance(app.screen, CaptureDialog)
        await type_text(pilot, "Ruby [/b]")
        await pilot.press("enter")
        await pilot.pause()
        (capture,) = reload(isolated_data_dir, meeting.id).record.captures
        assert (capture.kind, capture.text, capture.phase_id, capture.at) == (
            "worry",
            "Ruby [/b]",
            "introductions",
            FIXED_NOW + minutes(3),
        )
        assert "Worry: Ruby [/b]" in text_of(chair, "#chair-captures")

        # The kind can be changed in the dialog before saving.
        await pilot.press("c", "down", "down", "down", "down")
        await type_text(pilot, "Fri")
        await pilot.press("enter")
        await pilot.pause()
        assert reload(isolated_data_dir, meeting.id).record.captures[-1].kind == "decision"

        # Who is here.
        await pilot.press("p")
        assert isinstance(app.screen, PeopleDialog)
        await pilot.press("p", "r", "space", "space")  # each mark moves on; space changes it in place
        await pilot.press("escape")
        await pilot.pause()
        people = {p.id: p.attendance for p in reload(isolated_data_dir, meeting.id).people}
        assert people == {"p-kerry": "present", "p-sue": "remote", "p-priya": "remote"}
        assert "Kerry Hollins" in text_of(chair, "#chair-present")

        # A scaling answer and who gave it.
        await pilot.press("s")
        assert isinstance(app.screen, ScaleDialog)
        # The guide's one wording of the scale, as on the record of the day.
        assert text_of(app.screen, "#scale-question") == scale_question(app.library.get(meeting.guide_id))
        await pilot.press("1", "1", "enter")  # 11 is refused at the end
        await type_text(pilot, "Kerry")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScaleDialog)
        value = app.screen.query_one("#scale-value")
        value.value = ""
        await pilot.press("4", "enter", "enter")
        await type_text(pilot, "ok")
        await pilot.press("enter")
        await pilot.pause()
        (scale,) = reload(isolated_data_dir, meeting.id).record.scales
        assert (scale.value, scale.who, scale.note, scale.phase_id) == (4, "Kerry", "ok", "introductions")

        # Next prompt, then next phase.
        await pilot.press("space")
        assert "Agree how we will talk" in text_of(chair, "#chair-prompt")
        assert len(reload(isolated_data_dir, meeting.id).record.phases) == 1
        clock.advance(minutes=9)
        await pilot.press("space")
        record = reload(isolated_data_dir, meeting.id).record
        assert [(p.phase_id, p.started, p.ended) for p in record.phases] == [
            ("introductions", FIXED_NOW, FIXED_NOW + minutes(12)),
            ("information", FIXED_NOW + minutes(12), None),
        ]
        assert "What are we worried about?" in text_of(chair, "#chair-prompt")

        # Timers: the phase against its planned length and the whole meeting.
        clock.advance(minutes=31)
        await until(pilot, lambda: phase_clock(chair) == "31:00", "the phase clock's next tick")
        assert "of 30:00 planned" in text_of(chair, "#phase-timer .timer-caption")
        assert "1 minute over" in text_of(chair, "#phase-timer .timer-caption")
        assert "Meeting 43:00" in text_of(chair, "#meeting-timer")

        # Through the prompts to family time, which asks first.
        await pilot.press("space", "space", "space")
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        assert reload(isolated_data_dir, meeting.id).record.family_time_start is None
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FamilyTimeScreen)
        family = app.screen
        record = reload(isolated_data_dir, meeting.id).record
        assert record.family_time_start == FIXED_NOW + minutes(43)
        assert record.phases[-1].phase_id == "private-family-time"
        assert record.phases[-2].ended == FIXED_NOW + minutes(43)
        assert reload(isolated_data_dir, meeting.id).stage == "family_time"
        assert countdown(family) == "1:00:00"

        # Extend in one key each.
        await pilot.press("5", "t")
        assert reload(isolated_data_dir, meeting.id).record.family_time_extra_minutes == 15
        clock.advance(minutes=20)
        family._tick()
        assert countdown(family) == "55:00"

        # Stray keys do not leave the privacy screen.
        await pilot.press("escape", "q", "m", "space", "enter", "left", "b", "f")
        assert app.screen is family
        # Ending needs ctrl+e and the typed word.
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, EndFamilyTimeDialog)
        await type_text(pilot, "yes")
        await pilot.press("enter")
        assert isinstance(app.screen, EndFamilyTimeDialog)
        assert reload(isolated_data_dir, meeting.id).record.family_time_end is None
        await type_text(pilot, "back")
        await pilot.press("enter")
        await pilot.pause()

        # Family time ended and plan capture is open.
        record = reload(isolated_data_dir, meeting.id).record
        assert record.family_time_end == FIXED_NOW + minutes(63)
        assert [p.phase_id for p in record.phases] == [
            "introductions",
            "information",
            "private-family-time",
            "plan",
        ]
        assert record.phases[-1].started == FIXED_NOW + minutes(63) and record.phases[-1].ended is None
        assert reload(isolated_data_dir, meeting.id).stage == "meeting"
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.query_one("#section-content", ContentSwitcher).current == "plan"

        # Back in the room, the plan phase is running; the meeting ends with e and Enter.
        await pilot.press("f2", "m")
        await pilot.pause()
        chair = app.screen
        assert isinstance(chair, ChairScreen)
        assert "The family's plan" in text_of(chair, "#chair-phase")
        await pilot.press("space", "space")
        assert "last phase" in text_of(chair, "#chair-message")
        clock.advance(minutes=20)
        await pilot.press("e", "enter")
        await pilot.pause()
        record = reload(isolated_data_dir, meeting.id).record
        assert record.ended == FIXED_NOW + minutes(83)
        assert all(p.ended is not None for p in record.phases)
        assert "Meeting 1:23:00" in text_of(chair, "#meeting-timer")


async def test_back_undoes_a_move_made_by_mistake(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "space")
        clock.advance(minutes=5)
        await pilot.press("space")  # into information sharing
        assert "Information sharing" in text_of(chair, "#chair-phase")
        clock.advance(seconds=4)
        await pilot.press("left")  # oops: straight back
        assert "Welcome" in text_of(chair, "#chair-phase")
        # Back lands on the last prompt of the phase returned to.
        assert "Agree how we will talk" in text_of(chair, "#chair-prompt")
        record = reload(isolated_data_dir, meeting.id).record
        assert [(p.phase_id, p.ended) for p in record.phases] == [("introductions", None)]
        await pilot.press("b")
        assert "their way" in text_of(chair, "#chair-prompt")
        await pilot.press("b")
        assert "first phase" in text_of(chair, "#chair-message")


# ---------------------------------------------------------------- timers survive leaving and restarting


async def test_timers_are_right_after_leaving_and_reopening(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "space")  # started, on prompt 2
        clock.advance(minutes=5)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        clock.advance(minutes=3, seconds=7)
        await pilot.press("m")
        await pilot.pause()
        chair = app.screen
        assert isinstance(chair, ChairScreen)
        assert phase_clock(chair) == "8:07"
        assert "Meeting 8:07" in text_of(chair, "#meeting-timer")
        # The place in the prompts is kept while the app runs.
        assert "Agree how we will talk" in text_of(chair, "#chair-prompt")
        clock.advance(seconds=2)
        await until(pilot, lambda: phase_clock(chair) == "8:09", "the phase clock's next tick")


async def test_timers_are_right_after_a_restart_mid_meeting(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "space")
        clock.advance(minutes=10)
        await pilot.press("space")  # information sharing from minute 10
        await pilot.press("ctrl+q")
    # The app is closed for a while, then opened again.
    later = FakeClock(FIXED_NOW + minutes(47))
    app = room_app(isolated_data_dir, later)
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        assert "Information sharing" in text_of(chair, "#chair-phase")
        assert phase_clock(chair) == "37:00"
        assert "7 minutes over" in text_of(chair, "#phase-timer .timer-caption")
        assert "Meeting 47:00" in text_of(chair, "#meeting-timer")


async def test_restart_during_family_time_opens_the_privacy_screen_with_the_right_countdown(
    isolated_data_dir: Path,
) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("space", "f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FamilyTimeScreen)
        await pilot.press("t")
        await pilot.press("ctrl+q")
    record = reload(isolated_data_dir, meeting.id).record
    assert record.family_time_start == FIXED_NOW and record.family_time_extra_minutes == 10
    app = room_app(
        isolated_data_dir,
        FakeClock(
            FIXED_NOW
            + minutes(
                25,
            )
        ),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await into_the_room(pilot, app, meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FamilyTimeScreen)
        assert countdown(screen) == "45:00"  # 60 planned + 10 added - 25 gone
    # Reopening did not restart family time.
    assert reload(isolated_data_dir, meeting.id).record.family_time_start == FIXED_NOW


async def test_countdown_runs_over_calmly(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")
        await pilot.pause()
        screen = app.screen
        clock.advance(minutes=63)
        await until(pilot, lambda: countdown(screen) == "+3:00", "the countdown's next tick")
        caption = text_of(screen, "#family-countdown .timer-caption")
        assert "over the planned time" in caption and "Take the time you need" in caption


async def test_family_time_again_after_it_ended_starts_a_new_round(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")
        clock.advance(minutes=50)
        await pilot.press("ctrl+e")
        await type_text(pilot, "BACK")
        await pilot.press("enter")
        await pilot.pause()
        workspace = app.screen
        assert isinstance(workspace, MeetingScreen)
        # The plan is not agreed: the family gets more time (as the plan section does it).
        clock.advance(minutes=30)
        app.push_screen(FamilyTimeScreen(workspace.session))
        await pilot.pause()
        record = reload(isolated_data_dir, meeting.id).record
        assert record.family_time_start == FIXED_NOW + minutes(80) and record.family_time_end is None
        assert [p.phase_id for p in record.phases] == ["private-family-time", "plan", "private-family-time"]
        assert countdown(app.screen) == "1:00:00"


# ---------------------------------------------------------------- privacy


def visible_text(app: SdmApp) -> str:
    """Every piece of text the screen holds (scrolled out of view too), plus the rendered screen."""
    parts = [str(app.title), str(app.sub_title), str(app.screen.title), str(app.screen.sub_title)]
    for widget in app.screen.walk_children(with_self=True):
        try:
            rendered = widget.render()
        except Exception:
            continue
        parts.append(str(getattr(rendered, "plain", rendered)))
    svg = app.export_screenshot()
    parts.append(html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " "))
    return "\n".join(parts)


async def test_privacy_screen_shows_no_professional_text(isolated_data_dir: Path) -> None:
    meeting = secret_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        # The chair's view does show them (this proves the check can see text).
        before = visible_text(app)
        assert SECRETS["capture"] in before and "Zzperson Surname" in before
        assert isinstance(chair, ChairScreen)
        app.notify(SECRETS["referral worries"], markup=False)  # a toast left over from before
        await pilot.press("f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FamilyTimeScreen)
        for size in ((100, 30), (80, 24), (160, 50)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            shown = visible_text(app)
            assert "What needs to happen so the children are safe and well?" in shown
            assert "Who will do what, and by when?" in shown
            for where, secret in SECRETS.items():
                assert secret not in shown, f"{where} is shown on the privacy screen"
            for person in ("Kerry", "Hollins", "Barnes", "Priya", "Nair"):
                assert person not in shown
        # The dialog for ending it shows nothing either.
        await pilot.press("ctrl+e")
        shown = visible_text(app)
        assert "type the word back" in shown
        assert not any(secret in shown for secret in SECRETS.values())
        await pilot.press("escape")
        # The command palette (which can list meetings) is switched off here.
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert not app.screen.query("CommandPalette")
    # ... and comes back once family time is over (checked in a fresh app to keep this fast).


async def test_palette_works_again_after_family_time(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")
        await pilot.pause()
        assert not app.use_command_palette
        await pilot.press("ctrl+e")
        await type_text(pilot, "back")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.use_command_palette


async def test_hide_names_leaves_only_prompt_and_timer(isolated_data_dir: Path) -> None:
    meeting = secret_meeting()
    for person in meeting.people:
        person.attendance = "present"
    meeting.record.captures.append(Capture(kind="note", text="ZZNOTE-now", phase_id="information"))
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        shown = visible_text(app)
        assert "ZZNOTE-now" in shown and "Kerry Hollins" in shown and SECRETS["family label"] in shown
        await pilot.press("h")
        await pilot.pause()
        shown = visible_text(app)
        assert "What are we worried about?" in shown
        assert phase_clock(chair) == "10:00"
        assert "hidden" in text_of(chair, "#chair-hidden-note")
        for text in ("ZZNOTE-now", "Kerry Hollins", SECRETS["family label"], SECRETS["capture"], "Zzperson"):
            assert text not in shown
        # Names stay hidden after leaving and coming back.
        await pilot.press("escape", "m")
        await pilot.pause()
        assert "Kerry Hollins" not in visible_text(app)
        # The people list is not opened while hidden; capture text is masked as it is typed.
        await pilot.press("p")
        assert isinstance(app.screen, ChairScreen)
        await pilot.press("n")
        await type_text(pilot, "ZZTYPED")
        assert "ZZTYPED" not in visible_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reload(isolated_data_dir, meeting.id).record.captures[-1].text == "ZZTYPED"
        await pilot.press("h")
        assert "Kerry Hollins" in visible_text(app)


# ---------------------------------------------------------------- odd cases


async def test_user_text_is_shown_literally(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    meeting.record.started = FIXED_NOW
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        session = chair.session
        for hostile in HOSTILE_TEXTS:
            session.meeting.family_label = hostile
            session.meeting.people[0].name = hostile
            session.meeting.people[0].attendance = "present"
            session.meeting.record.captures.append(Capture(kind="worry", text=hostile, phase_id=""))
            chair.refresh_view()
            chair._apply_hidden()
            await pilot.pause()
            if len(hostile) < 30:
                assert hostile in text_of(chair, "#chair-present")
                assert f"Worry: {hostile}" in text_of(chair, "#chair-captures")
            assert app.is_running
        # The dialogs show names literally too.
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChairScreen)


async def test_meeting_without_guide_or_agenda(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    meeting.guide_id = "no-such-guide"
    meeting.kind = "review"
    meeting.agenda = []
    save_meetings(isolated_data_dir, meeting)
    clock = FakeClock()
    app = room_app(isolated_data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space")
        assert reload(isolated_data_dir, meeting.id).record.started == FIXED_NOW
        assert "No phases planned" in text_of(chair, "#chair-prompt")
        await pilot.press("d")
        await type_text(pilot, "Agreed")
        await pilot.press("enter")
        await pilot.pause()
        assert reload(isolated_data_dir, meeting.id).record.captures[0].phase_id == ""
        await pilot.press("f", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FamilyTimeScreen)
        assert countdown(screen) == "45:00"
        assert "What needs to happen so the children are safe and well?" in visible_text(app)
        clock.advance(minutes=30)
        await pilot.press("ctrl+e")
        await type_text(pilot, "back")
        await pilot.press("enter")
        await pilot.pause()
        record = reload(isolated_data_dir, meeting.id).record
        assert record.family_time_end == FIXED_NOW + minutes(30) and record.phases == []


async def test_read_only_meeting_records_nothing(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    store = save_meetings(isolated_data_dir, meeting)
    holder = store.open(meeting.id)  # another window holds the meeting
    try:
        app = room_app(isolated_data_dir, FakeClock())
        async with app.run_test(size=(100, 30)) as pilot:
            chair = await into_the_room(pilot, app, meeting.id)
            assert app.screen.session.read_only  # type: ignore[attr-defined]
            await pilot.press("space", "w", "f")
            assert isinstance(app.screen, ChairScreen)
            assert "read-only" in text_of(chair, "#chair-message")
    finally:
        store.close(holder)
    assert reload(isolated_data_dir, meeting.id).record.started is None


async def test_palette_commands(isolated_data_dir: Path) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        workspace = app.screen
        commands = {c.title: c.callback for c in workspace.palette_commands()}  # type: ignore[attr-defined]
        assert "In the room" in commands  # from the footer key m
        commands["In the room: start private family time"]()
        # The room opens, then asks: as many refreshes as a busy machine takes.
        await until(pilot, lambda: isinstance(app.screen, Confirm), "the question before family time")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FamilyTimeScreen), "the privacy screen")
        assert reload(isolated_data_dir, meeting.id).record.family_time_start == FIXED_NOW
        chair = next(s for s in app.screen_stack if isinstance(s, ChairScreen))
        chair_titles = [c.title for c in chair.palette_commands()]
        assert "Scale" in chair_titles

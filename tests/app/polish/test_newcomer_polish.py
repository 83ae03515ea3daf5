"""Polish after a newcomer's first try of the app, at the usual 80x24 terminal.

Starting a meeting planned for another day asks first; the chair's "who is
here" list leaves out people not expected and shows the children taking part;
the follow-up tables show the whole text of the highlighted row; the new
meeting form notes a guide without steps for the chosen context; the editor
dialogs open at their top; the high-contrast theme keeps muted text bright;
the chair's footer fits 80 columns.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.color import Color
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Input, Static

from app.fixes.fixes_helpers import into_the_room, screen_text, settle
from app.part1.prep_fixtures import new_prep_meeting, prep_app
from app.part2a.chair_fixtures import room_app, room_meeting
from app.part2b.part2b_helpers import held_meeting, open_section, start
from app_helpers import FIXED_TODAY, make_app, reload, save_meetings
from sdm_facilitator.domain.meeting import Child, Person, PlanChange, Review
from sdm_facilitator.ui.screens.capture_dialog import PeopleDialog
from sdm_facilitator.ui.screens.chair import ChairScreen
from sdm_facilitator.ui.screens.meeting import MeetingScreen
from sdm_facilitator.ui.screens.new_meeting import NewMeetingScreen
from sdm_facilitator.ui.widgets.confirm import Confirm
from sdm_facilitator.ui.widgets.editor_dialog import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import Field

SIZE = (80, 24)


# ---------------------------------------------------------------- 5. editor dialogs open at their top


async def _open_editor(pilot, app, section_id: str) -> EditorDialog:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    screen.show_section(section_id)
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, EditorDialog)
    return dialog


def _first_label_visible(dialog: EditorDialog) -> None:
    body = dialog.query_one(".editor-body", VerticalScroll)
    assert body.scroll_y == 0
    first = body.query(Field).first()
    label = first.children[0]
    assert label.region.height >= 1
    assert body.region.contains_region(label.region), (label.region, body.region)
    assert dialog.focused is not None and first in dialog.focused.ancestors


async def test_new_person_dialog_opens_with_the_first_label_in_view(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_editor(pilot, app, "prep-people")
        assert dialog.dialog_title == "New person"
        _first_label_visible(dialog)
        assert dialog.focused is not None and dialog.focused.id == "pe-name"


async def test_new_report_dialog_opens_with_the_first_label_in_view(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_editor(pilot, app, "prep-info")
        _first_label_visible(dialog)


# ---------------------------------------------------------------- 1. starting a meeting planned for another day


def _planned(days: int | None):  # type: ignore[no-untyped-def]
    meeting = room_meeting()
    if days is not None:
        meeting.choices.when = datetime.combine(FIXED_TODAY + timedelta(days=days), time(17, 30))
    return meeting


async def test_starting_a_meeting_planned_for_another_day_asks_first(isolated_data_dir: Path) -> None:
    meeting = _planned(10)
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        await pilot.press("space")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.question == "Start the meeting now?"
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


# ---------------------------------------------------------------- 2. who is here: the expected people and the children


def _people_meeting():  # type: ignore[no-untyped-def]
    meeting = room_meeting()
    meeting.people += [
        Person(id="p-declined", name="Declined Dora", role="wider-family", invitation="declined"),
        Person(id="p-left-out", name="Left-out Len", role="parent", invitation="not-invited",
               not_invited_reason="agreed with mum"),
    ]
    meeting.children = [
        Child(id="c-leo", name="Leo [/]", age=13, participation="attends-part"),
        Child(id="c-amy", name="Amy", age=9, participation="remote"),
        Child(id="c-mo", name="Mo", age=4, participation="written-views"),
        Child(id="c-kit", name="Kit", age=15, participation="not-taking-part", participation_reason="exams"),
    ]
    return meeting


def _row_texts(table: DataTable) -> list[list[str]]:
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_who_is_here_lists_expected_people_and_children_taking_part(isolated_data_dir: Path) -> None:
    meeting = _people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        chair = await into_the_room(pilot, app, meeting.id)
        # The room's summary does not wait for people who declined or are left out.
        assert "not marked: 3" in screen_text(app)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PeopleDialog)
        table = dialog.query_one("#people-table", DataTable)
        rows = _row_texts(table)
        names = [row[1] for row in rows]
        assert names == ["Kerry Hollins", "Sue [/] Barnes", "Priya Nair", "Leo [/] (13)", "Amy (9)"]
        assert rows[3] == ["", "Leo [/] (13)", "child · attends part of it"]
        assert rows[4][2] == "child · joins remotely"
        note = dialog.query_one("#people-note", Static)
        assert note.display and "Not listed: 2 who declined or are not to be invited." in str(note.render())

        # Marks go on people; a child's line has none.
        await pilot.press("p")  # Kerry is here
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("p", "space", "a")  # on Leo's line: nothing to mark
        await settle(pilot)
        assert _row_texts(table)[3][0] == ""
        assert "not marked here" in str(note.render())
        await pilot.press("up")  # moving on brings the usual note back
        await settle(pilot)
        assert "Not listed: 2" in str(note.render())
        await pilot.press("r")  # Priya joined remotely
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is chair
    saved = reload(isolated_data_dir, meeting.id)
    marks = {p.id: p.attendance for p in saved.people}
    assert marks == {"p-kerry": "present", "p-sue": None, "p-priya": "remote", "p-declined": None,
                     "p-left-out": None}
    assert all("attendance" not in child.extra for child in saved.children)


# ---------------------------------------------------------------- 7. the chair's footer fits 80 columns


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


# ---------------------------------------------------------------- 6. muted text in the high-contrast theme


def _contrast(one: Color, two: Color) -> float:
    """The WCAG contrast ratio of two opaque colours."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rich_colour(style) -> Color:  # type: ignore[no-untyped-def]
    return Color(*style.color.get_truecolor())


async def test_high_contrast_keeps_muted_and_placeholder_text_bright(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert app.theme == "sdm-high-contrast"
        black = Color.parse("#000000")
        variables = app.get_css_variables()
        for name in ("text-muted", "foreground-muted", "text-disabled"):
            assert not variables[name].startswith("auto"), (name, variables[name])  # a 60% or 38% blend
            colour = black + Color.parse(variables[name])
            assert _contrast(colour, black) >= 7, (name, variables[name])
        # The home screen's filter placeholder: readable, and not white like typed text.
        home_filter = app.screen.query(Input).first()
        placeholder = _rich_colour(home_filter.get_component_rich_style("input--placeholder"))
        assert _contrast(placeholder, black) >= 7
        assert placeholder != Color.parse("#FFFFFF")
        # A muted line in the workspace, and the side list's group headings.
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        muted = next(iter(screen.query(".section-help, .muted, .empty-note")), None)
        if muted is not None:
            assert _contrast(black + muted.styles.color, black) >= 7
        side = screen.query("OptionList").first()
        heading = _rich_colour(side.get_component_rich_style("option-list--option-disabled"))
        assert _contrast(heading, black) >= 7


# ---------------------------------------------------------------- 3. follow-up: the whole text of plan changes and reviews

LONG_WHAT = "Curfew moved to 9:30 on Fridays [b]only[/b] while the football season lasts"
LONG_REASON = "Yusuf asked; everyone agreed it was fair [/] and Gran will check in"


async def test_follow_up_shows_whole_plan_changes_and_reviews(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    meeting.follow_up.plan_changes = [
        PlanChange(date=FIXED_TODAY, what=LONG_WHAT, reason=LONG_REASON),
        PlanChange(date=None, what="Second change", reason=""),
    ]
    meeting.follow_up.reviews = [
        Review(id="r-1", scheduled=FIXED_TODAY + timedelta(days=90), requested_by="planned at the meeting [x]",
               held=FIXED_TODAY + timedelta(days=91), outcome="The plan carries on; the curfew stays at 9:30 [/]"),
        Review(id="r-2", scheduled=FIXED_TODAY + timedelta(days=180)),
    ]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        screen = app.screen
        changes = screen.query_one("#fu-changes", DataTable)
        change_detail = screen.query_one("#fu-change-detail", Static)
        review_detail = screen.query_one("#fu-review-detail", Static)
        text = str(change_detail.render())
        assert change_detail.display
        assert LONG_WHAT in text and f"Why: {LONG_REASON}" in text
        assert f"Changed on {FIXED_TODAY:%a %d %b %Y}" in text

        changes.focus()
        await pilot.press("down")
        await settle(pilot)
        text = str(change_detail.render())
        assert "Second change" in text and "no reason written" in text and "no date written" in text

        reviews = screen.query_one("#fu-reviews", DataTable)
        reviews.focus()
        await settle(pilot)
        text = str(review_detail.render())
        assert "Asked for by: planned at the meeting [x]" in text
        assert "Outcome: The plan carries on; the curfew stays at 9:30 [/]" in text
        assert f"Held on {FIXED_TODAY + timedelta(days=91):%a %d %b %Y}" in text
        await pilot.press("down")
        await settle(pilot)
        text = str(review_detail.render())
        assert "No outcome yet: press o to record one." in text and "Asked for by: not written" in text


async def test_follow_up_details_hidden_when_tables_are_empty(isolated_data_dir: Path) -> None:
    meeting = held_meeting()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        assert not app.screen.query_one("#fu-change-detail", Static).display
        assert not app.screen.query_one("#fu-review-detail", Static).display


# ---------------------------------------------------------------- 4. new meeting: a guide with no steps for the context


async def test_new_meeting_notes_a_guide_without_steps_for_the_context(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)  # the bundled guides: the conference guide is statutory only
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        if not isinstance(form, NewMeetingScreen):  # the first run asks about demo data first
            app.push_screen(NewMeetingScreen())
            await settle(pilot)
            form = app.screen
        assert isinstance(form, NewMeetingScreen)
        note = form.query_one("#new-context-note", Static)
        kind = form.query_one("#new-kind")
        context = form.query_one("#new-context")
        assert not note.display  # a family group conference, voluntary: the guide covers it

        kind.value = "cp-conference"  # type: ignore[attr-defined]
        await settle(pilot)
        assert context.value == "statutory"  # type: ignore[attr-defined]
        assert not note.display

        context.value = "voluntary"  # type: ignore[attr-defined]
        await settle(pilot)
        assert note.display
        text = str(note.render())
        assert "no steps for a voluntary (child in need) meeting" in text
        assert "written for statutory (child protection) ones" in text
        assert "You can still create it." in text

        context.value = "statutory"  # type: ignore[attr-defined]
        await settle(pilot)
        assert not note.display
        context.value = "voluntary"  # type: ignore[attr-defined]
        await settle(pilot)
        assert note.display
        # Only a note: the meeting can still be made.
        form.query_one("#new-label", Input).value = "Voluntary conference"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NewMeetingScreen)
    assert len(list((isolated_data_dir / "meetings").glob("*.toml"))) == 1

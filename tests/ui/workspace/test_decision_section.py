"""The Decision section of a child protection conference: every part recorded from the keyboard.

The chair records a whole decision with real key presses (forms, choices,
several categories, people from the list, dates with their warnings), and it
is saved into the meeting's ``[conference]`` table. Other kinds of meeting
never show the section.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.workspace.decision import DecisionSection
from support.app_helpers import new_meeting, reload
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section, start

# Monday 2 March 2026 (the test clock's day): the conference is held that morning.
HELD = date(2026, 3, 2)


def conference() -> Meeting:
    meeting = new_meeting(kind="cp-conference", label="Hollins", children=[("Leo", 13), ("Ruby", 6)])
    meeting.id = "20260302-dec1510a"
    meeting.people = [
        Person(id="p-kerry", name="Kerry Hollins", role="parent"),
        Person(id="p-mark", name="Mark Hollins", role="parent"),
        Person(id="p-sue", name="Sue Barnes", role="wider-family"),
        Person(id="p-priya", name="Priya Nair", role="professional"),
    ]
    meeting.record.started = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    meeting.record.ended = datetime(2026, 3, 2, 9, 20, tzinfo=UTC)
    return meeting


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#dc-parts", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def checks_of(section: DecisionSection, part: str) -> list[str]:
    return next(row.checks for row in section.rows() if row.part == part)


async def go_to(pilot, app, part: str) -> None:  # type: ignore[no-untyped-def]
    """Move the table's cursor to the row whose part is ``part``, with the arrow keys."""
    table = app.screen.query_one("#dc-parts", DataTable)
    table.focus()
    await settle(pilot, 1)
    target = rows(app).index(part)
    while table.cursor_row != target:
        await pilot.press("down" if table.cursor_row < target else "up")


async def choose(pilot, steps: int) -> None:  # type: ignore[no-untyped-def]
    """In a focused Select: open it, move ``steps`` down, choose."""
    await pilot.press("enter", *(["down"] * steps), "enter")


async def save_form(pilot, app) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, FormDialog)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(app.screen, FormDialog), app.screen.query_one("#form-error").render()


async def test_the_chair_records_a_whole_decision_by_keys(isolated_data_dir: Path) -> None:
    meeting = conference()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        section = app.screen.query_one(DecisionSection)
        assert app.focused is section.query_one("#dc-parts", DataTable)
        assert rows(app) == [
            "Conference",
            "Agencies' views",
            "View: Kerry Hollins",
            "View: Mark Hollins",
            "View: Leo",
            "View: Ruby",
            "Decision: Leo",
            "Decision: Ruby",
            "Lead practitioner",
            "Core group",
            "First core group",
            "Review conference",
            "Dissent",
            "How to challenge",
        ]

        # An agency's view: a adds one; text, a choice, the reason, and "not for the family".
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "School [DSL]")
        await pilot.press("tab")
        await type_text(pilot, "Ms Grey")
        await pilot.press("tab")
        await choose(pilot, 1)  # likely
        await pilot.press("tab")
        await type_text(pilot, "Leo comes in hungry.")
        await pilot.press("tab")
        await choose(pilot, 1)  # not for the family
        await save_form(pilot, app)

        # A parent's view in their own words.
        await go_to(pilot, app, "View: Kerry Hollins")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "We want help, not judging.")
        await save_form(pilot, app)

        # Each child's view: Leo told the conference; Ruby's was not sought, with the reason.
        await go_to(pilot, app, "View: Leo")
        await pilot.press("enter")
        await settle(pilot)
        await choose(pilot, 1)  # direct
        await pilot.press("tab")
        await type_text(pilot, "I want it calm.")
        await save_form(pilot, app)
        await go_to(pilot, app, "View: Ruby")
        await pilot.press("enter")
        await settle(pilot)
        await choose(pilot, 4)  # not sought
        await pilot.press("tab", "tab")
        await type_text(pilot, "She is six and was at school.")
        await save_form(pilot, app)

        # The decision per child: a plan, two categories ticked with space, plain words.
        for child in ("Leo", "Ruby"):
            await go_to(pilot, app, f"Decision: {child}")
            await pilot.press("enter")
            await settle(pilot)
            await choose(pilot, 1)  # plan needed
            await pilot.press("tab", "space", "down", "down", "space")  # neglect and emotional
            await pilot.press("tab")
            await type_text(pilot, "Not enough food; frightening arguments.")
            await save_form(pilot, app)

        # The lead practitioner and the core group, from the people list (family included).
        await go_to(pilot, app, "Lead practitioner")
        await pilot.press("enter")
        await settle(pilot)
        await choose(pilot, 4)  # Priya
        await save_form(pilot, app)
        await go_to(pilot, app, "Core group")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "down", "down", "space", "down", "space")  # Kerry, Sue, Priya
        await save_form(pilot, app)

        # Dates: the core group on the 11th working day is warned about, beside the date.
        await go_to(pilot, app, "First core group")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "2026-03-17")
        await save_form(pilot, app)
        assert checks_of(section, "First core group") == [
            "The first core group is 11 working days after the conference: more than 10 (by Mon 16 Mar 2026)."
        ]
        assert "⚠ The first core group is 11" in str(section.query_one("#dc-detail").render())
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", *["backspace"] * 10)
        await type_text(pilot, "2026-03-16")
        await save_form(pilot, app)
        assert checks_of(section, "First core group") == []
        await go_to(pilot, app, "Review conference")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "2026-06-01")
        await save_form(pilot, app)

        # Dissent: who, with what, how it ended.
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Police")
        await pilot.press("tab")
        await type_text(pilot, "The category")
        await pilot.press("tab")
        await choose(pilot, 2)  # recorded: the chair decided
        await save_form(pilot, app)

        summary = str(section.query_one("#dc-summary").render())
        assert "every part recorded" in summary, section.query_one("#dc-missing").render()
        await pilot.press("ctrl+s")
        await settle(pilot)

    saved = reload(isolated_data_dir, meeting.id).conference
    (view,) = saved.agency_views
    assert (view.agency, view.person, view.view, view.reason, view.not_for_family) == (
        "School [DSL]",
        "Ms Grey",
        "likely",
        "Leo comes in hungry.",
        True,
    )
    assert [(p.person_id, p.words) for p in saved.parent_views] == [("p-kerry", "We want help, not judging.")]
    leo, ruby = meeting.children
    assert [(v.child_id, v.way, v.words, v.not_sought_reason) for v in saved.child_views] == [
        (leo.id, "direct", "I want it calm.", ""),
        (ruby.id, "not-sought", "", "She is six and was at school."),
    ]
    assert [(d.child_id, d.decision, d.categories) for d in saved.decisions] == [
        (leo.id, "plan-needed", ["neglect", "emotional"]),
        (ruby.id, "plan-needed", ["neglect", "emotional"]),
    ]
    assert saved.decisions[0].explanation == "Not enough food; frightening arguments."
    assert saved.lead_practitioner == "p-priya"
    assert saved.core_group == ["p-kerry", "p-sue", "p-priya"]
    assert (saved.core_group_first, saved.review_date) == (date(2026, 3, 16), date(2026, 6, 1))
    (dissent,) = saved.dissent
    assert (dissent.who, dissent.about, dissent.resolution) == ("Police", "The category", "recorded")


async def test_removing_a_view_asks_first_and_f_marks_it_not_for_the_family(isolated_data_dir: Path) -> None:
    from sdm_facilitator.domain.conference import AgencyView

    meeting = conference()
    meeting.conference.agency_views = [AgencyView(id="v-1", agency="Health", view="not-sure")]
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        await go_to(pilot, app, "Agency's view")
        await pilot.press("f")
        await settle(pilot)
        assert meeting_now(app).conference.agency_views[0].not_for_family
        assert "Private agency view" in rows(app)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await settle(pilot)
        assert len(meeting_now(app).conference.agency_views) == 1
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert meeting_now(app).conference.agency_views == []
        assert "Agencies' views" in rows(app)


def meeting_now(app) -> Meeting:  # type: ignore[no-untyped-def]
    return app.screen.session.meeting  # type: ignore[no-any-return]


async def test_other_kinds_never_show_the_decision_section(isolated_data_dir: Path) -> None:
    fgc = new_meeting(kind="fgc", label="Okafor")
    conf = conference()
    app = start(isolated_data_dir, fgc, conf)
    async with app.run_test(size=(80, 24)) as pilot:
        for meeting, shown in ((fgc, False), (conf, True)):
            await pilot.pause()
            app.open_meeting(meeting.id)
            await settle(pilot)
            ids = [o.id for o in app.screen.query_one("#sections", OptionList).options]
            assert ("decision" in ids) is shown
            if shown:
                assert ids.index("the-day") < ids.index("decision") < ids.index("plan")
            await pilot.press("escape")
            await settle(pilot)


# ------------------------------------------------------------------ snapshots and the demo

SIZES = [(100, 30), (80, 24)]


def demo_conference() -> Meeting:
    from sdm_facilitator.demo import held_meeting
    from support.app_helpers import FIXED_TODAY, bundled_library

    meeting = held_meeting(bundled_library(), FIXED_TODAY)
    meeting.id = "20260302-de0c0f01"
    return meeting


def test_the_demo_conference_has_a_whole_decision() -> None:
    from sdm_facilitator.domain.conference_rules import missing_parts

    meeting = demo_conference()
    assert missing_parts(meeting) == []
    views = meeting.conference.agency_views
    assert [v.not_for_family for v in views].count(True) == 1
    assert meeting.conference.parent_views and meeting.conference.lead_practitioner


@pytest.mark.usefixtures("utc_local_time")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_decision_section(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from support.app_helpers import make_app, save_meetings

    meeting = demo_conference()
    save_meetings(isolated_data_dir, meeting)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.app.screen.show_section("decision")
        await pilot.press("down", "down", "down")  # the police's view, not for the family
        await pilot.pause()
        # The picture starts at the section's heading, whichever way the section last scrolled.
        pilot.app.screen.query_one(DecisionSection).scroll_home(animate=False, immediate=True)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(isolated_data_dir), terminal_size=size, run_before=run_before)


# ------------------------------------------------------------------ hostile text

HOSTILE = "[@click=app.quit]zqclick[/] [bold]x"


async def test_every_conference_text_is_shown_literally(isolated_data_dir: Path) -> None:
    from sdm_facilitator.domain.meeting import iter_meeting_texts
    from support.hostile import fill_meeting

    meeting = conference()
    meeting.conference.stage = "initial"
    meeting = fill_meeting(meeting, [HOSTILE])
    # Keep the references pointing at the people and children (the filler writes text into them).
    meeting.conference.lead_practitioner = "p-priya"
    meeting.conference.core_group = ["p-kerry"]
    for decision in meeting.conference.decisions:
        decision.child_id, decision.decision, decision.categories = (
            meeting.children[0].id,
            "plan-needed",
            ["neglect"],
        )
    for view in meeting.conference.child_views:
        view.child_id, view.way = meeting.children[0].id, "direct"
    for parent in meeting.conference.parent_views:
        parent.person_id = "p-kerry"
    conference_texts = [
        text
        for label, text in iter_meeting_texts(meeting)
        if label.startswith(("agency", "parent", "child's", "decision", "dissent", "conference"))
    ]
    # Agency 3, parent 1, child 2, decision 2, dissent 3, how to challenge 1.
    assert len(conference_texts) == 12 and set(conference_texts) == {HOSTILE}
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        section = app.screen.query_one(DecisionSection)
        table = section.query_one("#dc-parts", DataTable)
        for index in range(table.row_count):
            table.move_cursor(row=index)
            await settle(pilot, 1)
            detail = str(section.query_one("#dc-detail").render())
            assert "zqclick" not in detail or "[@click=app.quit]zqclick[/]" in detail
        raw = [cell for i in range(table.row_count) for cell in table.get_row_at(i)]
        # A plain string cell is parsed as markup by the table: typed text must come as Rich Text.
        assert not [cell for cell in raw if isinstance(cell, str) and "zq" in cell]
        cells = [str(cell) for cell in raw]
        assert any("[@click=app.quit]zqclick" in cell for cell in cells)
        assert any(cell.startswith("View: [") for cell in cells)  # a parent named in brackets, kept
        assert app.is_running and app.screen is section.screen


# ------------------------------------------------------------------ unsaved choices are protected too


async def test_ticked_categories_count_as_typed_and_come_back_as_a_draft(isolated_data_dir: Path) -> None:
    from textual.widgets import SelectionList

    meeting = conference()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "decision")
        await go_to(pilot, app, "Decision: Leo")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog) and not dialog.unsaved_text()
        await pilot.press("tab", "down", "space")  # physical abuse ticked
        await settle(pilot)
        assert dialog.unsaved_text()
        kept = {f.key: f.text for f in dialog.typed_fields()}
        assert kept["categories"] == "physical"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)  # Escape asks before the ticks are lost
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog
        dialog.restore_typed({"categories": "neglect\nsexual\nnot-a-category"})
        await settle(pilot)
        assert dialog.query_one("#field-categories", SelectionList).selected == ["neglect", "sexual"]

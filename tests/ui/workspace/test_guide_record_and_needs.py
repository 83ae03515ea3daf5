"""Steps the record ticks, stop-and-check blockers, interpreter booking and advocate offers, by key presses."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.widgets import DataTable, OptionList, Select, Static, TextArea

from sdm_facilitator.domain.meeting import Meeting, Needs, Person
from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import YES
from sdm_facilitator.ui.workspace.preparation.risks import RisksSection
from sdm_facilitator.ui.workspace.preparation.steps import StepRow
from support.app_helpers import FIXED_TODAY, FakeClock, bundled_library, reload, save_meetings
from support.pilot_helpers import settle, type_text, until
from support.prep_fixtures import new_prep_meeting, prep_app


def bundled_app(data_dir: Path) -> SdmApp:
    return SdmApp(data_dir=data_dir, library=bundled_library(), clock=FakeClock())


def fgc_meeting() -> Meeting:
    when = datetime.combine(FIXED_TODAY + timedelta(days=20), time(17, 30))
    meeting = create_meeting(
        bundled_library(), kind="fgc", family_label="Record family", when=when, children=[("Amara", 9)]
    )
    meeting.referral.worries = "Mum has been unwell."
    meeting.referral.strengths = "Nana lives close by."
    meeting.referral.bottom_lines = ["An adult is with the children every night."]
    return meeting


async def open_section(pilot, app: SdmApp, meeting_id: str, section: str):  # type: ignore[no-untyped-def]
    app.open_meeting(meeting_id)
    await settle(pilot)
    screen = app.screen
    await screen.show_section(section)  # type: ignore[attr-defined]
    await settle(pilot)
    return screen


async def test_a_step_the_referral_shows_done_reads_done_and_can_be_unticked_with_a_note(
    isolated_data_dir: Path,
) -> None:
    meeting = fgc_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_section(pilot, app, meeting.id, "prep-steps")
        screen.query_one("#prep-steps").focus_step("prep-bottom-lines")  # type: ignore[attr-defined]
        await settle(pilot)
        row = screen.query_one("#step-prep-bottom-lines", StepRow)
        assert screen.focused is row
        assert str(row.query_one(".step-due", Static).content) == "✓ done (from the referral)"
        assert str(row.query_one(".step-title", Static).content).startswith("[✓] ")
        evidence = str(row.query_one(".step-evidence", Static).content)
        assert "The referral has the worries, the strengths and at least one bottom line." in evidence
        await pilot.press("space")
        await settle(pilot)
        assert str(row.query_one(".step-title", Static).content).startswith("[")
        assert not str(row.query_one(".step-due", Static).content).startswith("✓")
        assert isinstance(app.screen.focused, TextArea)  # the note, to say why
        await type_text(pilot, "Bottom lines not yet agreed with the manager")
    saved = reload(isolated_data_dir, meeting.id)
    state = saved.steps["prep-bottom-lines"]
    assert (state.status, state.evidence_overruled) == ("todo", True)
    assert state.note == "Bottom lines not yet agreed with the manager"


async def test_readiness_lists_stop_and_check_steps_first_as_blockers(isolated_data_dir: Path) -> None:
    meeting = fgc_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_section(pilot, app, meeting.id, "prep-readiness")
        headline = str(screen.query_one("#readiness-headline", Static).content)
        assert headline.startswith("Stop and check first: 2 checks to make.")
        options = screen.query_one("#readiness-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[0] == "Stop and check before going ahead (2)"
        assert prompts[1:] == [
            "■ Stop and check: any sign of forced marriage or honour-based abuse",
            "■ Stop and check: sexual abuse within the family",
        ]
        # Enter on a blocker goes to where it is cleared: the risk screen, at that kind.
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        risks = screen.query_one(RisksSection)
        assert app.screen.focused is risks.query_one("#risks-table")
        assert risks.current() == ("forced-marriage", None)


async def test_the_person_dialog_records_the_interpreter_booking_and_the_table_shows_it(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting()
    meeting.people = [
        Person(
            name="Halina",
            role="parent",
            invitation="accepted",
            needs=Needs(language="Polish", interpreter=True),
        )
    ]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, app, meeting.id, "prep-people")
        table = screen.query_one("#people-table", DataTable)
        # Under the invitation, which is never cut; in words in the detail below.
        assert "✗ interpreter" in str(table.get_row_at(0)[1])
        assert "interpreter not booked" in str(screen.query_one("#people-detail", Static).render())
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        dialog.query_one("#pe-interpreter-booked", Select).value = YES
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "✓ interpreter" in str(screen.query_one("#people-table", DataTable).get_row_at(0)[1])
        assert "interpreter booked" in str(screen.query_one("#people-detail", Static).render())
        await until(
            pilot,
            lambda: reload(isolated_data_dir, meeting.id).people[0].needs.interpreter_booked is True,
            "the booked interpreter on disk",
        )


async def test_the_child_editor_records_the_advocate_offer(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting(children=[("Amara", 9)])
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    child_id = meeting.children[0].id
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_section(pilot, app, meeting.id, "prep-children")
        offer = screen.query_one(f"#{child_id}-advocate-offer", Select)
        assert offer.is_blank()
        offer.value = "declined"
        await until(
            pilot,
            lambda: reload(isolated_data_dir, meeting.id).children[0].advocate_offer == "declined",
            "the declined offer on disk",
        )


async def test_an_interpreter_still_to_book_is_a_blocker_above_everything_overdue(
    isolated_data_dir: Path,
) -> None:
    """As the README says: listed first under "Stop and check", not at the foot under the overdue items."""
    meeting = fgc_meeting()
    meeting.risks = []  # no stop-and-check harm: the interpreter is the only blocker
    meeting.people = [
        Person(
            name="Halina",
            role="parent",
            invitation="accepted",
            needs=Needs(language="Polish", interpreter=True),
        )
    ]
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, app, meeting.id, "prep-readiness")
        options = screen.query_one("#readiness-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        blockers = next(i for i, p in enumerate(prompts) if p.startswith("Stop and check before going ahead"))
        assert blockers == 0 and "Halina needs a Polish interpreter: not booked" in " ".join(prompts[1:4])
        assert str(screen.query_one("#readiness-headline", Static).content).startswith("Stop and check first")


async def test_a_long_readiness_list_paints_its_first_items_first_and_then_holds_every_item_in_order(
    isolated_data_dir: Path,
) -> None:
    """More items than ``FIRST_PAINT_OPTIONS``: the rest arrive after the first frame, none lost or reordered."""
    from sdm_facilitator.ui.workspace.preparation.readiness import FIRST_PAINT_OPTIONS

    meeting = fgc_meeting()
    meeting.risks = []
    count = FIRST_PAINT_OPTIONS + 40
    meeting.people = [
        Person(
            name=f"Person {n:03d}",
            role="wider-family",
            invitation="accepted",
            needs=Needs(language="Polish", interpreter=True),
        )
        for n in range(count)
    ]
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)  # readiness is the first section a meeting in preparation shows
        await settle(pilot)
        options = app.screen.query_one("#readiness-list", OptionList)

        def prompts() -> list[str]:
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        def interpreters() -> list[str]:
            return [p for p in prompts() if "needs a Polish interpreter: not booked" in p]

        await until(pilot, lambda: len(interpreters()) >= count, "every item added after the first frame")
        assert [p.removeprefix("■ ")[:10] for p in interpreters()] == [
            f"Person {n:03d}" for n in range(count)
        ]
        assert (
            prompts()[0] == f"Stop and check before going ahead ({count + 2})"
        )  # and the guide's two checks
        assert options.option_count > FIRST_PAINT_OPTIONS + 40

"""The preparation workspace, driven by real key presses.

Every test that edits checks the meeting file on disk (through ``reload``),
because "it saved" is the promise that matters.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import Field
from sdm_facilitator.ui.workspace.preparation.steps import StepRow
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import FIXED_TODAY, reload, save_meetings
from support.pilot_helpers import type_text, until
from support.prep_fixtures import NASTY, full_meeting, new_prep_meeting, prep_app


def field_error(screen, widget_id: str) -> str:  # type: ignore[no-untyped-def]
    widget = screen.query_one(f"#{widget_id}")
    field = next(a for a in widget.ancestors if isinstance(a, Field))
    return field.error


async def open_only_meeting(pilot) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def go_to(pilot, screen: MeetingScreen, section_id: str) -> None:  # type: ignore[no-untyped-def]
    await screen.show_section(section_id)
    await pilot.pause()
    await pilot.pause()


async def test_tick_steps_write_note_and_quit_saves(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-steps")
        rows = list(screen.query(StepRow))
        # By mechanism (collaboration, trust, participation, child); the statutory-only step is left out.
        assert [r.step.id for r in rows] == ["prepare-everyone", "consent", "who-is-family", "meet-child"]
        assert screen.focused is rows[0]
        await pilot.press("down")
        await pilot.press("space")  # consent: done
        await pilot.press("up")
        await pilot.press("n")  # prepare-everyone: not applicable
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(screen.focused, TextArea)
        await type_text(pilot, "Ask [/]")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.focused is rows[0], "escape leaves the note for its step, not the meeting"
        assert "[–]" in str(rows[0].query_one(".step-title", Static).content)
        assert "[✓]" in str(rows[1].query_one(".step-title", Static).content)
        await pilot.press("ctrl+q")
    saved = reload(isolated_data_dir, meeting.id)
    assert saved.steps["consent"].status == "done"
    assert saved.steps["consent"].date == FIXED_TODAY
    assert saved.steps["prepare-everyone"].status == "na"
    assert saved.steps["prepare-everyone"].note == "Ask [/]"


async def test_overdue_steps_are_marked_with_words(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting(when_days=20)  # consent due 22 days ago, who-is-family 15 days ago
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-steps")
        rows = {r.step.id: r for r in screen.query(StepRow)}
        due = str(rows["consent"].query_one(".step-due", Static).content)
        assert due.startswith("✗ overdue")
        assert "[!]" in str(rows["consent"].query_one(".step-title", Static).content)
        assert str(rows["prepare-everyone"].query_one(".step-due", Static).content).startswith("due ")
        summary = str(screen.query_one("#steps-summary", Static).content)
        assert "2 overdue" in summary


async def test_add_person_with_keys_and_required_reason(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-people")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        assert isinstance(dialog.focused, Input) and dialog.focused.id == "pe-name"
        await type_text(pilot, "Nana [/]")
        dialog.query_one("#pe-invitation").value = "not-invited"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "required" in field_error(dialog, "pe-reason")
        dialog.query_one("#pe-reason", Input).focus()
        await type_text(pilot, "mum")
        await pilot.pause()
        assert field_error(dialog, "pe-reason") == ""
        dialog.query_one("#pe-prep-visit", Input).value = "today"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one("#people-table", DataTable)
        assert table.row_count == 1
        network = str(screen.query_one("#network", Static).content)
        # Left out with a reason agreed with the family: not counted among those to prepare.
        assert "Family (0 of 0 prepared): – Nana [/] not invited" in network
        await pilot.pause(0.6)  # the debounced save runs by itself
    saved = reload(isolated_data_dir, meeting.id)
    assert len(saved.people) == 1
    person = saved.people[0]
    assert person.name == "Nana [/]"
    assert (person.invitation, person.not_invited_reason) == ("not-invited", "mum")
    assert person.prep_visit == FIXED_TODAY


async def test_referral_text_autosaves_without_quitting(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-referral")
        screen.query_one("#ref-worries", TextArea).focus()
        await type_text(pilot, "non-compliant")
        await pilot.pause()
        hint = screen.query_one("#ref-worries").parent.query_one(".hint-line", Static)  # type: ignore[union-attr]
        assert hint.display and "non-compliant" in str(hint.content)
        screen.query_one("#ref-date", Input).value = "not a date"
        await pilot.pause()
        assert "YYYY-MM-DD" in field_error(screen, "ref-date")
        # The file is written on a thread; the indicator says "saved" once the app hears it finished.
        await until(
            pilot,
            lambda: (
                reload(isolated_data_dir, meeting.id).referral.worries == "non-compliant"
                and "saved" in str(screen.query_one("#save-indicator", Static).content)
            ),
            "the worries on disk and the indicator saying so",
        )


async def test_referral_records_the_referrer_call_the_legal_stage_and_the_letter(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-referral")
        screen.query_one("#ref-referrer-contacted", Input).focus()
        await type_text(pilot, "today")
        await pilot.press("tab")  # to the legal stage
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # Pre-proceedings
        await pilot.press("tab")
        await type_text(pilot, "2026-01-05")
        await pilot.pause(0.6)  # the debounced save runs by itself
        assert not screen.query("#ref-strategy"), "a strategy discussion is asked only for a conference"
    saved = reload(isolated_data_dir, meeting.id).referral
    assert (saved.referrer_contacted, saved.baseline_stage, saved.pre_proceedings_letter) == (
        FIXED_TODAY,
        "pre_proceedings",
        date(2026, 1, 5),
    )


async def test_readiness_lists_overdue_first_and_enter_goes_to_the_section(isolated_data_dir: Path) -> None:
    meeting = full_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        section = screen.query_one("#prep-readiness")
        options = section.query_one(OptionList)
        first = options.get_option_at_index(0)
        assert str(first.prompt).startswith("Overdue")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        overdue = [p for p in prompts if p.startswith("✗ overdue")]
        assert any("School attendance letter" in p for p in overdue)
        assert prompts.index(overdue[-1]) < prompts.index(next(p for p in prompts if p.startswith("○")))
        await pilot.press("enter")  # into the section
        await pilot.pause()
        assert screen.focused is options
        options.highlighted = next(i for i, p in enumerate(prompts) if "Beatrice Okafor: invited" in p)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#section-content").current == "prep-people"  # type: ignore[attr-defined]
        table = screen.query_one("#people-table", DataTable)
        assert screen.focused is table and table.cursor_row == 1


async def test_every_section_shows_user_text_literally(isolated_data_dir: Path) -> None:
    meeting = full_meeting(label=NASTY[2])
    for index, text in enumerate(NASTY):
        person = meeting.people[index % len(meeting.people)]
        person.name, person.relationship = text, text
    meeting.children[0].name = NASTY[0]
    meeting.children[1].name = NASTY[4]
    meeting.children[0].views = "\n".join(NASTY)
    meeting.referral.worries = "\n".join(NASTY)
    meeting.referral.bottom_lines = list(NASTY)
    meeting.info_sharing[0].document = NASTY[1]
    meeting.info_sharing[0].to = NASTY[5]
    meeting.agenda[0].name = NASTY[3]
    meeting.steps["consent"].note = NASTY[2]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell = app.screen.query_one("#meetings", DataTable).get_cell_at((0, 0))  # type: ignore[arg-type]
        assert str(cell).startswith("[@click=app.qu")
        screen = await open_only_meeting(pilot)
        for section in screen.sections[:8]:
            await go_to(pilot, screen, section.id)
        network = str(screen.query_one("#network", Static).content)
        assert "list[int] ends with" in network and "مريم وعائلتها" in network
        heading = str(screen.query_one(".child-heading", Static).content)
        assert heading == "[/], 9"
        # Still running and still here: no markup was parsed, no click action was planted.
        assert app.is_running and app.screen is screen


async def test_palette_lists_this_screens_commands_and_high_contrast(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home_titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "New meeting" in home_titles and "Refresh" in home_titles
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-agenda")
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Go to: Steps" in titles and "Back to the list of meetings" in titles
        assert "From guide" in titles
        assert "+5 min" in titles, "the footer's keys are palette commands too"
        await pilot.press("plus")
        await pilot.pause()
        total = str(screen.query_one("#agenda-total", Static).content)
        assert total.startswith("Total time: 2 h 30 min")
        await pilot.press("f6")
        assert app.theme == "sdm-high-contrast"
        contrast = next(c for c in app.get_system_commands(screen) if c.title.startswith("High-contrast"))
        assert contrast.title.endswith("turn off")
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("size", [(80, 24)])
async def test_children_add_with_keys_and_validate_age(
    isolated_data_dir: Path, size: tuple[int, int]
) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=size) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-children")
        assert screen.query_one("#children-empty").display
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Mia")
        child_id = screen.session.meeting.children[0].id
        screen.query_one(f"#{child_id}-age", Input).value = "30"
        screen.query_one(f"#{child_id}-participation").value = "not-taking-part"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "25" in field_error(screen, f"{child_id}-age")
        assert "required" in field_error(screen, f"{child_id}-reason")
        await pilot.press("ctrl+q")
    saved = reload(isolated_data_dir, meeting.id)
    assert [(c.name, c.age, c.participation) for c in saved.children] == [("Mia", None, "not-taking-part")]


async def test_at_80_columns_the_agenda_footer_keeps_a_space_between_its_keys(
    isolated_data_dir: Path,
) -> None:
    from textual.widgets._footer import FooterKey, FooterLabel

    from support.pilot_helpers import settle

    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-agenda")
        screen.query_one("#agenda-table").focus()
        await settle(pilot)
        group = next(label for label in screen.query(FooterLabel) if "5 min" in str(label.render()))
        after = sorted(
            (key for key in screen.query(FooterKey) if key.region.x >= group.region.right),
            key=lambda key: key.region.x,
        )
        assert after, "a key follows the 5 min pair"
        # A blank column between "5 min" and the next key's letter ("+- 5 min a Add part").
        assert after[0].region.x > group.region.right or after[0].styles.padding.left > 0


async def test_opening_a_meeting_fills_its_first_section_once_and_coming_back_to_it_fills_it_again(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27: the first highlight of the section built with the screen filled it a second time."""
    from sdm_facilitator.ui.workspace.preparation.readiness import ReadinessSection

    save_meetings(isolated_data_dir, new_prep_meeting())
    fills: list[object] = []
    real = ReadinessSection.refresh_from_meeting
    monkeypatch.setattr(
        ReadinessSection,
        "refresh_from_meeting",
        lambda self, **how: fills.append(self) or real(self, **how),
    )
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await pilot.pause()
        assert screen.sections[0].id == "prep-readiness"
        assert len(fills) == 1
        await go_to(pilot, screen, "prep-steps")
        await go_to(pilot, screen, "prep-readiness")
        assert len(fills) > 1  # shown again: filled from the record as it is now

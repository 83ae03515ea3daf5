"""Contact details are typed in the people and children forms, and the export dialog says what it leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.dialogs.export import ExportDialog
from sdm_facilitator.ui.workspace.preparation.steps import StepRow
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import new_meeting, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import held_meeting, open_export_dialog, open_section, start
from support.prep_fixtures import new_prep_meeting, prep_app

ADDRESS = "12 Elm Road [b]Leeds[/b]"
PHONE = "07700 900481"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(folder))
    return folder


async def test_contact_details_are_typed_in_the_person_and_child_forms(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting(children=[("Leo", 9)])
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.show_section("prep-people")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        await type_text(pilot, "Kerry")
        for widget_id, text in (
            ("pe-address", ADDRESS),
            ("pe-phone", PHONE),
            ("pe-email", "kerry@example.org"),
            ("pe-school-or-work", "Harbour Bakery"),
        ):
            dialog.query_one(f"#{widget_id}", Input).focus()
            await type_text(pilot, text)
        dialog.query_one("#pe-lives-at-venue").value = "yes"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await screen.show_section("prep-children")
        await pilot.pause()
        child_id = screen.session.meeting.children[0].id
        screen.query_one(f"#{child_id}-school", Input).focus()
        await type_text(pilot, "Oakfield Primary")
        await pilot.press("ctrl+q")
    saved = reload(isolated_data_dir, meeting.id)
    person = saved.people[0]
    assert (person.address, person.phone, person.email, person.school_or_work) == (
        ADDRESS,
        PHONE,
        "kerry@example.org",
        "Harbour Bakery",
    )
    assert person.lives_at_venue is True
    assert saved.children[0].school == "Oakfield Primary"


def _with_kerry(status: str) -> Meeting:
    m = held_meeting()
    kerry = m.people[0]
    kerry.address, kerry.phone = ADDRESS, PHONE
    m.risks = [Risk(kind="domestic-abuse", status=status, at_risk=[kerry.id])]
    return m


async def test_the_export_dialog_says_what_the_family_plan_leaves_out(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = _with_kerry("present")
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        shown = str(dialog.query_one("#export-hints", Static).render())
        first = "Left out: Beatrice Okafor's phone and address, because Beatrice Okafor is at risk."
        assert shown.startswith(first)
        assert PHONE not in shown and "Elm Road" not in shown
        await pilot.press("down")  # the professionals' version prints them, so says nothing
        await pilot.pause()
        assert "Left out" not in str(dialog.query_one("#export-hints", Static).render())
        await pilot.press("up")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        target = documents / f"plan-{m.id}.html"
        page = target.read_text()
        assert PHONE not in page and "Elm Road" not in page and "Beatrice Okafor" in page
        assert screen.last_export_message.endswith(first)


async def test_where_the_screen_found_no_risk_the_dialog_says_nothing_and_the_plan_prints_them(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = _with_kerry("not-present")
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "Left out" not in str(dialog.query_one("#export-hints", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        page = (documents / f"plan-{m.id}.html").read_text()
        assert PHONE in page and "12 Elm Road [b]Leeds[/b]" in page


async def test_the_steps_section_follows_the_risk_screen_while_the_meeting_is_open(
    isolated_data_dir: Path,
) -> None:
    meeting = new_meeting("fgc", "Screened family")
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-steps")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)

        def shown() -> set[str]:
            return {row.step.id for row in screen.query(StepRow)}

        assert "prep-risk-da-burden" not in shown() and "prep-da-speak-alone" in shown()
        # The risk screen (its own section) records domestic abuse as present.
        screen.session.meeting.risks = [Risk(kind="domestic-abuse", status="present")]
        await screen.show_section("prep-referral")
        await screen.show_section("prep-steps")
        await settle(pilot)
        assert {"prep-risk-da-burden", "prep-risk-da-children-victims"} <= shown()
        assert "prep-risk-ld-advocate" not in shown()
        summary = str(screen.query_one("#steps-summary", Static).render())
        assert f"of {len(shown())}" in summary

"""The plan section lists the plan safety check's findings and follows every change to the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from sdm_facilitator.demo import held_meeting as demo_hollins
from sdm_facilitator.domain.meeting import Person
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.ui.dialogs.export import ExportDialog
from sdm_facilitator.ui.workspace.plan import PlanSection
from sdm_facilitator.ui.workspace.plan_safety_notes import PlanSafetyNotes
from support.app_helpers import FIXED_NOW, bundled_library
from support.pilot_helpers import type_text
from support.plan_helpers import held_meeting, open_export_dialog, open_section, start


def _notes_text(notes: PlanSafetyNotes) -> str:
    return str(notes.render())


async def test_the_hollins_plan_shows_its_warnings_and_follows_an_edit(isolated_data_dir: Path) -> None:
    m = demo_hollins(bundled_library(), FIXED_NOW.date())
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        notes = app.screen.query_one("#plan-safety", PlanSafetyNotes)
        assert notes.display
        shown = _notes_text(notes)
        assert shown.startswith("Plan safety check: needs another look")
        assert "“If Mark can't leave, Kerry takes the children to Sue's”" in shown
        assert "Kerry Hollins, at risk, is the one who must act" in shown
        assert "relies on Mark Hollins, thought to cause harm, keeping away" in shown
        # The coordinator writes down what the family changed: Sue acts now, and the warning goes.
        app.screen.query_one("#plan-contingency", TextArea).focus()
        await pilot.press("f7")
        await type_text(pilot, "If Mark can't leave, Sue collects Kerry and the children.")
        shown = _notes_text(notes)
        assert "the contingency" not in shown
        assert [f.rule for f in notes.findings] == ["harm-keeps-away"]
        section = app.screen.query_one(PlanSection)
        assert section.meeting.plan.contingency == "If Mark can't leave, Sue collects Kerry and the children."


async def test_a_plan_without_risks_on_the_screen_shows_no_check(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        notes = app.screen.query_one("#plan-safety", PlanSafetyNotes)
        assert not notes.display and notes.findings == []


async def test_the_export_dialog_shows_the_findings_and_still_writes_the_paper(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    m = demo_hollins(bundled_library(), FIXED_NOW.date())
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        box = dialog.query_one("#export-plan-check", Static)
        assert box.display
        lines = str(box.render()).splitlines()
        assert lines == [
            "Plan safety check (warnings; the paper is written as it is):",
            "• Domestic abuse: the contingency rests on Kerry Hollins, at risk",
            "• Domestic abuse: action 1 relies on Mark Hollins keeping away alone",
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert (documents / f"plan-{m.id}.html").is_file()


async def test_names_and_words_in_findings_are_shown_as_typed(isolated_data_dir: Path) -> None:
    m = held_meeting()
    m.people = [
        Person(id="p-k", name="[b]Kerry[/b] Hollins", role="parent", relationship="mum"),
        Person(id="p-m", name="Mark $var", role="parent", relationship="dad"),
    ]
    m.risks = [Risk(kind="domestic-abuse", status="not-known", at_risk=["p-k"], causing_harm=["p-m"])]
    m.plan.contingency = "If Mark [red]can't[/red] leave, Mum takes the children out.\x1b[2J"
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        shown = _notes_text(app.screen.query_one("#plan-safety", PlanSafetyNotes))
        assert "Domestic abuse (not known yet, so checked as if present)" in shown
        assert "[b]Kerry[/b] Hollins, at risk" in shown
        assert "“If Mark [red]can't[/red] leave, Mum takes the children out”" in shown
        assert "\x1b" not in shown

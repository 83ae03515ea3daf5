"""An action can be marked for one child's plan from the action form, and their plans follow the mark."""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.export.paper_catalogue import ExportOptions, build_paper
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import reload
from support.plan_helpers import held_meeting, open_section, save, start


async def test_ticking_a_childs_plan_in_the_action_form_keeps_the_action_in_that_plan_only(
    isolated_data_dir: Path,
) -> None:
    m = held_meeting()
    m.children = [Child(name="Amara", age=9), Child(name="Tobi", age=4)]
    amara, tobi = m.children
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Bedtime story every night")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # past who, when and help: the children's plans
        await pilot.press("down", "space")  # Tobi's plan
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await save(pilot)
    action = reload(isolated_data_dir, m.id).plan.actions[0]
    assert action.what == "Bedtime story every night" and action.for_children == [tobi.id]
    stored = reload(isolated_data_dir, m.id)
    for child, expected in ((amara, False), (tobi, True)):
        paper = build_paper(stored, None, "child-plan", ExportOptions(child=child.name))
        assert ("Bedtime story every night" in " ".join(paper.strings())) is expected, child.name

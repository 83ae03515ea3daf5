"""The export dialog writes a child's plan for the band chosen, and shows each child's reading level."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, Static

from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.ui.dialogs.export import ExportDialog
from support.plan_helpers import held_meeting, open_export_dialog, open_section, start


async def test_choosing_a_band_changes_the_reading_level_and_the_paper(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path))
    m = held_meeting()
    m.children = [Child(name="Amara [b]", age=14), Child(name="Tobi", age=4)]
    m.plan.child_contingency = "If things get hard at home, Nana will come."
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        band_row = dialog.query_one("#export-band-row")
        assert not band_row.display  # the family's plan has no band
        await pilot.press("down", "down")  # the children's plans
        await pilot.pause()
        assert band_row.display
        hints = str(dialog.query_one("#export-hints", Static).render())
        assert "Amara [b] (13 and over, from the age): reading age" in hints
        assert "Tobi (under 8, from the age): reading age about" in hints
        await pilot.press("tab", "enter")  # the band, opened
        await pilot.press("down", "enter")  # under 8 for both
        await pilot.pause()
        assert dialog.query_one("#export-band", Select).value == "under-8"
        hints = str(dialog.query_one("#export-hints", Static).render())
        assert "Amara [b] (under 8, chosen): reading age about" in hints
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
    page = (tmp_path / f"child-plan-{m.id}.html").read_text()
    assert page.count("What will happen") == 2 and "What you will do" not in page
    assert "Nana will come." in page and "0800 1111" in page

"""The Export / print dialog at 80x24 and 100x30, over the plan section, on a fixed clock.

Regenerate on purpose with ``pytest tests/ui/dialogs/test_export_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.app_helpers import FakeClock, make_app, save_meetings
from support.pilot_helpers import until_still
from support.plan_helpers import held_meeting

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_dialog(snap_compare, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, size) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "sdm_facilitator.export.files.default_export_dir",
        lambda data_dir: Path("/home/coordinator/Documents"),
    )
    meeting = held_meeting()
    meeting.id = "20260302-5a5a5a5a"
    meeting.plan.family_words = "Nana collects Amara; no more supervised contact."
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir, FakeClock())

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.app.screen.show_section("plan")
        # The plan's tables fit their columns after a refresh, which changes the section's
        # height (and the scrollbar behind the dialog): let that finish, however busy the machine.
        await until_still(pilot)
        # The picture is of the dialog: the plan behind it is shown from its top, wherever
        # going into it scrolled it.
        for widget in pilot.app.screen.query("*"):
            if widget.is_scrollable:
                widget.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("ctrl+o")
        await until_still(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)

"""The app starts on the home screen, lists a meeting made with ``new``, and quits cleanly."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from sdm_facilitator.cli import main
from support.app_helpers import make_app


async def test_home_lists_meeting_created_on_command_line(isolated_data_dir: Path, capsys) -> None:
    assert main(["new", "--kind", "fgc", "--family", "Seen [on] home"]) == 0
    meeting_id = capsys.readouterr().out.strip()
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert meeting_id in [row.value for row in table.rows]
        row = table.get_row(meeting_id)
        assert any("Seen [on] home" in str(cell) for cell in row)
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)

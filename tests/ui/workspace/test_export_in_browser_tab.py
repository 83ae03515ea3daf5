"""In a browser tab (``sdm-facilitator serve``) an exported paper becomes a download, not a file.

Textual says it runs in a browser through ``App.is_web`` and delivers files
through ``App.deliver_binary``; both are Textual's public API, replaced here by
a recorder so the test sees exactly what the browser would be sent. The real
download through textual-serve and Chromium is ``tests/cli/test_serve_browser.py``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label

from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.export import ExportDialog
from support.app_helpers import reload
from support.plan_helpers import held_meeting, open_export_dialog, open_section, start


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, bytes]]:
    """The app believes it runs in a browser tab; what it hands the browser, name and bytes, in order."""
    handed: list[tuple[str | None, bytes]] = []

    def deliver_binary(self: SdmApp, path_or_file: Any, **options: Any) -> str:
        assert isinstance(path_or_file, io.BytesIO)
        handed.append((options.get("save_filename"), path_or_file.getvalue()))
        return "key"

    monkeypatch.setattr(SdmApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(SdmApp, "deliver_binary", deliver_binary)
    return handed


async def test_the_plan_goes_to_the_browser_as_a_download_and_nothing_is_written(
    isolated_data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    delivered: list[tuple[str | None, bytes]],
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    m = held_meeting()
    # A file of the same name is no reason to ask about replacing: nothing is written there.
    (documents / f"plan-{m.id}.html").write_text("an older paper")
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        assert isinstance(app.screen, ExportDialog)
        # A file name only: no folder of this computer means anything to the browser.
        assert app.screen.query_one("#export-path", Input).value == f"plan-{m.id}.html"
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert "File name (your browser downloads it)" in labels
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "MeetingScreen"
        assert screen.last_export_message == (  # type: ignore[attr-defined]
            f"Sent the family's plan to your browser as a download, plan-{m.id}.html; your browser saves "
            "it where it keeps downloads (usually Downloads). It is yours to keep safe now."
        )
    [(name, data)] = delivered
    assert name == f"plan-{m.id}.html"
    assert data.startswith(b"<!DOCTYPE html>") and b"Beatrice Okafor" in data
    assert (documents / f"plan-{m.id}.html").read_text() == "an older paper"
    assert sorted(p.name for p in documents.iterdir()) == [f"plan-{m.id}.html"]
    # A download is not the plan sent to the family: nothing is recorded unless the coordinator says so.
    assert reload(isolated_data_dir, m.id).papers_sent == []


async def test_a_folder_typed_in_a_browser_tab_is_dropped_and_the_name_kept(
    isolated_data_dir: Path, delivered: list[tuple[str | None, bytes]]
) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-path", Input).value = "/home/someone/Desktop/okafor [plan].html"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
    assert [name for name, _ in delivered] == ["okafor [plan].html"]

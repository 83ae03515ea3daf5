"""Export / print from the meeting: one key from the plan section, a file written, one line saying where."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.guides.loader import CHILD_PLAN_WORDING_FILE, load_library
from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.export import ExportDialog
from support.app_helpers import FakeClock, reload, save_meetings
from support.plan_helpers import held_meeting, open_export_dialog, open_section, save, start
from support.platform_checks import private_mode


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(folder))
    return folder


def _shown(widget: Static) -> str:
    return str(widget.render())


async def test_ctrl_o_in_the_plan_writes_the_family_plan_and_says_where_but_sent_only_when_told(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = held_meeting()
    m.plan.family_words = "Nana has [b]Amara[/b] after school; no more supervised contact."
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        hints = _shown(dialog.query_one("#export-hints", Static))
        assert "Language hints" in hints and '"supervised contact" -> try:' in hints
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        target = documents / f"plan-{m.id}.html"
        assert target.is_file() and stat.S_IMODE(target.stat().st_mode) == 0o600
        page = target.read_text()
        assert page.startswith("<!DOCTYPE html>") and "[b]Amara[/b]" in page and "Beatrice Okafor" in page
        screen = app.screen
        assert type(screen).__name__ == "MeetingScreen"
        # Writing the file is not sending it: nothing recorded until the coordinator says so.
        assert "sent to the family" not in _shown(screen.query_one("#plan-summary", Static))
        assert screen.last_export_message == (  # type: ignore[attr-defined]
            f"Saved the family's plan to {target}. It is yours to keep safe now."
        )
        assert m.papers_sent == [] and app.screen.session.meeting.papers_sent == []  # type: ignore[attr-defined]
        # Again, ticking "It was sent": to Beatrice (second on the list of recipients), by post.
        await open_export_dialog(pilot)
        await pilot.press("tab", "tab", "tab", "space")  # format, file, "It was sent"
        await pilot.press("tab", "enter", "down", "enter")  # to: Beatrice Okafor
        await pilot.press("tab", "enter", "up", "enter")  # how: by post
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert "sent to the family 02 Mar 2026" in _shown(app.screen.query_one("#plan-summary", Static))
        await save(pilot)
    sent = reload(isolated_data_dir, m.id).papers_sent
    assert [(e.paper, e.person_id, e.how, e.on) for e in sent] == [
        ("plan", m.people[0].id, "post", date(2026, 3, 2))
    ]


async def test_another_paper_and_format_into_the_data_folder_and_no_silent_replace(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "no-such-folder"))
    m = held_meeting()
    app = start(isolated_data_dir, m)
    exports = isolated_data_dir / "exports"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        commands = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        assert "Export / print" in commands
        await open_export_dialog(pilot)
        await pilot.press("down", "down", "down")  # the agenda
        await pilot.press("tab", "enter", "down", "down", "enter")  # format: plain text
        await pilot.press("tab", "enter")  # the file name as offered
        await pilot.pause()
        await pilot.pause()
        target = exports / f"agenda-{m.id}.txt"
        assert target.read_text().startswith("Agenda for the family group conference")
        assert private_mode(exports, 0o700)
        target.write_text("the coordinator's own changes")
        await open_export_dialog(pilot)
        await pilot.press("down", "down", "down", "tab", "enter", "down", "down", "enter", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "the coordinator's own changes"
        await save(pilot)
    assert reload(isolated_data_dir, m.id).papers_sent == [], "nothing is recorded as sent unless ticked"


async def test_escape_writes_nothing(isolated_data_dir: Path, documents: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
    assert list(documents.iterdir()) == []


@pytest.mark.parametrize(
    "text", ["[@click=app.quit]x[/] supervised [b]contact", "supervised\u202e contact \x1b[2J"]
)
async def test_hints_quoting_typed_text_are_shown_literally(
    isolated_data_dir: Path, documents: Path, text: str
) -> None:
    m = held_meeting()
    m.plan.family_words = f"{text} supervised contact"
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        hints = _shown(app.screen.query_one("#export-hints", Static))
        assert '"supervised contact" -> try:' in hints
        assert "\x1b" not in hints and "\u202e" not in hints
        assert app.is_running and isinstance(app.screen, ExportDialog)


async def test_the_exported_note_is_short_and_goes_when_a_dialog_or_the_room_covers_the_screen(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        (note,) = [n for n in app._notifications if n.title == "Exported"]
        assert note.message == f"Saved the family's plan as plan-{m.id}.html. Keep it safe."
        assert note.timeout <= 6
        # The same file again: the "Replace?" question is not covered by the note.
        await open_export_dialog(pilot)
        assert not [n for n in app._notifications if n.title == "Exported"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Exported"]
        # Into the room (from the list of sections): the who-is-here help shows whole, with no note over it.
        await pilot.press("f2", "m")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ != "MeetingScreen"
        assert not [n for n in app._notifications if n.title == "Exported"]


async def test_the_network_map_is_written_from_the_export_dialog(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        await pilot.press(
            *["down"] * 7
        )  # past the plans, agenda, pack, invitations and record: the network map
        await pilot.pause()
        assert "network-" in app.screen.query_one("#export-path").value  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        page = (documents / f"network-{m.id}.html").read_text()
        assert "<svg" in page and "Beatrice Okafor" in page and "The people around" in page


async def test_a_child_s_plan_from_the_dialog_uses_the_organisation_s_own_words(
    isolated_data_dir: Path, documents: Path
) -> None:
    """An organisation's child-plan-wording.toml reaches the paper written from the app, as from ``export``."""
    bundled = (bundled_guides_dir() / CHILD_PLAN_WORDING_FILE).read_text(encoding="utf-8")
    own_folder = user_guides_dir(isolated_data_dir)
    own_folder.mkdir(parents=True)
    (own_folder / CHILD_PLAN_WORDING_FILE).write_text(
        bundled.replace("You can also call, for free:", "Ring these numbers, free of charge:"),
        encoding="utf-8",
    )
    m = held_meeting()
    m.children = [Child(name="Leo", age=14)]  # the 13-and-over band, whose helplines line was reworded
    save_meetings(isolated_data_dir, m)
    app = SdmApp(data_dir=isolated_data_dir, library=load_library(own_folder), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        papers = app.screen.query_one("#export-paper", OptionList)
        papers.highlighted = papers.get_option_index("child-plan")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
    (written,) = documents.glob("child-plan*")
    page = written.read_text(encoding="utf-8")
    assert "Ring these numbers, free of charge:" in page
    assert "You can also call, for free:" not in page

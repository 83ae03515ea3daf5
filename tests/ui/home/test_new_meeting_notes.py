"""The new-meeting form notes a guide that has no steps for the chosen context."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from sdm_facilitator.ui.home.new_meeting import NewMeetingScreen
from support.app_helpers import make_app
from support.pilot_helpers import settle

SIZE = (80, 24)


async def test_new_meeting_notes_a_guide_without_steps_for_the_context(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)  # the bundled guides: the conference guide is statutory only
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        if not isinstance(form, NewMeetingScreen):  # the first run asks about demo data first
            app.push_screen(NewMeetingScreen())
            await settle(pilot)
            form = app.screen
        assert isinstance(form, NewMeetingScreen)
        note = form.query_one("#new-context-note", Static)
        kind = form.query_one("#new-kind")
        context = form.query_one("#new-context")
        assert not note.display  # a family group conference, voluntary: the guide covers it

        kind.value = "cp-conference"  # type: ignore[attr-defined]
        await settle(pilot)
        assert context.value == "statutory"  # type: ignore[attr-defined]
        assert not note.display

        context.value = "voluntary"  # type: ignore[attr-defined]
        await settle(pilot)
        assert note.display
        text = str(note.render())
        assert "no steps for a voluntary (child in need) meeting" in text
        assert "written for statutory (child protection) ones" in text
        assert "You can still create it." in text

        context.value = "statutory"  # type: ignore[attr-defined]
        await settle(pilot)
        assert not note.display
        context.value = "voluntary"  # type: ignore[attr-defined]
        await settle(pilot)
        assert note.display
        # Only a note: the meeting can still be made.
        form.query_one("#new-label", Input).value = "Voluntary conference"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NewMeetingScreen)
    assert len(list((isolated_data_dir / "meetings").glob("*.toml"))) == 1

"""A save over the load limits is refused on screen with the text kept; guide text is shown visibly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import Static, TextArea

from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.ui.app import SdmApp
from support.app_helpers import FakeClock, reload, save_meetings
from support.pilot_helpers import until
from support.prep_fixtures import GUIDE_ID, new_prep_meeting, prep_app, prep_guide, prep_library
from ui.workspace.test_preparation import go_to, open_only_meeting


async def test_pasting_more_than_a_meeting_file_holds_is_refused_and_kept_on_screen(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting("Okafor family")
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-referral")
        worries = screen.query_one("#ref-worries", TextArea)
        worries.focus()
        pasted = "worry " * (800 * 1024)  # about 4.7 MB
        worries.insert(pasted)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        banner = str(screen.query_one("#banner", Static).content)
        assert "Not saved" in banner and "referral.worries" in banner and "shorten" in banner
        assert worries.text == pasted  # nothing typed is dropped
        assert screen.session.dirty
    assert reload(isolated_data_dir, meeting.id).referral.worries == ""  # the file still opens


async def test_a_control_character_in_guide_text_is_shown_visibly_not_sent_to_the_terminal(
    isolated_data_dir: Path,
) -> None:
    guide = prep_guide()
    first = dataclasses.replace(
        guide.steps[0], title="Ring\x07 the bell", why="Why\x1b[31m red", how=("tip\u202e",)
    )
    hostile = dataclasses.replace(guide, steps=(first, *guide.steps[1:]))
    library = GuideLibrary(guides={GUIDE_ID: hostile}, language_hints=prep_library().language_hints)
    meeting = new_prep_meeting("Okafor family")
    save_meetings(isolated_data_dir, meeting)
    app = SdmApp(data_dir=isolated_data_dir, library=library, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-steps")
        shown = "\n".join(str(s.content) for s in screen.query(Static))
        assert "Ring␇ the bell" in shown and "Why␛[31m red" in shown and "tip⟨U+202E⟩" in shown
        assert "\x07" not in shown and "\x1b" not in shown and "\u202e" not in shown


async def test_an_edit_after_the_longest_save_delay_saves_at_once_without_a_zero_timer(
    isolated_data_dir: Path,
) -> None:
    """A change that arrives when the longest save delay has already passed is saved straight
    away; a zero-length timer that runs late made Textual divide by zero and stop the app."""
    meeting = new_prep_meeting("Okafor family")
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_only_meeting(pilot)
        await go_to(pilot, screen, "prep-referral")
        worries = screen.query_one("#ref-worries", TextArea)
        worries.focus()
        for _ in range(5):
            screen._unsaved_since = -1_000.0  # the first unsaved change was long ago
            await pilot.press("w")
            await pilot.pause(0.01)
        await until(pilot, lambda: not screen.session.dirty, "the change saved")
        assert app.return_code is None and app._exception is None
    assert reload(isolated_data_dir, meeting.id).referral.worries.endswith("wwwww")

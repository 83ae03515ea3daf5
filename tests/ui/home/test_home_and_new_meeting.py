"""Home, the first run and the new-meeting form, driven by real key presses.

Every test that creates a meeting checks the file on disk (through ``reload``),
because "it saved" is the promise that matters.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from sdm_facilitator.ui.home.first_run import FirstRunScreen
from sdm_facilitator.ui.home.home import HomeScreen
from sdm_facilitator.ui.home.new_meeting import NewMeetingScreen
from sdm_facilitator.ui.widgets.form_fields import Field
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import reload, save_meetings
from support.pilot_helpers import type_text
from support.prep_fixtures import GUIDE_ID, full_meeting, new_prep_meeting, prep_app


def field_error(screen, widget_id: str) -> str:  # type: ignore[no-untyped-def]
    widget = screen.query_one(f"#{widget_id}")
    field = next(a for a in widget.ancestors if isinstance(a, Field))
    return field.error


async def test_first_run_new_meeting_form_creates_and_opens(isolated_data_dir: Path) -> None:
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingScreen)
        guide_note = str(app.screen.query_one("#new-guide", Static).content)
        assert "Preparation test guide" in guide_note
        await type_text(pilot, "The [b")
        app.screen.query_one("#new-date", Input).value = "2026-03-20"
        app.screen.query_one("#new-time", Input).value = "17:30"
        app.screen.query_one("#new-child-1-name", Input).value = "Amara"
        app.screen.query_one("#new-child-1-age", Input).value = "9"
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#new-child-2-name", Input).value = "Tobi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        meeting_id = screen.session.meeting.id
        await pilot.press("ctrl+q")
    saved = reload(isolated_data_dir, meeting_id)
    assert saved.family_label == "The [b"
    assert saved.guide_id == GUIDE_ID
    assert saved.context == "voluntary"
    assert saved.choices.when is not None and f"{saved.choices.when:%Y-%m-%d %H:%M}" == "2026-03-20 17:30"
    assert [(c.name, c.age) for c in saved.children] == [("Amara", 9), ("Tobi", None)]
    assert [a.phase_id for a in saved.agenda] == ["welcome", "information", "family-time", "plan"]


async def test_new_meeting_validation_messages_keep_the_text(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting("Existing"))
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewMeetingScreen)
        form.query_one("#new-date", Input).value = "31/02/2026"
        form.query_one("#new-child-1-age", Input).value = "7"
        form.query_one("#new-kind").value = "cp-conference"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "a wrong field must not close the form"
        assert "family label is needed" in field_error(form, "new-label")
        assert "does not exist" in field_error(form, "new-date")
        assert "name" in field_error(form, "new-child-1-name")
        assert form.query_one("#new-date", Input).value == "31/02/2026"
        assert form.query_one("#new-context").value == "statutory"  # type: ignore[attr-defined]
        # Fixing a field clears its message; escape asks before throwing the typing away.
        form.query_one("#new-date", Input).value = "2026-04-01"
        await pilot.pause()
        assert field_error(form, "new-date") == ""
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # "Keep editing"
        await pilot.pause()
        assert app.screen is form
    assert len(list((isolated_data_dir / "meetings").glob("*.toml"))) == 1


async def test_home_lists_meetings_filters_and_shows_unreadable_files(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, full_meeting(), new_prep_meeting("Rahman family", when_days=None))
    (isolated_data_dir / "meetings" / "broken.toml").write_text(
        "family_label = [unclosed\n", encoding="utf-8"
    )
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#meetings", DataTable)
        assert table.row_count == 2
        problems = str(home.query_one("#unreadable", Static).content)
        assert "broken.toml" in problems and "could not be read" in problems
        await type_text(pilot, "Rah")  # typing in the list starts the filter
        await pilot.pause()
        assert home.query_one("#filter", Input).value == "Rah"
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.session.meeting.family_label == "Rahman family"
        await pilot.press("escape")  # from the side list: back to the meetings
        await pilot.pause()
        assert app.screen is home

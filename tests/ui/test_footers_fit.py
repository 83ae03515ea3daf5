"""Every footer fits an 80 column terminal: no key is cut ("esc Sk", "m In the r")."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey

from sdm_facilitator.ui.app import SdmApp
from support.app_helpers import save_meetings
from support.pilot_helpers import settle
from support.room_fixtures import room_app
from ui.workspace.test_the_day import ended_meeting

WIDTH = 80


def footer_overflow(app: SdmApp) -> list[str]:
    """Each footer whose keys run past the command palette key (or the edge), as its keys."""
    problems = []
    for footer in app.screen.query(Footer):
        if not footer.display:
            continue
        palette = [key for key in footer.query(FooterKey) if key.has_class("-command-palette")]
        limit = palette[0].region.x if palette else footer.region.right
        others = [child for child in footer.children if child not in palette]
        if others and max(child.region.right for child in others) > limit:
            problems.append(
                " · ".join(f"{key.key_display} {key.description}" for key in footer.query(FooterKey))
            )
    return problems


async def check(app: SdmApp, pilot, where: str, seen: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    problems = footer_overflow(app)
    if problems:
        seen[where] = problems


async def test_every_footer_fits_80_columns(isolated_data_dir: Path) -> None:
    meeting = ended_meeting()
    meeting.record.ended = None  # still running, so the room's keys are all live
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    overflow: dict[str, list[str]] = {}
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await check(app, pilot, "home", overflow)
        await pilot.press("n")
        await check(app, pilot, "new meeting", overflow)
        await pilot.press("escape")
        await settle(pilot)
        app.open_meeting(meeting.id)
        await check(app, pilot, "workspace side list", overflow)
        screen = app.screen
        for section in screen.sections:  # type: ignore[attr-defined]
            await screen.show_section(section.id)  # type: ignore[attr-defined]
            await check(app, pilot, f"section {section.id}", overflow)
            for table in screen.current_section.query(DataTable):  # type: ignore[attr-defined]
                if table.display and table.row_count:
                    table.focus()
                    await check(app, pilot, f"section {section.id} table {table.id}", overflow)
        for section, key in (
            ("prep-people", "e"),
            ("prep-info", "a"),
            ("prep-agenda", "e"),
            ("follow-up", "c"),
            ("the-day", "enter"),
        ):
            await screen.show_section(section)  # type: ignore[attr-defined]
            await settle(pilot)
            await pilot.press(key)
            await check(app, pilot, f"{section} dialog ({key})", overflow)
            await pilot.press("escape")
            await settle(pilot)
            if app.screen is not screen:
                await pilot.press("y")  # discard what a dialog had (nothing typed here)
                await settle(pilot)
        await pilot.press("f2", "m")
        await check(app, pilot, "chair", overflow)
        for key in ("c", "s", "p", "e"):
            await pilot.press(key)
            await check(app, pilot, f"chair dialog ({key})", overflow)
            await pilot.press("escape")
            await settle(pilot)
    first_run = room_app(isolated_data_dir / "empty")
    async with first_run.run_test(size=(WIDTH, 24)) as pilot:
        await check(first_run, pilot, "first run", overflow)
    assert overflow == {}, "\n".join(f"{where}: {keys}" for where, keys in overflow.items())

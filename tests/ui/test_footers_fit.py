"""Every footer fits an 80 column terminal: no key is cut ("esc Sk", "m In the r")."""

from __future__ import annotations

from pathlib import Path

import pytest
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


async def _workspace(app: SdmApp, pilot, meeting_id: str, seen: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """Open the meeting; its workspace screen."""
    app.open_meeting(meeting_id)
    await check(app, pilot, "workspace side list", seen)
    return app.screen


async def _home(app: SdmApp, pilot, meeting_id: str, seen: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    await check(app, pilot, "home", seen)
    await pilot.press("n")
    await check(app, pilot, "new meeting", seen)
    await pilot.press("escape")
    await settle(pilot)


async def _sections(app: SdmApp, pilot, meeting_id: str, seen: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    screen = await _workspace(app, pilot, meeting_id, seen)
    for section in screen.sections:  # type: ignore[attr-defined]
        await screen.show_section(section.id)  # type: ignore[attr-defined]
        await check(app, pilot, f"section {section.id}", seen)
        for table in screen.current_section.query(DataTable):  # type: ignore[attr-defined]
            if table.display and table.row_count:
                table.focus()
                await check(app, pilot, f"section {section.id} table {table.id}", seen)


async def _section_dialogs(app: SdmApp, pilot, meeting_id: str, seen: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    screen = await _workspace(app, pilot, meeting_id, seen)
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
        await check(app, pilot, f"{section} dialog ({key})", seen)
        await pilot.press("escape")
        await settle(pilot)
        if app.screen is not screen:
            await pilot.press("y")  # discard what a dialog had (nothing typed here)
            await settle(pilot)


async def _chair(app: SdmApp, pilot, meeting_id: str, seen: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    await _workspace(app, pilot, meeting_id, seen)
    await pilot.press("f2", "m")
    await check(app, pilot, "chair", seen)
    for key in ("c", "s", "p", "e"):
        await pilot.press(key)
        await check(app, pilot, f"chair dialog ({key})", seen)
        await pilot.press("escape")
        await settle(pilot)


#: The screens, in parts that xdist can run side by side (one app each: the whole
#: walk in one test was a minute and a half of the default run's tail on two cores).
PARTS = {
    "home": _home,
    "sections": _sections,
    "section-dialogs": _section_dialogs,
    "chair": _chair,
}


@pytest.mark.parametrize("part", list(PARTS))
async def test_every_footer_fits_80_columns(isolated_data_dir: Path, part: str) -> None:
    meeting = ended_meeting()
    meeting.record.ended = None  # still running, so the room's keys are all live
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    overflow: dict[str, list[str]] = {}
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await PARTS[part](app, pilot, meeting.id, overflow)
    assert overflow == {}, "\n".join(f"{where}: {keys}" for where, keys in overflow.items())


async def test_the_first_run_footer_fits_80_columns(isolated_data_dir: Path) -> None:
    first_run = room_app(isolated_data_dir / "empty")
    overflow: dict[str, list[str]] = {}
    async with first_run.run_test(size=(WIDTH, 24)) as pilot:
        await check(first_run, pilot, "first run", overflow)
    assert overflow == {}, "\n".join(f"{where}: {keys}" for where, keys in overflow.items())

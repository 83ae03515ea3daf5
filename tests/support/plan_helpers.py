"""Shared steps for the plan and follow-up Pilot tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.export import ExportDialog
from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import until

MEETING_DAY = datetime(2026, 3, 2, 10, 0)
BOTTOM_LINES = [
    "An adult the children know is with them every evening.",
    "Amara is in school [b]every[/b] day.",
]


def held_meeting() -> Meeting:
    """A family group conference on the fixed clock's day, at the plan stage."""
    m = new_meeting("fgc", "Okafor [/] family", when=MEETING_DAY)
    m.referral.bottom_lines = list(BOTTOM_LINES)
    m.record.started = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    m.people = [
        Person(name="Beatrice Okafor", role="wider-family"),
        Person(name="Jo Whitfield", role="professional"),
    ]
    return m


def start(data_dir: Path, *meetings: Meeting, clock: object = None) -> SdmApp:
    save_meetings(data_dir, *meetings)
    return make_app(data_dir, clock)  # type: ignore[arg-type]


async def open_section(app: SdmApp, pilot: Pilot[int], meeting_id: str, section: str) -> None:
    """Open a meeting and go into a section (focus on its first field)."""
    await pilot.pause()
    app.open_meeting(meeting_id)
    await pilot.pause()
    await pilot.pause()
    await app.screen.show_section(section)  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.pause()


async def save(pilot: Pilot[int]) -> None:
    """ctrl+s saves the open meeting at once (instead of waiting for the debounce)."""
    await pilot.press("ctrl+s")
    await pilot.pause()


async def open_export_dialog(pilot: Pilot[int]) -> ExportDialog:
    """ctrl+o in the open meeting, once the export dialog is up and has taken focus."""
    await pilot.press("ctrl+o")
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, ExportDialog) and pilot.app.screen.focused is not None,
        "the export dialog",
    )
    screen = pilot.app.screen
    assert isinstance(screen, ExportDialog)
    return screen

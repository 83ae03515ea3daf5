"""Snapshots of the preparation steps and the readiness panel.

At 100x30 and 80x24, with a fixed clock, local time set to UTC and the cursor
not blinking, so nothing moves between runs or machines. The guide is the
fixed test guide, so guide wording changes do not move these pictures.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Action, Review
from support.app_helpers import FIXED_TODAY, save_meetings
from support.prep_fixtures import full_meeting, new_prep_meeting, prep_app

SIZES = [(100, 30), (80, 24)]


def SIZE_IDS(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


pytestmark = pytest.mark.usefixtures("utc_local_time")


async def still(pilot) -> None:  # type: ignore[no-untyped-def]
    """No blinking cursors in a picture."""
    await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def full_store(data_dir: Path) -> str:
    """Three meetings at different stages and one file that cannot be read."""
    preparing = full_meeting()
    early = new_prep_meeting("Jay and Mia [Taylor household]", when_days=None, children=[("Mia", 2)])
    early.updated = early.updated - timedelta(hours=1)
    after = new_prep_meeting("Rahman family", when_days=-40, children=[("Yusuf", 15)])
    after.record.started = datetime(2026, 1, 21, 13, 0, tzinfo=UTC)
    after.record.ended = datetime(2026, 1, 21, 15, 0, tzinfo=UTC)
    after.plan.family_keeper = "Farid"
    after.plan.actions = [
        Action(what="Find a boxing club", who="Owen", by_when=FIXED_TODAY - timedelta(days=4))
    ]
    after.follow_up.reviews = [Review(scheduled=FIXED_TODAY + timedelta(days=40))]
    after.updated = after.updated - timedelta(days=1)
    save_meetings(data_dir, preparing, early, after)
    (data_dir / "meetings" / "old-notes.toml").write_text("family_label = [unclosed\n", encoding="utf-8")
    return preparing.id


def opener(meeting_id: str, section: str, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.app.screen.show_section(section)
        await pilot.pause()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await still(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_preparation_steps(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = full_store(isolated_data_dir)
    assert snap_compare(
        prep_app(isolated_data_dir), terminal_size=size, run_before=opener(meeting_id, "prep-steps", "down")
    )


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_readiness(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting_id = full_store(isolated_data_dir)
    assert snap_compare(
        prep_app(isolated_data_dir), terminal_size=size, run_before=opener(meeting_id, "prep-readiness")
    )

"""The home screen reads the meeting under the cursor ahead of its open, and the lock drops it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.storage import store as store_module
from support.app_helpers import make_app, new_meeting, save_meetings
from support.pilot_helpers import settle, until


async def test_the_meeting_under_the_cursor_is_read_ahead_and_its_open_parses_nothing_again(
    isolated_data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first, second = new_meeting(label="First family"), new_meeting(label="Second family")
    second.updated = second.updated.replace(year=second.updated.year - 1)  # listed below the first
    save_meetings(isolated_data_dir, first, second)
    parsed: list[str] = []
    real = store_module.parse_meeting_bytes
    monkeypatch.setattr(
        store_module,
        "parse_meeting_bytes",
        lambda data, path, **kw: parsed.append(path.stem) or real(data, path, **kw),
    )
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        held = app.store.read_ahead
        await pilot.press("down")  # the cursor rests on the second family's row
        await until(
            pilot,
            lambda: (
                held._ahead is not None and held._ahead.path.stem == second.id and held._ahead.done.is_set()
            ),
            "the second meeting read ahead",
        )
        assert parsed[-1] == second.id
        before = len(parsed)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert app.screen.session.meeting.family_label == "Second family"  # type: ignore[attr-defined]
        assert len(parsed) == before  # the open took the parse read ahead


@pytest.mark.parametrize(
    "drop",
    [
        pytest.param(lambda app: app.lock_guard.lock(), id="the idle lock"),
        # A deletion, an unlock, a synced folder's changes or leaving the demo.
        pytest.param(lambda app: app.note_store_changed(), id="a change to the store"),
    ],
)
async def test_what_was_read_ahead_is_dropped(isolated_data_dir: Path, drop) -> None:  # type: ignore[no-untyped-def]
    save_meetings(isolated_data_dir, new_meeting(label="Held family"))
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        held = app.store.read_ahead
        await until(pilot, lambda: held._ahead is not None and held._ahead.done.is_set(), "a read ahead")
        drop(app)
        await settle(pilot)
        assert held._ahead is None

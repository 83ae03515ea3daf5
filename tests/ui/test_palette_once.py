"""The command palette lists each action once, under the name its footer key has."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.chair import ChairScreen
from support.app_helpers import save_meetings
from support.pilot_helpers import settle
from support.room_fixtures import room_app
from ui.workspace.test_the_day import ended_meeting

_KEY = re.compile(r"key: ([^\s)]+)")


def palette(app: SdmApp) -> list[tuple[str, str]]:
    return [(c.title, c.help) for c in app.get_system_commands(app.screen)]


def assert_each_action_once(commands: list[tuple[str, str]], where: str) -> None:
    titles = Counter(title for title, _help in commands)
    assert [t for t, n in titles.items() if n > 1] == [], where
    keys = Counter(m.group(1) for _title, help_text in commands if (m := _KEY.search(help_text)))
    assert [k for k, n in keys.items() if n > 1] == [], f"{where}: one command per key"


async def test_each_action_is_listed_once_on_every_screen(isolated_data_dir: Path) -> None:
    meeting = ended_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = palette(app)
        assert_each_action_once(home, "home")
        assert ("Filter", "key: /") in home
        assert not any(t.startswith("Filter the") for t, _ in home)

        app.open_meeting(meeting.id)
        await settle(pilot)
        for section in ("prep-agenda", "prep-people", "prep-info", "prep-children", "follow-up"):
            await app.screen.show_section(section)
            await settle(pilot)
            assert_each_action_once(palette(app), section)
        await app.screen.show_section("prep-agenda")
        await settle(pilot)
        agenda = [t for t, _ in palette(app)]
        assert "+5 min" in agenda and not any(t.startswith("Agenda:") for t in agenda)
        # A section's keys are offered wherever the focus is in it.
        await app.screen.show_section("follow-up")
        await settle(pilot)
        follow_up = [t for t, _ in palette(app)]
        for title in ("Update", "Help given?", "Record a change", "Schedule", "Hold", "Outcome"):
            assert title in follow_up

        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, ChairScreen)
        chair = palette(app)
        assert_each_action_once(chair, "chair")
        assert ("Capture", "key: c") in chair and ("Next", "key: space") in chair

"""Private family time in Welsh and English: a family who chose both sees both, Welsh first.

At 100 columns the two stand side by side, Welsh on the left; at 80 columns,
Welsh above English. Short words (the heading, the footer) are joined
"Cymraeg / English". A snapshot of each size shows the whole screen.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from sdm_facilitator.domain.meeting import AgendaItem, Meeting
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
from support.app_helpers import FIXED_NOW, FakeClock, bundled_library, save_meetings
from support.pilot_helpers import into_the_room, screen_text, settle
from support.room_fixtures import room_meeting

SIZES = [(80, 24), (100, 30)]
WELSH_QUESTION = "Beth sydd angen digwydd er mwyn i'r plant fod yn ddiogel ac yn iach?"
ENGLISH_QUESTION = "What needs to happen so the children are safe and well?"

pytestmark = pytest.mark.usefixtures("utc_local_time")


def bilingual_meeting(data_dir: Path) -> Meeting:
    """Twenty minutes into a family group conference with the fgc guide, the family's choice Welsh and English."""
    guide = bundled_library().get("fgc")
    assert guide is not None
    meeting = room_meeting()
    meeting.guide_id = guide.id
    meeting.agenda = [AgendaItem(phase_id=p.id, name=p.name, minutes=p.minutes) for p in guide.phases]
    meeting.choices.language = "Welsh and English"
    meeting.referral.bottom_lines = ["Ruby is never left alone with [b]Mark[/b]"]
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    save_meetings(data_dir, meeting)
    return meeting


def _static_with(app: SdmApp, text: str) -> Static:
    found = [w for w in app.screen.query(Static) if str(w.render()) == text]
    assert len(found) == 1, f"{text!r} is shown once"
    return found[0]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_family_time_shows_welsh_and_english_when_the_family_chose_both(
    isolated_data_dir: Path, size: tuple[int, int]
) -> None:
    meeting = bilingual_meeting(isolated_data_dir)
    app = SdmApp(data_dir=isolated_data_dir, library=bundled_library(), clock=FakeClock())
    width, height = size
    async with app.run_test(size=size) as pilot:
        await into_the_room(pilot, app, meeting.id)
        await pilot.press("f", "enter")  # start family time (Yes has the focus)
        await settle(pilot)
        assert isinstance(app.screen, FamilyTimeScreen)
        shown = screen_text(app)
        assert "Amser i'r teulu, heb neb arall / Time for the family, on your own" in shown
        assert "Cwestiynau ar gyfer eich cynllun / Questions for your plan" in shown
        assert app.screen.title == "Amser preifat i'r teulu / Private family time"
        assert "ar ôl / left" in shown, "the countdown's short words share a line"

        welsh = _static_with(app, WELSH_QUESTION).region
        english = _static_with(app, ENGLISH_QUESTION).region
        if width >= 100:
            assert welsh.y == english.y and welsh.right <= english.x, "side by side, Welsh on the left"
        else:
            assert welsh.x == english.x and welsh.bottom <= english.y, "Welsh above English"
        for part in ("#family-heading", "#family-countdown", "#family-how"):
            region = app.screen.query_one(part).region
            assert region.height >= 1 and region.bottom <= height and region.right <= width, f"{part} fits"

        keys = {key.description: key.region for key in app.screen.query(FooterKey)}
        for words in ("Llinellau sylfaen / Bottom lines", "Gorffen amser y teulu / End family time"):
            assert keys[words].right <= width, f"the footer's {words!r} is on the screen"

        await pilot.press("b")
        await settle(pilot)
        shown = screen_text(app)
        heading = "Y llinellau sylfaen a roddwyd i chi (mae b yn eu cuddio) / The bottom lines you were given (b hides them)"
        assert heading in shown
        assert shown.count("Ruby is never left alone with [b]Mark[/b]") == 1, "typed words once, as typed"

        await pilot.press("escape")
        await settle(pilot)
        shown = screen_text(app)
        assert "Mae amser y teulu'n dal i fynd" in shown and "Family time is still going" in shown

        await pilot.press("5")  # the coordinator's key still works with its footer words hidden
        await settle(pilot)
        caption = str(app.screen.query_one("#family-countdown .timer-caption", Static).render())
        assert caption.split("\n")[-2:] == ["(5 munud yn ychwanegol)", "(5 added)"], (
            "too long to share a line"
        )


def opener(meeting_id: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("f2", "m", "f", "enter")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_bilingual_privacy_screen(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = bilingual_meeting(isolated_data_dir)
    app = SdmApp(data_dir=isolated_data_dir, library=bundled_library(), clock=FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=opener(meeting.id))

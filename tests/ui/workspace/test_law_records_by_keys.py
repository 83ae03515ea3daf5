"""The records the chosen profile's law asks for are recorded by keys in preparation.

England: once the case's legal stage at referral is pre-proceedings, the
referral shows the offer of a family group decision-making meeting; the
coordinator records it by keys and readiness stops asking. The United States:
each child's block holds the ICWA inquiry.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select

from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.workspace.preparation.readiness import ReadinessSection
from support.app_helpers import FakeClock, new_meeting, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section


def app_in(data_dir: Path, jurisdiction: str) -> SdmApp:
    return SdmApp(data_dir=data_dir, library=load_library(None, jurisdiction=jurisdiction), clock=FakeClock())


async def test_in_england_the_pre_proceedings_offer_is_recorded_by_keys(isolated_data_dir: Path) -> None:
    meeting = new_meeting(kind="fgc", label="Hollins", children=[("Leo", 9)])
    save_meetings(isolated_data_dir, meeting)
    app = app_in(isolated_data_dir, "england")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-referral")
        screen = app.screen
        assert not screen.query_one("#ref-fgdm").display, "only once the case is at pre-proceedings"
        screen.query_one("#ref-stage", Select).focus()
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # Pre-proceedings
        await settle(pilot)
        assert screen.query_one("#ref-fgdm").display
        await pilot.press("tab", "tab")  # past the letter's date, to the offer
        assert screen.focused is screen.query_one("#ref-fgdm-offered", Select)
        await pilot.press("enter", "down", "enter")  # Yes
        await pilot.press("tab")
        await type_text(pilot, "2026-02-20")
        await pilot.press("tab", "enter", "down", "enter")  # Accepted
        await pilot.press("tab", "enter", "down", "enter")  # held before any application: Yes
        await pilot.press("ctrl+s")
        await settle(pilot)
        await screen.show_section("prep-readiness")  # type: ignore[attr-defined]
        await settle(pilot)
        items = [i.text for i in screen.query_one(ReadinessSection).compute().items]
        assert not [t for t in items if "family group decision-making" in t]
    offer = reload(isolated_data_dir, meeting.id).referral.fgdm_offer
    assert (offer.offered, offer.offered_on, offer.answer, offer.held_before_application) == (
        True,
        date(2026, 2, 20),
        "accepted",
        True,
    )


async def test_in_the_us_each_child_has_the_icwa_inquiry(isolated_data_dir: Path) -> None:
    meeting = new_meeting(kind="fgc", label="Hollins", children=[("Leo", 9)])
    save_meetings(isolated_data_dir, meeting)
    leo = meeting.children[0].id
    app = app_in(isolated_data_dir, "us")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-children")
        screen = app.screen
        screen.query_one(f"#{leo}-icwa-asked", Select).focus()
        await pilot.press("enter", "down", "enter")  # Yes
        await pilot.press("tab", "enter", "down", "down", "enter")  # may be: reason to know
        await pilot.press("tab")
        await type_text(pilot, "Cherokee Nation")
        await pilot.press("tab")
        assert screen.focused is screen.query_one(f"#{leo}-icwa-notified", Input)
        await pilot.press("ctrl+s")
        await settle(pilot)
    icwa = reload(isolated_data_dir, meeting.id).children[0].icwa
    assert (icwa.asked, icwa.answer, icwa.tribe, icwa.tribe_notified) == (
        True,
        "may-be",
        "Cherokee Nation",
        None,
    )

"""The Network section: the drawing at 80x24 and 100x30, the arrows, and adding people from "who might be missing"."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from sdm_facilitator.demo import preparing_meeting
from sdm_facilitator.domain.family_network import ChildRelation, NetworkPlace
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.ui.workspace.preparation.network import ChildNetworkEditor
from sdm_facilitator.ui.workspace.preparation.network_map import NetworkMap
from support.app_helpers import FIXED_TODAY, bundled_library, make_app, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section
from support.prep_fixtures import full_meeting, prep_app

pytestmark = pytest.mark.usefixtures("utc_local_time")


def network_meeting() -> Meeting:
    """The preparation fixture's family with their places recorded; nobody yet on the father's side."""
    m = full_meeting()
    amara, tobi = m.children
    tobi.network = NetworkPlace(relations=[ChildRelation(amara.id, "sibling")], household="Grace's flat")
    amara.network = NetworkPlace(relations=[ChildRelation(tobi.id, "sibling")], household="Grace's flat")
    grace, beatrice, jo = m.people
    both = [amara.id, tobi.id]
    grace.network = NetworkPlace(
        relations=[ChildRelation(c, "parent") for c in both], side="mother", household="Grace's flat"
    )
    beatrice.network = NetworkPlace(
        relations=[ChildRelation(c, "grandparent") for c in both], side="mother", bond="supportive"
    )
    jo.network = NetworkPlace(relations=[ChildRelation(c, "professional") for c in both], side="not-related")
    return m


def opener(meeting_id: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_section(pilot.app, pilot, meeting_id, "prep-network")
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
def test_network_section(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = network_meeting()
    save_meetings(isolated_data_dir, meeting)
    assert snap_compare(prep_app(isolated_data_dir), terminal_size=size, run_before=opener(meeting.id))


async def test_arrows_follow_the_drawing_and_it_reflows_on_resize(isolated_data_dir: Path) -> None:
    meeting = network_meeting()
    save_meetings(isolated_data_dir, meeting)
    grace, beatrice, _jo = (p.id for p in meeting.people)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-network")
        network_map = app.screen.query_one(NetworkMap)
        network_map.focus()
        network_map.select(grace)
        await settle(pilot)
        await pilot.press("up")
        assert network_map.highlighted == beatrice
        await pilot.press("down", "down")
        assert network_map.highlighted == meeting.children[0].id
        # Enter on a child opens their place in the network: a brother or sister of the other child.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChildNetworkEditor)
        assert app.screen.query(f"#cn-net-rel-{meeting.children[1].id}")
        await pilot.press("escape")
        await settle(pilot)
        narrow = network_map.network
        assert narrow is not None
        assert app.screen.query_one("#network-missing").region.y > network_map.region.y
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        wide = network_map.network
        assert wide is not None and wide.nodes[0].box.w > narrow.nodes[0].box.w
        # Wide enough: who might be missing sits beside the drawing, not under it.
        panel = app.screen.query_one("#network-missing")
        assert panel.region.x > network_map.region.right and panel.region.y < network_map.region.bottom
        assert network_map.highlighted == meeting.children[0].id


async def test_on_the_demo_the_fathers_side_shows_empty_and_two_people_are_added_from_it(
    isolated_data_dir: Path,
) -> None:
    meeting = preparing_meeting(bundled_library(), FIXED_TODAY)
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-network")
        network_map = app.screen.query_one(NetworkMap)
        layout = network_map.network
        assert layout is not None
        father = layout.columns[2].x
        # The father's side holds Dad only: the panel says no one else is there yet.
        assert [n.name for n in layout.in_column("father")] == ["Daniel Reid"]
        missing = app.screen.query_one("#network-missing-list", OptionList)
        assert str(missing.get_option_at_index(0).prompt) == (
            "○ No one yet on the father's side of the family, beyond the father."
        )
        for name in ("Joyce Reid", "Sam Reid"):
            missing.focus()
            missing.highlighted = 0
            assert "father's side" in str(missing.get_option_at_index(0).prompt)
            await pilot.press("enter")
            await settle(pilot)
            await type_text(pilot, name)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        lines = str(network_map.render()).splitlines()
        assert any("Joyce Reid" in line[father:] for line in lines)
        assert any("Sam Reid" in line[father:] for line in lines)
    saved = reload(isolated_data_dir, meeting.id)
    added = [p for p in saved.people if p.name in ("Joyce Reid", "Sam Reid")]
    assert [p.network.side for p in added] == ["father", "father"]
    # The second came from "no grandparent on the father's side": a grandparent of each child.
    assert {r.relation for r in added[1].network.relations} == {"grandparent"}

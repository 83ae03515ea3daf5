"""The people table fits the screen, at 80 columns and after a resize, and shows the highlighted person whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Meeting, Needs, Person
from support.app_helpers import FIXED_TODAY, reload, save_meetings
from support.pilot_helpers import settle
from support.plan_helpers import open_section
from support.prep_fixtures import new_prep_meeting, prep_app
from support.table_helpers import column_keys, drawn_lines, fills_its_width

LONG_NAME = "Maria Fernanda González-Rodríguez"
HOSTILE = "[bold]x[/] Nana"


def people_meeting() -> Meeting:
    """Enough people for the section to scroll, with names in several scripts."""
    m = new_prep_meeting("Okafor-Reid family", children=[("Amara", 9)])
    m.people = [
        Person(
            name=LONG_NAME,
            role="wider-family",
            relationship="aunt (mum's sister, lives in Madrid)",
            invitation="family-agreed",
            needs=Needs(language="Spanish", interpreter=True, travel="flight"),
        ),
        Person(
            name=HOSTILE,
            role="wider-family",
            relationship="great-grandmother [/]",
            invitation="not-invited",
            not_invited_reason="Amara asked that she is not there",
        ),
        Person(
            name="Аграфена Кузнецова", role="friend-community", relationship="neighbour", invitation="invited"
        ),
        Person(
            name="王小明",
            role="professional",
            relationship="school nurse",
            invitation="accepted",
            prep_visit=FIXED_TODAY - timedelta(days=3),
        ),
        Person(
            name="Siobhán Ní Bhriain",
            role="advocate",
            relationship="Amara's advocate",
            invitation="accepted",
            prep_visit=FIXED_TODAY - timedelta(days=1),
            needs=Needs(access="step-free room"),
        ),
        Person(name="Daniel Reid", role="parent", relationship="dad (lives apart)", invitation="invited"),
    ]
    return m


async def open_people(pilot, app, meeting_id: str) -> DataTable:  # type: ignore[no-untyped-def,type-arg]
    await open_section(app, pilot, meeting_id, "prep-people")
    table = app.screen.query_one("#people-table", DataTable)
    table.focus()
    await settle(pilot)
    return table


async def test_at_80_columns_the_people_table_fits_and_keeps_prepared_whole(isolated_data_dir: Path) -> None:
    meeting = people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_people(pilot, app, meeting.id)
        # Nothing is off to the side, so nothing scrolls sideways into view.
        assert fills_its_width(table)
        assert "needs" not in column_keys(table)  # spared: the detail below lists them
        lines = drawn_lines(table)
        assert "Prepared" in lines[0]
        assert sum("✗ not yet" in line for line in lines) >= 3
        assert any("✗ interpreter" in line for line in lines)
        # Room for names as people write them, with the section's and the table's scrollbars shown.
        assert table.columns["person"].width >= 18  # type: ignore[index]
        assert any("Аграфена Кузнецова" in line for line in lines)
        assert any(HOSTILE in line for line in lines)


async def test_the_people_table_follows_a_resize_both_ways(isolated_data_dir: Path) -> None:
    meeting = people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_people(pilot, app, meeting.id)
        narrow = table.columns["person"].width  # type: ignore[index]
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        assert "needs" in column_keys(table)
        assert table.columns["person"].width > narrow  # type: ignore[index]
        assert fills_its_width(table)
        assert any(LONG_NAME in line for line in drawn_lines(table))
        assert any("language: Spanish" in line for line in drawn_lines(table))
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "needs" not in column_keys(table)
        assert table.columns["person"].width == narrow  # type: ignore[index]
        assert fills_its_width(table)


async def test_the_highlighted_person_shows_whole_below_the_table(isolated_data_dir: Path) -> None:
    meeting = people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_people(pilot, app, meeting.id)
        detail = app.screen.query_one("#people-detail", Static)
        text = str(detail.render())
        assert f"{LONG_NAME} · Wider family, aunt (mum's sister, lives in Madrid)" in text
        assert "Invitation: family agreed to invite · not prepared yet" in text
        assert "Needs: language: Spanish · interpreter not booked · travel: flight" in text
        await pilot.press("down")
        await settle(pilot)
        assert table.cursor_row == 1
        text = str(detail.render())
        assert f"{HOSTILE} · Wider family, great-grandmother [/]" in text
        assert "Invitation: not to be invited (why: Amara asked that she is not there)" in text
        assert "Needs: none recorded" in text
        await pilot.press("down", "down")
        await settle(pilot)
        text = str(detail.render())
        assert "王小明 · Professional, school nurse" in text
        assert f"preparation visit {FIXED_TODAY - timedelta(days=3):%a %d %b %Y}" in text


async def test_a_person_not_invited_shows_not_invited_under_prepared(isolated_data_dir: Path) -> None:
    meeting = people_meeting()
    meeting.people.append(
        Person(
            name="Wayne Ashby",
            role="wider-family",
            invitation="not-invited",
            not_invited_reason="risk to Mum",
        )
    )
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_people(pilot, app, meeting.id)
        table.move_cursor(row=len(meeting.people) - 1)
        await settle(pilot)
        row = [str(cell) for cell in table.get_row_at(len(meeting.people) - 1)]
        assert "not invited" in row[2] and "not yet" not in row[2]
        detail = str(app.screen.query_one("#people-detail", Static).render())
        assert "not invited, so no preparation" in detail and "not prepared yet" not in detail


async def test_the_person_dialogs_one_line_fields_show_a_border_brighter_on_the_active_one(
    isolated_data_dir: Path,
) -> None:
    from textual.widgets import Input

    from sdm_facilitator.ui.dialogs.editor import EditorDialog

    meeting = people_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot, app, meeting.id)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        fields = [w for w in dialog.query(Input) if w.display]
        active = app.focused
        assert isinstance(active, Input) and len(fields) >= 2
        other = next(w for w in fields if w is not active)
        for field in (active, other):
            assert field.size.height == 1, "still one line per field"
            # A bar either side: the typing starts inside the field's box, not at its edge.
            assert field.styles.border_left[0] and field.styles.border_right[0]
            assert field.content_region.x > field.region.x
            assert field.content_region.right < field.region.right
        # The active field's border is drawn in another colour than the others'.
        assert active.styles.border_left[1] != other.styles.border_left[1]


async def test_the_form_offers_the_relation_its_words_say_and_sets_it_only_when_asked(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting("Okafor-Reid family", children=[("Amara", 9), ("Tobi", 4)])
    meeting.people = [
        Person(name="Ada", role="wider-family", relationship="maternal aunt", invitation="invited")
    ]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_people(pilot, app, meeting.id)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        offer = dialog.query_one("#pe-net-offer")
        assert offer.display
        words = str(dialog.query_one("#pe-net-offer-words", Static).render())
        assert words == "Their relationship says \u201cmaternal aunt\u201d: aunt or uncle, mother's side?"
        # Offered, not set: the record has no relation until the person says so.
        person = app.screen_stack[-2].session.meeting.people[0]  # type: ignore[attr-defined]
        assert person.network.relations == [] and person.network.side is None
        dialog.query_one("#pe-net-offer-use").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not offer.display
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+q")
    saved = reload(isolated_data_dir, meeting.id).people[0]
    amara, tobi = (child.id for child in meeting.children)
    assert (saved.network.relation_to(amara), saved.network.relation_to(tobi)) == ("aunt-uncle", "aunt-uncle")
    assert saved.network.side == "mother"
    assert saved.relationship == "maternal aunt"

"""The lawful basis per report, ways and parts of the meeting per person and child, with real keys.

The information editor says what each basis means and warns when consent is
chosen for a statutory meeting; the people editor ticks every way a person
takes part and the phases they join; a child's views get an audience; the
referral asks the question that fits the kind of meeting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, SelectionList, Static

from sdm_facilitator.domain.meeting import InfoShare, Meeting, Person, Referral
from sdm_facilitator.domain.sharing import CONSENT_WARNING
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from support.app_helpers import reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section, save
from support.prep_fixtures import new_prep_meeting, prep_app

SIZES = [(100, 30), (80, 24)]


def _size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def conference() -> Meeting:
    m = new_prep_meeting("Hollins [/] family", children=[("Leo", 13)])
    m.kind, m.context = "cp-conference", "statutory"
    m.people = [Person(id="p-kerry", name="Kerry [b]Hollins", role="parent", invitation="invited")]
    return m


async def _tick(pilot, list_id: str, *rows: int) -> None:  # type: ignore[no-untyped-def]
    """Move down the list to each row (in order) and tick it with space."""
    selection = pilot.app.screen.query_one(f"#{list_id}", SelectionList)
    selection.focus()
    await pilot.pause()
    at = 0
    for row in rows:
        await pilot.press(*(["down"] * (row - at)), "space")
        at = row
    await pilot.pause()


async def _open_new_report(pilot, app, meeting: Meeting) -> EditorDialog:  # type: ignore[no-untyped-def]
    await open_section(app, pilot, meeting.id, "prep-info")
    await pilot.press("a")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, EditorDialog)
    await type_text(pilot, "Police report")
    return dialog


@pytest.mark.parametrize("size", SIZES, ids=_size_id)
async def test_consent_as_a_basis_is_warned_against_for_a_conference(
    isolated_data_dir: Path, size: tuple[int, int]
) -> None:
    meeting = conference()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=size) as pilot:
        dialog = await _open_new_report(pilot, app, meeting)
        words = dialog.query_one("#is-basis-words", Static)
        assert "Usually public task" in str(words.content)
        basis = dialog.query_one("#is-basis", Select)
        basis.focus()
        await pilot.press("enter")
        await settle(pilot)
        # The options in order: public task, legal obligation, vital interests, consent...
        await pilot.press("down", "down", "down", "down", "enter")
        await settle(pilot)
        assert basis.value == "consent"
        assert str(words.content) == f"⚠ {CONSENT_WARNING}"
        basis.value = "public-task"
        await settle(pilot)
        assert "safeguarding children: the usual basis" in str(words.content)
        await _tick(pilot, "is-special", 0)
        dialog.query_one("#is-art9", Input).focus()
        await type_text(pilot, "DPA 2018 Sch 1 para 18")
        await pilot.press("escape")
        await settle(pilot)
        await save(pilot)
    share = reload(isolated_data_dir, meeting.id).info_sharing[0]
    assert (share.document, share.lawful_basis) == ("Police report", "public-task")
    assert share.special_categories == ["health"]
    assert share.art9_condition == "DPA 2018 Sch 1 para 18"


async def test_consent_is_not_warned_against_for_a_voluntary_meeting(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_new_report(pilot, app, meeting)
        dialog.query_one("#is-basis", Select).value = "consent"
        await settle(pilot)
        assert "⚠" not in str(dialog.query_one("#is-basis-words", Static).content)


async def test_a_child_not_asked_needs_a_reason(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting()
    meeting.info_sharing = [InfoShare(document="Amara's letter", lawful_basis="public-task")]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-info")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        reason_field = dialog.query_one("#is-child-reason-field")
        assert not reason_field.display
        dialog.query_one("#is-child-agreement", Select).value = "not-sought"
        await settle(pilot)
        assert reason_field.display and "required" in reason_field.error  # type: ignore[attr-defined]
        dialog.query_one("#is-child-reason", Input).focus()
        await type_text(pilot, "She is 2")
        await settle(pilot)
        assert reason_field.error == ""  # type: ignore[attr-defined]
        await pilot.press("escape")
        await save(pilot)
    share = reload(isolated_data_dir, meeting.id).info_sharing[0]
    assert (share.child_agreement, share.child_agreement_reason) == ("not-sought", "She is 2")


@pytest.mark.parametrize("size", SIZES, ids=_size_id)
async def test_a_person_takes_part_in_several_ways_for_some_phases(
    isolated_data_dir: Path, size: tuple[int, int]
) -> None:
    meeting = new_prep_meeting()
    meeting.people = [Person(name="Nana [/]", role="wider-family", invitation="accepted")]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=size) as pilot:
        await open_section(app, pilot, meeting.id, "prep-people")
        await pilot.press("enter")
        await settle(pilot)
        # In person, and by phone (the third way).
        await _tick(pilot, "pe-ways", 0, 2)
        # Welcome and introductions, and Agreeing the plan (the fourth phase).
        await _tick(pilot, "pe-phases", 0, 3)
        await pilot.press("escape")
        await settle(pilot)
        detail = str(app.screen.query_one("#people-detail", Static).content)
        assert "Takes part: in person, by phone (Welcome and introductions, Agreeing the plan)" in detail
        await save(pilot)
    nana = reload(isolated_data_dir, meeting.id).people[0]
    assert nana.ways == ["in-person", "phone"]
    assert nana.phases == ["welcome", "plan"]


async def test_a_childs_ways_start_from_the_old_choice_and_their_views_get_an_audience(
    isolated_data_dir: Path,
) -> None:
    meeting = new_prep_meeting(children=[("Amara", 9)])
    meeting.people = [Person(id="p-gran", name="Gran [b]", role="wider-family", invitation="accepted")]
    child = meeting.children[0]
    child.participation, child.views, child.views_consent = "remote", "I like Gran", True
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-children")
        cid = child.id
        ways = app.screen.query_one(f"#{cid}-ways", SelectionList)
        assert ways.selected == ["online"], "derived from the old single choice"
        audience = app.screen.query_one(f"#{cid}-audience", SelectionList)
        assert audience.selected == ["everyone"], "an old file's agreed views went to everyone"
        named = app.screen.query_one(f"#{cid}-named", SelectionList)
        assert "Gran [b]" in str(named.get_option_at_index(0).prompt)
        await _tick(pilot, f"{cid}-ways", 4)  # through an advocate
        await _tick(pilot, f"{cid}-audience", 0, 2)  # untick everyone, tick professionals
        await save(pilot)
    saved = reload(isolated_data_dir, meeting.id).children[0]
    assert saved.ways == ["online", "advocate"]
    assert saved.views_audience == ["professionals"]
    assert saved.participation == "remote", "the old value is kept as it was"


async def test_unticking_every_audience_leaves_the_chair_only(isolated_data_dir: Path) -> None:
    meeting = new_prep_meeting(children=[("Amara", 9)])
    meeting.children[0].views_audience = ["family"]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-children")
        await _tick(pilot, f"{meeting.children[0].id}-audience", 1)
        await save(pilot)
    assert reload(isolated_data_dir, meeting.id).children[0].views_audience == ["chair"]


async def test_the_referral_asks_what_the_kind_of_meeting_needs(isolated_data_dir: Path) -> None:
    old = new_prep_meeting("Old file family")
    old.referral = Referral(consent_meeting=True, consent_sharing=True)
    conf = conference()
    save_meetings(isolated_data_dir, old, conf)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, old.id, "prep-referral")
        text = str(app.screen.query_one("#ref-legacy-sharing", Static).content)
        assert text == "The family agreed to sharing (recorded before lawful bases were kept)."
        labels = [str(label.content) for label in app.screen.query(".field-label")]
        assert "Family agrees to the meeting" in labels
        await open_section(app, pilot, conf.id, "prep-referral")
        labels = [str(label.content) for label in app.screen.query(".field-label")]
        assert "Parents want to take part (the conference goes ahead either way)" in labels
        assert not app.screen.query("#ref-legacy-sharing")
    assert reload(isolated_data_dir, old.id).referral.consent_sharing is True

"""Pilot: record an outcome point, feedback and the facts the markers need; close and reopen a referral.

Every step uses real key presses, then reads the meeting file back from disk
as a later start of the app would.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.fidelity import MARKER_IDS, fidelity_profile
from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.domain.outcomes import outcomes_due
from sdm_facilitator.storage.settings import load_settings, save_settings
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import make_app, new_meeting, reload, save_meetings

TODAY = date(2026, 3, 2)


def held_in_november() -> Meeting:
    """A conference held on 2025-11-03: its 3-month outcome point (2026-02-03) is overdue."""
    m = new_meeting("fgc", "Okafor [/] family", when=datetime(2025, 11, 3, 10, 0))
    m.record.started = datetime(2025, 11, 3, 10, 0, tzinfo=UTC)
    m.record.ended = datetime(2025, 11, 3, 13, 0, tzinfo=UTC)
    m.plan.response.decision = "agreed"
    m.children = [Child(name="Amara [b]", age=9)]
    return m


async def open_section(app: SdmApp, pilot: Pilot[int], meeting_id: str, section: str) -> None:
    await pilot.pause()
    app.open_meeting(meeting_id)
    await pilot.pause()
    await app.screen.show_section(section)  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.pause()


async def choose(pilot: Pilot[int], downs: int) -> None:
    """Open the focused Select, move down ``downs`` options and pick one."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*(["down"] * downs), "enter")
    await pilot.pause()


async def test_recording_an_outcome_point(isolated_data_dir: Path) -> None:
    meeting = held_in_november()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "outcomes")
        table = app.screen.query_one("#oc-points", DataTable)
        assert app.focused is table and table.row_count == 3
        assert "Amara [b], 3 months after the referral (2026-06-02): not recorded yet" in str(
            app.screen.query_one("#oc-detail", Static).render()
        )

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await choose(pilot, 1)  # Lives: at home
        await pilot.press("tab")
        await choose(pilot, 4)  # In care, basis: full care order (not allowed for a child at home)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "only recorded for a child in care" in str(
            app.screen.query_one("#form-error", Static).render()
        )
        await pilot.press("shift+tab")
        await choose(pilot, 4)  # Lives: in care
        await pilot.press("tab", "tab", "tab")
        await choose(pilot, 1)  # Proceedings: yes
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = reload(isolated_data_dir, meeting.id)
    (point,) = saved.children[0].outcomes
    assert (point.point, point.living, point.care_basis, point.proceedings_issued) == (
        "3-months",
        "in-care",
        "care-order",
        True,
    )
    assert (point.new_referral, point.recorded_on) == (None, TODAY)
    assert outcomes_due(saved, TODAY) == []


async def test_recording_feedback_a_child_s_faces_and_a_decline(isolated_data_dir: Path) -> None:
    meeting = held_in_november()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "outcomes")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab")  # from "After" to the first statement
        await choose(pilot, 4)  # I understood what the worries were: 4
        await pilot.press("tab", "tab")
        await choose(pilot, 1)  # I felt judged or ashamed: 1 (the best answer)
        await pilot.press("tab", "tab", "tab")
        await pilot.press(*"[red]", "space", *"thanks")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "People listened to me" in str(app.screen.query("Label").nodes[2].render())
        await pilot.press("tab", "tab")
        await choose(pilot, 3)  # People listened to me: the smiling face
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("d")
        await pilot.pause()
        await choose(pilot, 1)  # a child
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = app.screen.query_one("#oc-feedback", DataTable)
        assert feedback.row_count == 3
        await pilot.press("ctrl+s")
        await pilot.pause()

    family, child, declined = reload(isolated_data_dir, meeting.id).feedback
    assert (family.respondent, family.understood_worries, family.judged, family.listened_to) == (
        "family",
        4,
        1,
        None,
    )
    assert family.comment == "[red] thanks" and family.given_on == TODAY and family.status == "given"
    assert (child.respondent, child.listened_to, child.understood_worries) == ("child", 5, None)
    assert (declined.respondent, declined.status, declined.listened_to) == ("child", "declined", None)


async def test_recording_the_facts_moves_the_markers(isolated_data_dir: Path) -> None:
    meeting = held_in_november()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "fidelity")
        markers = app.screen.query_one("#fid-markers", DataTable)
        assert markers.row_count == len(MARKER_IDS)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await choose(pilot, 1)  # the family chose the date
        await pilot.press("tab", "tab", "tab")
        await choose(pilot, 2)  # the venue is not a council building
        await pilot.press("tab", "tab")
        await choose(pilot, 1)  # someone not family stayed in private family time
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert "✓" in str(markers.get_row("family-chose-date")[0])

    saved = reload(isolated_data_dir, meeting.id)
    assert (saved.choices.date_chosen_by, saved.choices.venue_chosen_by) == ("family", None)
    assert saved.choices.venue_council_building is False
    assert saved.record.non_family_in_family_time is True and saved.record.authority_present is None
    profile = fidelity_profile(saved, None, TODAY)
    assert profile.marker("family-chose-date").status == "met"
    assert profile.marker("venue-not-council").status == "met"


async def test_closing_a_referral_before_the_day_asks_and_can_be_undone(isolated_data_dir: Path) -> None:
    meeting = new_meeting("fgc", "Taylor [household]", when=datetime(2026, 3, 20, 10, 0))
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # asked first: no means nothing changes
        await pilot.pause()
        assert not reload(isolated_data_dir, meeting.id).closure.is_closed

        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", *"moved", "space", *"[away]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        closed = reload(isolated_data_dir, meeting.id)
        assert (closed.closure.closed_on, closed.closure.reason, closed.closure.note) == (
            TODAY,
            "family-declined",
            "moved [away]",
        )
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 0, "a closed meeting leaves the main list"
        await pilot.press("f3")  # the closed meetings
        await pilot.pause()
        assert "closed" in str(table.get_row_at(0)[-1])
        assert "Closed before the day on 2026-03-02: The family declined" in str(
            app.screen.query_one("#meeting-detail", Static).render()
        )

        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
    reopened = reload(isolated_data_dir, meeting.id)
    assert not reopened.closure.is_closed
    assert (reopened.closure.reason, reopened.closure.note) == ("family-declined", "moved [away]")


async def test_closing_from_the_workspace_offers_every_reason(isolated_data_dir: Path) -> None:
    meeting = held_in_november()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the first reason after a held meeting: the work is finished
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    closed = reload(isolated_data_dir, meeting.id)
    assert (closed.closure.reason, closed.closure.closed_on) == ("work-finished", TODAY)


async def test_the_report_screen_draws_bars(isolated_data_dir: Path) -> None:
    closed = new_meeting("fgc", "Closed family")
    closed.closure.closed_on, closed.closure.reason = TODAY, "not-suitable"
    save_meetings(isolated_data_dir, held_in_november(), closed)
    # Two meetings: with the default threshold every count would read "fewer than 5" and draw no bar.
    save_settings(isolated_data_dir, replace(load_settings(isolated_data_dir)[0], small_number_threshold=1))
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(str(s.render()) for s in app.screen.query(".report-bars"))
        assert "Referrals" in text and "█" in text
        assert "Not suitable for a family meeting" in text
        assert not app.screen.query_one("#report-progress", Static).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query("#meetings")


async def test_who_chose_is_recorded_with_the_family_s_choices(isolated_data_dir: Path) -> None:
    meeting = new_meeting("fgc", "Choosing family", when=datetime(2026, 3, 20, 10, 0))
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-choices")
        app.screen.query_one("#ch-date-by").focus()
        await choose(pilot, 1)  # the family
        app.screen.query_one("#ch-council").focus()
        await choose(pilot, 2)  # no
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = reload(isolated_data_dir, meeting.id)
    assert (saved.choices.date_chosen_by, saved.choices.venue_chosen_by) == ("family", None)
    assert saved.choices.venue_council_building is False


async def test_recording_a_time_in_care_and_what_the_meeting_cost(isolated_data_dir: Path) -> None:
    meeting = held_in_november()
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "outcomes")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"2025-12-01", "tab", "tab")  # entered; left stays empty (still in care)
        await choose(pilot, 1)  # Legal basis: voluntary agreement
        await pilot.press("tab")
        await choose(pilot, 1)  # Placement: kinship foster care
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        detail = str(app.screen.query_one("#oc-detail", Static).render())
        assert "In care 2025-12-01 to now (kinship foster care)" in detail

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"3.5", "tab", *"two", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # "two" is not a number: the form says so
        assert "write a number" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press(*["backspace"] * 3, "2", "tab", "tab", *"45.50", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = reload(isolated_data_dir, meeting.id)
    (episode,) = saved.children[0].care_episodes
    assert (episode.entered, episode.left, episode.legal_basis, episode.placement) == (
        date(2025, 12, 1),
        None,
        "voluntary-agreement",
        "kinship-foster-care",
    )
    cost = saved.cost
    assert (cost.preparation_minutes, cost.meeting_minutes, cost.follow_up_minutes) == (210, 120, None)
    assert (cost.interpreting_pence, cost.venue_pence) == (4550, None)

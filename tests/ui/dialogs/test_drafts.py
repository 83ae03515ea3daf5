"""Text in an open dialog, kept as a draft when the app is stopped, comes back whole and can be discarded.

``keep_drafts`` is what the app runs on SIGHUP/SIGTERM (the real signals are in
``tests/hardening/test_close_terminal.py``); here the next start is a new app on
the same folder, as after a restart.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from sdm_facilitator.storage.drafts import draft_path, read_drafts
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.drafts import DraftsNotice, keep_drafts
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.room.capture import CaptureDialog
from sdm_facilitator.ui.room.chair import ChairScreen
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import held_meeting, open_section, start
from support.room_fixtures import room_app, room_meeting

TYPED = "Dad [b]drinks[/b] at night"


def _notice_text(notice: DraftsNotice) -> str:
    return "\n".join(str(w.render()) for w in notice.query(Static))


async def _open_with_notice(app, pilot, meeting_id: str) -> DraftsNotice:  # type: ignore[no-untyped-def]
    app.open_meeting(meeting_id)
    await settle(pilot)
    notice = app.screen
    assert isinstance(notice, DraftsNotice), f"the drafts are offered when the meeting opens, got {notice}"
    return notice


async def test_capture_text_is_kept_offered_and_restored_into_the_capture_box(
    isolated_data_dir: Path,
) -> None:
    meeting = room_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await settle(pilot)
        await pilot.press("f2", "m")
        await settle(pilot)
        await pilot.press("w")  # a worry
        await settle(pilot)
        assert isinstance(app.screen, CaptureDialog)
        await type_text(pilot, TYPED)
        assert keep_drafts(app) == []
    (draft,) = read_drafts(MeetingStore(isolated_data_dir), meeting.id)
    assert draft.values() == {"kind": "worry", "text": TYPED}

    again = room_app(isolated_data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        notice = await _open_with_notice(again, pilot, meeting.id)
        shown = _notice_text(notice)
        assert "Restored what you were typing when the app closed on" in shown
        assert TYPED in shown, "offered back whole, as typed (never read as markup)"
        await pilot.press("enter")  # keep it for the capture box
        await settle(pilot)
        assert isinstance(again.screen, MeetingScreen)
        await pilot.press("f2", "m")
        await settle(pilot)
        assert isinstance(again.screen, ChairScreen)
        await pilot.press("c")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, CaptureDialog)
        assert dialog.query_one("#capture-text", Input).value == TYPED
        assert dialog.kind == "worry"
        await pilot.press("enter")  # added, as if it had never been interrupted
        await settle(pilot)
        assert isinstance(again.screen, ChairScreen)
        again.flush_all()
    assert [(c.kind, c.text) for c in reload(isolated_data_dir, meeting.id).record.captures] == [
        ("worry", TYPED)
    ]
    assert not draft_path(MeetingStore(isolated_data_dir), meeting.id).exists(), "used: the draft is gone"


async def test_a_form_draft_comes_back_and_escape_asks_before_discarding_it(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Nana walks Leo to school")
        assert keep_drafts(app) == []

    again = start(isolated_data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        notice = await _open_with_notice(again, pilot, m.id)
        assert "Add an action to the plan" in _notice_text(notice)
        await pilot.press("escape")  # Escape keeps it too
        await settle(pilot)
        workspace = again.screen
        assert isinstance(workspace, MeetingScreen)
        workspace.show_section("plan")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#field-what", Input).value == "Nana walks Leo to school"
        assert dialog.unsaved_text(), "restored text counts as typed"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(again.screen, Confirm), "Escape asks before a restored draft is thrown away"
        assert read_drafts(again.store, m.id), "still kept while the question shows"
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(again.screen, FormDialog)
    assert not draft_path(MeetingStore(isolated_data_dir), m.id).exists(), "discarded on purpose: gone"
    assert reload(isolated_data_dir, m.id).plan.actions == []


async def test_drafts_can_be_discarded_when_the_meeting_opens(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Bea")
        assert keep_drafts(app) == []

    again = start(isolated_data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        await _open_with_notice(again, pilot, m.id)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(again.screen, Confirm), "discarding typed text asks first"
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(again.screen, MeetingScreen)
        assert read_drafts(again.store, m.id) == []

    third = start(isolated_data_dir)
    async with third.run_test(size=(100, 30)) as pilot:
        third.open_meeting(m.id)
        await settle(pilot)
        assert isinstance(third.screen, MeetingScreen), "no drafts: nothing offered"


async def test_nothing_typed_keeps_no_draft(isolated_data_dir: Path) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert keep_drafts(app) == []
    assert not draft_path(MeetingStore(isolated_data_dir), m.id).exists()


async def test_a_restart_in_family_time_never_shows_drafts_over_the_privacy_screen(
    isolated_data_dir: Path,
) -> None:
    from sdm_facilitator.storage.drafts import Draft, DraftField, keep_draft
    from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
    from ui.room.test_after_family_time import meeting_in_family_time

    meeting = meeting_in_family_time()
    store = save_meetings(isolated_data_dir, meeting)
    keep_draft(
        store,
        meeting.id,
        Draft("capture", "Capture in the room", (DraftField("text", "Note", "Dad drinks"),), meeting.created),
    )
    app = room_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 6)  # the start: straight back into the privacy screen
        assert isinstance(app.screen, FamilyTimeScreen)
        assert not any(isinstance(s, DraftsNotice) for s in app.screen_stack)
    assert read_drafts(MeetingStore(isolated_data_dir), meeting.id), "kept for later, not dropped"

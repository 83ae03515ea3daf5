"""Saving when things go wrong: nothing typed is lost, and nobody leaves without being told."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Static

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage import store as store_module
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import make_app, new_meeting, reload, save_meetings


def open_session(data_dir: Path) -> tuple[MeetingSession, MeetingStore]:
    meeting = new_meeting(label="Conflicted")
    store = save_meetings(data_dir, meeting)
    return MeetingSession(store, store.open(meeting.id), None), store


def test_after_a_conflict_later_edits_go_to_the_conflict_copy(isolated_data_dir: Path) -> None:
    session, store = open_session(isolated_data_dir)
    path = store.path_for(session.meeting.id)
    elsewhere = store.open(session.meeting.id, lock=False).meeting
    elsewhere.referral.worries = "their words"
    path.write_text(meeting_to_toml(elsewhere))

    session.meeting.referral.worries = "first part"
    session.mark_changed()
    outcome = session.save()
    assert outcome.ok and outcome.notice and "conflict copy" in outcome.notice
    copy = session.conflict_copy
    assert copy is not None and copy.exists()

    session.meeting.referral.strengths = "second part"
    session.mark_changed()
    assert session.save().ok
    kept = store._load_path(copy).meeting  # the copy holds both parts
    assert (kept.referral.worries, kept.referral.strengths) == ("first part", "second part")
    assert store.open(session.meeting.id, lock=False).meeting.referral.worries == "their words"
    session.close()


def test_close_releases_the_lock_even_when_the_last_save_fails(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, store = open_session(isolated_data_dir)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write_bytes", full_disk)
    session.meeting.referral.worries = "typed"
    session.mark_changed()
    assert not session.close().ok
    assert not store.open(session.meeting.id).read_only


async def test_leaving_after_a_failed_save_asks_and_keeps_trying(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = new_meeting(label="Disk full")
    save_meetings(isolated_data_dir, meeting)
    real_write = store_module.atomic_write_bytes
    disk = {"full": True}

    def maybe_full(*args: object, **kwargs: object) -> None:
        if disk["full"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "atomic_write_bytes", maybe_full)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen.session.meeting.referral.worries = "must not be lost"
        screen.session.mark_changed()
        screen.action_close_meeting()
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "No space left on device" in str(app.screen.query_one(".confirm-detail", Static).render())
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+q")  # quitting asks too
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and app.is_running
        await pilot.press("n")
        await pilot.pause()
        disk["full"] = False  # the drive is back: the retry saves it
        screen.flush()
        assert reload(isolated_data_dir, meeting.id).referral.worries == "must not be lost"
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_quit_is_refused_on_a_screen_that_blocks_it(isolated_data_dir: Path) -> None:
    from textual.screen import Screen

    from sdm_facilitator.ui.contracts import MayBlockQuit

    class Private(MayBlockQuit, Screen[None]):
        blocks_quit = True

    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Private())
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, Private)
        app.pop_screen()
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_a_name_typed_just_before_ctrl_q_is_saved(isolated_data_dir: Path) -> None:
    """ctrl+q runs before queued change events; the quit path writes pending fields first."""
    meeting = new_meeting(label="Quick quit")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.show_section("prep-people")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        from textual.widgets import Input

        name = app.screen.query_one("#pe-name", Input)
        name.value = "Nana Bea"  # set directly: its change event is still queued when ctrl+q runs
        await app.action_quit()
    assert [p.name for p in reload(isolated_data_dir, meeting.id).people] == ["Nana Bea"]


def test_unchanged_meeting_is_not_rewritten(isolated_data_dir: Path) -> None:
    session, store = open_session(isolated_data_dir)
    before = store.path_for(session.meeting.id).stat().st_mtime_ns
    assert session.save().ok
    assert store.path_for(session.meeting.id).stat().st_mtime_ns == before
    session.meeting.referral.worries = "changed without a message"
    assert session.changed
    assert session.save().ok
    assert store.open(session.meeting.id, lock=False).meeting.referral.worries == "changed without a message"
    session.close()


def test_a_background_save_writes_its_snapshot_and_later_edits_stay_dirty(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing goes on while a save is being written: that save holds what was there when it was asked for."""
    import threading

    session, _store = open_session(isolated_data_dir)
    release = threading.Event()
    real_save = MeetingStore.save

    def slow_save(self: MeetingStore, *args: object, **kwargs: object) -> None:
        release.wait(10)
        real_save(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MeetingStore, "save", slow_save)
    outcomes: list[object] = []
    session.meeting.referral.worries = "first words"
    session.mark_changed()
    session.save_in_background(None, outcomes.append)
    session.meeting.referral.worries = "first words, and more typed while saving"
    session.mark_changed()
    release.set()
    session.wait_for_saves()
    assert [o.ok for o in outcomes] == [True]  # type: ignore[attr-defined]
    assert reload(isolated_data_dir, session.meeting.id).referral.worries == "first words"
    assert session.dirty and session.changed
    assert session.close().ok
    assert (
        reload(isolated_data_dir, session.meeting.id).referral.worries
        == "first words, and more typed while saving"
    )


def test_closing_waits_for_a_save_still_being_written(isolated_data_dir: Path) -> None:
    session, _store = open_session(isolated_data_dir)
    done: list[object] = []
    for n in range(5):
        session.meeting.referral.worries = f"edit {n}"
        session.mark_changed()
        session.save_in_background(None, done.append)
    assert session.close().ok
    assert len(done) == 5 and not session.dirty
    assert reload(isolated_data_dir, session.meeting.id).referral.worries == "edit 4"


async def test_ctrl_s_while_a_background_save_is_being_written_never_hangs(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer thread tells the screen it is done without waiting for it, so ctrl+s can wait for the writer."""
    import faulthandler
    import threading

    from sdm_facilitator.ui.messages import MeetingEdited

    writing, release = threading.Event(), threading.Event()
    real_save = MeetingStore.save

    def slow_save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread().name.startswith("meeting-save"):
            writing.set()
            release.wait(10)
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(MeetingStore, "save", slow_save)
    meeting = new_meeting(label="Busy family")
    save_meetings(isolated_data_dir, meeting)
    # A hang here would stop the whole run: end this process with a stack dump instead.
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        app = make_app(isolated_data_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.open_meeting(meeting.id)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            screen.session.meeting.referral.worries = "typed a moment ago"
            screen.post_message(MeetingEdited())
            while not writing.is_set():  # the save after the pause in typing has started on its thread
                await pilot.pause(0.05)
            threading.Timer(0.2, release.set).start()
            await pilot.press("ctrl+s")  # waits for that save, then saves again
            await pilot.pause()
            assert "saved" in str(screen.query_one("#save-indicator", Static).render())
        assert reload(isolated_data_dir, meeting.id).referral.worries == "typed a moment ago"
    finally:
        faulthandler.cancel_dump_traceback_later()


def _type_step_note(screen: Screen[object]) -> None:
    from textual.widgets import TextArea

    screen.query(".step-note").first(TextArea).load_text("Gran [b]not[/b] asked yet")


def _step_note_kept(meeting: Meeting) -> bool:
    return any(state.note == "Gran [b]not[/b] asked yet" for state in meeting.steps.values())


def _type_plan(screen: Screen[object]) -> None:
    from textual.widgets import Input, TextArea

    screen.query_one("#plan-words", TextArea).load_text("Nana has the children on Fridays")
    screen.query_one("#plan-contingency", TextArea).load_text("If Nana is ill, Aunt Rose")
    screen.query_one("#plan-keeper", Input).value = "Aunt Rose"


def _plan_kept(meeting: Meeting) -> bool:
    plan = meeting.plan
    return (plan.family_words, plan.contingency, plan.family_keeper) == (
        "Nana has the children on Fridays",
        "If Nana is ill, Aunt Rose",
        "Aunt Rose",
    )


@pytest.mark.parametrize(
    ("section", "type_into", "kept"),
    [("prep-steps", _type_step_note, _step_note_kept), ("plan", _type_plan, _plan_kept)],
    ids=["a step's note", "the plan's boxes"],
)
async def test_text_typed_just_before_ctrl_q_is_saved(
    isolated_data_dir: Path,
    section: str,
    type_into: Callable[[Screen[object]], None],
    kept: Callable[[Meeting], bool],
) -> None:
    """Boxes keep their text on quit although their change events are still queued (``apply_pending``)."""
    meeting = new_meeting(label="Quick quit")
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.show_section(section)
        await pilot.pause()
        type_into(app.screen)
        assert app.flush_all() == []  # what quitting does first, while the change events are still queued
        assert kept(reload(isolated_data_dir, meeting.id))
        await app.action_quit()

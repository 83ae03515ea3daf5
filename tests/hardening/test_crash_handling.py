"""An unexpected error: meetings saved, a redacted report written, a short dialog, carry on or quit."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from sdm_facilitator.paths import error_reports_dir
from sdm_facilitator.ui.crash import CrashDialog, build_report
from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import make_app, new_meeting, reload, save_meetings

SECRET = "Jayden Secretfamily"
TYPED = "Typed just before the error: Nan Secretfamily"


class FieldValueError(ValueError):
    pass


def _fail(value: str) -> None:
    local_name = value  # a local variable holding personal data
    raise FieldValueError(f"could not handle {local_name!r}")


def _reports(data_dir: Path) -> list[Path]:
    folder = error_reports_dir(data_dir)
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _assert_redacted(report: str, data_dir: Path) -> None:
    assert "Secretfamily" not in report
    assert "could not handle" not in report, "the exception message is never written"
    assert str(data_dir) not in report and str(Path.home()) not in report
    assert "FieldValueError" in report
    assert "_fail" in report and "test_crash_handling.py" in report


def test_report_has_types_and_code_locations_only(tmp_path: Path) -> None:
    try:
        try:
            _fail(SECRET)
        except FieldValueError as inner:
            raise RuntimeError(f"outer {SECRET}") from inner
    except RuntimeError as error:
        report = build_report(error, screen="MeetingScreen")
    _assert_redacted(report, tmp_path)
    assert "builtins.RuntimeError" in report and "raised from" in report
    assert "screen: MeetingScreen" in report
    for line in report.splitlines():
        if line.startswith("  ") and ":" in line:
            assert " in " in line, "frames are file:line in function"
            assert not line.strip().startswith("/"), "no absolute paths"


async def _open_with_unsaved_text(app, pilot, meeting_id: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    app.open_meeting(meeting_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    screen.session.meeting.referral.worries = TYPED
    screen.session.mark_changed()  # not saved yet: the error handler must save it
    return screen


async def _wait_for_dialog(app) -> CrashDialog:  # type: ignore[no-untyped-def]
    """The crash dialog, once it is up; half a minute at most, so a missing dialog fails rather than hangs."""
    for _ in range(1500):
        if isinstance(app.screen, CrashDialog):
            return app.screen
        await asyncio.sleep(0.02)
    raise AssertionError(f"no crash dialog; screen is {app.screen}")


def _check_dialog_and_report(dialog: CrashDialog, data_dir: Path) -> None:
    texts = " ".join(str(w.render()) for w in dialog.query(Static))
    assert "Something went wrong" in texts
    assert "saved" in texts
    (report_path,) = _reports(data_dir)
    assert dialog.report_path == report_path
    assert str(report_path) in texts, "the dialog says where the report is"
    _assert_redacted(report_path.read_text(encoding="utf-8"), data_dir)


async def test_error_in_a_screen_timer_saves_reports_and_carries_on(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label=SECRET)
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_with_unsaved_text(app, pilot, meeting.id)
        screen.set_timer(0.01, lambda: _fail(SECRET))
        dialog = await _wait_for_dialog(app)
        assert reload(isolated_data_dir, meeting.id).referral.worries == TYPED, "saved before anything else"
        _check_dialog_and_report(dialog, isolated_data_dir)

        await pilot.press("enter")  # "Carry on" has the focus
        for _ in range(1500):
            if isinstance(app.screen, MeetingScreen) and app.screen is not screen:
                break
            await asyncio.sleep(0.02)
        assert isinstance(app.screen, MeetingScreen) and app.screen is not screen, (
            "reopened from the saved file"
        )
        assert app.screen.session.meeting.referral.worries == TYPED
        assert app.is_running
    assert len(app.handled_errors) == 1  # type: ignore[attr-defined]


async def test_error_in_a_key_action_keeps_the_app_running(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label=SECRET)
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_with_unsaved_text(app, pilot, meeting.id)
        screen.action_explode = lambda: _fail(SECRET)  # type: ignore[attr-defined]
        screen._bindings.bind("f12", "explode")
        await pilot.press("f12")
        dialog = await _wait_for_dialog(app)
        assert reload(isolated_data_dir, meeting.id).referral.worries == TYPED
        _check_dialog_and_report(dialog, isolated_data_dir)
        await pilot.press("escape")  # carry on
        await pilot.pause()
        assert app.screen is screen, "the same screen, still working"
        assert app.is_running
        screen.session.meeting.referral.strengths = "after the error"
        screen.session.mark_changed()
        assert screen.flush().ok
    assert reload(isolated_data_dir, meeting.id).referral.strengths == "after the error"


async def _exit_asked(app) -> None:  # type: ignore[no-untyped-def]
    """Return once the app has been asked to exit (its return code is set), within a minute."""
    deadline = time.monotonic() + 60
    while app.return_code is None:
        assert time.monotonic() < deadline, f"the app did not exit; screen is {app.screen}"
        await asyncio.sleep(0.02)


async def test_quit_from_the_dialog(isolated_data_dir: Path) -> None:
    """q in the crash dialog ends the app with return code 1.

    The key is posted, not pressed with ``Pilot.press``: that waits for the
    app's animator to finish after the key, and the animator stops with the
    app, so that wait could last for ever (seen once in a full run of the
    suite on a loaded machine: the worker hung here for 25 minutes). The whole
    run is bounded too, so a hang in shutting down fails the test instead.
    """
    app = make_app(isolated_data_dir)
    app.reraise_handled_errors = False  # type: ignore[attr-defined]

    async def quit_from_the_dialog() -> None:
        async with app.run_test(size=(100, 30)):
            app.screen.set_timer(0.01, lambda: _fail(SECRET))
            await _wait_for_dialog(app)
            app.post_message(events.Key("q", "q"))
            await _exit_asked(app)

    await asyncio.wait_for(quit_from_the_dialog(), timeout=120)
    assert app.return_code == 1


async def test_under_tests_a_handled_error_still_fails_the_test(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)
    with pytest.raises(FieldValueError):
        async with app.run_test(size=(100, 30)):
            app.screen.set_timer(0.01, lambda: _fail(SECRET))
            await _wait_for_dialog(app)


async def test_error_in_the_apps_own_loop_exits_without_locals(isolated_data_dir: Path) -> None:
    meeting = new_meeting(label=SECRET)
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    with pytest.raises(FieldValueError):
        async with app.run_test(size=(100, 30)) as pilot:
            await _open_with_unsaved_text(app, pilot, meeting.id)
            app.call_later(lambda: _fail(SECRET))  # runs in the app's own message loop
            await asyncio.sleep(0.3)
            rendered = "".join(
                segment.text for segments in app._exit_renderables for segment in segments.segments
            )
            assert "stopped after an unexpected error" in rendered
            assert "Secretfamily" not in rendered and "local_name" not in rendered
    assert app.return_code == 1
    assert reload(isolated_data_dir, meeting.id).referral.worries == TYPED
    (report,) = _reports(isolated_data_dir)
    _assert_redacted(report.read_text(encoding="utf-8"), isolated_data_dir)

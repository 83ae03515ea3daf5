"""Closing the terminal window, or a shutdown, with a dialog open: the text reaches disk and the process ends.

The real app runs on a pseudo-terminal that is its controlling terminal, as in
a terminal window. ``hang_up`` closes the window's side of it, so the kernel
sends SIGHUP and every later write fails (EIO), as after ``tmux kill-session``
or closing a window; SIGTERM is sent with the terminal still there, as a
shutdown does. Each time the process must be gone within 3 seconds, with
return code 0, the meeting's lock free, and what was typed on disk: in the
meeting where the dialog saves as you type (the person editor), otherwise as
a draft that the next start offers back.

The 20-times loops the issue asks for are behind ``--slow``; the default suite
runs every dialog once on SIGHUP (the terminal gone: the harder case), the
capture box and the export file name once on SIGTERM as well, and the loop
twice (once per signal). Both signals reach the same handler
(``ui/shutdown.py``), so the person editor and the form dialog on SIGTERM run
only with ``--slow`` (each is a real process: a quarter of a minute on two
busy cores).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.drafts import read_drafts
from sdm_facilitator.storage.store import MeetingStore
from support.pty_app import KEY_ENTER, PtyApp, down_to_section

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and signals are POSIX only")

#: The issue's limit: the process is gone this soon after the signal.
EXIT_WITHIN_SECONDS = 3.0
LABEL = "Okafor family"  # as stored by the shared fixture (conftest.py)
KEY_CTRL_N = "\x0e"
KEY_CTRL_O = "\x0f"
KEY_CTRL_U = "\x15"
#: Text as people type it: brackets that look like markup, quotes, punctuation.
TYPED = 'Nan said "[b]no[/b]" and left at 5'
SIGNALS = pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM"])
#: SIGHUP in the default run, SIGTERM too with --slow (see the module's docstring).
SIGHUP_NOW_SIGTERM_SLOW = pytest.mark.parametrize(
    "how", ["SIGHUP", pytest.param("SIGTERM", marks=pytest.mark.slow)]
)


def _drawn(text: str) -> str:
    """How ``PtyApp.appeared`` compares: spaces ignored."""
    return text.replace(" ", "")


def stop(app: PtyApp, how: str) -> float:
    """Close the terminal (SIGHUP) or shut down (SIGTERM); the seconds until the process was gone.

    Fails, leaving the process to the fixture's SIGKILL, if it is still there after the limit.
    """
    started = time.monotonic()
    if how == "SIGHUP":
        app.hang_up()
    else:
        app.signal(signal.SIGTERM)
    try:
        code = app.wait_exit(EXIT_WITHIN_SECONDS)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"still running {EXIT_WITHIN_SECONDS} s after {how}: hung") from None
    took = time.monotonic() - started
    assert code == 0, f"return code {code} after {how}"
    return took


def _open_meeting(app: PtyApp) -> None:
    app.wait_for(_drawn(LABEL))
    app.send(KEY_ENTER)
    app.wait_for("Entergoestoanitem")  # the workspace, on its first section (readiness)


def _down_to(app: PtyApp, section_id: str, marker: str) -> None:
    down_to_section(app, section_id, marker)
    time.sleep(0.3)


def _type(app: PtyApp, text: str) -> None:
    """Type ``text`` and wait until it is drawn: then the app has it (a closed terminal sends no more)."""
    mark = app.mark()
    app.send(text)
    app.wait_for(_drawn(text)[-12:], since=mark)


def capture_box(app: PtyApp) -> None:
    """In the room, c: the capture box."""
    _open_meeting(app)
    time.sleep(0.3)
    mark = app.mark()
    app.send("m")
    app.wait_for("Capture", since=mark)
    time.sleep(0.3)
    mark = app.mark()
    app.send("c")
    app.wait_for("Whatwassaid", since=mark)
    _type(app, TYPED)


def person_editor(app: PtyApp) -> None:
    """People, a: the person editor (saves as you type)."""
    _open_meeting(app)
    _down_to(app, "prep-people", "Pressatoaddthefirstperson")
    app.send(KEY_ENTER)
    time.sleep(0.5)
    mark = app.mark()
    app.send("a")
    app.wait_for("Newperson", since=mark)
    time.sleep(0.3)
    _type(app, TYPED)


def action_form(app: PtyApp) -> None:
    """The plan, ctrl+n: the form dialog every plan and follow-up dialog is built on."""
    _open_meeting(app)
    _down_to(app, "plan", "Noactionsyet")
    app.send(KEY_ENTER)
    time.sleep(0.5)
    mark = app.mark()
    app.send(KEY_CTRL_N)
    app.wait_for("Addanactiontotheplan", since=mark)
    time.sleep(0.3)
    _type(app, TYPED)


def export_file_name(app: PtyApp) -> None:
    """ctrl+o, Enter on the paper, a file name of one's own."""
    _open_meeting(app)
    time.sleep(0.3)
    mark = app.mark()
    app.send(KEY_CTRL_O)
    app.wait_for("Export/print", since=mark)
    time.sleep(0.3)
    app.send(KEY_ENTER)  # the paper chosen: on to the file name
    # Keys sent before the file name box has the focus go elsewhere (issue 19, item 3):
    # give it the time the other tests here give a field.
    time.sleep(1.0)
    app.send(KEY_CTRL_U)  # the suggested name cleared
    time.sleep(0.5)
    _type(app, "/nowhere/" + TYPED + ".html")


def _lock_is_free(data_dir: Path, meeting: Meeting) -> None:
    store = MeetingStore(data_dir)
    opened = store.open(meeting.id)
    try:
        assert not opened.read_only, "the meeting's lock is still held"
    finally:
        store.close(opened)


def _draft(data_dir: Path, meeting: Meeting, dialog: str) -> dict[str, str]:
    drafts = {d.dialog: d.values() for d in read_drafts(MeetingStore(data_dir), meeting.id)}
    assert dialog in drafts, f"no draft of {dialog}; drafts: {list(drafts)}"
    return drafts[dialog]


@SIGNALS
def test_capture_box(app: PtyApp, meeting: Meeting, isolated_data_dir: Path, how: str) -> None:
    capture_box(app)
    stop(app, how)
    assert _draft(isolated_data_dir, meeting, "capture") == {"kind": "note", "text": TYPED}
    _lock_is_free(isolated_data_dir, meeting)

    again = PtyApp(isolated_data_dir)  # the next start offers it back, whole
    try:
        again.wait_for(_drawn(LABEL))
        again.send(KEY_ENTER)
        again.wait_for("Restoredwhatyouweretypingwhentheappclosedon")
        again.wait_for(_drawn(TYPED))
    finally:
        again.close()


@SIGHUP_NOW_SIGTERM_SLOW
def test_person_editor_saves_into_the_meeting(
    app: PtyApp, meeting: Meeting, isolated_data_dir: Path, how: str
) -> None:
    person_editor(app)
    stop(app, how)
    stored = tomllib.loads(MeetingStore(isolated_data_dir).path_for(meeting.id).read_text(encoding="utf-8"))
    assert [p["name"] for p in stored.get("people", [])] == [TYPED]
    _lock_is_free(isolated_data_dir, meeting)


@SIGHUP_NOW_SIGTERM_SLOW
def test_form_dialog(app: PtyApp, meeting: Meeting, isolated_data_dir: Path, how: str) -> None:
    action_form(app)
    stop(app, how)
    assert _draft(isolated_data_dir, meeting, "form:Add an action to the plan")["what"] == TYPED
    _lock_is_free(isolated_data_dir, meeting)


@SIGNALS
def test_export_file_name(app: PtyApp, meeting: Meeting, isolated_data_dir: Path, how: str) -> None:
    export_file_name(app)
    stop(app, how)
    assert _draft(isolated_data_dir, meeting, "export") == {"path": "/nowhere/" + TYPED + ".html"}
    _lock_is_free(isolated_data_dir, meeting)


# ---------------------------------------------------------------- again and again


def _repeat(
    times: int, data_dir: Path, meeting: Meeting | None, scenario: Callable[[PtyApp], None]
) -> list[float]:
    """Run ``scenario`` then stop, ``times`` times, SIGHUP and SIGTERM in turn; the seconds each took."""
    took = []
    for n in range(times):
        running = PtyApp(data_dir)
        try:
            scenario(running)
            took.append(stop(running, "SIGHUP" if n % 2 == 0 else "SIGTERM"))
        finally:
            running.close()
        if meeting is not None:
            _lock_is_free(data_dir, meeting)
    return took


def _capture_then_clear(data_dir: Path, meeting: Meeting) -> Callable[[PtyApp], None]:
    """The capture box each time, on a meeting whose earlier draft was dealt with."""

    def scenario(app: PtyApp) -> None:
        capture_box(app)

    def clear() -> None:
        for path in MeetingStore(data_dir).folder.glob(".*.draft"):
            path.unlink()

    def run(app: PtyApp) -> None:
        clear()
        scenario(app)

    return run


def test_a_meeting_open_twice(meeting: Meeting, isolated_data_dir: Path) -> None:
    took = _repeat(2, isolated_data_dir, meeting, _capture_then_clear(isolated_data_dir, meeting))
    assert len(took) == 2
    assert _draft(isolated_data_dir, meeting, "capture")["text"] == TYPED


@pytest.mark.slow
def test_a_meeting_open_twenty_times(meeting: Meeting, isolated_data_dir: Path) -> None:
    took = _repeat(20, isolated_data_dir, meeting, _capture_then_clear(isolated_data_dir, meeting))
    print(f"\n20 closes with a meeting open: 0 hangs, slowest exit {max(took):.2f} s")


#: Generating 10,000 meetings takes over two minutes on two busy cores, so the
#: large store here has 2,000 (the 10,000 figure is measured by hand; see the closing note).
BIG_STORE_MEETINGS = 2000


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated store of ``BIG_STORE_MEETINGS`` meetings, made once per session."""
    data_dir = tmp_path_factory.mktemp("big-store") / "data"
    bench = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
    subprocess.run(
        [sys.executable, str(bench), str(data_dir), "--meetings", str(BIG_STORE_MEETINGS)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return data_dir


def home_screen_painted(app: PtyApp) -> None:
    """The moment the meetings list of a large store is drawn."""
    app.wait_for("Newmeeting", timeout=180)


@pytest.mark.slow
def test_the_home_screen_of_a_large_store_twice(big_store: Path) -> None:
    assert len(_repeat(2, big_store, None, home_screen_painted)) == 2


@pytest.mark.slow
def test_the_home_screen_of_a_large_store_twenty_times(big_store: Path) -> None:
    took = _repeat(20, big_store, None, home_screen_painted)
    print(
        f"\n20 closes on the home screen of {BIG_STORE_MEETINGS} meetings: 0 hangs, slowest {max(took):.2f} s"
    )

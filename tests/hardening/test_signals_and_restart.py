"""The real app in a real process: closed terminals, shutdowns, type-ahead, and a restart mid family time.

Each test starts ``python -m sdm_facilitator`` on a pseudo-terminal, types as
a person would, and then closes the terminal (SIGHUP), shuts down (SIGTERM),
or pulls the plug (SIGKILL), and reads the meeting file afterwards.
"""

from __future__ import annotations

import re
import signal
import sys
import time
import tomllib
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.readiness import SECTION_REFERRAL
from sdm_facilitator.storage.store import MeetingStore
from support.pty_app import KEY_CTRL_E, KEY_CTRL_Q, KEY_ENTER, KEY_TAB, PtyApp, down_to_section

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and signals are POSIX only")

#: The workspace footer redrawn when a field takes the focus: "^q Quit" moves into the place of the
#: side list's "m In the room" (only changed cells are drawn, so "esc Back" is not sent again).
FIELD_FOOTER = re.compile(r"\^q Quit")
LABEL = "Okafor family"  # as stored by the shared fixture (conftest.py)


def _stored(data_dir: Path, meeting: Meeting) -> dict:
    return tomllib.loads(MeetingStore(data_dir).path_for(meeting.id).read_text(encoding="utf-8"))


def _to_referred_by(app: PtyApp) -> None:
    """Home -> the meeting -> the referral section -> the "Referred by" field.

    Each step waits for what it draws, because on a loaded machine a key can
    arrive before the screen it is meant for is ready.
    """
    app.wait_for("Okaforfamily")
    app.send(KEY_ENTER)
    app.wait_for("Entergoestoanitem")  # the workspace, on its first section (readiness)
    down_to_section(app, SECTION_REFERRAL, "Referredby")
    time.sleep(0.3)
    mark = app.mark()
    app.send(KEY_ENTER)
    # Focus is in the first field ("Referred on") once the footer drops the room's key.
    app.wait_for(FIELD_FOOTER, since=mark)
    app.send(KEY_TAB)
    time.sleep(0.5)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_closed_terminal_or_shutdown_saves_then_exits_cleanly(
    app: PtyApp, meeting: Meeting, isolated_data_dir: Path, signum: int
) -> None:
    _to_referred_by(app)
    app.send("Jo Bloggs, social worker")
    app.wait_for("JoBloggs,socialworker")  # drawn, so received: a closed terminal sends nothing more
    app.signal(signum)  # usually inside the save delay; before the fix the process died with the signal
    assert app.wait_exit() == 0
    stored = _stored(isolated_data_dir, meeting)
    assert stored.get("referral", {}).get("referrer") == "Jo Bloggs, social worker", app.text()[-2500:]


def test_text_typed_in_the_same_instant_as_ctrl_q_is_saved(
    app: PtyApp, meeting: Meeting, isolated_data_dir: Path
) -> None:
    _to_referred_by(app)
    app.send("Type-ahead text" + KEY_CTRL_Q)  # one burst, as a fast typist or a paste makes it
    assert app.wait_exit() == 0
    assert _stored(isolated_data_dir, meeting)["referral"]["referrer"] == "Type-ahead text"


def test_steady_typing_is_saved_at_least_every_two_seconds(
    app: PtyApp, meeting: Meeting, isolated_data_dir: Path
) -> None:
    _to_referred_by(app)
    sent: list[tuple[float, str]] = []
    typed = ""
    started = time.monotonic()
    while time.monotonic() - started < 6.0:  # a key every 0.25 s never lets a plain debounce fire
        typed += "w"
        app.send("w")
        sent.append((time.monotonic(), typed))
        time.sleep(0.25)
    killed_at = time.monotonic()
    app.signal(signal.SIGKILL)  # no chance to save at exit
    app.wait_exit()
    saved = _stored(isolated_data_dir, meeting).get("referral", {}).get("referrer", "")
    must_have = max(text for at, text in sent if killed_at - at > 2.5)
    assert saved.startswith(must_have), f"saved {len(saved)} of {len(typed)} characters"


def test_a_restart_during_family_time_opens_straight_into_the_privacy_screen(
    meeting: Meeting, isolated_data_dir: Path
) -> None:
    first = PtyApp(isolated_data_dir)
    try:
        first.wait_for("Okaforfamily")
        first.send(KEY_ENTER)
        first.wait_for("Entergoestoanitem")
        time.sleep(0.3)
        first.send("m")
        first.wait_for("Intheroom")
        time.sleep(0.3)
        first.send("f")
        first.wait_for("Startprivatefamilytimenow?")
        time.sleep(0.3)
        first.send("y")
        first.wait_for("Timeforthefamily")
        time.sleep(0.3)
        first.signal(signal.SIGKILL)  # the battery runs out
        first.wait_exit()
    finally:
        first.close()
    assert "family_time_start" in _stored(isolated_data_dir, meeting)["record"]

    again = PtyApp(isolated_data_dir)
    try:
        again.wait_for("Timeforthefamily")
        time.sleep(0.5)
        shown = again.text()
        before_privacy = shown[: shown.find("Time for the family")]
        for professional in (LABEL, "Meetings", "Referral", "In the room"):
            assert professional not in before_privacy and professional not in shown, professional
        assert "left" in shown and "planned: 90 minutes" in shown  # the countdown, from the stored times
        # Leaving still needs ctrl+e and the word "back".
        again.send("q")
        again.send(KEY_CTRL_Q)
        time.sleep(0.5)
        assert again.process.poll() is None
        mark = again.mark()
        again.send(KEY_CTRL_E)
        again.wait_for("typeback", since=mark)
        time.sleep(0.3)
        again.send("back" + KEY_ENTER)
        again.wait_for("Thefamily'splan")  # family time ended: the workspace, at the plan
        assert "family_time_end" in _stored(isolated_data_dir, meeting)["record"]
    finally:
        again.close()

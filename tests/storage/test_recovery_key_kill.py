"""An encryption killed half way never loses the recovery key.

The key used to be printed only after the last file, and a resumed run
printed nothing: a kill during the conversion lost it for good. Now it is
shown, and the person types back its last group, before the first file is
converted; a resumed run shows the same key again (sealed in the conversion
marker under the data key it unlocks) and asks again. The kill is a real
SIGKILL of the real command, at a point the child reports (right after the
first meeting file is sealed); the confirmation is typed into its stdin.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

pytest.importorskip("cryptography")

import sdm_facilitator
from sdm_facilitator.storage.conversion_state import conversion_direction
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.keyfile import KeyFile, key_file_path
from sdm_facilitator.storage.store import MeetingStore
from storage.recovery_key_child import FIRST_FILE_SEALED
from support.privacy_helpers import PASSPHRASE, named_meeting

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")

CHILD = Path(__file__).with_name("recovery_key_child.py")
RECOVERY = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){5,})\s*$")
# A bound on a wait that normally takes well under a second: reaching it fails the test.
WAIT_SECONDS = 60


class Child:
    """The real command in a child process, its output read line by line as it comes."""

    def __init__(self, data_dir: Path, *extra: str) -> None:
        env = dict(os.environ, SDM_FACILITATOR_PASSPHRASE=PASSPHRASE)
        env.pop("SDM_FACILITATOR_RECOVERY_KEY_FILE", None)
        src = str(Path(sdm_facilitator.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), *extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[tuple[str, str | None]] = queue.Queue()
        assert self.proc.stdout is not None and self.proc.stderr is not None
        for name, stream in (("out", self.proc.stdout), ("err", self.proc.stderr)):
            threading.Thread(target=self._pump, args=(name, stream), daemon=True).start()
        self.seen: list[str] = []

    def _pump(self, name: str, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put((name, line))
        self.lines.put((name, None))

    def next_event(self) -> tuple[str, str | None]:
        try:
            name, line = self.lines.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            pytest.fail(f"the command said nothing more; so far: {self.seen}")
        if line is not None:
            self.seen.append(line)
        return name, line

    def type_line(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=WAIT_SECONDS)


def _confirm_when_shown(child: Child, until: str | None, *, type_back: bool = True) -> str | None:
    """Read output until ``until`` on stderr (or the end); type back the last group of any key shown."""
    shown: str | None = None
    ended = 0
    while ended < 2:
        name, line = child.next_event()
        if line is None:
            ended += 1
            continue
        match = RECOVERY.match(line) if name == "out" else None
        if match:
            shown = match.group(1)
            if type_back:
                child.type_line(shown.rsplit("-", 1)[-1])
        if until is not None and name == "err" and until in line:
            return shown
    return shown


def test_a_kill_during_encryption_never_loses_the_recovery_key(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = MeetingStore(data_dir)
    store.ensure()
    for number in range(6):
        store.close(store.create(named_meeting(f" {number}")))
    meeting_files = sorted((data_dir / "meetings").glob("*.toml"))

    first = Child(data_dir, "pause")
    try:
        shown_first = _confirm_when_shown(first, until=FIRST_FILE_SEALED)
        assert FIRST_FILE_SEALED in "".join(first.seen), first.seen
        assert shown_first is not None, f"no recovery key before the first file was converted: {first.seen}"
        first.proc.send_signal(signal.SIGKILL)
        assert first.proc.wait(timeout=WAIT_SECONDS) == -signal.SIGKILL
    finally:
        first.stop()
    # Killed mid-conversion: some files sealed, some not, the marker still there.
    sealed = [is_encrypted(path.read_bytes()) for path in meeting_files]
    assert any(sealed) and not all(sealed)
    assert conversion_direction(data_dir) == "encrypt"

    resumed = Child(data_dir)
    try:
        shown_again = _confirm_when_shown(resumed, until=None)
        assert resumed.proc.wait(timeout=WAIT_SECONDS) == 0, resumed.seen
    finally:
        resumed.stop()
    assert shown_again == shown_first, resumed.seen
    assert "interrupted" in "".join(resumed.seen)
    # Finished: every file sealed, the marker (and the sealed key in it) gone, and the key shown works.
    assert all(is_encrypted(path.read_bytes()) for path in meeting_files)
    assert conversion_direction(data_dir) is None
    key_file = KeyFile.load(data_dir)
    assert key_file.unlock_with_recovery_key(shown_first) == key_file.unlock(PASSPHRASE)
    assert key_file_path(data_dir).is_file()


def test_a_wrong_confirmation_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = MeetingStore(data_dir)
    store.ensure()
    store.close(store.create(named_meeting()))
    before = {p.name: p.read_bytes() for p in (data_dir / "meetings").glob("*.toml")}
    child = Child(data_dir)
    try:
        for _ in range(3):
            child.type_line("NOPE")
        assert _confirm_when_shown(child, until=None, type_back=False) is not None
        assert child.proc.wait(timeout=WAIT_SECONDS) == 2
    finally:
        child.stop()
    assert "not confirmed" in "".join(child.seen)
    assert {p.name: p.read_bytes() for p in (data_dir / "meetings").glob("*.toml")} == before
    assert not key_file_path(data_dir).exists() and conversion_direction(data_dir) is None

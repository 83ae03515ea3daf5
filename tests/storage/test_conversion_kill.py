"""Encrypting and decrypting a store survives SIGKILL at any moment, with nothing lost.

The real command runs in a child process that is killed at a random moment;
after every kill every meeting must read back exactly as it was written
(whatever mix of plain and encrypted files the store is in), no file may be
reported unreadable, and running the command again must carry on.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("cryptography")

import sdm_facilitator
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.conversion_state import conversion_direction
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.keyfile import key_file_path, unlock_cipher
from sdm_facilitator.storage.store import MeetingStore
from support.privacy_helpers import PASSPHRASE, named_meeting, names_on_disk

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")

CHILD = Path(__file__).with_name("conversion_child.py")


def _env() -> dict[str, str]:
    env = dict(os.environ, SDM_FACILITATOR_PASSPHRASE=PASSPHRASE)
    src = str(Path(sdm_facilitator.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    return env


def _make_store(data_dir: Path, count: int) -> dict[str, str]:
    store = MeetingStore(data_dir)
    store.ensure()
    texts = {}
    for i in range(count):
        meeting = named_meeting(f" {i}")
        meeting.referral.strengths = f"strength {i} " * 400
        store.close(store.create(meeting))
        texts[meeting.id] = meeting_to_toml(meeting)
    return texts


def _check(data_dir: Path, texts: dict[str, str]) -> None:
    """Every meeting reads back exactly; nothing unreadable; plain files are byte-exact."""
    cipher = unlock_cipher(data_dir, PASSPHRASE) if key_file_path(data_dir).exists() else None
    listing = MeetingStore(data_dir, cipher=cipher).list_meetings()
    assert not listing.unreadable, [str(u) for u in listing.unreadable]
    assert not listing.conflicts
    assert {m.meeting.id: meeting_to_toml(m.meeting) for m in listing.meetings} == texts
    for meeting_id, text in texts.items():
        data = (data_dir / "meetings" / f"{meeting_id}.toml").read_bytes()
        assert is_encrypted(data) or data == text.encode("utf-8")


def _run(data_dir: Path, direction: str, kill_after: float | None) -> tuple[bool, float]:
    """Run the command; kill it ``kill_after`` seconds after it is ready (its imports done).

    Returns whether it finished by itself, and the seconds from ready to its end. Timing
    from "ready" rather than from the start keeps the kill moments inside the command's
    own work however slowly a loaded machine starts Python.
    """
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), direction],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    began = time.monotonic()
    try:
        if kill_after is None:
            _, errors = proc.communicate(timeout=120)
            assert ready == b"ready\n" and proc.returncode == 0, errors
            return True, time.monotonic() - began
        time.sleep(kill_after)
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    finally:
        proc.kill()
        _, errors = proc.communicate(timeout=60)
    took = time.monotonic() - began
    if proc.returncode == 0:
        return True, took
    assert proc.returncode == -signal.SIGKILL, errors
    return False, took


def _finished(data_dir: Path, direction: str) -> bool:
    """Whether the store is wholly in the form ``direction`` leads to."""
    if conversion_direction(data_dir) is not None:
        return False
    encrypted = key_file_path(data_dir).exists()
    files = [p.read_bytes() for p in (data_dir / "meetings").glob("*.toml")]
    if direction == "encrypt":
        return encrypted and all(is_encrypted(data) for data in files)
    return not encrypted and not any(is_encrypted(data) for data in files)


def run_kills(data_dir: Path, kills: int, seed: int, count: int) -> dict[str, int]:
    texts = _make_store(data_dir, count)
    rng = random.Random(seed)
    # One whole run each way gives the time range in which to kill (from ready to the end).
    _, encrypting = _run(data_dir, "encrypt", None)
    _check(data_dir, texts)
    _, decrypting = _run(data_dir, "decrypt", None)
    span = (encrypting + decrypting) / 2
    _check(data_dir, texts)
    direction = "encrypt"
    totals = {"kills": 0, "mid_conversion": 0, "finished": 0}
    attempt = 0
    while totals["kills"] < kills:
        # Stratified moments: one at random in each of ``kills`` equal slices of the window, so the
        # share landing mid-conversion is the share of the window the conversion takes, not a draw.
        moment = span * 0.9 * ((attempt % kills) + rng.random()) / kills
        attempt += 1
        exited, _ = _run(data_dir, direction, moment)
        _check(data_dir, texts)
        if not exited:
            totals["kills"] += 1
            totals["mid_conversion"] += conversion_direction(data_dir) is not None
        # Done is read from the disk: a kill can also land after the last step, before the exit.
        if _finished(data_dir, direction):
            totals["finished"] += 1
            direction = "decrypt" if direction == "encrypt" else "encrypt"
        else:
            assert not exited, f"{direction} exited but did not finish"
    for last in (direction, "decrypt" if direction == "encrypt" else "encrypt"):
        _run(data_dir, last, None)
        _check(data_dir, texts)
    assert not key_file_path(data_dir).exists() or conversion_direction(data_dir) is None
    print(f"\nconversion kill test (seed {seed}): {totals}")
    return totals


def test_conversion_survives_a_few_kills(tmp_path: Path) -> None:
    totals = run_kills(tmp_path / "data", kills=3, seed=random.randrange(1 << 30), count=12)
    assert totals["kills"] == 3


@pytest.mark.slow
def test_conversion_survives_many_kills(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    totals = run_kills(data_dir, kills=60, seed=random.randrange(1 << 30), count=60)
    assert totals["kills"] == 60
    # At random moments many kills must land mid-conversion, or the test is too gentle.
    assert totals["mid_conversion"] >= 10
    # After an even number of complete runs the store is back in its last direction; no names leak when encrypted.
    if key_file_path(data_dir).exists():
        assert names_on_disk(data_dir) == []

"""A named pipe in the place of one of the app's own files never hangs a command.

The meetings themselves were already read pipe-safely; the key file, the
conversion marker, the settings, the pseudonym secret and the export ledger
were read with a plain ``open``, which waits forever for a writer. Each test
puts a real FIFO (``os.mkfifo``) under the data folder's own file name and
runs the real command in a child process with a timeout: a hang fails the
test instead of blocking it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sdm_facilitator
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.store import MeetingStore
from support.privacy_helpers import PASSPHRASE, make_encrypted_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX only")

# Far longer than any of these commands takes, far shorter than forever.
TIMEOUT_SECONDS = 60


def _command(
    data_dir: Path, *args: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDM_FACILITATOR_PASSPHRASE=PASSPHRASE, **(extra_env or {}))
    src = str(Path(sdm_facilitator.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    try:
        return subprocess.run(
            [sys.executable, "-m", "sdm_facilitator", "--data-dir", str(data_dir), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"'{' '.join(args)}' hung on a named pipe")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = MeetingStore(tmp_path / "data")
    store.ensure()
    meeting = Meeting(kind="fgc", family_label="Pipe family")
    store.close(store.create(meeting))
    (tmp_path / "meeting-id").write_text(meeting.id)
    return store.data_dir


def _meeting_id(data_dir: Path) -> str:
    return (data_dir.parent / "meeting-id").read_text()


def test_a_pipe_as_the_key_file_is_one_clear_line(data_dir: Path) -> None:
    os.mkfifo(data_dir / "store-key.toml")
    done = _command(data_dir, "list")
    assert done.returncode == 1
    assert "store-key.toml cannot be read" in done.stderr and "named pipe" in done.stderr
    assert done.stderr.count("\n") == 1 and "unexpected" not in done.stderr


def test_a_pipe_as_the_conversion_marker_does_not_hang_list(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    store, _ = make_encrypted_store(tmp_path / "encrypted")
    store.close(store.create(Meeting(kind="fgc", family_label="Pipe family")))
    os.mkfifo(store.data_dir / "store-conversion.toml")
    done = _command(store.data_dir, "list")
    assert done.returncode == 0, done.stderr
    assert "Pipe family" in done.stdout


def test_a_pipe_as_the_settings_file_means_the_defaults(data_dir: Path) -> None:
    os.mkfifo(data_dir / "settings.toml")
    done = _command(data_dir, "settings")
    assert done.returncode == 0, done.stderr
    assert "settings.toml cannot be read" in done.stdout + done.stderr
    assert "named pipe" in done.stdout + done.stderr


def test_a_pipe_as_the_pseudonym_secret_stops_the_report_with_one_line(
    data_dir: Path, tmp_path: Path
) -> None:
    os.mkfifo(data_dir / "pseudonym-secret")
    out_dir = tmp_path / "for-evaluator"
    done = _command(data_dir, "report", "--anonymised", "--format", "csv", "-o", str(out_dir))
    assert done.returncode == 1
    assert "pseudonym-secret" in done.stderr and "named pipe" in done.stderr
    assert "unexpected" not in done.stderr
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_a_pipe_as_the_export_ledger_does_not_hang_an_export(data_dir: Path) -> None:
    exports = data_dir / "exports"
    exports.mkdir(mode=0o700)
    os.mkfifo(exports / ".exports-ledger.toml")
    target = exports / "agenda.md"
    done = _command(data_dir, "export", _meeting_id(data_dir), "--as", "agenda", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.is_file()


def test_a_pipe_in_the_meetings_folder_is_skipped_by_encrypt(data_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    os.mkfifo(data_dir / "meetings" / "trap.toml")
    done = _command(
        data_dir, "encrypt", extra_env={"SDM_FACILITATOR_RECOVERY_KEY_FILE": str(tmp_path / "key")}
    )
    assert done.returncode == 1, done.stderr
    assert "1 files encrypted now" in done.stdout
    assert "trap.toml was left as it was" in done.stderr and "named pipe" in done.stderr

"""A huge ``*.toml`` in the meetings folder is named and skipped; the conversion does the rest.

``encrypt`` read every file whole: a 3 GB file took 3.2 GB of memory, then
ended in "unexpected error (OverflowError)" with the store half encrypted,
and every retry failed the same way without naming the file. The size is
now checked before anything is read. The file is sparse (``truncate``), so
it costs no disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("cryptography")
from sdm_facilitator.storage import keyfile
from sdm_facilitator.storage.conversion_state import conversion_direction
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.keyfile import unlock_cipher
from sdm_facilitator.storage.store import MeetingStore
from support.cli_helpers import run
from support.privacy_helpers import PASSPHRASE, cheap_params, named_meeting

resource = pytest.importorskip("resource")  # POSIX: peak memory of this process
HUGE_NAME = "20260101-0badf00d.toml"


@pytest.fixture(autouse=True)
def scripted_encryption(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SDM_FACILITATOR_RECOVERY_KEY_FILE", str(tmp_path / "recovery-key.txt"))


def test_encrypt_skips_a_3_gb_file_by_name_and_encrypts_the_rest(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    store = MeetingStore(isolated_data_dir)
    store.ensure()
    meetings = [named_meeting(f" {n}") for n in range(3)]
    for meeting in meetings:
        store.close(store.create(meeting))
    huge = store.folder / HUGE_NAME
    with huge.open("wb") as handle:
        handle.truncate(3 * 2**30)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    code, out, err = run(capsys, "encrypt")

    # Never read whole: the process grew by far less than the file's size.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 512 * 1024  # KiB
    assert code == 1, err
    assert "3 files encrypted now" in out
    skipped = [line for line in err.splitlines() if HUGE_NAME in line]
    assert len(skipped) == 1 and "too large" in skipped[0] and "NOT encrypted" in skipped[0]
    assert "unexpected" not in err
    assert conversion_direction(isolated_data_dir) is None
    assert all(is_encrypted(store.path_for(m.id).read_bytes()) for m in meetings)
    assert huge.stat().st_size == 3 * 2**30
    # The store opens; the huge file is listed as unreadable, by name.
    listing = MeetingStore(
        isolated_data_dir, cipher=unlock_cipher(isolated_data_dir, PASSPHRASE)
    ).list_meetings()
    assert sorted(m.meeting.id for m in listing.meetings) == sorted(m.id for m in meetings)
    assert [u.path.name for u in listing.unreadable] == [HUGE_NAME]
    # A retry says the same thing and changes nothing else.
    code, out, err = run(capsys, "encrypt")
    assert code == 1 and "0 files encrypted now, 3 already were" in out and HUGE_NAME in err


def test_decrypt_leaves_a_3_gb_file_alone_and_decrypts_the_rest(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    store = MeetingStore(isolated_data_dir)
    store.ensure()
    meeting = named_meeting()
    store.close(store.create(meeting))
    assert run(capsys, "encrypt")[0] == 0
    huge = store.folder / HUGE_NAME
    with huge.open("wb") as handle:
        handle.truncate(3 * 2**30)
    code, out, err = run(capsys, "decrypt")
    assert code == 1 and "1 files decrypted" in out
    assert HUGE_NAME in err and "too large" in err and "unexpected" not in err
    assert not is_encrypted(store.path_for(meeting.id).read_bytes())

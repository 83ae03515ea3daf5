"""Stores that must not be written: a folder its owner made read-only, and encrypted files without their key file.

Both are judged from what is on disk (the folder's mode, the files' first
bytes), never by trying to write, so they hold for the superuser too, who
can write anywhere: the tests run as root on some machines.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import CLOSURE_REASON_CHOICES, Meeting
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.keyfile import key_file_path
from sdm_facilitator.storage.store import KeyFileMissing, MeetingStore
from support.cli_helpers import run
from support.privacy_helpers import make_encrypted_store, named_meeting, names_on_disk
from support.privacy_snapshot import tree_snapshot

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder modes")


# ---------------------------------------------------------------- a folder its owner made read-only


@posix_only
def test_a_meetings_folder_made_read_only_by_its_owner_stays_read_only(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    """``chmod 500`` on the meetings folder: no chmod back to 0700, and ``new`` and ``close`` refuse in one line."""
    store = MeetingStore(isolated_data_dir)
    store.ensure()
    meeting = Meeting(kind="fgc", family_label="Okafor family")
    store.close(store.create(meeting))
    store.folder.chmod(0o500)
    try:
        before = tree_snapshot(isolated_data_dir)
        code, _out, err = run(capsys, "new", "--kind", "fgc", "--family", "Another family")
        assert code != 0 and err.count("\n") == 1, err
        assert "read-only by its owner (mode 0500)" in err and f"chmod u+wx {store.folder}" in err
        code, _out, err = run(capsys, "close", meeting.id, "--reason", CLOSURE_REASON_CHOICES[0])
        assert code != 0 and err.count("\n") == 1, err and "read-only by its owner" in err
        code, out, _err = run(capsys, "list")
        assert code == 0 and "Okafor family" in out  # still readable, and no index written
        with pytest.raises(Exception, match="read-only by its owner"):
            MeetingStore(isolated_data_dir).ensure()
        assert stat.S_IMODE(store.folder.stat().st_mode) == 0o500
        assert tree_snapshot(isolated_data_dir) == before
    finally:
        store.folder.chmod(0o700)


# ---------------------------------------------------------------- encrypted files, key file gone


def _encrypted_store_without_its_key(data_dir: Path) -> Meeting:
    pytest.importorskip("cryptography")
    store, _recovery = make_encrypted_store(data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    os.rename(key_file_path(data_dir), data_dir.parent / "moved-away-store-key.toml")
    return meeting


def test_a_store_of_encrypted_meetings_without_its_key_file_writes_nothing_in_clear(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    """``new``, ``close`` and ``list`` (the summary index) write nothing; the one line says how to restore the key."""
    meeting = _encrypted_store_without_its_key(isolated_data_dir)
    before = tree_snapshot(isolated_data_dir)
    code, _out, err = run(capsys, "new", "--kind", "fgc", "--family", "Zebedee Quillfeather")
    assert code != 0 and err.count("\n") == 1, err
    assert "key file is missing" in err and str(key_file_path(isolated_data_dir)) in err and "backup" in err
    code, _out, err = run(capsys, "close", meeting.id, "--reason", CLOSURE_REASON_CHOICES[0])
    assert code != 0 and "key file is missing" in err, err
    code, out, err = run(capsys, "list")
    assert "no key file" in out + err  # the sealed file is listed as unreadable, with why
    assert tree_snapshot(isolated_data_dir) == before
    assert names_on_disk(isolated_data_dir) == []


def test_the_store_refuses_a_plain_write_beside_encrypted_files(isolated_data_dir: Path) -> None:
    """The one way out for file bytes refuses, whatever calls it (a store object made without the CLI)."""
    _encrypted_store_without_its_key(isolated_data_dir)
    store = MeetingStore(isolated_data_dir)
    assert not store.encrypted and store.missing_key_problem() is not None
    with pytest.raises(KeyFileMissing, match="key file is missing"):
        store.create(named_meeting(" again"))
    assert all(is_encrypted(p.read_bytes()) for p in store.folder.glob("*.toml"))
    assert names_on_disk(isolated_data_dir) == []


def test_a_store_unlocked_before_its_key_file_went_writes_nothing_in_clear(isolated_data_dir: Path) -> None:
    """The key file moved away while the app ran: the next save is refused, not written in clear."""
    pytest.importorskip("cryptography")
    store, _recovery = make_encrypted_store(isolated_data_dir)
    opened = store.create(named_meeting())
    os.rename(key_file_path(isolated_data_dir), isolated_data_dir.parent / "moved-away-store-key.toml")
    opened.meeting.referral.strengths = "Ottoline's grandmother visits daily"
    with pytest.raises(KeyFileMissing):
        store.save(opened)
    store.close(opened)
    assert names_on_disk(isolated_data_dir) == []


def test_encrypt_refuses_encrypted_meetings_whose_key_file_is_gone(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new key file would leave the sealed meetings unreadable for good: the old one must come back."""
    from sdm_facilitator.storage import keyfile
    from support.privacy_helpers import PASSPHRASE, cheap_params

    _encrypted_store_without_its_key(isolated_data_dir)
    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv(
        "SDM_FACILITATOR_RECOVERY_KEY_FILE", str(isolated_data_dir.parent / "recovery-key.txt")
    )
    before = tree_snapshot(isolated_data_dir)
    code, _out, err = run(capsys, "encrypt")
    assert code == 1 and "key file is missing" in err and "backup" in err
    assert not key_file_path(isolated_data_dir).exists()
    assert tree_snapshot(isolated_data_dir) == before

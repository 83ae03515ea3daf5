"""Key-derivation settings in the key file are bounded, and passphrases are Unicode-normalised.

A key file is data the app did not necessarily write: ``iterations = 100000``
made every command run for minutes, ``memory_kib = 4294967295`` ended in a
MemoryError. Only the range the app writes (with a documented margin) is
accepted; anything else is one clear line. The same visible passphrase typed
as composed (NFC) or decomposed (NFD) characters opens the store, including a
store whose key file was made before passphrases were normalised.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest

pytest.importorskip("cryptography")

from sdm_facilitator.storage import keyfile
from sdm_facilitator.storage.keyfile import (
    ARGON2ID_BOUNDS,
    KdfParams,
    KeyFile,
    KeyFileError,
    WrongPassphrase,
    key_file_path,
)
from support.cli_helpers import run
from support.privacy_helpers import PASSPHRASE, make_encrypted_store

FIXTURES = Path(__file__).with_name("fixtures")
# Made by the version before normalisation, from the NFD form of this passphrase.
LEGACY_NFD_KEY_FILE = FIXTURES / "nfd-passphrase-store-key.toml"
LEGACY_PASSPHRASE = "crème brûlée à Zürich"
LEGACY_RECOVERY_KEY = "GVZT-M5F2-LHR6-3F6E-TX4C-YQC4-YM52-BUDP-JCYB-3YIL-OY3W-QRBR-WJRA"


def _set_in_key_file(data_dir: Path, key: str, value: int) -> None:
    path = key_file_path(data_dir)
    text = re.sub(rf"(?m)^{key} = \d+$", f"{key} = {value}", path.read_text())
    path.write_text(text)


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("iterations", 100_000, "iterations = 100000"),
        ("memory_kib", 4_294_967_295, "memory_kib = 4294967295"),
        ("lanes", 0, "lanes = 0"),
        ("memory_kib", 262_144, "iterations x memory_kib"),
    ],
)
def test_key_file_settings_out_of_range_are_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    value: int,
    said: str,
) -> None:
    make_encrypted_store(isolated_data_dir)
    if said.startswith("iterations x"):
        _set_in_key_file(isolated_data_dir, "iterations", 16)  # each in range, together far too much work
    _set_in_key_file(isolated_data_dir, key, value)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    started = time.process_time()
    code, out, err = run(capsys, "list")
    assert time.process_time() - started < 10
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unexpected" not in err
    assert "outside what this app writes" in err and said in err and "restore it from a backup" in err


def test_the_app_default_and_the_test_settings_are_within_bounds() -> None:
    KdfParams().check_bounds()
    KdfParams(name="scrypt").check_bounds()
    KdfParams(iterations=1, lanes=1, memory_kib=64).check_bounds()
    assert ARGON2ID_BOUNDS["memory_kib"][1] == 4 * KdfParams().memory_kib


def test_derivation_refuses_settings_out_of_range_whoever_asks() -> None:
    with pytest.raises(KeyFileError, match="memory_kib"):
        keyfile.derive_key(PASSPHRASE, KdfParams(memory_kib=4_294_967_295))


def test_nfc_and_nfd_forms_of_a_passphrase_open_the_same_store(isolated_data_dir: Path) -> None:
    visible = "crème brûlée à Zürich"
    nfc, nfd = unicodedata.normalize("NFC", visible), unicodedata.normalize("NFD", visible)
    assert nfc != nfd
    make_encrypted_store(isolated_data_dir, passphrase=nfc)
    key_file = KeyFile.load(isolated_data_dir)
    assert key_file.unlock(nfd) == key_file.unlock(nfc)
    assert 'normalization = "NFC"' in key_file_path(isolated_data_dir).read_text()
    with pytest.raises(WrongPassphrase):
        key_file.unlock("creme brulee a Zurich")


def test_a_key_file_made_from_a_decomposed_passphrase_before_normalisation_still_opens(
    isolated_data_dir: Path,
) -> None:
    isolated_data_dir.mkdir(parents=True)
    key_file_path(isolated_data_dir).write_text(LEGACY_NFD_KEY_FILE.read_text())
    key_file = KeyFile.load(isolated_data_dir)
    data_key = key_file.unlock_with_recovery_key(LEGACY_RECOVERY_KEY)
    for form in ("NFC", "NFD"):
        assert key_file.unlock(unicodedata.normalize(form, LEGACY_PASSPHRASE)) == data_key
    with pytest.raises(WrongPassphrase):
        key_file.unlock("not the passphrase at all")


@pytest.mark.parametrize("passphrase", [" " * 10, "\t \u3000 \u00a0" * 3])
def test_a_passphrase_of_only_spaces_is_refused(
    capsys: pytest.CaptureFixture[str],
    isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    passphrase: str,
) -> None:
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", passphrase)
    code, _, err = run(capsys, "init", "--encrypt")
    assert code == 2 and "only spaces" in err
    assert not key_file_path(isolated_data_dir).exists()

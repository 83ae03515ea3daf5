"""The encrypted file format and the key file: sealing, tamper detection, passphrases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("cryptography")

from sdm_facilitator.storage.crypto import MAGIC, DamagedFile, FileCipher, is_encrypted, read_header
from sdm_facilitator.storage.keyfile import (
    KdfParams,
    KeyFile,
    KeyFileError,
    WrongPassphrase,
    derive_key,
    format_recovery_key,
    parse_recovery_key,
)
from support.privacy_helpers import PASSPHRASE, cheap_params

KEY = bytes(range(32))


def test_seal_open_round_trip_and_fresh_nonce() -> None:
    cipher = FileCipher(KEY)
    first = cipher.seal(b"name = 'Ottoline'", "abc123")
    second = cipher.seal(b"name = 'Ottoline'", "abc123")
    assert first != second  # a fresh nonce every write
    assert is_encrypted(first) and first.startswith(MAGIC)
    assert b"Ottoline" not in first
    assert cipher.open(first, "abc123") == b"name = 'Ottoline'"
    assert read_header(first).record_id == "abc123"


@settings(max_examples=60, deadline=None)
@given(plain=st.binary(min_size=0, max_size=400), position=st.integers(min_value=0), bit=st.integers(0, 7))
def test_any_flipped_bit_is_detected(plain: bytes, position: int, bit: int) -> None:
    cipher = FileCipher(KEY)
    sealed = bytearray(cipher.seal(plain, "m1"))
    sealed[position % len(sealed)] ^= 1 << bit
    with pytest.raises(DamagedFile):
        cipher.open(bytes(sealed), "m1")


@pytest.mark.parametrize("keep", [0, 5, 9, 20, 30, -1])
def test_truncated_file_is_damaged(keep: int) -> None:
    sealed = FileCipher(KEY).seal(b"x" * 100, "m1")
    with pytest.raises(DamagedFile):
        FileCipher(KEY).open(sealed[:keep], "m1")


def test_file_bound_to_its_meeting_id() -> None:
    sealed = FileCipher(KEY).seal(b"data", "meeting-a")
    with pytest.raises(DamagedFile, match="meeting-a"):
        FileCipher(KEY).open(sealed, "meeting-b")


def test_another_key_cannot_open() -> None:
    sealed = FileCipher(KEY).seal(b"data", "m1")
    with pytest.raises(DamagedFile):
        FileCipher(bytes(32)).open(sealed, "m1")


def test_key_file_unlock_wrong_passphrase_and_recovery(tmp_path: Path) -> None:
    key_file, data_key, recovery = KeyFile.create(PASSPHRASE, params=cheap_params())
    key_file.save(tmp_path)
    loaded = KeyFile.load(tmp_path)
    assert loaded.unlock(PASSPHRASE) == data_key
    with pytest.raises(WrongPassphrase):
        loaded.unlock(PASSPHRASE + " ")
    assert loaded.unlock_with_recovery_key(recovery.lower().replace("-", " ")) == data_key
    with pytest.raises(WrongPassphrase):
        loaded.unlock_with_recovery_key(format_recovery_key(bytes(32)))
    text = (tmp_path / "store-key.toml").read_text()
    assert PASSPHRASE not in text and recovery not in text


def test_rewrap_keeps_the_data_key_and_drops_the_old_passphrase(tmp_path: Path) -> None:
    key_file, data_key, recovery = KeyFile.create(PASSPHRASE, params=cheap_params())
    rewrapped = key_file.rewrapped(data_key, "a new passphrase")
    assert rewrapped.kdf.salt != key_file.kdf.salt
    assert rewrapped.unlock("a new passphrase") == data_key
    with pytest.raises(WrongPassphrase):
        rewrapped.unlock(PASSPHRASE)
    assert rewrapped.unlock_with_recovery_key(recovery) == data_key


def test_new_recovery_key_replaces_the_old(tmp_path: Path) -> None:
    key_file, data_key, old = KeyFile.create(PASSPHRASE, params=cheap_params())
    renewed, new = key_file.with_new_recovery_key(data_key)
    assert renewed.unlock_with_recovery_key(new) == data_key
    with pytest.raises(WrongPassphrase):
        renewed.unlock_with_recovery_key(old)


def test_scrypt_parameters_round_trip() -> None:
    params = KdfParams(name="scrypt", log2_n=10, r=8, p=1)
    key_file, data_key, _ = KeyFile.create(PASSPHRASE, params=params)
    again = KeyFile.from_toml(key_file.to_toml())
    assert again.kdf == params
    assert again.unlock(PASSPHRASE) == data_key
    assert derive_key(PASSPHRASE, params) != derive_key(PASSPHRASE, cheap_params())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not toml [",
        "format = 99",
        "format = 1",
        'format = 1\n[passphrase]\nkdf = "argon2id"\nsalt = "!!"\n',
    ],
)
def test_damaged_key_file_is_a_clear_error(text: str) -> None:
    with pytest.raises(KeyFileError):
        KeyFile.from_toml(text)


@pytest.mark.parametrize("typed", ["", "ABCD", "!!!!-????", "A" * 60])
def test_bad_recovery_key_text(typed: str) -> None:
    with pytest.raises(WrongPassphrase):
        parse_recovery_key(typed)

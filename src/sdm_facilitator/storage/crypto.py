"""The encrypted file format of an encrypted store.

A meeting file in an encrypted store is the meeting's TOML text sealed with
AES-256-GCM under the store's data key::

    MAGIC (8 bytes) | FORMAT_VERSION (1 byte) | id length (1 byte) | record id (ASCII)
    | nonce (12 bytes) | ciphertext and 16-byte tag

Why this shape:

- AES-256-GCM is authenticated: one flipped or missing byte anywhere makes the
  whole file fail to open, so a damaged or tampered file is reported as
  damaged and never shown half-decrypted.
- A fresh random nonce for every write: GCM must never reuse a nonce under one
  key, and 96 random bits leave a negligible chance of a repeat for the number
  of saves a laptop makes.
- The header (magic, format version and the record id) is the associated data,
  so it cannot be changed without detection, and a file cannot be moved into
  the place of another meeting: the store checks that the id bound into the
  file matches the file name (``expected_id``).
- The record id is a meeting's random id (never a name) or a fixed word such
  as ``index``: it is stored in clear because the store needs it before it
  can decrypt, and it says nothing about the family.

``cryptography`` is an optional extra (``sdm-facilitator[encryption]``): it
is imported only when a store is actually encrypted, and a clear message
names the extra when it is missing. No cryptography is written here by hand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

MAGIC = b"SDMF-ENC"
FORMAT_VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
MAX_ID_BYTES = 64
INSTALL_HINT = "pip install 'sdm-facilitator[encryption]'"


class EncryptionUnavailable(Exception):
    """The optional ``cryptography`` package is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "encryption needs the optional 'encryption' extra, which is not installed; "
            f"install it with: {INSTALL_HINT}"
        )


class DamagedFile(Exception):
    """An encrypted file that does not open: changed, cut short or not ours."""


def aesgcm(key: bytes) -> Any:
    """An ``AESGCM`` object, or ``EncryptionUnavailable`` naming the extra to install."""
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        raise EncryptionUnavailable() from None
    return AESGCM(key)


def encryption_available() -> bool:
    """Whether ``cryptography`` can be imported (for messages and tests)."""
    try:
        aesgcm(bytes(KEY_BYTES))
    except EncryptionUnavailable:
        return False
    return True


def is_encrypted(data: bytes) -> bool:
    """Whether file bytes are in the encrypted format (plain TOML never starts like this)."""
    return data.startswith(MAGIC)


def _header(record_id: str) -> bytes:
    raw_id = record_id.encode("ascii")
    if len(raw_id) > MAX_ID_BYTES:
        raise ValueError("record id too long")
    return MAGIC + bytes([FORMAT_VERSION, len(raw_id)]) + raw_id


@dataclass(frozen=True)
class SealedHeader:
    """What can be read from an encrypted file before decrypting it."""

    version: int
    record_id: str
    header_length: int


def read_header(data: bytes) -> SealedHeader:
    """The header of an encrypted file, or ``DamagedFile`` if it is not one."""
    if not is_encrypted(data):
        raise DamagedFile("not an encrypted file")
    start = len(MAGIC)
    if len(data) < start + 2:
        raise DamagedFile("the file is cut short")
    version, id_length = data[start], data[start + 1]
    if version != FORMAT_VERSION:
        raise DamagedFile(f"encrypted with an unknown format version {version} (a newer app?)")
    if id_length > MAX_ID_BYTES:
        raise DamagedFile("the file's header is damaged")
    end = start + 2 + id_length
    if len(data) < end + NONCE_BYTES + TAG_BYTES:
        raise DamagedFile("the file is cut short")
    try:
        record_id = data[start + 2 : end].decode("ascii")
    except UnicodeDecodeError:
        raise DamagedFile("the file's header is damaged") from None
    return SealedHeader(version, record_id, end)


class FileCipher:
    """Seals and opens file bytes with one data key.

    The store calls ``seal`` at the one place it writes file bytes and
    ``open`` at the one place it reads them; anything else the store keeps
    (for example a summary index) uses the same two calls with its own fixed
    ``record_id``.
    """

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._aead = aesgcm(data_key)

    def seal(self, plaintext: bytes, record_id: str) -> bytes:
        """Encrypt ``plaintext`` bound to ``record_id``, with a fresh random nonce."""
        header = _header(record_id)
        nonce = os.urandom(NONCE_BYTES)
        sealed: bytes = self._aead.encrypt(nonce, plaintext, header)
        return header + nonce + sealed

    def open(self, data: bytes, expected_id: str | None = None) -> bytes:
        """Decrypt file bytes; ``DamagedFile`` for any change, cut or wrong record.

        With ``expected_id`` the id bound into the file must be that one, so a
        file copied over another meeting's file is refused.
        """
        from cryptography.exceptions import InvalidTag

        header = read_header(data)
        if expected_id is not None and header.record_id != expected_id:
            raise DamagedFile(
                f"this file holds the encrypted record '{header.record_id}', not '{expected_id}' "
                "(moved or copied over another file)"
            )
        head = data[: header.header_length]
        nonce = data[header.header_length : header.header_length + NONCE_BYTES]
        body = data[header.header_length + NONCE_BYTES :]
        try:
            return bytes(self._aead.decrypt(nonce, body, head))
        except InvalidTag:
            raise DamagedFile(
                "the encrypted file is damaged or was changed (it failed its integrity check); nothing of it is shown"
            ) from None

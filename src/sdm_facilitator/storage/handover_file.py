"""The handover file: one or more meetings sealed for one colleague.

Layout::

    MAGIC (8 bytes) | FORMAT_VERSION (1 byte) | header length (2 bytes, big-endian)
    | header (JSON, ASCII) | nonce (12 bytes) | ciphertext and 16-byte tag

Why this shape:

- AES-256-GCM, as for an encrypted store (``crypto.py``), with everything
  before the nonce as associated data: the header cannot be changed (another
  recipient named, the length shortened) without the file failing to open.
- The header holds nothing about the family: how the key is made (the key
  derivation's salt and costs, or the recipient key's fingerprint and an
  ephemeral public key), a check value and the ciphertext's length. Every
  name, the family's label and even the meeting ids are inside the ciphertext.
- A passphrase becomes a key with the store's own Argon2id settings
  (``keyfile.py``). A recipient's X25519 public key (``handover_key.py``)
  gives a key through an ephemeral X25519 exchange and HKDF-SHA256.
- The check value (HKDF of the key, apart from the encryption key) tells a
  wrong passphrase from a changed file: each gets its own message. It adds
  nothing for a guesser: the ciphertext already lets anyone test a guess at
  the same cost.
- The ciphertext's length is in the header, so a file cut short says so.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from sdm_facilitator.storage.crypto import KEY_BYTES, NONCE_BYTES, TAG_BYTES, aesgcm
from sdm_facilitator.storage.keyfile import (
    KdfParams,
    KeyFileError,
    default_kdf_params,
    derive_key,
    normalized,
)

MAGIC = b"SDMF-HND"
FORMAT_VERSION = 1
#: A handover file with its reviews is a few hundred KB at most; anything far bigger is not one.
MAX_HANDOVER_BYTES = 64 * 1024 * 1024
MAX_HEADER_BYTES = 4096
SUFFIX = ".sdm-handover"
_CHECK_INFO = b"sdm-facilitator handover check v1"
_KEY_INFO = b"sdm-facilitator handover key v1"
_RECIPIENT_INFO = b"sdm-facilitator handover recipient v1"
_CHECK_BYTES = 16


class HandoverFileError(Exception):
    """A handover file that cannot be opened; the message is one line for the person."""


class WrongHandoverPassphrase(HandoverFileError):
    """The passphrase does not open this handover file."""


class NotForThisKey(HandoverFileError):
    """The file was sealed for another colleague's key."""


@dataclass(frozen=True)
class HandoverHeader:
    """What can be read of a handover file before it is opened."""

    mode: str  # "passphrase" or "recipient"
    fields: dict[str, Any]
    length: int
    head: bytes  # the associated data: everything before the nonce
    body: bytes  # nonce, ciphertext and tag


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise HandoverFileError("the handover file's header is damaged")
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise HandoverFileError("the handover file's header is damaged") from None


def _hkdf(secret: bytes, salt: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return bytes(HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(secret))


def _split(master: bytes) -> tuple[bytes, bytes]:
    """The encryption key and the check value from one derived secret."""
    return _hkdf(master, b"", _KEY_INFO), _hkdf(master, b"", _CHECK_INFO, _CHECK_BYTES)


def _assemble(fields: dict[str, Any], key: bytes, plaintext: bytes) -> bytes:
    fields = {**fields, "length": len(plaintext) + TAG_BYTES}
    header = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("ascii")
    if len(header) > MAX_HEADER_BYTES:
        raise ValueError("handover header too long")
    head = MAGIC + bytes([FORMAT_VERSION]) + len(header).to_bytes(2, "big") + header
    nonce = os.urandom(NONCE_BYTES)
    return head + nonce + bytes(aesgcm(key).encrypt(nonce, plaintext, head))


def seal_with_passphrase(plaintext: bytes, passphrase: str, params: KdfParams | None = None) -> bytes:
    """The handover file for ``plaintext``, opened by ``passphrase`` (slow on purpose: Argon2id)."""
    params = params or default_kdf_params()
    key, check = _split(derive_key(normalized(passphrase), params))
    return _assemble({"mode": "passphrase", "kdf": params.to_dict(), "check": _b64(check)}, key, plaintext)


def seal_for_recipient(plaintext: bytes, recipient_public: bytes) -> bytes:
    """The handover file for ``plaintext``, opened only by the holder of the matching private key."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key, check = _split(_hkdf(shared, ephemeral_public + recipient_public, _RECIPIENT_INFO))
    fields = {
        "mode": "recipient",
        "recipient": key_fingerprint(recipient_public),
        "ephemeral": _b64(ephemeral_public),
        "check": _b64(check),
    }
    return _assemble(fields, key, plaintext)


def key_fingerprint(public: bytes) -> str:
    """A short, readable mark of a public key, to say whose key a file was made for."""
    import hashlib

    digest = hashlib.sha256(b"sdm-facilitator handover key" + public).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def read_header(data: bytes) -> HandoverHeader:
    """The header of a handover file: ``HandoverFileError`` (one line) for any other file."""
    if not data.startswith(MAGIC):
        raise HandoverFileError("this is not an sdm-facilitator handover file")
    start = len(MAGIC)
    if len(data) < start + 3:
        raise HandoverFileError("the handover file is cut short (copied only in part?); nothing was added")
    version = data[start]
    if version != FORMAT_VERSION:
        raise HandoverFileError(
            f"this handover file was made by another version of sdm-facilitator (handover format {version}); "
            f"this version reads format {FORMAT_VERSION}: use the same version on both laptops"
        )
    header_length = int.from_bytes(data[start + 1 : start + 3], "big")
    end = start + 3 + header_length
    if header_length > MAX_HEADER_BYTES:
        raise HandoverFileError("the handover file's header is damaged")
    if len(data) < end:
        raise HandoverFileError("the handover file is cut short (copied only in part?); nothing was added")
    try:
        fields = json.loads(data[start + 3 : end].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise HandoverFileError("the handover file's header is damaged") from None
    if not isinstance(fields, dict) or fields.get("mode") not in ("passphrase", "recipient"):
        raise HandoverFileError("the handover file's header is damaged")
    length = fields.get("length")
    if isinstance(length, bool) or not isinstance(length, int) or length < TAG_BYTES:
        raise HandoverFileError("the handover file's header is damaged")
    body = data[end:]
    if len(body) < NONCE_BYTES + length:
        raise HandoverFileError(
            f"the handover file is cut short ({len(data):,} bytes of {end + NONCE_BYTES + length:,}; "
            "copied only in part?); nothing was added"
        )
    if len(body) > NONCE_BYTES + length:
        raise HandoverFileError(
            "the handover file has bytes added at its end (it was changed); nothing was added"
        )
    return HandoverHeader(str(fields["mode"]), fields, length, data[:end], body)


def _open(header: HandoverHeader, key: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag

    nonce, sealed = header.body[:NONCE_BYTES], header.body[NONCE_BYTES:]
    try:
        return bytes(aesgcm(key).decrypt(nonce, sealed, header.head))
    except InvalidTag:
        raise HandoverFileError(
            "the handover file was changed after it was made (it failed its integrity check); nothing was added"
        ) from None


def open_with_passphrase(header: HandoverHeader, passphrase: str) -> bytes:
    """The plaintext; ``WrongHandoverPassphrase`` or ``HandoverFileError`` (changed file)."""
    if header.mode != "passphrase":
        raise HandoverFileError("this handover file is sealed for a colleague's key, not with a passphrase")
    raw_kdf = header.fields.get("kdf")
    if not isinstance(raw_kdf, dict):
        raise HandoverFileError("the handover file's header is damaged")
    try:
        params = KdfParams.from_dict(raw_kdf)
    except KeyFileError:
        raise HandoverFileError("the handover file's header is damaged (its key settings)") from None
    key, check = _split(derive_key(normalized(passphrase), params))
    if not hmac.compare_digest(check, _unb64(header.fields.get("check"))):
        raise WrongHandoverPassphrase("wrong passphrase for this handover file; nothing was added")
    return _open(header, key)


def open_with_private_key(header: HandoverHeader, private: bytes) -> bytes:
    """The plaintext; ``NotForThisKey`` when the file was made for someone else."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if header.mode != "recipient":
        raise HandoverFileError("this handover file is sealed with a passphrase, not for a key")
    own = X25519PrivateKey.from_private_bytes(private)
    own_public = own.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if header.fields.get("recipient") != key_fingerprint(own_public):
        theirs = "".join(c for c in str(header.fields.get("recipient"))[:19] if c in "0123456789abcdef-")
        raise NotForThisKey(
            f"this handover file was made for someone else (key {theirs}), "
            f"not for this laptop's key {key_fingerprint(own_public)}; nothing was added"
        )
    ephemeral_public = _unb64(header.fields.get("ephemeral"))
    if len(ephemeral_public) != 32:
        raise HandoverFileError("the handover file's header is damaged")
    shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key, check = _split(_hkdf(shared, ephemeral_public + own_public, _RECIPIENT_INFO))
    if not hmac.compare_digest(check, _unb64(header.fields.get("check"))):
        raise HandoverFileError("the handover file was changed after it was made; nothing was added")
    return _open(header, key)

"""A coordinator's handover key pair: colleagues seal handover files for it, no passphrase to pass on.

``sdm-facilitator handover-key`` makes an X25519 key pair. The private key stays
in this laptop's data folder (``handover-key``, readable only by this user,
and sealed with the store's data key in an encrypted store, like every other
file there); the public key is a small text file to give to colleagues, who
name it with ``handover --recipient FILE``. It holds no secret: anyone may
see it; only this laptop can open what is sealed for it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.storage.files import read_small_file
from sdm_facilitator.storage.handover_file import key_fingerprint

if TYPE_CHECKING:
    from sdm_facilitator.storage.store import MeetingStore

PRIVATE_KEY_NAME = "handover-key"
PUBLIC_KEY_KIND = "sdm-facilitator handover public key"
PUBLIC_KEY_FORMAT = 1
_MAX_KEY_BYTES = 4096


class HandoverKeyError(Exception):
    """A missing, damaged or foreign key file; the message is one line for the person."""


@dataclass(frozen=True)
class PublicKey:
    """A colleague's public key, as read from the file they gave."""

    raw: bytes
    owner: str

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.raw)


def private_key_path(data_dir: Path) -> Path:
    return data_dir / PRIVATE_KEY_NAME


def create_key_pair(store: MeetingStore, owner: str) -> PublicKey:
    """A new key pair: the private half saved in the data folder, the public half returned.

    Refuses to replace an existing private key: files already sealed for it could not be opened again.
    """
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    path = private_key_path(store.data_dir)
    if path.exists():
        raise HandoverKeyError(
            f"this laptop already has a handover key ({path.name}); a new one would make files already "
            "sealed for it unreadable. Show its public key with: sdm-facilitator handover-key --show -o FILE"
        )
    private = X25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    store.ensure(clear_temp_files=False)
    store.write_bytes(path, store.encode_file_bytes(raw_private, PRIVATE_KEY_NAME))
    return PublicKey(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), owner)


def load_private_key(store: MeetingStore) -> bytes:
    """This laptop's private handover key (opened with the store's key in an encrypted store)."""
    path = private_key_path(store.data_dir)
    try:
        data = read_small_file(path, _MAX_KEY_BYTES)
    except FileNotFoundError:
        raise HandoverKeyError(
            "this laptop has no handover key, so a file sealed for a colleague's key cannot be opened "
            "here; ask for a file sealed with a passphrase instead"
        ) from None
    except OSError as error:
        raise HandoverKeyError(
            f"the handover key cannot be read ({error.strerror or type(error).__name__})"
        ) from None
    from sdm_facilitator.storage.crypto import is_encrypted
    from sdm_facilitator.storage.store import UnreadableMeetingError

    if not is_encrypted(data):
        raw = data  # made before the store was encrypted: still this laptop's key
    else:
        try:
            raw = store.decode_file_bytes(data, path, PRIVATE_KEY_NAME)
        except UnreadableMeetingError as error:
            raise HandoverKeyError(f"the handover key cannot be opened: {error.unreadable.reason}") from None
    if len(raw) != 32:
        raise HandoverKeyError("the handover key file is damaged")
    return raw


def public_of(private: bytes, owner: str) -> PublicKey:
    """The public half of a private key (to show it again)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = X25519PrivateKey.from_private_bytes(private).public_key()
    return PublicKey(public.public_bytes(Encoding.Raw, PublicFormat.Raw), owner)


def public_key_text(key: PublicKey) -> str:
    """The public key file's text: what it is, whose, its fingerprint and the key."""
    return tomli_w.dumps(
        {
            "kind": PUBLIC_KEY_KIND,
            "format": PUBLIC_KEY_FORMAT,
            "owner": key.owner,
            "fingerprint": key.fingerprint,
            "public_key": base64.b64encode(key.raw).decode("ascii"),
        }
    )


def read_public_key(path: Path) -> PublicKey:
    """A colleague's public key file, or ``HandoverKeyError`` saying what is wrong with it."""
    try:
        text = read_small_file(path, _MAX_KEY_BYTES).decode("utf-8")
        raw = toml_reading.loads(text)
    except FileNotFoundError:
        raise HandoverKeyError(f"no public key file {path.name}") from None
    except (OSError, UnicodeDecodeError, toml_reading.TOMLDecodeError):
        raise HandoverKeyError(f"{path.name} is not a handover public key file") from None
    if raw.get("kind") != PUBLIC_KEY_KIND:
        raise HandoverKeyError(f"{path.name} is not a handover public key file")
    if raw.get("format") != PUBLIC_KEY_FORMAT:
        raise HandoverKeyError(f"{path.name} was made by another version (format {raw.get('format')!r})")
    try:
        key = base64.b64decode(str(raw.get("public_key", "")), validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise HandoverKeyError(f"{path.name} is damaged (its key is not a whole key)")
    owner = raw.get("owner")
    public = PublicKey(key, owner if isinstance(owner, str) else "")
    if raw.get("fingerprint") != public.fingerprint:
        raise HandoverKeyError(f"{path.name} is damaged (its fingerprint does not match its key)")
    if not _agrees_a_key(key):
        raise HandoverKeyError(f"{path.name} holds a key nothing can be sealed for")
    return public


def _agrees_a_key(public: bytes) -> bool:
    """Whether a file can be sealed for this public key: a crafted one (all zeros, a low-order
    point) makes the key agreement fail, which must be found here and not half-way through a
    handover. Without the encryption extra nothing can be sealed anyway, and that is said then."""
    try:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    except ImportError:
        return True
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError:
        return False
    return True

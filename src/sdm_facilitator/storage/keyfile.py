"""The key file of an encrypted store: the data key, wrapped twice.

A random 256-bit data key encrypts every file of the store. It is never
written in clear: the key file holds it wrapped (AES-256-GCM) by

- a key derived from the passphrase with Argon2id (scrypt only where the
  installed OpenSSL has no Argon2id), with its salt and cost parameters
  stored beside it so a later, faster laptop still derives the same key and a
  new passphrase can use new costs;
- a key derived from a recovery key (256 random bits shown once, when the
  store is made encrypted), so a forgotten passphrase is not the end of the
  data if the recovery key was kept somewhere safe.

Changing the passphrase rewraps the data key; no meeting file is rewritten.
A wrong passphrase fails the wrapping's integrity check, which is how it is
recognised: there is no separate "passphrase hash" to attack.
"""

from __future__ import annotations

import base64
import os
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.paths import KEY_FILE_NAME as KEY_FILE_NAME
from sdm_facilitator.paths import key_file_path as key_file_path
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.crypto import KEY_BYTES, NONCE_BYTES, EncryptionUnavailable, FileCipher, aesgcm
from sdm_facilitator.storage.files import read_small_file, unreadable_reason

KEY_FILE_FORMAT = 1
# A key file is well under 1 KB; anything far bigger is not one.
MAX_KEY_FILE_BYTES = 64 * 1024
SALT_BYTES = 16
# A few words are easier to remember than a short password, and far harder to guess.
MIN_PASSPHRASE_LENGTH = 10
_PASSPHRASE_AD = b"sdm-facilitator data key, passphrase wrapping v1"
_RECOVERY_AD = b"sdm-facilitator data key, recovery wrapping v1"
_RECOVERY_INFO = b"sdm-facilitator recovery key v1"
# Base32 without padding, in groups of four: easy to read aloud and type back.
_RECOVERY_GROUP = 4


class KeyFileError(Exception):
    """The key file is missing, damaged or from a newer version."""


class WrongPassphrase(Exception):
    """The passphrase (or recovery key) does not unwrap the data key."""


# ---------------------------------------------------------------- key derivation


#: What a key file may ask of key derivation: the range around what this app
#: writes (``KdfParams()``), with a margin of four times its work and memory
#: for a store made on a faster laptop. Outside it the key file was changed
#: or damaged: 100,000 passes made ``list`` run for minutes, 4 TiB of memory
#: ended in a MemoryError. docs/data-protection.md (encryption) quotes these.
ARGON2ID_BOUNDS: dict[str, tuple[int, int]] = {
    "iterations": (1, 16),
    "lanes": (1, 16),
    "memory_kib": (8, 262_144),
}
#: Passes times memory: at most four times the app's own 4 x 64 MiB.
ARGON2ID_MAX_WORK = 4 * 4 * 65_536
SCRYPT_BOUNDS: dict[str, tuple[int, int]] = {"log2_n": (1, 19), "r": (1, 16), "p": (1, 4)}
#: N x r x p: at most four times the app's own 2^17 x 8 x 1 (512 MiB of memory).
SCRYPT_MAX_WORK = 4 * 2**17 * 8
#: How a passphrase's text is made canonical before derivation (recorded in the key file).
NORMALIZATION: Final = "NFC"


@dataclass(frozen=True)
class KdfParams:
    """How a passphrase becomes a wrapping key; stored beside the wrapped key.

    The defaults are RFC 9106's second recommended Argon2id setting (64 MiB,
    4 lanes) with one more pass (4), about half a second on a 2-core machine
    (measured by ``bench/bench_key_derivation.py``); scrypt's cost about the same.

    ``normalization`` is "NFC" for key files made by this version: the
    passphrase was turned into Unicode NFC before derivation, so the same
    visible passphrase typed as composed or decomposed characters unlocks.
    Key files made before record none (""): their passphrase was used as typed.
    """

    name: str = "argon2id"
    salt: bytes = field(default_factory=lambda: os.urandom(SALT_BYTES))
    iterations: int = 4
    lanes: int = 4
    memory_kib: int = 65536
    # scrypt only
    log2_n: int = 17
    r: int = 8
    p: int = 1
    normalization: str = NORMALIZATION

    def to_dict(self) -> dict[str, Any]:
        common: dict[str, Any] = {"kdf": self.name, "salt": _b64(self.salt)}
        if self.normalization:
            common["normalization"] = self.normalization
        if self.name == "argon2id":
            return {
                **common,
                "iterations": self.iterations,
                "lanes": self.lanes,
                "memory_kib": self.memory_kib,
            }
        return {**common, "log2_n": self.log2_n, "r": self.r, "p": self.p}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> KdfParams:
        name = raw.get("kdf")
        salt = _unb64(raw.get("salt"), "salt")
        normalization = raw.get("normalization", "")
        if normalization not in ("", NORMALIZATION):
            raise KeyFileError(f"the key file names an unknown passphrase normalization '{normalization}'")
        try:
            if name == "argon2id":
                params = cls(
                    "argon2id",
                    salt,
                    _whole(raw["iterations"]),
                    _whole(raw["lanes"]),
                    _whole(raw["memory_kib"]),
                    normalization=normalization,
                )
            elif name == "scrypt":
                params = cls(
                    "scrypt",
                    salt,
                    log2_n=_whole(raw["log2_n"]),
                    r=_whole(raw["r"]),
                    p=_whole(raw["p"]),
                    normalization=normalization,
                )
            else:
                raise KeyFileError(f"the key file names an unknown key derivation '{name}'")
        except (KeyError, TypeError, ValueError):
            raise KeyFileError("the key file's key-derivation settings are incomplete") from None
        params.check_bounds()
        return params

    def check_bounds(self) -> None:
        """``KeyFileError`` unless every setting is within what this app writes, with its margin."""
        if self.name == "argon2id":
            values = {"iterations": self.iterations, "lanes": self.lanes, "memory_kib": self.memory_kib}
            bounds, work, most = ARGON2ID_BOUNDS, self.iterations * self.memory_kib, ARGON2ID_MAX_WORK
            work_text = "iterations x memory_kib"
        else:
            values = {"log2_n": self.log2_n, "r": self.r, "p": self.p}
            bounds, work, most = SCRYPT_BOUNDS, 2**self.log2_n * self.r * self.p, SCRYPT_MAX_WORK
            work_text = "2^log2_n x r x p"
        for key, value in values.items():
            low, high = bounds[key]
            if self.name == "argon2id" and key == "memory_kib":
                low = max(low, 8 * self.lanes)  # Argon2 needs 8 KiB per lane
            if not low <= value <= high:
                raise _out_of_bounds(f"{key} = {value}; this version accepts {low:,} to {high:,}")
        if work > most:
            raise _out_of_bounds(f"{work_text} = {work:,}; this version accepts at most {most:,}")


def _whole(value: object) -> int:
    """A whole number from the key file (never a bool or a decimal)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not a whole number")
    return value


def _out_of_bounds(detail: str) -> KeyFileError:
    return KeyFileError(
        f"the key file's key-derivation settings are outside what this app writes ({detail}): "
        f"{KEY_FILE_NAME} was changed or damaged; restore it from a backup"
    )


def argon2id_available() -> bool:
    """Argon2id needs cryptography 44+ on OpenSSL 3.2+; older builds get scrypt."""
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
    except ImportError:
        return False
    try:
        Argon2id(salt=bytes(SALT_BYTES), length=32, iterations=1, lanes=1, memory_cost=8).derive(b"probe")
    except Exception:  # UnsupportedAlgorithm on an OpenSSL without Argon2
        return False
    return True


def default_kdf_params() -> KdfParams:
    """Argon2id when available, else scrypt: both with a fresh salt."""
    aesgcm(bytes(KEY_BYTES))  # raises EncryptionUnavailable early, with the install hint
    return KdfParams() if argon2id_available() else KdfParams(name="scrypt")


def normalized(passphrase: str) -> str:
    """The passphrase as this version derives keys from it: Unicode NFC."""
    return unicodedata.normalize(NORMALIZATION, passphrase)


def passphrase_forms(passphrase: str, params: KdfParams) -> list[str]:
    """The forms of a typed passphrase to try against a key file, most likely first.

    A key file that records NFC needs only the NFC form. One made before
    passphrases were normalised holds whatever the keyboard sent then, so the
    NFC form, the form as typed now and the decomposed form are tried in turn.
    """
    nfc = normalized(passphrase)
    if params.normalization == NORMALIZATION:
        return [nfc]
    forms = [nfc, passphrase, unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))


def new_passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot become a store's passphrase, or None."""
    if not passphrase.strip():
        return "a passphrase cannot be only spaces; choose a few words"
    if len(normalized(passphrase)) < MIN_PASSPHRASE_LENGTH:
        return (
            f"a passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters (a few words are easier to "
            "remember than a short password)"
        )
    return None


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The 32-byte wrapping key for ``passphrase`` exactly as given, under ``params`` (slow on purpose).

    Callers normalise first (``normalized``, ``passphrase_forms``); the bounds
    are checked again here so no path derives with absurd settings.
    """
    params.check_bounds()
    secret = passphrase.encode("utf-8")
    try:
        if params.name == "argon2id":
            from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

            kdf: Any = Argon2id(
                salt=params.salt,
                length=KEY_BYTES,
                iterations=params.iterations,
                lanes=params.lanes,
                memory_cost=params.memory_kib,
            )
        else:
            from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

            kdf = Scrypt(salt=params.salt, length=KEY_BYTES, n=2**params.log2_n, r=params.r, p=params.p)
    except ImportError:
        raise EncryptionUnavailable() from None
    return bytes(kdf.derive(secret))


def _recovery_wrapping_key(recovery_secret: bytes, salt: bytes) -> bytes:
    # The recovery key is 256 random bits, so a fast derivation is enough.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return bytes(
        HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=_RECOVERY_INFO).derive(
            recovery_secret
        )
    )


# ---------------------------------------------------------------- recovery key text


def format_recovery_key(secret: bytes) -> str:
    """A recovery key as groups of four letters and digits, e.g. ``ABCD-EFGH-...``."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + _RECOVERY_GROUP] for i in range(0, len(text), _RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The secret from a typed recovery key: case, spaces and dashes do not matter."""
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        secret = base64.b32decode(padded)
    except ValueError:
        raise WrongPassphrase(
            "that is not a recovery key (it has letters or digits a recovery key never has)"
        ) from None
    if len(secret) != KEY_BYTES:
        raise WrongPassphrase("that is not a whole recovery key (too short or too long)")
    return secret


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class Wrapping:
    """The data key sealed under one wrapping key."""

    nonce: bytes
    sealed: bytes

    @classmethod
    def make(cls, wrapping_key: bytes, data_key: bytes, ad: bytes) -> Wrapping:
        nonce = os.urandom(NONCE_BYTES)
        return cls(nonce, bytes(aesgcm(wrapping_key).encrypt(nonce, data_key, ad)))

    def unwrap(self, wrapping_key: bytes, ad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return bytes(aesgcm(wrapping_key).decrypt(self.nonce, self.sealed, ad))
        except InvalidTag:
            raise WrongPassphrase("wrong passphrase") from None


@dataclass(frozen=True)
class KeyFile:
    """The contents of ``store-key.toml``."""

    kdf: KdfParams
    passphrase_wrapping: Wrapping
    recovery_salt: bytes | None = None
    recovery_wrapping: Wrapping | None = None

    # ----------------------------------------------------------- making and opening

    @classmethod
    def create(cls, passphrase: str, *, params: KdfParams | None = None) -> tuple[KeyFile, bytes, str]:
        """A new data key wrapped by ``passphrase`` and by a new recovery key.

        Returns the key file, the data key and the recovery key text (to show once).
        """
        params = params or default_kdf_params()
        data_key = secrets.token_bytes(KEY_BYTES)
        recovery_secret = secrets.token_bytes(KEY_BYTES)
        recovery_salt = os.urandom(SALT_BYTES)
        key_file = cls(
            params,
            Wrapping.make(derive_key(normalized(passphrase), params), data_key, _PASSPHRASE_AD),
            recovery_salt,
            Wrapping.make(_recovery_wrapping_key(recovery_secret, recovery_salt), data_key, _RECOVERY_AD),
        )
        return key_file, data_key, format_recovery_key(recovery_secret)

    def unlock(self, passphrase: str) -> bytes:
        """The data key, or ``WrongPassphrase``.

        The passphrase is normalised to NFC; an older key file (no recorded
        normalisation) is also tried with the passphrase as typed and decomposed.
        """
        for form in passphrase_forms(passphrase, self.kdf):
            try:
                return self.passphrase_wrapping.unwrap(derive_key(form, self.kdf), _PASSPHRASE_AD)
            except WrongPassphrase:
                continue
        raise WrongPassphrase("wrong passphrase")

    def unlock_with_recovery_key(self, recovery_text: str) -> bytes:
        """The data key from the recovery key, or ``WrongPassphrase``."""
        if self.recovery_wrapping is None or self.recovery_salt is None:
            raise WrongPassphrase("this store has no recovery key")
        secret = parse_recovery_key(recovery_text)
        try:
            return self.recovery_wrapping.unwrap(
                _recovery_wrapping_key(secret, self.recovery_salt), _RECOVERY_AD
            )
        except WrongPassphrase:
            raise WrongPassphrase("wrong recovery key") from None

    def rewrapped(self, data_key: bytes, new_passphrase: str, *, params: KdfParams | None = None) -> KeyFile:
        """The same data key under a new passphrase (fresh salt); the recovery wrapping is kept."""
        params = params or replace(self.kdf, salt=os.urandom(SALT_BYTES), normalization=NORMALIZATION)
        wrapping_key = derive_key(normalized(new_passphrase), params)
        return replace(
            self,
            kdf=params,
            passphrase_wrapping=Wrapping.make(wrapping_key, data_key, _PASSPHRASE_AD),
        )

    def with_new_recovery_key(self, data_key: bytes) -> tuple[KeyFile, str]:
        """The same data key with a new recovery key (the old one stops working); returns its text."""
        secret = secrets.token_bytes(KEY_BYTES)
        salt = os.urandom(SALT_BYTES)
        wrapping = Wrapping.make(_recovery_wrapping_key(secret, salt), data_key, _RECOVERY_AD)
        return replace(self, recovery_salt=salt, recovery_wrapping=wrapping), format_recovery_key(secret)

    # ----------------------------------------------------------- file format

    def to_toml(self) -> str:
        doc: dict[str, Any] = {
            "format": KEY_FILE_FORMAT,
            "note": "The wrapped key of an encrypted sdm-facilitator store. Without it, and without "
            "the passphrase or the recovery key, the meetings cannot be read by anyone.",
            "cipher": "AES-256-GCM",
            "passphrase": {
                **self.kdf.to_dict(),
                "nonce": _b64(self.passphrase_wrapping.nonce),
                "wrapped_key": _b64(self.passphrase_wrapping.sealed),
            },
        }
        if self.recovery_wrapping is not None and self.recovery_salt is not None:
            doc["recovery"] = {
                "kdf": "hkdf-sha256",
                "salt": _b64(self.recovery_salt),
                "nonce": _b64(self.recovery_wrapping.nonce),
                "wrapped_key": _b64(self.recovery_wrapping.sealed),
            }
        return tomli_w.dumps(doc)

    @classmethod
    def from_toml(cls, text: str) -> KeyFile:
        try:
            raw = toml_reading.loads(text)
        except toml_reading.TOMLDecodeError:
            raise KeyFileError("the key file is damaged (not valid TOML)") from None
        if raw.get("format") != KEY_FILE_FORMAT:
            raise KeyFileError(
                f"the key file has format {raw.get('format')!r}; this version reads {KEY_FILE_FORMAT}"
            )
        pp = raw.get("passphrase")
        if not isinstance(pp, dict):
            raise KeyFileError("the key file has no passphrase wrapping")
        wrapping = Wrapping(_unb64(pp.get("nonce"), "nonce"), _unb64(pp.get("wrapped_key"), "wrapped_key"))
        rec = raw.get("recovery")
        if isinstance(rec, dict):
            return cls(
                KdfParams.from_dict(pp),
                wrapping,
                _unb64(rec.get("salt"), "recovery salt"),
                Wrapping(
                    _unb64(rec.get("nonce"), "recovery nonce"), _unb64(rec.get("wrapped_key"), "recovery key")
                ),
            )
        return cls(KdfParams.from_dict(pp), wrapping)

    def save(self, data_dir: Path) -> None:
        """Write the key file atomically (mode 0600): a crash leaves the old or the new one."""
        atomic_write_bytes(key_file_path(data_dir), self.to_toml().encode("utf-8"))

    @classmethod
    def load(cls, data_dir: Path) -> KeyFile:
        path = key_file_path(data_dir)
        try:
            # Through the pipe-safe reader: a named pipe called store-key.toml must not hang every command.
            text = read_small_file(path, MAX_KEY_FILE_BYTES).decode("utf-8")
        except FileNotFoundError:
            raise KeyFileError(f"this store has no key file ({path.name})") from None
        except OSError as error:
            raise KeyFileError(
                f"the key file {path.name} cannot be read ({unreadable_reason(error)})"
            ) from None
        except UnicodeDecodeError:
            raise KeyFileError(f"the key file {path.name} is damaged (not UTF-8 text)") from None
        return cls.from_toml(text)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(f"the key file is damaged ({what} missing)")
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise KeyFileError(f"the key file is damaged ({what} is not base64)") from None


def unlock_cipher(data_dir: Path, passphrase: str) -> FileCipher:
    """The store's file cipher from its passphrase (``WrongPassphrase``, ``KeyFileError``)."""
    return FileCipher(KeyFile.load(data_dir).unlock(passphrase))

"""The secret behind the evaluator's pseudonyms: made once, whole, and refused when it is not whole.

Pseudonyms are an HMAC of each id keyed with this secret. An empty or short
key makes them reversible: with ids of the form date plus 8 hex digits, an
HMAC keyed with ``b""`` falls to 2^32 tries per day. And a secret made anew
breaks what an evaluator relies on: that two exports from one laptop join up.
So:

- the secret is written whole or not at all: its bytes go to a temporary file
  (the store's own temporary-name pattern, so a crash's leftover is cleared by
  the one rule), are flushed, and are then linked to its name, which fails if
  another process made it first (then theirs is used);
- an existing secret that is empty, short, not hex or cannot be read is
  refused with one line saying what to do, never replaced in silence.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from sdm_facilitator.paths import PSEUDONYM_SECRET_NAME
from sdm_facilitator.storage.atomic import fsync_dir, remove_stale_temp_files, temp_path_for
from sdm_facilitator.storage.files import NotARegularFile, read_regular_file

SECRET_FILE = PSEUDONYM_SECRET_NAME
SECRET_BYTES = 32
#: The file holds the secret in hex and a line end; anything much longer is not this file.
_MAX_FILE_BYTES = 4096


class PseudonymSecretError(ValueError):
    """The secret file is there but unusable: the message says what to do, in one line."""


def _unusable(path: Path, what: str) -> PseudonymSecretError:
    return PseudonymSecretError(
        f"the pseudonym secret {path} {what}, so the evaluator's pseudonyms cannot be made safely. "
        "Restore it from a backup of the data folder to keep the pseudonyms of earlier exports; only if "
        "there is none, remove it and run this again for a new secret (new pseudonyms will not join up "
        "with earlier exports)"
    )


def read_secret(path: Path) -> bytes:
    """The secret in ``path``; ``FileNotFoundError`` if there is none, ``PseudonymSecretError`` if it is unusable."""
    try:
        data, info = read_regular_file(path, _MAX_FILE_BYTES)
    except FileNotFoundError:
        raise
    except NotARegularFile as error:
        raise _unusable(path, f"{error.strerror}") from None
    except OSError as error:
        raise _unusable(path, f"cannot be read ({error.strerror or type(error).__name__})") from None
    if info.st_size > _MAX_FILE_BYTES:
        raise _unusable(path, "is far too large to be a secret this app wrote")
    text = data.strip()
    if not text:
        raise _unusable(path, "is empty (a first write that was interrupted, or a file emptied since)")
    try:
        secret = bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise _unusable(path, "is not a secret this app wrote (it should be hexadecimal digits)") from None
    if len(secret) < SECRET_BYTES:
        raise _unusable(path, f"is too short ({len(secret)} bytes; the app writes {SECRET_BYTES})")
    return secret


def _create(path: Path) -> bytes:
    """Write a new secret whole under ``path`` unless another process got there first; the secret in use."""
    value = secrets.token_bytes(SECRET_BYTES)
    temp = temp_path_for(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        try:
            os.write(fd, (value.hex() + "\n").encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)  # never replaces: a secret another process made is kept
        except FileExistsError:
            return read_secret(path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)
    return value


def load_or_create_secret(data_dir: Path) -> bytes:
    """The local secret, created (0600, whole) on first use; never printed, never exported.

    Raises ``PseudonymSecretError`` (one line) for a secret file that is there but unusable.
    """
    path = data_dir / SECRET_FILE
    try:
        return read_secret(path)
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(data_dir)  # a first write killed before its link left its copy
    return _create(path)

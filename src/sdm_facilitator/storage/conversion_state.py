"""Whether the store is half way through being encrypted or decrypted.

The conversion writes this small marker before it touches the first file and
removes it after the last, so a conversion stopped at any point (a crash, a
SIGKILL, a closed lid) is visible to the next start, which can then read both
kinds of file and finish the job. The marker holds the direction and, during
an encryption, the new recovery key sealed under the store's data key: a run
that resumes an interrupted encryption unlocks the data key with the
passphrase and can show the recovery key again, so a kill at any moment
never loses it. The marker, and that sealed copy with it, goes when the
conversion is finished.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
from pathlib import Path
from typing import Literal

from sdm_facilitator import toml_reading
from sdm_facilitator.paths import conversion_file_path
from sdm_facilitator.storage.atomic import atomic_write_bytes, fsync_dir
from sdm_facilitator.storage.files import read_small_file

Direction = Literal["encrypt", "decrypt"]
_DIRECTIONS: tuple[Direction, ...] = ("encrypt", "decrypt")
# The marker is one short line (plus, during an encryption, the sealed recovery key).
MAX_MARKER_BYTES = 64 * 1024


def conversion_direction(data_dir: Path) -> Direction | None:
    """``"encrypt"`` or ``"decrypt"`` while a conversion is unfinished, else None."""
    path = conversion_file_path(data_dir)
    try:
        # Never waits on a named pipe put in the marker's place (that hung every command).
        text = read_small_file(path, MAX_MARKER_BYTES).decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        return "encrypt"  # unreadable marker: read both kinds of file, write encrypted
    for direction in _DIRECTIONS:
        if f'"{direction}"' in text:
            return direction
    return "encrypt"


def mark_conversion(data_dir: Path, direction: Direction, sealed_recovery_key: bytes | None = None) -> None:
    """Record that a conversion has started (atomically and durably).

    ``sealed_recovery_key`` (encrypt only) is the recovery key sealed under the
    data key, kept until the conversion is finished.
    """
    text = f'direction = "{direction}"\n'
    if sealed_recovery_key is not None:
        text += f'sealed_recovery_key = "{base64.b64encode(sealed_recovery_key).decode("ascii")}"\n'
    atomic_write_bytes(conversion_file_path(data_dir), text.encode())


def sealed_recovery_key(data_dir: Path) -> bytes | None:
    """The recovery key sealed into the marker of an unfinished encryption, or None."""
    try:
        raw = toml_reading.loads(
            read_small_file(conversion_file_path(data_dir), MAX_MARKER_BYTES).decode("utf-8")
        )
    except (OSError, UnicodeDecodeError, toml_reading.TOMLDecodeError):
        return None
    value = raw.get("sealed_recovery_key")
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        return None


def clear_conversion(data_dir: Path) -> None:
    """Record that the conversion has finished."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(conversion_file_path(data_dir))
    fsync_dir(data_dir)

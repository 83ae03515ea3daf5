"""Whether the store is half way through being encrypted or decrypted.

The conversion writes this small marker before it touches the first file and
removes it after the last, so a conversion stopped at any point (a crash, a
SIGKILL, a closed lid) is visible to the next start, which can then read both
kinds of file and finish the job. The marker holds only the direction.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Literal

from sdm_facilitator.storage.atomic import atomic_write_bytes, fsync_dir
from sdm_facilitator.storage.files import read_small_file

Direction = Literal["encrypt", "decrypt"]
CONVERSION_FILE_NAME = "store-conversion.toml"
_DIRECTIONS: tuple[Direction, ...] = ("encrypt", "decrypt")
# The marker is one short line (plus, during an encryption, the sealed recovery key).
MAX_MARKER_BYTES = 64 * 1024


def conversion_file_path(data_dir: Path) -> Path:
    return data_dir / CONVERSION_FILE_NAME


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


def mark_conversion(data_dir: Path, direction: Direction) -> None:
    """Record that a conversion has started (atomically and durably)."""
    atomic_write_bytes(conversion_file_path(data_dir), f'direction = "{direction}"\n'.encode())


def clear_conversion(data_dir: Path) -> None:
    """Record that the conversion has finished."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(conversion_file_path(data_dir))
    fsync_dir(data_dir)

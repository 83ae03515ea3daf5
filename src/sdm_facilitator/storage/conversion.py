"""Encrypting or decrypting a whole store in place, safely.

Each file is converted on its own with the store's atomic write, so a crash
at any moment leaves every file either as it was or wholly converted, never
half of each. A marker (``conversion_state``) says a conversion is under way,
and while it exists the store reads both kinds of file; running the same
command again carries on from where it stopped, because files already in the
target form are skipped. The order of steps is chosen so that nothing is ever
unreadable:

encrypt: marker, key file (once), each plain file sealed, marker removed.
decrypt: marker, each sealed file opened, key file removed, marker removed.

Derived caches (a summary index) are dropped first and rebuilt later, so no
plain summary stays in an encrypted store. Files are converted as bytes (never parsed and re-written), so a file this
version cannot read, or one with keys from a newer version, comes out with
exactly the same content. Each meeting's lock is held while the conversion
runs: a meeting open in the app stops the conversion before anything changes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sdm_facilitator.storage.atomic import atomic_write_bytes, fsync_dir, remove_stale_temp_files
from sdm_facilitator.storage.caches import drop_derived_caches
from sdm_facilitator.storage.codec import is_safe_id
from sdm_facilitator.storage.conversion_state import clear_conversion, conversion_direction, mark_conversion
from sdm_facilitator.storage.crypto import DamagedFile, FileCipher, is_encrypted
from sdm_facilitator.storage.drafts import DRAFT_RECORD_ID, draft_files
from sdm_facilitator.storage.keyfile import key_file_path
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.store import MeetingStore, StoreError

Progress = Callable[[int, int], None]


class ConversionBlocked(StoreError):
    """The conversion cannot start or go on; nothing more was changed."""


@dataclass(frozen=True)
class ConversionResult:
    converted: int
    already_done: int
    temp_files_removed: int


def store_files(store: MeetingStore) -> list[Path]:
    """Every file holding meeting data: meeting files and conflict copies (not locks or temp files)."""
    if not store.folder.is_dir():
        return []
    return sorted(p for p in store.folder.glob("*.toml") if not p.name.startswith("."))


@contextlib.contextmanager
def _all_locks(store: MeetingStore, files: list[Path]) -> Iterator[None]:
    """Hold every meeting's lock, or stop before changing anything if one is open elsewhere."""
    held: list[MeetingLock] = []
    try:
        for path in files:
            if not is_safe_id(path.stem):
                continue
            lock = MeetingLock(store.lock_path_for(path.stem))
            if not lock.acquire():
                raise ConversionBlocked(
                    f"meeting {path.stem} is open in sdm-facilitator; close the app and run this again"
                )
            held.append(lock)
        yield
    finally:
        for lock in held:
            lock.release()


def _sealed_id(path: Path) -> str:
    # The record id sealed into a converted file: the meeting id for a meeting
    # file; conflict copies and oddly named files carry none (their names do
    # not have to match one).
    return path.stem if is_safe_id(path.stem) else ""


def encrypt_store(
    data_dir: Path,
    cipher: FileCipher,
    *,
    create_key_file: Callable[[], None] | None = None,
    progress: Progress | None = None,
) -> ConversionResult:
    """Seal every plain file of the store under ``cipher``'s data key.

    ``create_key_file`` writes the key file when the store has none yet; it
    runs after the marker is written, so a crash between the two is resumed.
    """
    store = MeetingStore(data_dir, cipher=cipher)
    removed = store.ensure()
    files = store_files(store)
    with _all_locks(store, files):
        mark_conversion(data_dir, "encrypt")
        drop_derived_caches(store.folder)
        if not key_file_path(data_dir).exists():
            if create_key_file is None:
                raise ConversionBlocked("the store has no key file")
            create_key_file()
        converted = done = 0
        for number, path in enumerate(files, 1):
            data = path.read_bytes()
            if is_encrypted(data):
                done += 1
            else:
                atomic_write_bytes(path, cipher.seal(data, _sealed_id(path)))
                converted += 1
            if progress:
                progress(number, len(files))
        for path in draft_files(store.folder):  # text typed in a dialog when the app was stopped
            data = path.read_bytes()
            if not is_encrypted(data):
                atomic_write_bytes(path, cipher.seal(data, DRAFT_RECORD_ID))
        clear_conversion(data_dir)
    return ConversionResult(converted, done, len(removed))


def _open_or_refuse(cipher: FileCipher, path: Path, data: bytes) -> bytes:
    """The plain bytes of one file (as they are when not sealed); ``ConversionBlocked`` if damaged."""
    if not is_encrypted(data):
        return data
    try:
        return cipher.open(data, _sealed_id(path) or None)
    except DamagedFile as error:
        raise ConversionBlocked(
            f"{path.name} is damaged ({error}); nothing was decrypted and the store stays encrypted. "
            "Move it out of the meetings folder (or restore it from a backup) and run decrypt again"
        ) from None


def decrypt_store(
    data_dir: Path, cipher: FileCipher, *, progress: Progress | None = None
) -> ConversionResult:
    """Open every sealed file of the store and write it back in clear, then drop the key file.

    A damaged file stops the conversion before the key file is removed, so
    the other files stay readable and the damaged one can be dealt with.
    """
    store = MeetingStore(data_dir, cipher=cipher)
    if conversion_direction(data_dir) != "decrypt" and not store.encrypted:
        raise ConversionBlocked("this store is not encrypted")
    removed = remove_stale_temp_files(store.folder)
    files = store_files(store)
    with _all_locks(store, files):
        # Every sealed file must open before the first one is written in clear: a damaged
        # file found half way would leave a store that is neither one thing nor the other.
        for path in [*files, *draft_files(store.folder)]:
            _open_or_refuse(cipher, path, path.read_bytes())
        mark_conversion(data_dir, "decrypt")
        drop_derived_caches(store.folder)
        converted = done = 0
        for number, path in enumerate(files, 1):
            data = path.read_bytes()
            if not is_encrypted(data):
                done += 1
            else:
                atomic_write_bytes(path, _open_or_refuse(cipher, path, data))
                converted += 1
            if progress:
                progress(number, len(files))
        for path in draft_files(store.folder):
            data = path.read_bytes()
            if is_encrypted(data):
                atomic_write_bytes(path, _open_or_refuse(cipher, path, data))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(key_file_path(data_dir))
        fsync_dir(data_dir)
        clear_conversion(data_dir)
    return ConversionResult(converted, done, len(removed))

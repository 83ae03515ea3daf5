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

A file that is not a meeting the store could ever read (larger than a
meeting file can be, a named pipe, a device) is never read whole: its size
and type are checked first, it is left exactly as it was and named in
``ConversionResult.skipped``, and the rest of the store is converted.

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

from sdm_facilitator.storage.atomic import atomic_write_bytes, fsync_dir
from sdm_facilitator.storage.caches import drop_derived_caches
from sdm_facilitator.storage.codec import is_safe_id
from sdm_facilitator.storage.conversion_state import (
    clear_conversion,
    conversion_direction,
    mark_conversion,
    sealed_recovery_key,
)
from sdm_facilitator.storage.crypto import DamagedFile, FileCipher, is_encrypted
from sdm_facilitator.storage.drafts import DRAFT_RECORD_ID, draft_files
from sdm_facilitator.storage.files import read_regular_file, unreadable_reason
from sdm_facilitator.storage.keyfile import key_file_path
from sdm_facilitator.storage.leftovers import remove_leftover_temp_files
from sdm_facilitator.storage.limits import MAX_FILE_BYTES, size_problem
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.missing_key import holds_sealed_files, missing_key_message
from sdm_facilitator.storage.store import MeetingStore, StoreError

Progress = Callable[[int, int], None]
# The record id the pending recovery key is sealed under (never a meeting id: those start with a date).
RECOVERY_RECORD_ID = "recovery-key"


class ConversionBlocked(StoreError):
    """The conversion cannot start or go on; nothing more was changed."""


@dataclass(frozen=True)
class SkippedFile:
    """A file the conversion left exactly as it was, and why (never its content)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ConversionResult:
    converted: int
    already_done: int
    temp_files_removed: int
    #: Files left as they were: too large to be a meeting, or not an ordinary file.
    skipped: tuple[SkippedFile, ...] = ()


# A sealed file is its plain text plus a header, nonce and tag (at most 102 bytes).
_MAX_CONVERTED_BYTES = MAX_FILE_BYTES + 1024


def _read_for_conversion(path: Path) -> bytes | SkippedFile:
    """The whole file, or why it is left alone; the size is checked before anything is read.

    A 3 GB ``*.toml`` was read whole (3.2 GB of memory, then OverflowError,
    every retry the same); a named pipe would have made the conversion wait
    forever. Neither can be a meeting, so neither is converted.
    """
    try:
        data, info = read_regular_file(path, _MAX_CONVERTED_BYTES)
    except OSError as error:
        return SkippedFile(path, f"cannot be read ({unreadable_reason(error)})")
    if info.st_size > _MAX_CONVERTED_BYTES or len(data) > _MAX_CONVERTED_BYTES:
        too_large = size_problem(max(info.st_size, len(data)))
        return SkippedFile(path, f"is {too_large.message if too_large else 'too large'}")
    return data


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
    recovery_key: str | None = None,
    progress: Progress | None = None,
) -> ConversionResult:
    """Seal every plain file of the store under ``cipher``'s data key.

    ``create_key_file`` writes the key file when the store has none yet; it
    runs after the marker is written, so a crash between the two is resumed.
    ``recovery_key`` (its text) is kept in the marker, sealed under the data
    key, until the last file is done: a resumed run can show it again.
    """
    store = MeetingStore(data_dir, cipher=cipher)
    if not key_file_path(data_dir).exists() and holds_sealed_files(store.folder):
        # Sealed under a key file that is gone: a new key would leave them unreadable for good
        # once they are taken for "already encrypted". The old key file must come back.
        raise ConversionBlocked(missing_key_message(data_dir))
    removed = store.ensure()
    files = store_files(store)
    with _all_locks(store, files):
        sealed = cipher.seal(recovery_key.encode("ascii"), RECOVERY_RECORD_ID) if recovery_key else None
        mark_conversion(data_dir, "encrypt", sealed)
        drop_derived_caches(store.folder)
        if not key_file_path(data_dir).exists():
            if create_key_file is None:
                raise ConversionBlocked("the store has no key file")
            create_key_file()
        converted = done = 0
        skipped: list[SkippedFile] = []
        for number, path in enumerate(files, 1):
            data = _read_for_conversion(path)
            if isinstance(data, SkippedFile):
                skipped.append(data)
            elif is_encrypted(data):
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
    return ConversionResult(converted, done, len(removed), tuple(skipped))


def pending_recovery_key(data_dir: Path, cipher: FileCipher) -> str | None:
    """The recovery key of an unfinished encryption, opened with the data key; None if there is none."""
    sealed = sealed_recovery_key(data_dir)
    if sealed is None or conversion_direction(data_dir) != "encrypt":
        return None
    try:
        return cipher.open(sealed, RECOVERY_RECORD_ID).decode("ascii")
    except (DamagedFile, UnicodeDecodeError):
        return None


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
    removed = remove_leftover_temp_files(data_dir)
    files = store_files(store)
    with _all_locks(store, files):
        # Every sealed file must open before the first one is written in clear: a damaged
        # file found half way would leave a store that is neither one thing nor the other.
        skipped: list[SkippedFile] = []
        for path in files:
            checked = _read_for_conversion(path)
            if isinstance(checked, SkippedFile):
                skipped.append(checked)  # never sealed by the app: nothing to decrypt in it
            else:
                _open_or_refuse(cipher, path, checked)
        for path in draft_files(store.folder):
            _open_or_refuse(cipher, path, path.read_bytes())
        mark_conversion(data_dir, "decrypt")
        drop_derived_caches(store.folder)
        converted = done = 0
        left_alone = {item.path for item in skipped}
        for number, path in enumerate(files, 1):
            data = _read_for_conversion(path) if path not in left_alone else None
            if isinstance(data, SkippedFile):
                skipped.append(data)  # changed since the check: left as it is
            elif data is None:
                pass
            elif not is_encrypted(data):
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
    return ConversionResult(converted, done, len(removed), tuple(skipped))

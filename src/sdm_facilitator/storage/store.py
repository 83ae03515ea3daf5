"""The meeting store: one TOML file per meeting in the data folder.

Reading is defensive (size cap, byte-order mark, every parser failure turned
into a readable reason) and never modifies a bad file. Writing is atomic and
durable, refuses to overwrite a file that changed behind the app's back (it
keeps both versions instead), and honours a per-meeting OS lock so two copies
of the app never silently overwrite each other.

In an encrypted store (``storage/keyfile.py``, ``storage/crypto.py``) file
bytes pass through one function on the way in (``decode_file_bytes``) and one
on the way out (``encode_file_bytes``); everything else (size limits, the
atomic write, conflict copies, fingerprints of the bytes on disk) is the same
for both kinds of store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sdm_facilitator import toml_reading

if TYPE_CHECKING:
    from sdm_facilitator.storage.index_head import FileKey
from sdm_facilitator.domain.handover import handed_away_reason
from sdm_facilitator.domain.meeting import SCHEMA_VERSION, Meeting, listing_key, utc_now
from sdm_facilitator.paths import meetings_dir
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.codec import (
    CodecError,
    SectionCache,
    is_safe_id,
    meeting_data_to_bytes,
    meeting_from_dict,
    to_dict,
)
from sdm_facilitator.storage.conversion_state import conversion_direction
from sdm_facilitator.storage.crypto import DamagedFile, FileCipher, is_encrypted
from sdm_facilitator.storage.files import (
    NotARegularFile,
    ReadOnlyFolder,
    make_private_folder,
    owner_made_read_only,
    read_regular_file,
)
from sdm_facilitator.storage.folder_safety import FolderProblem, describe_problems, folder_problems
from sdm_facilitator.storage.keyfile import key_file_path
from sdm_facilitator.storage.leftovers import remove_leftover_temp_files
from sdm_facilitator.storage.limits import (
    MAX_FILE_BYTES,
    data_problem,
    key_on_line,
    long_number_problem,
    size_problem,
    text_problem,
)
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.open_marker import REFRESH_EVERY, clear_open, mark_open, open_elsewhere
from sdm_facilitator.storage.read_ahead import ReadAhead

BOM = b"\xef\xbb\xbf"
_LINE_IN_TOML_ERROR = re.compile(r"at line (\d+)")
# Names sync tools give to conflict copies, e.g. "x (conflicted copy 2026-01-02).toml",
# "x (Laptop's conflicted copy).toml", "x-DESKTOP-AB12.toml", "x (1).toml".
CONFLICT_COPY_HINT = "conflict copy"


class StoreError(Exception):
    """A problem with the store that the caller shows to the user as is."""


class MeetingNotFound(StoreError):
    """No meeting file has the asked-for id."""


class ReadOnlyError(StoreError):
    """The meeting is open read-only (locked elsewhere, or from a newer version)."""


class StoreLocked(StoreError):
    """The store is encrypted and has not been unlocked with its passphrase."""


class FolderNotPrivate(StoreError):
    """Other users can change the data folder: it is not used for saving."""


class KeyFileMissing(StoreError):
    """The folder holds encrypted files but no key file: nothing may be written (in clear or otherwise)."""


class FolderNotWritable(StoreError):
    """The data folder cannot be created, made private or written (read-only, not owned)."""


class ConflictError(StoreError):
    """The file changed on disk since it was loaded; our version was kept as a copy."""

    def __init__(self, message: str, copy_path: Path) -> None:
        super().__init__(message)
        self.copy_path = copy_path


@dataclass(frozen=True)
class Unreadable:
    """A meeting file that could not be read, and why (never its content)."""

    path: Path
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path.name}:{self.line}" if self.line else self.path.name
        return f"{where}: {self.reason}"


class UnreadableMeetingError(StoreError):
    """Raised by ``open`` for a file that does not parse or validate."""

    def __init__(self, unreadable: Unreadable) -> None:
        super().__init__(str(unreadable))
        self.unreadable = unreadable


@dataclass(frozen=True)
class Fingerprint:
    """What the file looked like when read, to notice changes behind our back."""

    size: int
    mtime_ns: int
    sha256: str
    #: The file's size, modification time, change time and inode just after this process wrote
    #: it (None for a file only read): while the file still shows exactly these, the next save
    #: need not read and hash it again (``MeetingStore._changed_on_disk``).
    written: tuple[int, int, int, int] | None = None


def _written_key(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What a file looks like to ``stat``: any writer other than this process changes at least one part.

    A writer that replaces the file makes a new inode; one that writes in place moves the change
    time (which, unlike the modification time, no tool can set back).
    """
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass
class OpenMeeting:
    """A meeting as loaded from disk, with what is needed to save it safely."""

    meeting: Meeting
    path: Path
    fingerprint: Fingerprint | None
    read_only_reason: str | None = None
    lock: MeetingLock | None = field(default=None, repr=False)
    #: Set when the last save is complete but the folder could not be flushed
    #: (some file systems and sync clients refuse): a warning, never a failure.
    sync_warning: str | None = None
    # What the last save proved about each section, so the next one checks only what changed.
    sections: SectionCache = field(default_factory=SectionCache, repr=False)
    # When this computer's "open here" marker (``open_marker.py``) was last written, if it was.
    marked_open_at: datetime | None = field(default=None, repr=False)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


@dataclass(frozen=True)
class ConflictCopy:
    """A second file holding a meeting that already has its own file."""

    path: Path
    meeting_id: str
    reason: str


@dataclass
class StoreListing:
    """Everything in the data folder: readable meetings, unreadable files, copies."""

    meetings: list[OpenMeeting] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    conflicts: list[ConflictCopy] = field(default_factory=list)


def _fingerprint(data: bytes, stat: os.stat_result) -> Fingerprint:
    return Fingerprint(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def parse_meeting_bytes(data: bytes, path: Path, *, allow_future: bool = True) -> tuple[Meeting, bool]:
    """Parse a meeting file's bytes; return the meeting and whether it is from a newer version.

    Every failure becomes an ``UnreadableMeetingError`` with a plain reason.
    """
    too_large = size_problem(len(data))
    if too_large is not None:
        raise UnreadableMeetingError(Unreadable(path, f"file is {too_large.message}"))
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableMeetingError(Unreadable(path, "not valid UTF-8 text", line)) from None
    problem = text_problem(text)
    if problem is not None:
        reason = (
            f"{problem.field}: {problem.message}"
            if problem.field
            else f"not a meeting file: {problem.message}"
        )
        raise UnreadableMeetingError(Unreadable(path, reason, problem.line))
    try:
        raw = toml_reading.loads(text)
    except toml_reading.TOMLDecodeError as error:
        raise UnreadableMeetingError(_toml_error(path, text, error)) from None
    except RecursionError:
        raise UnreadableMeetingError(Unreadable(path, "not valid TOML: nested too deeply")) from None
    except (ValueError, MemoryError, OverflowError) as error:
        # e.g. an integer with more digits than Python will convert.
        too_long = long_number_problem(text)
        if too_long is not None:
            raise UnreadableMeetingError(
                Unreadable(path, f"{too_long.field or 'a value'}: {too_long.message}", too_long.line)
            ) from None
        raise UnreadableMeetingError(
            Unreadable(path, f"not valid TOML: a value is too large to read ({type(error).__name__})")
        ) from None
    too_much = data_problem(raw)
    if too_much is not None:
        where = f"{too_much.field}: " if too_much.field else ""
        raise UnreadableMeetingError(Unreadable(path, f"not a meeting file: {where}{too_much.message}"))
    try:
        meeting = meeting_from_dict(raw, allow_future=allow_future)
    except CodecError as error:
        raise UnreadableMeetingError(Unreadable(path, str(error))) from None
    except RecursionError:
        raise UnreadableMeetingError(Unreadable(path, "nested too deeply")) from None
    return meeting, meeting.schema_version > SCHEMA_VERSION


_LEAP_SECOND = re.compile(r"\d{2}:\d{2}:60")


def _toml_error(path: Path, text: str, error: toml_reading.TOMLDecodeError) -> Unreadable:
    """A parser error in words a person can act on, with the line and, where known, the field."""
    message = str(error)
    match = _LINE_IN_TOML_ERROR.search(message)
    line = int(match.group(1)) if match else None
    if line is not None:
        lines = text.split("\n")
        if line <= len(lines) and _LEAP_SECOND.search(lines[line - 1]):
            key = key_on_line(text, line)
            where = f"{key}: " if key else ""
            return Unreadable(
                path,
                f"{where}a time with 60 seconds (a leap second); expected seconds from 00 to 59, such as 23:59:59",
                line,
            )
    return Unreadable(path, f"not valid TOML: {message}", line)


def _folder_sync_warning(error: OSError | None) -> str | None:
    """The words for a save that is complete but whose folder could not be flushed."""
    if error is None:
        return None
    return (
        f"Saved, but the folder could not be flushed to the disk ({error.strerror or type(error).__name__}); "
        "this file system or sync tool may not keep the newest save after a sudden power cut."
    )


def conflict_reasons(meeting_id: str, names: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """Of the files holding one meeting, the one to use, and why each other file is a copy.

    The file named after the id wins; without one, the first by name is used
    and is itself listed as misnamed.
    """
    own = f"{meeting_id}.toml"
    canonical = own if own in names else names[0]
    reasons = []
    for name in names:
        if name == canonical:
            continue
        if canonical == own:
            why = f"another copy of meeting {meeting_id} (for example from a sync folder or a save conflict)"
        else:
            why = f"file name does not match meeting id {meeting_id}"
        reasons.append((name, why))
    if canonical != own:
        reasons.append((canonical, f"file name does not match meeting id {meeting_id}"))
    return canonical, reasons


class MeetingStore:
    """Meeting files in ``data_dir/meetings``, one per meeting, named by id."""

    def __init__(
        self, data_dir: Path, extra_folders: tuple[Path, ...] = (), *, cipher: FileCipher | None = None
    ) -> None:
        self.data_dir = data_dir
        self.folder = meetings_dir(data_dir)
        #: Other folders whose privacy matters, such as a guides folder set elsewhere.
        self.extra_folders = extra_folders
        #: Set when the whole store must not be written (an unsafe or read-only folder).
        self.read_only_reason: str | None = None
        self.cipher = cipher
        # Whether the folder holds sealed files, once looked at (``missing_key_problem``).
        self._holds_sealed: bool | None = None
        #: The meeting read ahead of its open while its row is highlighted (``read_ahead.py``).
        self.read_ahead = ReadAhead()

    # ------------------------------------------------------------ file bytes

    @property
    def encrypted(self) -> bool:
        """Whether this store is (or is becoming) encrypted: its key file exists.

        Checked on every use, so a store converted while this object lives is
        never written to in clear afterwards.
        """
        return key_file_path(self.data_dir).exists()

    @property
    def locked(self) -> bool:
        """Encrypted, and no data key given: nothing can be read or written."""
        return self.cipher is None and self.encrypted

    def missing_key_problem(self, files: dict[str, FileKey] | None = None) -> str | None:
        """Why nothing may be written: the folder holds encrypted files but its key file is gone.

        The folder is looked at once per store object (eight bytes of each file);
        a store that was unlocked is known to be encrypted without looking.
        """
        if self.encrypted or conversion_direction(self.data_dir) == "decrypt":
            return None
        if self.cipher is not None:
            self._holds_sealed = True
        elif self._holds_sealed is None:
            from sdm_facilitator.storage.missing_key import holds_sealed_files

            self._holds_sealed = holds_sealed_files(self.folder, files)
        if not self._holds_sealed:
            return None
        from sdm_facilitator.storage.missing_key import missing_key_message

        return missing_key_message(self.data_dir)

    def writes_refused(self) -> str | None:
        """Why nothing at all may be written in this store now (not even a cache), or None."""
        return self.read_only_reason or self.missing_key_problem()

    def encode_file_bytes(self, plain: bytes, record_id: str) -> bytes:
        """The bytes to write for ``plain``: sealed in an encrypted store, as they are otherwise.

        The one way out for file contents: meeting files, conflict copies, and
        anything else the store keeps (a summary index uses ``record_id="index"``).
        A folder of encrypted files whose key file is gone is refused
        (``KeyFileMissing``): it must never receive a file in clear.
        """
        if not self.encrypted or conversion_direction(self.data_dir) == "decrypt":
            missing_key = self.missing_key_problem()
            if missing_key is not None:
                raise KeyFileMissing(missing_key)
            return plain
        if self.cipher is None:
            raise StoreLocked("the store is encrypted and locked: unlock it with its passphrase first")
        return self.cipher.seal(plain, record_id)

    def decode_file_bytes(self, data: bytes, path: Path, expected_id: str | None = None) -> bytes:
        """The plain bytes of a file read from disk; the one way in for file contents.

        A damaged encrypted file, or a plain file where only encrypted ones
        belong, becomes ``UnreadableMeetingError`` with a reason and nothing
        of its content. ``expected_id`` (default: the file name, when it is a
        meeting id) must be the id sealed into an encrypted file.
        """
        if not is_encrypted(data):
            if self.encrypted and conversion_direction(self.data_dir) is None:
                raise UnreadableMeetingError(
                    Unreadable(
                        path,
                        "not encrypted, though this store is (copied in by hand or from a backup?); "
                        "run 'sdm-facilitator encrypt' to encrypt it",
                    )
                )
            return data
        if self.cipher is None:
            if self.encrypted:
                raise StoreLocked("the store is encrypted and locked: unlock it with its passphrase first")
            raise UnreadableMeetingError(Unreadable(path, "encrypted, but this data folder has no key file"))
        if expected_id is None and is_safe_id(path.stem):
            expected_id = path.stem
        try:
            return self.cipher.open(data, expected_id)
        except DamagedFile as error:
            raise UnreadableMeetingError(Unreadable(path, f"damaged: {error}")) from None

    # ------------------------------------------------------------ set-up

    def folder_problems(self) -> list[FolderProblem]:
        """Why the data folder is not private to this user (empty when it is)."""
        return folder_problems(self.data_dir, self.extra_folders)

    def ensure(self, *, clear_temp_files: bool = True) -> list[Path]:
        """Create the folders (private to this user) and clear crashed writers' temp files.

        The temp files of every write in the data folder (meetings, the summary
        index, exported papers, settings: ``leftovers.py``), not only the meetings'.

        Refuses (``FolderNotPrivate``) a folder other users can change, and
        reports a folder that cannot be made private or written
        (``FolderNotWritable``) instead of failing somewhere later. Returns
        the temporary files removed. Clearing them reads the whole folder, so
        ``create`` leaves it to start-up: with 10,000 meetings a scan on every
        new meeting made filling a store take quadratic time.
        """
        problems = self.folder_problems()
        if problems:
            raise FolderNotPrivate(describe_problems(problems))
        new_data_dir = not self.data_dir.exists()
        try:
            if new_data_dir:
                make_private_folder(self.data_dir)
            make_private_folder(self.folder)
        except ReadOnlyFolder:
            raise FolderNotWritable(
                self.owner_read_only_problem() or "the meetings folder is read-only"
            ) from None
        except OSError as error:
            raise FolderNotWritable(
                f"the data folder {self.data_dir} cannot be used for saving "
                f"({error.strerror or type(error).__name__}); meetings can only be read"
            ) from None
        owner_read_only = self.owner_read_only_problem()
        if owner_read_only is not None:
            raise FolderNotWritable(owner_read_only)
        return remove_leftover_temp_files(self.data_dir) if clear_temp_files else []

    def owner_read_only_problem(self) -> str | None:
        """Why the store must stay read-only because its owner made it so (``chmod 500``), or None.

        The app never gives back a write permission its owner took away.
        """
        for folder in (self.folder, self.data_dir):
            mode = owner_made_read_only(folder)
            if mode is not None:
                return (
                    f"the folder {folder} was made read-only by its owner (mode {mode}), so nothing is "
                    f"changed in it; to save again, run: chmod u+wx {shlex.quote(str(folder))}"
                )
        return None

    def refuse_writes(self, reason: str) -> None:
        """Open every meeting read-only from now on, for ``reason`` (shown as a banner)."""
        self.read_only_reason = reason

    def path_for(self, meeting_id: str) -> Path:
        """The file of ``meeting_id``; refuses ids that are not safe file names."""
        if not is_safe_id(meeting_id):
            raise MeetingNotFound(f"'{meeting_id}' is not a meeting id")
        return self.folder / f"{meeting_id}.toml"

    def lock_path_for(self, meeting_id: str) -> Path:
        return self.folder / f".{meeting_id}.lock"

    # ------------------------------------------------------------ reading

    def _read(self, path: Path) -> tuple[bytes, os.stat_result]:
        return self.read_bytes(path)

    def read_bytes(self, path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
        """The one place the store reads a file's bytes (meetings and the summary index).

        Only regular files, never through a link, never waiting on a pipe.
        """
        data, stat = read_regular_file(path, limit)
        if stat.st_size > limit:
            # A meeting file is told what its limit is; another file (the summary index) has its own.
            too_large = size_problem(stat.st_size) if limit == MAX_FILE_BYTES else None
            reason = (
                too_large.message if too_large else f"too large ({stat.st_size:,} bytes, at most {limit:,})"
            )
            raise UnreadableMeetingError(Unreadable(path, f"file is {reason}"))
        return data, stat

    def write_bytes(self, path: Path, data: bytes) -> OSError | None:
        """The one place the store writes a file's bytes: atomically and durably.

        Returns the folder-flush failure, if any, after a complete save (a warning, never a failure).
        """
        return atomic_write_bytes(path, data)

    def read_meeting_bytes(self, path: Path) -> tuple[bytes, os.stat_result]:
        """A meeting file's bytes, with every reason it cannot be read said as ``UnreadableMeetingError``.

        Raises ``MeetingNotFound`` when the file is not there (removed while listing).
        Opening a meeting and the summary index both read through here, so a pipe or a
        folder named like a meeting is listed with the same reason either way.
        """
        try:
            return self._read(path)
        except FileNotFoundError:
            raise MeetingNotFound(f"no meeting file {path.name}") from None
        except NotARegularFile as error:
            raise UnreadableMeetingError(Unreadable(path, str(error.strerror))) from None
        except OSError as error:
            raise UnreadableMeetingError(
                Unreadable(path, f"cannot be read: {error.strerror or error}")
            ) from None

    def read_ahead_of_opening(self, meeting_id: str) -> None:
        """Read and parse a meeting's file for an open that may follow (on a thread: ``read_ahead.py``).

        Nothing is locked or marked open, and nothing is said on failure: the open
        reads the file again and says what is wrong with it.
        """
        if self.locked:
            return
        path = self.path_for(meeting_id)
        ahead = self.read_ahead.begin(path)
        if ahead is None:
            return
        try:
            data, _stat = self.read_meeting_bytes(path)
            ahead.parsed = parse_meeting_bytes(self.decode_file_bytes(data, path), path)
            ahead.data = data
        except Exception:
            ahead.parsed = ahead.data = None
        finally:
            ahead.done.set()

    def _load_path(self, path: Path) -> OpenMeeting:
        data, stat = self.read_meeting_bytes(path)
        parsed = self.read_ahead.take(path, data)
        meeting, from_future = parsed or parse_meeting_bytes(self.decode_file_bytes(data, path), path)
        reason = None
        if from_future:
            reason = (
                f"This meeting was saved by a newer version of sdm-facilitator (schema {meeting.schema_version}). "
                "It is open read-only; update the app to edit it."
            )
        elif meeting.handovers:
            # The sender's copy of a meeting handed over to a colleague is never edited again here.
            reason = handed_away_reason(meeting.handovers)
        return OpenMeeting(meeting, path, _fingerprint(data, stat), reason)

    def list_meetings(self, progress: Callable[[int, int], None] | None = None) -> StoreListing:
        """Every meeting file, sorted by most recent activity; bad files listed, not hidden.

        ``progress(n, total)`` is called as the n-th file is read, for commands that
        read many meetings and show how far they have got.
        """
        listing = StoreListing()
        if not self.folder.is_dir():
            return listing
        by_id: dict[str, list[OpenMeeting]] = {}
        paths = [p for p in sorted(self.folder.glob("*.toml")) if not p.name.startswith(".")]
        for done, path in enumerate(paths, 1):
            if progress is not None:
                progress(done, len(paths))
            try:
                loaded = self._load_path(path)
            except UnreadableMeetingError as error:
                listing.unreadable.append(error.unreadable)
                continue
            except MeetingNotFound:
                continue  # removed while listing
            by_id.setdefault(loaded.meeting.id, []).append(loaded)
        for meeting_id, copies in by_id.items():
            names = [c.path.name for c in copies]
            canonical, copy_reasons = conflict_reasons(meeting_id, names)
            listing.meetings.append(copies[names.index(canonical)])
            listing.conflicts += [
                ConflictCopy(self.folder / name, meeting_id, why) for name, why in copy_reasons
            ]
        listing.meetings.sort(
            key=lambda m: listing_key(m.meeting.updated, m.meeting.family_label, m.meeting.id)
        )
        return listing

    def open(self, meeting_id: str, *, lock: bool = True) -> OpenMeeting:
        """Load one meeting for editing, taking its lock.

        If another copy of the app holds the lock, the meeting opens read-only
        with a reason the screen shows as a banner.
        """
        opened = self._load_path(self.path_for(meeting_id))
        if self.read_only_reason and not opened.read_only:
            opened.read_only_reason = self.read_only_reason
        if lock and not opened.read_only:
            meeting_lock = MeetingLock(self.lock_path_for(meeting_id))
            try:
                locked = meeting_lock.acquire()
            except OSError as error:
                opened.read_only_reason = (
                    f"This meeting cannot be locked for editing ({error.strerror or type(error).__name__}); "
                    "the folder may be read-only. It is shown read-only."
                )
                return opened
            elsewhere = open_elsewhere(self.folder, meeting_id) if locked else None
            if elsewhere is not None:
                # Open on another laptop sharing this folder through a sync engine: the OS lock cannot see it.
                meeting_lock.release()
                opened.read_only_reason = elsewhere.words()
            elif locked:
                opened.lock = meeting_lock
                self._mark_open(opened)
            else:
                opened.read_only_reason = (
                    "This meeting is open in another copy of sdm-facilitator. It is shown read-only here "
                    "so neither copy overwrites the other; close it there to edit it here."
                )
        return opened

    def close(self, opened: OpenMeeting) -> None:
        """Release the meeting's lock, and this computer's "open here" marker with it."""
        if opened.lock is not None:
            clear_open(self.folder, opened.meeting.id)
            opened.lock.release()
            opened.lock = None

    def _mark_open(self, opened: OpenMeeting) -> None:
        """Say in the folder that this computer has the meeting open (best effort: it is only a warning)."""
        if self.writes_refused() is not None:
            return
        now = utc_now()
        with contextlib.suppress(OSError):
            mark_open(self.folder, opened.meeting.id, now)
            opened.marked_open_at = now

    def _refresh_open_marker(self, opened: OpenMeeting, now: datetime | None) -> None:
        """Worked on here: keep the marker fresh, at most once every ``REFRESH_EVERY``."""
        now = now or utc_now()
        if opened.marked_open_at is None or now - opened.marked_open_at < REFRESH_EVERY:
            return
        with contextlib.suppress(OSError):
            mark_open(self.folder, opened.meeting.id, now, opened=opened.marked_open_at)
            opened.marked_open_at = now

    # ------------------------------------------------------------ writing

    def create(self, meeting: Meeting) -> OpenMeeting:
        """Write a new meeting file and return it open (and locked) for editing."""
        if self.read_only_reason:
            raise ReadOnlyError(self.read_only_reason)
        self.ensure(clear_temp_files=False)
        path = self.path_for(meeting.id)
        if path.exists():
            raise StoreError(f"a meeting with id {meeting.id} already exists")
        opened = OpenMeeting(meeting, path, None)
        try:
            self._write(opened)
        except CodecError as error:
            raise StoreError(f"the meeting could not be saved: {error}") from None
        except OSError as error:
            raise StoreError(
                f"the meeting could not be saved ({error.strerror or type(error).__name__})"
            ) from None
        meeting_lock = MeetingLock(self.lock_path_for(meeting.id))
        with contextlib.suppress(OSError):
            if meeting_lock.acquire():
                opened.lock = meeting_lock
                self._mark_open(opened)
        return opened

    def save(
        self, opened: OpenMeeting, *, now: datetime | None = None, data: dict[str, Any] | None = None
    ) -> None:
        """Save the meeting, unless that would overwrite changes made elsewhere.

        If the file changed on disk since it was loaded, the file is left as
        it is, our version is written next to it as a clearly named conflict
        copy, and ``ConflictError`` says where. ``data`` is a snapshot of the
        meeting (``to_dict``, already touched) taken when the save was asked
        for: a save on another thread writes that, never the record while it
        is being edited.
        """
        if opened.read_only_reason:
            raise ReadOnlyError(opened.read_only_reason)
        if data is None:
            opened.meeting.touch(now)
            data = to_dict(opened.meeting)
        if opened.fingerprint is not None and self._changed_on_disk(opened):
            copy_path = self.conflict_copy_path(opened.meeting.id, now)
            plain = meeting_data_to_bytes(data, opened.sections)
            self.write_bytes(copy_path, self.encode_file_bytes(plain, opened.meeting.id))
            raise ConflictError(
                "The meeting file was changed outside this window since it was opened "
                f"(another copy of the app, a sync folder or an editor). Both versions are kept: "
                f"the file as it is on disk, and your version in '{copy_path.name}'.",
                copy_path,
            )
        self._write(opened, data)
        self._refresh_open_marker(opened, now)

    def _changed_on_disk(self, opened: OpenMeeting) -> bool:
        assert opened.fingerprint is not None
        try:
            stat = opened.path.stat()
        except FileNotFoundError:
            return False  # removed behind our back: writing it again loses nothing
        if stat.st_size != opened.fingerprint.size:
            return True
        if opened.fingerprint.written == _written_key(stat):
            # Exactly as this process left it after its last write (verified then): reading and
            # hashing 1.3 MB again would only find the same bytes.
            return False
        # Same size and even the same modification time do not prove the same
        # content (coarse clocks on FAT, exFAT and network drives, sync tools
        # that restore times): always compare the content hash.
        try:
            data, _stat = self.read_bytes(opened.path)
        except (OSError, UnreadableMeetingError):
            return True
        return hashlib.sha256(data).hexdigest() != opened.fingerprint.sha256

    def _write(self, opened: OpenMeeting, snapshot: dict[str, Any] | None = None) -> None:
        if snapshot is None:
            snapshot = to_dict(opened.meeting)
        plain = meeting_data_to_bytes(snapshot, opened.sections)
        data = self.encode_file_bytes(plain, opened.meeting.id)
        not_flushed = self.write_bytes(opened.path, data)
        opened.sync_warning = _folder_sync_warning(not_flushed)
        with contextlib.suppress(OSError):
            stat = opened.path.stat()
            digest = hashlib.sha256(data).hexdigest()
            opened.fingerprint = Fingerprint(stat.st_size, stat.st_mtime_ns, digest, _written_key(stat))

    def conflict_copy_path(self, meeting_id: str, now: datetime | None = None) -> Path:
        """A name a person understands, next to the original, never overwriting one."""
        stamp = (now or utc_now()).astimezone().strftime("%Y-%m-%d %H%M%S")
        base = f"{meeting_id} ({CONFLICT_COPY_HINT} saved {stamp})"
        path = self.folder / f"{base}.toml"
        counter = 2
        while path.exists():
            path = self.folder / f"{base} {counter}.toml"
            counter += 1
        return path

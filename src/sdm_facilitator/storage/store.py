"""The meeting store: one TOML file per meeting in the data folder.

Reading is defensive (size cap, byte-order mark, every parser failure turned
into a readable reason) and never modifies a bad file. Writing is atomic and
durable, refuses to overwrite a file that changed behind the app's back (it
keeps both versions instead), and honours a per-meeting OS lock so two copies
of the app never silently overwrite each other.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.meeting import SCHEMA_VERSION, Meeting, utc_now
from sdm_facilitator.paths import meetings_dir
from sdm_facilitator.storage.atomic import atomic_write_bytes, remove_stale_temp_files
from sdm_facilitator.storage.codec import (
    CodecError,
    SectionCache,
    is_safe_id,
    meeting_data_to_toml,
    meeting_from_dict,
    nesting_problem,
    to_dict,
    toml_structure_problem,
)
from sdm_facilitator.storage.lock import MeetingLock

MAX_FILE_BYTES = 4 * 1024 * 1024
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


@dataclass
class OpenMeeting:
    """A meeting as loaded from disk, with what is needed to save it safely."""

    meeting: Meeting
    path: Path
    fingerprint: Fingerprint | None
    read_only_reason: str | None = None
    lock: MeetingLock | None = field(default=None, repr=False)
    # What the last save proved about each section, so the next one checks only what changed.
    sections: SectionCache = field(default_factory=SectionCache, repr=False)

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
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableMeetingError(
            Unreadable(path, f"file is too large ({len(data):,} bytes; a meeting file is at most {MAX_FILE_BYTES:,})")
        )
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableMeetingError(Unreadable(path, "not valid UTF-8 text", line)) from None
    problem = toml_structure_problem(text)
    if problem is not None:
        raise UnreadableMeetingError(Unreadable(path, f"not a meeting file: {problem[1]}", problem[0]))
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _LINE_IN_TOML_ERROR.search(message)
        raise UnreadableMeetingError(
            Unreadable(path, f"not valid TOML: {message}", int(match.group(1)) if match else None)
        ) from None
    except RecursionError:
        raise UnreadableMeetingError(Unreadable(path, "not valid TOML: nested too deeply")) from None
    except (ValueError, MemoryError, OverflowError) as error:
        # e.g. an integer with more digits than Python will convert.
        raise UnreadableMeetingError(Unreadable(path, f"not valid TOML: {type(error).__name__}")) from None
    too_deep = nesting_problem(raw)
    if too_deep is not None:
        raise UnreadableMeetingError(Unreadable(path, f"not a meeting file: {too_deep}"))
    try:
        meeting = meeting_from_dict(raw, allow_future=allow_future)
    except CodecError as error:
        raise UnreadableMeetingError(Unreadable(path, str(error))) from None
    except RecursionError:
        raise UnreadableMeetingError(Unreadable(path, "nested too deeply")) from None
    return meeting, meeting.schema_version > SCHEMA_VERSION


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

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.folder = meetings_dir(data_dir)

    # ------------------------------------------------------------ set-up

    def ensure(self) -> list[Path]:
        """Create the folders (private to this user) and clear crashed writers' temp files.

        Returns the temporary files removed.
        """
        new_data_dir = not self.data_dir.exists()
        self.folder.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(self.folder, 0o700)
            if new_data_dir:
                os.chmod(self.data_dir, 0o700)
        return remove_stale_temp_files(self.folder)

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
        """The one place the store reads a file's bytes (meetings and the summary index)."""
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size > limit:
                raise UnreadableMeetingError(
                    Unreadable(path, f"file is too large ({stat.st_size:,} bytes; a meeting file is at most {limit:,})")
                )
            return handle.read(limit + 1), stat

    def write_bytes(self, path: Path, data: bytes) -> None:
        """The one place the store writes a file's bytes: atomically and durably."""
        atomic_write_bytes(path, data)

    def _load_path(self, path: Path) -> OpenMeeting:
        try:
            data, stat = self._read(path)
        except FileNotFoundError:
            raise MeetingNotFound(f"no meeting file {path.name}") from None
        except OSError as error:
            raise UnreadableMeetingError(Unreadable(path, f"cannot be read: {error.strerror or error}")) from None
        meeting, from_future = parse_meeting_bytes(data, path)
        reason = None
        if from_future:
            reason = (
                f"This meeting was saved by a newer version of sdm-facilitator (schema {meeting.schema_version}). "
                "It is open read-only; update the app to edit it."
            )
        return OpenMeeting(meeting, path, _fingerprint(data, stat), reason)

    def list_meetings(self) -> StoreListing:
        """Every meeting file, sorted by most recent activity; bad files listed, not hidden."""
        listing = StoreListing()
        if not self.folder.is_dir():
            return listing
        by_id: dict[str, list[OpenMeeting]] = {}
        for path in sorted(self.folder.glob("*.toml")):
            if path.name.startswith("."):
                continue
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
            listing.conflicts += [ConflictCopy(self.folder / name, meeting_id, why) for name, why in copy_reasons]
        listing.meetings.sort(key=lambda m: m.meeting.updated, reverse=True)
        return listing

    def open(self, meeting_id: str, *, lock: bool = True) -> OpenMeeting:
        """Load one meeting for editing, taking its lock.

        If another copy of the app holds the lock, the meeting opens read-only
        with a reason the screen shows as a banner.
        """
        opened = self._load_path(self.path_for(meeting_id))
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
            if locked:
                opened.lock = meeting_lock
            else:
                opened.read_only_reason = (
                    "This meeting is open in another copy of sdm-facilitator. It is shown read-only here "
                    "so neither copy overwrites the other; close it there to edit it here."
                )
        return opened

    def close(self, opened: OpenMeeting) -> None:
        """Release the meeting's lock."""
        if opened.lock is not None:
            opened.lock.release()
            opened.lock = None

    # ------------------------------------------------------------ writing

    def create(self, meeting: Meeting) -> OpenMeeting:
        """Write a new meeting file and return it open (and locked) for editing."""
        self.ensure()
        path = self.path_for(meeting.id)
        if path.exists():
            raise StoreError(f"a meeting with id {meeting.id} already exists")
        opened = OpenMeeting(meeting, path, None)
        try:
            self._write(opened)
        except CodecError as error:
            raise StoreError(f"the meeting could not be saved: {error}") from None
        except OSError as error:
            raise StoreError(f"the meeting could not be saved ({error.strerror or type(error).__name__})") from None
        meeting_lock = MeetingLock(self.lock_path_for(meeting.id))
        with contextlib.suppress(OSError):
            if meeting_lock.acquire():
                opened.lock = meeting_lock
        return opened

    def save(self, opened: OpenMeeting, *, now: datetime | None = None, data: dict[str, Any] | None = None) -> None:
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
            text = meeting_data_to_toml(data, opened.sections)
            self.write_bytes(copy_path, text.encode("utf-8"))
            raise ConflictError(
                "The meeting file was changed outside this window since it was opened "
                f"(another copy of the app, a sync folder or an editor). Both versions are kept: "
                f"the file as it is on disk, and your version in '{copy_path.name}'.",
                copy_path,
            )
        self._write(opened, data)

    def _changed_on_disk(self, opened: OpenMeeting) -> bool:
        assert opened.fingerprint is not None
        try:
            stat = opened.path.stat()
        except FileNotFoundError:
            return False  # removed behind our back: writing it again loses nothing
        if stat.st_size != opened.fingerprint.size:
            return True
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
        data = meeting_data_to_toml(snapshot, opened.sections).encode("utf-8")
        self.write_bytes(opened.path, data)
        with contextlib.suppress(OSError):
            opened.fingerprint = _fingerprint(data, opened.path.stat())

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

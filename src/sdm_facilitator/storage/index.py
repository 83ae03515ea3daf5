"""The summary index: one row per meeting file, so lists need not parse every file.

Listing 10,000 meetings by parsing them takes most of a minute; a stat of every
file and one small JSON file take a fraction of a second. The index keeps, for
each file, the summary the home screen, ``list`` and reports show
(``domain.summary.MeetingSummary``), or why the file could not be read, keyed
by what the file looked like when it was read: its name, size, modification
time, change time and inode.

It is never the source of truth. A row is used only while its file still has
exactly that key and was already at least ``SETTLE_SECONDS`` old when it was
read (a file written again within the same clock tick, on a file system with
coarse times, can keep its size and times). Anything else, a missing, corrupt
or foreign index included, means "read the file again". Removing the index
loses nothing.

One JSON file, ``.summary-index.json`` in the meetings folder (hidden, so it
stays out of the way of people reading the TOML files), written with the
store's own atomic write. Writers take a lock, read the index again and merge
their rows into it, so two copies of the app refreshing at once lose neither's
rows; across machines (a synced folder) the lock does not reach, but a lost
row only means a file is read again. JSON rather than ``sqlite3`` because a
whole-file atomic replace is safe in synced folders (a database with journal
files is not), it goes through the same read and write functions as the
meeting files, and loading 10,000 rows takes tens of milliseconds.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import time
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting, listing_key
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.summary import SUMMARY_VERSION, MeetingSummary, summarise
from sdm_facilitator.storage.atomic import HOST_TAG

# Re-exported: the names and the key are the index's, kept apart only for ``missing_key.py``.
from sdm_facilitator.storage.index_head import (
    HEAD_FORMAT,
    MAX_INDEX_BYTES,
    MeetingFiles,
    files_digest,
    look_at,
)
from sdm_facilitator.storage.index_head import HEAD_NAME as HEAD_NAME
from sdm_facilitator.storage.index_head import INDEX_NAME as INDEX_NAME
from sdm_facilitator.storage.index_head import FileKey as FileKey
from sdm_facilitator.storage.lock import MeetingLock
from sdm_facilitator.storage.parallel_read import read_each
from sdm_facilitator.storage.store import (
    ConflictCopy,
    MeetingNotFound,
    MeetingStore,
    StoreError,
    Unreadable,
    UnreadableMeetingError,
    conflict_reasons,
    parse_meeting_bytes,
)

INDEX_LOCK_NAME = f".summary-index-{HOST_TAG}.lock"
FORMAT = "sdm-facilitator summary index"
#: Meetings in the head, of the open ones and of the closed ones each, in list order: more than a
#: tall terminal shows at once. The rest of the list is read after the first paint.
HEAD_ROWS = 100
#: The stages whose rows a start needs from every file (``startup_checks.meeting_to_resume``):
#: a meeting under way in the room, and private family time.
RESUME_STAGES = frozenset({"meeting", "family_time"})
#: The id an encrypted store seals the head with (not the index's: one cannot stand in for the other).
_HEAD_RECORD_ID = "index-head"
#: Raise when the row layout changes (the summary has its own version).
ROW_VERSION = 2
#: A file must have been this old when read for its row to be trusted.
SETTLE_SECONDS = 2
_LOCK_WAIT_SECONDS = 5.0

GuideFor = Callable[[Meeting], Guide | None]


@dataclass(frozen=True)
class IndexRow:
    """One meeting file: its key, when it was read, and its summary or why it is unreadable."""

    file: str
    key: FileKey
    #: The wall clock (ns) just before the file was read.
    read_ns: int
    summary: MeetingSummary | None = None
    reason: str | None = None
    line: int | None = None
    #: The SHA-256 of the bytes summarised: a row whose key changed but whose bytes did not is kept.
    sha256: str = ""

    @property
    def settled(self) -> bool:
        """The file was old enough when read that a same-tick rewrite cannot hide behind its key."""
        return self.read_ns - self.key.mtime_ns >= SETTLE_SECONDS * 1_000_000_000

    def trusted_for(self, key: FileKey) -> bool:
        return self.key == key and self.settled


@dataclass
class IndexScan:
    """The meetings folder as one look saw it, against the index: the one place a row is trusted or not.

    Start-up looks once and shares it: the check for a meeting left in private
    family time and the home screen's first list read the same scan (a ``stat``
    of every file, done once).
    """

    #: Every meeting file now, by name.
    files: dict[str, FileKey]
    #: The index's rows (and rows read since), by file name.
    rows: dict[str, IndexRow]
    #: Files whose row is missing or does not match the file (read too recently to be sure), by name.
    stale: list[str]
    #: The first screen's listing from the index's head, when every file matched its row: then
    #: ``rows`` holds only the head's rows (the first meetings of the list, those in the room or in
    #: family time, the unreadable files) and the rest of the index has not been read.
    head: SummaryListing | None = None

    @classmethod
    def of(cls, files: dict[str, FileKey], rows: dict[str, IndexRow]) -> IndexScan:
        stale = [
            name for name, key in sorted(files.items()) if not (name in rows and rows[name].trusted_for(key))
        ]
        return cls(files, rows, stale)

    def trusted(self) -> list[IndexRow]:
        """The rows that match their files, in name order."""
        stale = set(self.stale)
        return [self.rows[name] for name in sorted(self.files) if name not in stale and name in self.rows]


@dataclass
class SummaryListing:
    """Every meeting file as the index sees it: summaries, unreadable files, copies, and files still to read."""

    summaries: list[MeetingSummary] = field(default_factory=list)
    #: Meeting id -> the file its summary came from.
    files: dict[str, str] = field(default_factory=dict)
    unreadable: list[Unreadable] = field(default_factory=list)
    conflicts: list[ConflictCopy] = field(default_factory=list)
    #: Files whose row is missing or stale: their summaries (if any) are from before they changed.
    pending: list[str] = field(default_factory=list)
    #: Only the index's head: the first ``HEAD_ROWS`` open and closed meetings; the whole list
    #: is read after the first paint (``SummaryIndex.listing`` without a head scan).
    partial: bool = False
    #: How many open and how many closed meetings the whole list holds (also when partial).
    totals: tuple[int, int] = (0, 0)


# ---------------------------------------------------------------- rows <-> JSON


def _encode(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _exactly(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}")
        return value

    return check


def _decoder_for(tp: Any) -> Callable[[Any], Any]:
    """A function turning one JSON value into a summary field of type ``tp``; raises on anything else."""
    args = typing.get_args(tp)
    if type(None) in args:
        inner = _decoder_for(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if typing.get_origin(tp) is tuple:
        item = _decoder_for(args[0])
        as_list = _exactly(list)
        return lambda value: tuple(map(item, as_list(value)))
    if tp is datetime:
        return datetime.fromisoformat
    if tp is date:
        return date.fromisoformat
    if tp in (str, int):
        return _exactly(tp)
    raise TypeError(f"no JSON form for {tp!r}")  # a new summary field of a new kind: add it here


@cache
def _summary_decoders() -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """One decoder per summary field, worked out once: rows are read by the thousand."""
    return tuple((name, _decoder_for(tp)) for name, tp in typing.get_type_hints(MeetingSummary).items())


def _summary_from(values: dict[str, Any]) -> MeetingSummary:
    """A summary from checked field values, without the frozen dataclass's per-field ``__init__``.

    The home screen reads 10,000 rows before its first paint; the frozen
    ``__init__`` alone would take most of that time. Every field has been
    decoded and checked by then, and a missing one raises here as in ``__init__``.
    """
    if values.keys() != _summary_field_names():
        raise TypeError("summary fields do not match")
    summary = object.__new__(MeetingSummary)
    summary.__dict__.update(values)
    return summary


@cache
def _summary_field_names() -> typing.KeysView[str]:
    return {f.name: None for f in dataclasses.fields(MeetingSummary)}.keys()


def row_to_json(row: IndexRow) -> dict[str, Any]:
    out: dict[str, Any] = {
        "file": row.file,
        # Not dataclasses.astuple: it deep-copies, and a first look at a store writes thousands of rows.
        "key": row.key.as_list(),
        "read_ns": row.read_ns,
        "sha256": row.sha256,
    }
    if row.summary is not None:
        # Values in field order (the names are in the index's header once): half the size, twice as fast to read.
        values = row.summary.__dict__
        out["summary"] = [_encode(values[name]) for name in _summary_field_names()]
    else:
        out["reason"], out["line"] = row.reason, row.line
    return out


def row_from_json(raw: Any) -> IndexRow | None:
    """A row from the index file, or None for anything malformed (the file is then read again)."""
    try:
        key = FileKey(*(int(part) for part in raw["key"]))
        summary = None
        if "summary" in raw:
            values = raw["summary"]
            decoders = _summary_decoders()
            if type(values) is not list or len(values) != len(decoders):
                return None
            summary = _summary_from({name: decode(value) for (name, decode), value in zip(decoders, values)})
        elif not isinstance(raw.get("reason"), str) or not isinstance(raw.get("line"), (int, type(None))):
            return None
        if (
            not isinstance(raw["file"], str)
            or not isinstance(raw["read_ns"], int)
            or not isinstance(raw["sha256"], str)
        ):
            return None
        return IndexRow(
            raw["file"], key, raw["read_ns"], summary, raw.get("reason"), raw.get("line"), raw["sha256"]
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def guides_fingerprint(guides: Iterable[Guide], law: ProfileLaw | None = None) -> str:
    """Changes whenever a guide or the law that summaries depend on changes.

    Due dates come from guide steps, a conference's from the profile's timescales, and
    readiness counts what the profile's law asks to record.
    """
    text = repr(sorted(repr(guide) for guide in guides)) + repr(law)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- the index


class SummaryIndex:
    """The summary index of one store, read and written through the store's own file functions."""

    def __init__(
        self, store: MeetingStore, guide_for: GuideFor, guides_key: str, law: ProfileLaw | None = None
    ) -> None:
        self.store = store
        self.guide_for = guide_for
        self.guides_key = guides_key
        #: The chosen jurisdiction profile's law: a conference's due dates in a summary follow it.
        self.law = law
        self.path = store.folder / INDEX_NAME
        self.head_path = store.folder / HEAD_NAME
        # The rows last read and the index file's key then: reading 10,000 rows costs a tenth of a
        # second, and start-up looks twice (a meeting in family time, then the list). Every write
        # replaces the file (a new inode), so an unchanged key means unchanged rows.
        self._last_read: tuple[FileKey, dict[str, IndexRow]] | None = None
        # The rows of a store that must not be written (a folder refused as not private, a
        # read-only folder, an encrypted store without its key file): kept here, never on disk.
        self._in_memory: dict[str, IndexRow] | None = None

    @property
    def in_memory_only(self) -> bool:
        """Whether nothing may be written for this store: the index then lives in this object only."""
        return self.store.writes_refused() is not None

    # ------------------------------------------------------------ the index file

    def load(self) -> dict[str, IndexRow]:
        """The rows on disk, by file name; empty when the index is missing, corrupt or for other guides."""
        if self._in_memory is not None:
            return dict(self._in_memory)
        try:
            key = FileKey.of(os.stat(self.path))
        except OSError:
            return {}
        if self._last_read is not None and self._last_read[0] == key:
            return dict(self._last_read[1])
        rows = self._read_rows()
        if rows:
            self._last_read = (key, rows)
        return dict(rows)

    def _read_rows(self) -> dict[str, IndexRow]:
        try:
            data, _stat = self.store.read_bytes(self.path, MAX_INDEX_BYTES)
            # Sealed like a meeting file in an encrypted store (the rows hold names).
            raw = json.loads(self.store.decode_file_bytes(data, self.path, expected_id="index"))
        except (OSError, StoreError, ValueError, RecursionError):
            return {}
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return {}
        if raw.get("rows_version") != ROW_VERSION or raw.get("summary_version") != SUMMARY_VERSION:
            return {}
        if raw.get("summary_fields") != list(_summary_field_names()):
            return {}
        if raw.get("guides") != self.guides_key or not isinstance(raw.get("rows"), list):
            return {}
        rows = (row_from_json(item) for item in raw["rows"])
        return {row.file: row for row in rows if row is not None}

    def _write(self, rows: dict[str, IndexRow]) -> None:
        if self.in_memory_only:
            self._in_memory = dict(rows)
            return
        document = {
            "format": FORMAT,
            **self._header(),
            "rows": [row_to_json(rows[name]) for name in sorted(rows)],
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.store.write_bytes(self.path, self.store.encode_file_bytes(data, "index"))
        self._write_head(rows)

    def _header(self) -> dict[str, Any]:
        """What the index and its head say about the rows: stale when any part differs."""
        return {
            "rows_version": ROW_VERSION,
            "summary_version": SUMMARY_VERSION,
            "summary_fields": list(_summary_field_names()),
            "guides": self.guides_key,
        }

    def _write_head(self, rows: dict[str, IndexRow], index_key: FileKey | None = None) -> None:
        """The head of the index just written: the rows the first screen needs, in list order.

        Written only when every row can be trusted as it stands (each file was settled when
        read); otherwise the old head goes, so a start reads the whole index as before. The
        head names the index file it was made from (its key): any later write of the index
        makes it stale. ``index_key``: the key of the index file ``rows`` were read from (by
        default the file as it is now, just written under the index lock).
        """
        try:
            if not rows or not all(row.settled for row in rows.values()):
                os.unlink(self.head_path)
                return
            index_key = index_key or FileKey.of(os.stat(self.path))
        except FileNotFoundError:
            return
        listing = build_listing(self.store, [rows[name] for name in sorted(rows)], [])
        chosen = [rows[listing.files[summary.id]] for summary in listing.summaries]
        open_rows = [row for row in chosen if row.summary is not None and row.summary.closed_on is None]
        closed_rows = [row for row in chosen if row.summary is not None and row.summary.closed_on is not None]
        needed = {row.file: row for row in (*open_rows[:HEAD_ROWS], *closed_rows[:HEAD_ROWS])}
        for row in rows.values():
            if row.summary is None or row.summary.stage in RESUME_STAGES:
                needed[row.file] = row
        document = {
            "format": HEAD_FORMAT,
            **self._header(),
            "index": index_key.as_list(),
            "files": files_digest({row.file: row.key for row in rows.values()}),
            "open": [row.file for row in open_rows[:HEAD_ROWS]],
            "closed": [row.file for row in closed_rows[:HEAD_ROWS]],
            "totals": [len(open_rows), len(closed_rows)],
            "conflicts": [[c.path.name, c.meeting_id, c.reason] for c in listing.conflicts],
            "rows": [row_to_json(needed[name]) for name in sorted(needed)],
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.store.write_bytes(self.head_path, self.store.encode_file_bytes(data, _HEAD_RECORD_ID))

    def _head_for_last_read(self) -> None:
        """A head for an index whose head is missing or stale (written before heads were), from the rows just read."""
        if self._last_read is None or self.in_memory_only:
            return
        key, rows = self._last_read
        with contextlib.suppress(OSError, StoreError):
            self._write_head(rows, key)

    def _read_head(self, files: dict[str, FileKey]) -> IndexScan | None:
        """The first screen's rows from the head, if it was made from the index as it is and every file matches.

        None (read the whole index) for anything else: no head, a damaged one, one for other
        guides or another version, an index written since, or any meeting file added, removed
        or changed since (the digest of every file's name and key differs).
        """
        if self.in_memory_only:
            return None
        try:
            index_key = FileKey.of(os.stat(self.path))
            data, _stat = self.store.read_bytes(self.head_path, MAX_INDEX_BYTES)
            raw = json.loads(self.store.decode_file_bytes(data, self.head_path, expected_id=_HEAD_RECORD_ID))
        except (OSError, StoreError, ValueError, RecursionError):
            return None
        if not isinstance(raw, dict) or raw.get("format") != HEAD_FORMAT:
            return None
        if any(raw.get(name) != value for name, value in self._header().items()):
            return None
        if raw.get("index") != index_key.as_list():
            return None
        if raw.get("files") != files_digest(files):
            return None
        return _scan_from_head(self.store, raw, files)

    def merge_write(self, fresh: Iterable[IndexRow], gone: Iterable[str] = ()) -> None:
        """Add ``fresh`` rows and drop ``gone`` files, keeping every other writer's rows.

        Under the index lock the index is read again, so rows another copy of
        the app wrote a moment ago are kept. A row from either side is kept
        only while it matches its file now. Failing to write is not an error:
        the index is only a cache. Where nothing may be written, the rows stay in memory
        (no index, no lock file).
        """
        if self.in_memory_only:
            self._write(self._merged(fresh, gone))
            return
        lock = MeetingLock(self.store.folder / INDEX_LOCK_NAME)
        with contextlib.suppress(OSError):
            deadline = time.monotonic() + _LOCK_WAIT_SECONDS
            while not lock.acquire():
                if time.monotonic() > deadline:
                    return
                time.sleep(0.01)
            try:
                self._write(self._merged(fresh, gone))
            finally:
                lock.release()

    def _merged(self, fresh: Iterable[IndexRow], gone: Iterable[str]) -> dict[str, IndexRow]:
        """The rows as they are now, without ``gone`` files, with ``fresh`` rows where they are newer."""
        rows = self.load()
        for name in gone:
            rows.pop(name, None)
        for row in fresh:
            rows[row.file] = self._newer(rows.get(row.file), row)
        return rows

    def forget(self, files: Iterable[str]) -> None:
        """Take these (deleted) files' rows out of the index; drop the index if that cannot be done.

        The rows repeat names from the files, so they must not outlive them.
        """
        gone = list(files)
        self.merge_write((), gone)
        rows = self.load()
        if any(name in rows for name in gone):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)

    def _newer(self, theirs: IndexRow | None, ours: IndexRow) -> IndexRow:
        """Of two rows for one file, the one that matches the file as it is now (ours on a tie)."""
        if theirs is None or theirs.key == ours.key:
            return ours if theirs is None or ours.read_ns >= theirs.read_ns else theirs
        try:
            now = FileKey.of(os.stat(self.store.folder / ours.file))
        except OSError:
            return ours
        return theirs if theirs.key == now and ours.key != now else ours

    # ------------------------------------------------------------ listing

    def scan(self) -> tuple[dict[str, FileKey], dict[str, IndexRow]]:
        """The meeting files now (name -> key) and the index's rows."""
        return self._files(), self.load()

    def start_scan(self, files: dict[str, FileKey] | None = None) -> IndexScan:
        """The look at the folder a start makes: from the index's head when every file matches it.

        Decoding 10,000 rows before the first paint took most of a second; the head holds the
        rows the first screen shows and those the start-up checks need. Anything the head
        cannot vouch for falls back to ``scan_rows`` (the whole index). ``files``: a look at the
        folder taken a moment ago (``meeting_files``).
        """
        files = self._files() if files is None else files
        from_head = self._read_head(files)
        return from_head if from_head is not None else IndexScan.of(files, self.load())

    def meeting_files(self) -> MeetingFiles:
        """The meeting files now, name -> key: one look a start shares between its checks and its first list."""
        return self._files()

    def _files(self) -> MeetingFiles:
        """The meeting files now, name -> key (one ``stat`` each), and the index files seen beside them."""
        return look_at(self.store.folder)

    def scan_rows(self) -> IndexScan:
        """The meeting files now against the index's rows: which rows can be trusted, which files are stale."""
        return IndexScan.of(*self.scan())

    def read_row(self, name: str, known: IndexRow | None = None) -> IndexRow | None:
        """A new row for one file, read now; None if it disappeared.

        When the bytes are still those ``known`` summarised (the file was only
        touched, copied back or just saved by this app), its summary is kept
        without parsing the file again.
        """
        path = self.store.folder / name
        read_ns = time.time_ns()
        try:
            # The key is taken before reading: if the file changes in between,
            # the row no longer matches the file and is read again next time.
            key = FileKey.of(os.stat(path))
            data, _stat = self.store.read_meeting_bytes(path)
        except UnreadableMeetingError as error:
            return IndexRow(name, key, read_ns, None, error.unreadable.reason, error.unreadable.line)
        except (OSError, MeetingNotFound):
            return None  # gone since the scan
        sha256 = hashlib.sha256(data).hexdigest()
        if known is not None and known.summary is not None and known.sha256 == sha256:
            return dataclasses.replace(known, key=key, read_ns=read_ns)
        try:
            meeting, _from_future = parse_meeting_bytes(self.store.decode_file_bytes(data, path), path)
        except UnreadableMeetingError as error:
            return IndexRow(name, key, read_ns, None, error.unreadable.reason, error.unreadable.line, sha256)
        return IndexRow(
            name, key, read_ns, summarise(meeting, self.guide_for(meeting), self.law), sha256=sha256
        )

    def record(self, name: str, meeting: Meeting, sha256: str) -> bool:
        """Put the row of a meeting this app has just written (bytes with ``sha256``) in the index.

        The file is read once more and its hash compared, so a file changed
        by anyone else in the meantime is never given this meeting's summary.
        Returns whether the row was recorded.
        """
        summary = summarise(meeting, self.guide_for(meeting), self.law)
        row = self.read_row(name, IndexRow(name, FileKey(0, 0, 0, 0), 0, summary, sha256=sha256))
        if row is None or row.summary is not summary:
            return False
        self.merge_write([row])
        return True

    def listing(
        self,
        *,
        read_stale: bool = True,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        scan: IndexScan | None = None,
    ) -> SummaryListing:
        """Every meeting, from the index where it can be trusted, reading the other files when asked.

        With ``read_stale=False`` nothing is parsed: stale rows are listed as
        they were and named in ``pending`` for a later ``listing()`` (the home
        screen paints at once, then reads those files in a worker).
        ``progress(done, total)`` is called before the first stale file is read (``done`` 0)
        and as they are read. ``scan`` is a look at the folder taken a moment ago (``scan_rows``),
        so start-up looks only once; a scan from the index's head (``start_scan``) gives the
        first screen's partial listing when nothing is to be read, and is looked past otherwise.
        """
        if scan is not None and scan.head is not None:
            if not read_stale:
                return scan.head
            scan = None
        looked = self.scan_rows() if scan is None else scan
        files, rows, stale = looked.files, dict(looked.rows), looked.stale
        gone = [name for name in rows if name not in files]
        fresh: list[IndexRow] = []
        if read_stale:
            known = dict(rows)
            done = 0

            def take(name: str, row: IndexRow | None) -> None:
                nonlocal done
                done += 1
                if row is not None:
                    fresh.append(row)
                    rows[name] = row
                if progress is not None:
                    progress(done, len(stale))

            if progress is not None and stale:
                progress(0, len(stale))  # before the first file, which can take a while to come back
            # Many files (a store without its index) are read in worker processes.
            read_each(stale, lambda name: self.read_row(name, known.get(name)), take, cancelled)
            if fresh or gone:
                self.merge_write(fresh, gone)
            elif self._read_head(files) is None:
                # No head, or one another version or an older index left: made anew from these rows.
                self._head_for_last_read()
            read = {row.file for row in fresh}
            pending = [name for name in stale if name not in read and name in rows]
        else:
            pending = stale
        current = [rows[name] for name in sorted(files) if name in rows]
        return build_listing(self.store, current, pending)


def build_listing(store: MeetingStore, rows: list[IndexRow], pending: list[str]) -> SummaryListing:
    """Summaries sorted by latest activity, with unreadable files and conflict copies named."""
    listing = SummaryListing(pending=list(pending))
    by_id: dict[str, list[IndexRow]] = {}
    for row in rows:
        if row.summary is None:
            listing.unreadable.append(
                Unreadable(store.folder / row.file, row.reason or "cannot be read", row.line)
            )
        else:
            by_id.setdefault(row.summary.id, []).append(row)
    for meeting_id, copies in by_id.items():
        names = [copy.file for copy in copies]
        canonical, copy_reasons = conflict_reasons(meeting_id, names)
        chosen = copies[names.index(canonical)]
        assert chosen.summary is not None
        listing.summaries.append(chosen.summary)
        listing.files[meeting_id] = chosen.file
        listing.conflicts += [
            ConflictCopy(store.folder / name, meeting_id, why) for name, why in copy_reasons
        ]
    listing.summaries.sort(key=lambda s: listing_key(s.updated, s.family_label, s.id))
    closed = sum(1 for summary in listing.summaries if summary.closed_on is not None)
    listing.totals = (len(listing.summaries) - closed, closed)
    return listing


def _scan_from_head(store: MeetingStore, raw: dict[str, Any], files: dict[str, FileKey]) -> IndexScan | None:
    """The scan and first listing a head describes; None when any part of it is malformed."""
    try:
        rows = {row.file: row for row in map(row_from_json, raw["rows"]) if row is not None}
        if len(rows) != len(raw["rows"]) or any(files.get(name) != row.key for name, row in rows.items()):
            return None
        listing = SummaryListing(partial=True)
        open_total, closed_total = (int(count) for count in raw["totals"])
        for name in (*raw["open"], *raw["closed"]):
            summary = rows[name].summary
            if summary is None:
                return None
            listing.summaries.append(summary)
            listing.files[summary.id] = name
        listing.summaries.sort(key=lambda s: listing_key(s.updated, s.family_label, s.id))
        listing.unreadable = [
            Unreadable(store.folder / row.file, row.reason or "cannot be read", row.line)
            for name, row in sorted(rows.items())
            if row.summary is None
        ]
        listing.conflicts = [
            ConflictCopy(store.folder / str(name), str(meeting_id), str(reason))
            for name, meeting_id, reason in raw["conflicts"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    listing.totals = (open_total, closed_total)
    listing.partial = len(raw["open"]) < open_total or len(raw["closed"]) < closed_total
    return IndexScan(files, rows, [], head=listing)


class GuideSource(typing.Protocol):
    """The guide library, as far as summaries need it."""

    guides: dict[str, Guide]

    def get(self, guide_id: str) -> Guide | None: ...

    def for_kind(self, kind: str) -> Guide | None: ...

    def profile_law(self) -> ProfileLaw: ...


def index_for(store: MeetingStore, library: GuideSource) -> SummaryIndex:
    """The store's summary index, read with the guide the app uses for each meeting.

    Rows are kept for one set of guides and one jurisdiction's law: choosing another
    profile changes the key, so every summary is worked out again with its timescales.
    """

    def guide_for(meeting: Meeting) -> Guide | None:
        return library.get(meeting.guide_id) or library.for_kind(meeting.kind)

    law = library.profile_law()
    key = guides_fingerprint(library.guides.values(), law)
    return SummaryIndex(store, guide_for, key, law)

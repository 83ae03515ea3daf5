"""What the summary index and its head are called, and what the head vouches for without the index.

Apart from ``index.py`` so that the store's check for an encrypted folder whose key file is
gone (``missing_key.py``, which the store itself uses) can trust the head without importing
the index, which imports the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sdm_facilitator.storage.atomic import HOST_TAG
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.files import read_regular_file

#: This computer's index: named per computer, so in a data folder kept in step by a sync
#: engine (OneDrive, Syncthing) two laptops never write the same file, never make a
#: conflict copy of it, and each reads only its own. (Before: ".summary-index.json",
#: left as a derived cache that the next deletion or conversion drops.)
INDEX_NAME = f".summary-index-{HOST_TAG}.json"
#: How every computer's index and head (and the old shared index) are named: ``INDEX_PREFIX...json``.
INDEX_PREFIX = ".summary-index"
#: The index's head: the rows the home screen's first screen shows, so a start decodes those and
#: not 10,000 (see ``SummaryIndex.start_scan``). Hidden like the index, a derived cache like it
#: (dropped with it by ``caches.py``), sealed like it in an encrypted store.
HEAD_NAME = f".summary-index-{HOST_TAG}.head.json"
HEAD_FORMAT = "sdm-facilitator summary index head"
MAX_INDEX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class FileKey:
    """What a file looked like: any change to it changes at least one of these."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileKey:
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)

    def as_list(self) -> list[int]:
        """The key as the index and its head store it in JSON."""
        return [self.size, self.mtime_ns, self.ctime_ns, self.inode]


class MeetingFiles(dict[str, FileKey]):
    """One look at the meetings folder: each meeting file's name and key, and the index files it saw.

    A start shares one look between the check for a missing key file, the index's head and
    the first list, so its digest is worked out once (twice cost 20 ms with 10,000 meetings)
    and the folder is not listed again to find the index files. A look is not changed once
    taken: nothing writes to it, so the digest kept stays that of its contents.
    """

    def __init__(
        self, files: dict[str, FileKey], index_names: tuple[str, ...], unlooked: tuple[str, ...] = ()
    ) -> None:
        super().__init__(files)
        #: The names of this and other computers' summary index files and heads in the folder.
        self.index_names = index_names
        #: Names like a meeting's whose ``stat`` failed (left out of the look, not out of its checks).
        self.unlooked = unlooked
        self._digest: str | None = None

    def digest(self) -> str:
        if self._digest is None:
            self._digest = _digest_of(self)
        return self._digest


def look_at(folder: Path) -> MeetingFiles:
    """The meeting files in ``folder`` now, name -> key (one ``stat`` each), and the index files beside them."""
    files: dict[str, FileKey] = {}
    index_names: list[str] = []
    unlooked: list[str] = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(".toml"):
                if entry.name.startswith(INDEX_PREFIX) and entry.name.endswith(".json"):
                    index_names.append(entry.name)
                continue
            # Anything named like a meeting is listed, as the store lists it: a
            # pipe, a device or a folder shows up as unreadable with its reason.
            try:
                files[entry.name] = FileKey.of(entry.stat())
            except OSError:
                unlooked.append(entry.name)
    return MeetingFiles(files, tuple(index_names), tuple(unlooked))


def files_digest(files: dict[str, FileKey]) -> str:
    """One digest of every meeting file's name and key: equal only while no file was added, removed or changed."""
    return files.digest() if isinstance(files, MeetingFiles) else _digest_of(files)


def _digest_of(files: dict[str, FileKey]) -> str:
    # One ``repr`` of sorted tuples: a loop formatting 10,000 lines took a tenth of a second.
    parts = sorted((name, key.size, key.mtime_ns, key.ctime_ns, key.inode) for name, key in files.items())
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def head_vouches_plain(folder: Path, files: dict[str, FileKey]) -> bool:
    """Whether this computer's index head, in clear, shows every one of ``files`` was read as a plain meeting.

    A head is written in clear only by a plain store, from rows that were each parsed as a
    meeting (an encrypted file in a plain store is an unreadable row, and a head with any
    unreadable row vouches for nothing). While the head was made from the index as it is
    and every file still has the key it had when read, no meeting file can have been
    replaced by an encrypted one: the start-up check for a missing key file
    (``missing_key.holds_sealed_files``) then need not open 10,000 files.
    """
    try:
        data, _stat = read_regular_file(folder / HEAD_NAME, MAX_INDEX_BYTES)
        if is_encrypted(data):
            return False
        index_key = FileKey.of(os.stat(folder / INDEX_NAME))
        raw = json.loads(data)
        return (
            isinstance(raw, dict)
            and raw.get("format") == HEAD_FORMAT
            and raw.get("index") == index_key.as_list()
            and raw.get("files") == files_digest(files)
            and isinstance(raw.get("rows"), list)
            and all(isinstance(row, dict) and "summary" in row for row in raw["rows"])
        )
    except (OSError, ValueError, RecursionError):
        return False

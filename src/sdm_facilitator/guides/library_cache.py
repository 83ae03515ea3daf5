"""The checked guide library, kept between starts so the app does not read and check every guide each time.

Loading the guides means parsing every guide, hint, terms and wording file
and checking each one (the language hints alone build a matcher per hint):
most of the app's own start-up time before the first screen. The result
only changes when one of those files changes, so the checked library is kept
in the data folder (``.guide-library-<folders>.cache``) with a key made of
this version of the app, the size and time of each of its modules, and the name, size, times, inode and mode of every
entry in the bundled and the organisation's guides folders (subfolders too,
so a new kind of data file read by the loader is covered without a change
here). Any change to any of them, or another version of the app, means the
guides are read and checked again, and the cache is rewritten.

The cache is a pickle, which runs code when read, so it is read only from a
data folder the app already trusts (private to this user, as for the
organisation's own guides), only when the file is a regular file of this
user that nobody else can write, and only once its key matches. It holds no
personal data: guides are the organisation's practice words.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat as stat_module
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import sdm_facilitator
from sdm_facilitator.domain.jurisdiction import DEFAULT_JURISDICTION
from sdm_facilitator.paths import bundled_guides_dir
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.files import owner_made_read_only, read_regular_file

if TYPE_CHECKING:
    from sdm_facilitator.guides.library import GuideLibrary

CACHE_PREFIX = ".guide-library-"
CACHE_SUFFIX = ".cache"
_MAGIC = b"sdm-facilitator guide library cache 1\n"
#: A guides folder with more entries than this is not keyed (and not cached): reading them all costs more.
MAX_KEYED_ENTRIES = 2_000
_MAX_CACHE_BYTES = 32 * 1024 * 1024


def cache_path(data_dir: Path, user_dir: Path | None, bundled_dir: Path) -> Path:
    """The cache file for this pair of guides folders (two installs sharing a data folder do not collide)."""
    folders = f"{bundled_dir.resolve()}\0{user_dir.resolve() if user_dir is not None else ''}"
    return (
        data_dir
        / f"{CACHE_PREFIX}{hashlib.sha256(folders.encode('utf-8', 'replace')).hexdigest()[:12]}{CACHE_SUFFIX}"
    )


#: An entry changed this recently may change again within the same clock tick without its key changing
#: (coarse file times): the library is then used but not kept.
SETTLE_NS = 2_000_000_000


def _entry_key(path: Path, newest: list[int]) -> str:
    """What one entry looks like now; any change to it (even through a link) changes this."""
    parts = [path.name]
    for follow in (False, True):
        try:
            info = os.stat(path, follow_symlinks=follow)
        except OSError:
            parts.append("-")
            continue
        newest[0] = max(newest[0], info.st_mtime_ns)
        parts.append(f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_mode:o}")
    return "|".join(parts)


def _folder_keys(folder: Path, out: list[str], newest: list[int]) -> bool:
    """Add the key of every entry under ``folder`` to ``out``; False when there are too many to key."""
    out.append(f"folder {folder}:{_entry_key(folder, newest)}")
    if not folder.is_dir():
        return True
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files + dirs):
            out.append(_entry_key(Path(root) / name, newest))
        if len(out) > MAX_KEYED_ENTRIES:
            return False
    return True


def _code_key() -> str:
    """The size and time of every module of the app: the cache holds objects of its classes.

    A class moved or changed between two builds of one version (a working copy, an
    editable install) would otherwise be read back from a cache made by the other.
    About 270 ``stat`` calls, a millisecond or two.
    """
    parts: list[str] = []
    package = os.path.dirname(os.path.abspath(sdm_facilitator.__file__))
    stack = [package]
    while stack:
        with contextlib.suppress(OSError), os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    with contextlib.suppress(OSError):
                        info = entry.stat()
                        parts.append(f"{entry.path[len(package) :]}:{info.st_size}:{info.st_mtime_ns}")
                elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
    return hashlib.sha256("\n".join(sorted(parts)).encode("utf-8", "surrogateescape")).hexdigest()


def library_key(
    user_dir: Path | None, bundled_dir: Path, jurisdiction: str = DEFAULT_JURISDICTION
) -> tuple[str, bool] | None:
    """The key of the library these folders give now and whether every file is settled enough to keep it.

    None when the folders cannot be keyed cheaply.
    """
    keys = [
        f"app {sdm_facilitator.__version__}",
        f"code {_code_key()}",
        f"python {sys.version}",
        f"user {user_dir}",
        f"jurisdiction {jurisdiction}",
    ]
    newest = [0]
    for folder in (bundled_dir, user_dir):
        if folder is not None and not _folder_keys(folder, keys, newest):
            return None
    digest = hashlib.sha256("\n".join(keys).encode("utf-8", "surrogateescape")).hexdigest()
    return digest, time.time_ns() - newest[0] >= SETTLE_NS


def _read_cached(path: Path, key: str) -> GuideLibrary | None:
    from sdm_facilitator.guides.library import GuideLibrary

    try:
        data, info = read_regular_file(path, _MAX_CACHE_BYTES)
    except OSError:
        return None
    if sys.platform != "win32" and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return None  # not this user's, or others could have written it: never unpickled
    header = _MAGIC + key.encode("ascii") + b"\n"
    if not stat_module.S_ISREG(info.st_mode) or not data.startswith(header):
        return None
    try:
        library = pickle.loads(data[len(header) :])
    except Exception:  # a damaged cache is read again from the guides, whatever the damage
        return None
    return library if isinstance(library, GuideLibrary) else None


def cached_library(
    data_dir: Path,
    user_dir: Path | None,
    *,
    bundled_dir: Path | None = None,
    jurisdiction: str = DEFAULT_JURISDICTION,
    keep: bool = True,
) -> GuideLibrary:
    """The guide library ``guides.loader.load_library(user_dir, jurisdiction=...)`` gives, from the cache when it still holds.

    The jurisdiction chosen in the settings is part of the key: choosing another reads the guides again.

    The key is taken before the guides are read: a file changed while they
    are read leaves a key that no longer matches, so the next start reads it again.
    ``keep=False`` only reads the cache (the commands: a command on a read-only or locked
    data folder must write nothing there, and the app's next start keeps the cache anyway).
    """
    bundled_dir = bundled_dir if bundled_dir is not None else bundled_guides_dir()
    path = cache_path(data_dir, user_dir, bundled_dir)
    keyed = library_key(user_dir, bundled_dir, jurisdiction)
    if keyed is not None:
        found = _read_cached(path, keyed[0])
        if found is not None:
            return found
    from sdm_facilitator.guides.loader import load_library

    library = load_library(user_dir, bundled_dir=bundled_dir, jurisdiction=jurisdiction)
    if (
        keep
        and keyed is not None
        and keyed[1]
        and data_dir.is_dir()
        and owner_made_read_only(data_dir) is None
    ):
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            kept = pickle.dumps(library, pickle.HIGHEST_PROTOCOL)
            atomic_write_bytes(path, _MAGIC + keyed[0].encode("ascii") + b"\n" + kept)
    return library

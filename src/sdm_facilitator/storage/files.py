"""Opening a file the app reads (a meeting, a guide) without being tricked by what it is.

A named pipe called ``x.toml`` makes a plain ``open`` wait forever for a
writer, freezing ``list`` and the app; a device could be read without end;
a link could point anywhere. So files are opened without following a link
and without blocking, and only a regular file is read.
"""

from __future__ import annotations

import errno
import os
import stat as stat_module
import sys
from pathlib import Path

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCK = getattr(os, "O_NONBLOCK", 0)


class NotARegularFile(OSError):
    """The path is a pipe, device, folder or link, not a file the app can read."""


def describe_file_type(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat_module.S_ISFIFO(mode):
        return "a named pipe"
    if stat_module.S_ISDIR(mode):
        return "a folder"
    if stat_module.S_ISCHR(mode) or stat_module.S_ISBLK(mode):
        return "a device"
    if stat_module.S_ISSOCK(mode):
        return "a socket"
    if stat_module.S_ISLNK(mode):
        return "a link"
    return "not an ordinary file"


def read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """Up to ``max_bytes + 1`` bytes of ``path`` and its ``fstat``, if it is a regular file.

    Raises ``NotARegularFile`` for anything else (a link is refused by the
    operating system itself: ``O_NOFOLLOW``), and ``OSError`` as ``open`` does.
    The caller compares the size with its limit.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if _NO_FOLLOW and error.errno == errno.ELOOP and path.is_symlink():
            raise NotARegularFile(error.errno, "is a link; the app only reads ordinary files") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat_module.S_ISREG(info.st_mode):
            kind = describe_file_type(info.st_mode)
            raise NotARegularFile(0, f"is {kind}, not an ordinary file")
        if info.st_size > max_bytes:
            return b"", info
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks), info
    finally:
        os.close(fd)


class FileTooLarge(OSError):
    """A small file of the app's own (a key file, a setting) that is far larger than it can be."""


def read_small_file(path: Path, max_bytes: int) -> bytes:
    """The whole of one of the app's own small files (key file, settings, markers, ledgers).

    Read as meetings are read (``read_regular_file``): never through a link,
    never waiting on a named pipe, never more than ``max_bytes``. Raises
    ``FileNotFoundError`` when it is missing, ``NotARegularFile`` for a pipe,
    device or link, ``FileTooLarge`` when it is bigger than ``max_bytes``,
    and ``OSError`` as ``open`` does.
    """
    data, info = read_regular_file(path, max_bytes)
    if info.st_size > max_bytes or len(data) > max_bytes:
        raise FileTooLarge(0, f"is larger than {max_bytes:,} bytes, far larger than it can be")
    return data


def unreadable_reason(error: OSError) -> str:
    """Why a file could not be read, in words (no traceback, no content): "it is a named pipe, ..."."""
    text = str(error.strerror or type(error).__name__)
    return f"it {text}" if text.startswith("is ") else text


class LinkedFolderError(OSError):
    """A folder the app creates turned out to be a link to somewhere else."""


class ReadOnlyFolder(OSError):
    """The folder's owner took away their own write permission: it is to be read, not written."""


_OWNER_WRITES = stat_module.S_IWUSR | stat_module.S_IXUSR


def owner_made_read_only(folder: Path) -> str | None:
    """The folder's mode (such as ``0500``) when its owner cannot write in it; None otherwise.

    Judged from the mode bits, not by trying: the superuser can write anywhere, yet a
    folder made read-only on purpose must stay untouched for them too.
    """
    if sys.platform == "win32":  # pragma: no cover - POSIX permissions only
        return None
    try:
        info = os.stat(folder, follow_symlinks=False)
    except OSError:
        return None
    if not stat_module.S_ISDIR(info.st_mode) or info.st_mode & _OWNER_WRITES == _OWNER_WRITES:
        return None
    return f"{stat_module.S_IMODE(info.st_mode):04o}"


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if needed and make it readable by this user only.

    The permission change goes through a handle opened without following
    links, so a planted link never makes the app change some other folder.
    Only the permissions of others are taken away: a folder its owner made
    read-only (``chmod 500``) stays so, and ``ReadOnlyFolder`` says it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # pragma: no cover - POSIX permissions only
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_FOLLOW)
    except OSError as error:
        if folder.is_symlink():
            raise LinkedFolderError(
                error.errno, f"{folder} is a link; the app does not follow links for its folders"
            ) from None
        raise
    try:
        mode = stat_module.S_IMODE(os.fstat(fd).st_mode)
        private = mode & 0o700
        if mode != private:
            os.fchmod(fd, private)
        if private & _OWNER_WRITES != _OWNER_WRITES:
            raise ReadOnlyFolder(
                errno.EACCES, f"{folder} was made read-only by its owner (mode {private:04o})"
            )
    finally:
        os.close(fd)

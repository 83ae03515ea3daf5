"""Whether the data folder is private to this person, checked the way ssh and gpg do.

Meeting files are about children at risk, and the guides folder decides what a
coordinator is told to do. If another user can write to the data folder, or to
a folder above it, they can replace a bundled guide, swap a meeting file, or
plant a link that makes the app write somewhere else. So before using a folder
the app checks it and every parent (up to the home folder when the data is
inside it): each must belong to this user (or to the system) and must not be
writable by others, except shared folders such as ``/tmp`` whose sticky bit
stops others from touching what is not theirs. The folders the app creates
itself (``meetings``, ``guides``, ``error-reports``) must not be links.

Nothing here changes a folder: the person is told the exact command to run.
"""

from __future__ import annotations

import os
import shlex
import stat as stat_module
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: The folders inside the data folder that the app creates and therefore owns.
OWN_SUBFOLDERS = ("meetings", "guides", "error-reports")


@dataclass(frozen=True)
class FolderProblem:
    """One folder that is not private, why, and the command that fixes it."""

    path: Path
    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path} {self.reason}; to fix it, run: {self.fix}"


def _quoted(path: Path) -> str:
    return shlex.quote(str(path))


def _ancestors(folder: Path, home: Path) -> Iterator[Path]:
    """``folder``'s parents, stopping at ``home`` when ``folder`` is inside it."""
    inside_home = folder == home or home in folder.parents
    for parent in folder.parents:
        yield parent
        if inside_home and parent == home:
            return


def _problem_with(path: Path, info: os.stat_result, *, is_parent: bool) -> FolderProblem | None:
    me = os.geteuid()
    if info.st_uid not in (me, 0):
        return FolderProblem(
            path,
            "belongs to another user, who could change or replace the meetings and guides in it",
            f"use a folder of your own (--data-dir) or, if it is yours, sudo chown {os.getuid()} {_quoted(path)}",
        )
    if info.st_mode & 0o022:
        shared_tmp = is_parent and info.st_mode & stat_module.S_ISVTX and info.st_uid == 0
        if shared_tmp:
            return None
        mode = stat_module.S_IMODE(info.st_mode)
        return FolderProblem(
            path,
            f"can be changed by other users (its mode is {mode:04o})",
            f"chmod go-w {_quoted(path)}",
        )
    return None


def folder_problems(
    data_dir: Path, extra_folders: Iterable[Path] = (), home: Path | None = None
) -> list[FolderProblem]:
    """Every reason the data folder (and ``extra_folders``, such as a guides folder) is not private.

    Folders that do not exist yet are fine: the app creates them private.
    Always empty on Windows, whose folder permissions work differently.
    """
    if sys.platform == "win32":  # pragma: no cover - POSIX permissions only
        return []
    home = (home or Path.home()).absolute()
    problems: list[FolderProblem] = []
    checked: set[Path] = set()

    def check(path: Path, *, is_parent: bool) -> None:
        if path in checked:
            return
        checked.add(path)
        try:
            info = path.stat()
        except OSError:
            return  # not there (yet), or not ours to look at: nothing to trust or distrust
        if not stat_module.S_ISDIR(info.st_mode):
            return
        problem = _problem_with(path, info, is_parent=is_parent)
        if problem is not None:
            problems.append(problem)

    data_dir = data_dir.absolute()
    for sub in OWN_SUBFOLDERS:
        inside = data_dir / sub
        if inside.is_symlink():
            problems.append(
                FolderProblem(
                    inside,
                    "is a link to another place; the app does not follow links for folders it makes",
                    f"replace the link with a real folder: mv {_quoted(inside)} {_quoted(inside.with_name(sub + '-link'))}",
                )
            )
    for folder in (data_dir, *(f.absolute() for f in extra_folders)):
        check(folder, is_parent=False)
        for sub in OWN_SUBFOLDERS if folder == data_dir else ():
            if not (folder / sub).is_symlink():
                check(folder / sub, is_parent=False)
        for parent in _ancestors(folder, home):
            check(parent, is_parent=True)
    return problems


def describe_problems(problems: list[FolderProblem]) -> str:
    """All problems as one message: what is wrong with each folder and how to fix it."""
    return "the data folder is not private: " + "; ".join(str(p) for p in problems)

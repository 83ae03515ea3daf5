"""Every file and folder under a place, with its bytes and mode: to prove that nothing was written."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def tree_snapshot(*roots: Path) -> dict[str, tuple[int, bytes]]:
    """Path -> (mode, bytes) for every entry under ``roots`` (links listed, not followed)."""
    found: dict[str, tuple[int, bytes]] = {}
    for root in roots:
        for folder, subfolders, files in os.walk(root, followlinks=False):
            for name in (*subfolders, *files):
                path = Path(folder) / name
                info = path.lstat()
                data = path.read_bytes() if stat.S_ISREG(info.st_mode) else os.fsencode(name)
                found[str(path)] = (info.st_mode, data)
        found[str(root)] = (root.lstat().st_mode, b"")
    return found

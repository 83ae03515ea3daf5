"""Checks that mean something on POSIX and nothing on Windows, so a test keeps its other checks there.

Windows has no owner/group/other permission bits (``chmod`` only sets the
read-only flag), so a file's mode says nothing about who can read it; the
rest of a test still runs.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

POSIX = sys.platform != "win32"


def private_mode(path: Path, mode: int) -> bool:
    """True when ``path`` has exactly ``mode`` (0600, 0700), or on Windows where modes mean nothing."""
    return not POSIX or stat.S_IMODE(path.stat().st_mode) == mode

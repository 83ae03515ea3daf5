"""Killing a real child process at the rename of one of the app's atomic writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).parent.parent / "storage" / "crash_child.py"


def crash_at_rename(name: str, *args: str) -> Path:
    """Run ``sdm-facilitator ARGS`` in a child, SIGKILL it just before ``name`` is renamed into place.

    Returns the temporary file the killed writer left behind (checked to exist).
    """
    child = subprocess.Popen(
        [sys.executable, str(CHILD), name, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(CHILD.parents[1])},
    )
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline().decode()  # waits until the child is at the rename, however long that takes
    if not line.startswith("at-rename "):
        child.kill()
        child.wait()
        raise AssertionError(f"the child never reached the rename of {name}: {child.stderr.read().decode()}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stderr.close()
    assert child.stdin is not None
    child.stdin.close()
    assert child.returncode == -signal.SIGKILL
    temp = Path(line.removeprefix("at-rename ").strip())
    assert temp.is_file(), "the killed writer left no temporary file"
    return temp

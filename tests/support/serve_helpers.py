"""``sdm-facilitator serve`` as a real process on a free port, for the serve tests."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ADDRESS = re.compile(r"open at (http://\S+)")


@dataclass
class Served:
    """A running ``serve``: its process and the one-time address it printed."""

    process: subprocess.Popen[str]
    url: str
    lines: queue.Queue[str]

    @property
    def base(self) -> str:
        """The address without the token: ``http://127.0.0.1:PORT``."""
        return "/".join(self.url.split("/")[:3])


def _pump(stream: object, lines: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
        lines.put(line)


@contextlib.contextmanager
def served(data_dir: Path, *extra: str, timeout: float = 60) -> Iterator[Served]:
    """Start serve, wait for the address it prints, and stop it with Ctrl+C's signal afterwards."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sdm_facilitator",
            "--data-dir",
            str(data_dir),
            "serve",
            "--no-browser",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    try:
        seen: list[str] = []
        while True:
            try:
                line = lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"serve printed no address: {seen}") from None
            seen.append(line)
            if match := ADDRESS.search(line):
                break
        yield Served(process, match.group(1), lines)
    finally:
        if process.poll() is None:
            # Ctrl+C's signal on POSIX; Windows has no SIGINT to send to another process.
            process.send_signal(signal.SIGTERM if sys.platform == "win32" else signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

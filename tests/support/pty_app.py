"""Run the real app as a separate process on a pseudo-terminal, for signal and restart tests.

Pilot runs the app inside the test process, so it cannot show what a closed
terminal window (SIGHUP), a shutdown (SIGTERM) or a flat battery (SIGKILL)
does to the program. This starts ``python -m sdm_facilitator`` on a pty of
80x24, keeps every byte it writes, and sends keys as a terminal would.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


class PtyApp:
    """The app in its own process on a pseudo-terminal."""

    def __init__(self, data_dir: Path, *args: str, columns: int = 80, rows: int = 24) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
            "SDM_FACILITATOR_DATA_DIR": str(data_dir),
        }
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sdm_facilitator", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            # Its own session, with the pty as its controlling terminal (as a terminal window
            # gives a shell): closing the terminal (``hang_up``) then makes the kernel send SIGHUP.
            preexec_fn=_own_session_on_this_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if not ready:
                    if self.process.poll() is not None:
                        return
                    continue
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def text(self) -> str:
        """Everything written so far, with terminal escape sequences removed."""
        with self._lock:
            raw = bytes(self.output)
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def mark(self) -> int:
        """A position in the output, for ``wait_for(..., since=...)``."""
        with self._lock:
            return len(self.output)

    def appeared(self, needle: str | re.Pattern[str], timeout: float = 60.0, since: int = 0) -> bool:
        """Whether ``needle`` is drawn within ``timeout`` (escape sequences and spaces ignored).

        A compiled pattern is searched in the drawn text as it is, spaces included.

        With ``since`` (from ``mark``), only what was drawn after that counts.
        The timeouts are long because a loaded machine can be very slow.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                raw = bytes(self.output[since:])
            drawn = _ESCAPES.sub(b"", raw).decode("utf-8", "replace")
            if isinstance(needle, re.Pattern):
                if needle.search(drawn):
                    return True
            elif needle in drawn.replace(" ", "") or needle in drawn:
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.05)
        return False

    def wait_for(self, needle: str | re.Pattern[str], timeout: float = 60.0, since: int = 0) -> None:
        """Wait until ``needle`` has been drawn, or fail showing the screen."""
        if not self.appeared(needle, timeout, since):
            raise AssertionError(f"{needle!r} never appeared; the screen showed:\n{self.text()[-3000:]}")

    def send(self, keys: str | bytes) -> None:
        """Write keys as one burst, as a terminal does for type-ahead or a paste."""
        os.write(self.master, keys.encode("utf-8") if isinstance(keys, str) else keys)

    def signal(self, signum: int) -> None:
        os.killpg(self.process.pid, signum)

    def hang_up(self) -> None:
        """Close the terminal window: the master side goes, and the kernel sends the app SIGHUP.

        Nothing the app writes afterwards can be read, exactly as with a closed window.
        """
        master, self.master = self.master, -1
        with _suppress():
            os.close(master)

    def wait_exit(self, timeout: float = 60.0) -> int:
        return self.process.wait(timeout)

    def close(self) -> None:
        """Stop the process if it still runs and release the terminal."""
        if self.process.poll() is None:
            with _suppress():
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self._reader.join(2)
        if self.master >= 0:
            with _suppress():
                os.close(self.master)


def _own_session_on_this_terminal() -> None:
    """In the child, before the app starts: a new session whose controlling terminal is the pty (stdin)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return exc[0] is not None and issubclass(exc[0], OSError)  # type: ignore[arg-type]


KEY_ENTER = "\r"
KEY_TAB = "\t"
KEY_UP = "\x1b[A"
KEY_F2 = "\x1bOQ"
KEY_CTRL_Q = "\x11"
KEY_CTRL_E = "\x05"


KEY_DOWN = "\x1b[B"


def down_to_section(app: PtyApp, section_id: str, marker: str, kind: str = "fgc") -> None:
    """From the workspace's first section, down the side list to ``section_id``; wait until ``marker`` is drawn.

    The side list's order is fixed (the catalogue) and the app takes keys in the
    order they came however fast they come, so the presses go in one burst: no
    press waits on a guess of how long a section takes to draw (a wait of five
    seconds in vain at each section made one test take a minute).
    """
    from sdm_facilitator.ui.workspace.catalogue import all_sections

    steps = [section.id for section in all_sections(kind)].index(section_id)
    mark = app.mark()
    app.send(KEY_DOWN * steps)
    app.wait_for(marker, since=mark)

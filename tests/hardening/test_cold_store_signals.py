"""The real app on a store without its summary index: progress at once, and a clean end mid-reading.

Issue 19: a restored or copied-in store is read by worker processes while the
home screen says how far it has got. Closing the terminal (SIGHUP to the whole
group, as a terminal does) or a shutdown (SIGTERM to the app alone) in the
middle of that reading must end the app at once and leave no worker behind.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.pty_app import PtyApp
from support.store_helpers import many_meeting_files, running, worker_processes

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers are forked on Linux only"
)

#: Fewer files than this are read at start, on the main thread, to find a meeting in family time.
STORE_SIZE = 3000


@pytest.fixture
def cold_app(isolated_data_dir: Path) -> Iterator[PtyApp]:
    many_meeting_files(isolated_data_dir, STORE_SIZE)
    app = PtyApp(isolated_data_dir)
    try:
        yield app
    finally:
        app.close()


def reading_workers(app: PtyApp) -> list[int]:
    """Once the home screen says it is reading, the worker processes doing it."""
    app.wait_for("Reading meeting files")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = worker_processes(app.process.pid)
        if len(workers) >= 2:
            return workers
        assert app.process.poll() is None, app.text()[-2000:]
        time.sleep(0.02)
    raise AssertionError("no worker processes while reading")


def gone(workers: list[int], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while any(running(pid) for pid in workers):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_closing_the_terminal_mid_reading_ends_the_app_and_its_workers(cold_app: PtyApp) -> None:
    workers = reading_workers(cold_app)
    started = time.monotonic()
    cold_app.signal(signal.SIGHUP)  # the whole group, as a closing terminal does
    cold_app.wait_exit(timeout=10)
    assert time.monotonic() - started < 3
    assert gone(workers), "a worker outlived the app"


def test_a_shutdown_mid_reading_ends_the_app_and_its_workers(cold_app: PtyApp) -> None:
    workers = reading_workers(cold_app)
    started = time.monotonic()
    os.kill(cold_app.process.pid, signal.SIGTERM)  # the app alone: its workers must follow it
    cold_app.wait_exit(timeout=10)
    assert time.monotonic() - started < 3
    assert gone(workers), "a worker outlived the app"

"""A first look at a large store, spread over worker processes (issue 19).

The same listing as reading file by file, in plain and encrypted stores; a
worker that dies loses nothing; stopping early leaves no process behind; and,
in real processes with real signals, Ctrl+C ends ``list`` at once and a
``kill -9`` of ``list`` takes its workers with it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.storage import parallel_read
from sdm_facilitator.storage.index import INDEX_NAME, SummaryListing, index_for
from sdm_facilitator.storage.store import MeetingStore
from support.guide_library import bundled_library
from support.store_helpers import aged, many_meeting_files, running, worker_processes

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers are forked on Linux only"
)

LIBRARY = bundled_library()


def fill(store: MeetingStore, count: int) -> None:
    """``count`` meetings through the store, a file that is not TOML and a copy of one meeting."""
    first = None
    for number in range(count):
        meeting = Meeting(kind="fgc", family_label=f"Family {number}")
        meeting.children = [Child(id="c1", name=f"Child {number}", age=number % 18)]
        meeting.people = [Person(id="p1", name=f"Grandparent {number}")]
        store.close(store.create(meeting))
        first = first or meeting
    assert first is not None
    (store.folder / "broken.toml").write_bytes(b"this = is [ not toml")
    (store.folder / f"{first.id} (conflicted copy).toml").write_bytes(
        (store.folder / f"{first.id}.toml").read_bytes()
    )
    aged(store.folder)


def cold_listing(store: MeetingStore, *, pooled: bool, monkeypatch: pytest.MonkeyPatch) -> SummaryListing:
    """The listing of ``store`` with its index deleted first, read by workers or here."""
    (store.folder / INDEX_NAME).unlink(missing_ok=True)
    with monkeypatch.context() as patch:
        patch.setattr(parallel_read, "POOL_FROM", 1 if pooled else 10**9)
        patch.setattr(parallel_read, "CHUNK", 3)
        patch.setattr(parallel_read, "usable_cores", lambda: 2)
        runs = []
        real_run = parallel_read._Pool.run
        patch.setattr(parallel_read._Pool, "run", lambda pool, *a: runs.append(pool) or real_run(pool, *a))
        listing = index_for(store, LIBRARY).listing()
        assert bool(runs) == pooled
    return listing


def comparable(store: MeetingStore, listing: SummaryListing) -> tuple[object, ...]:
    rows = index_for(store, LIBRARY).load()
    return (
        listing,
        {name: dataclasses.replace(row, read_ns=0) for name, row in rows.items()},
    )


def test_workers_give_exactly_the_listing_and_rows_of_reading_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MeetingStore(tmp_path / "data")
    store.ensure()
    fill(store, 20)
    one_by_one = comparable(store, cold_listing(store, pooled=False, monkeypatch=monkeypatch))
    pooled = comparable(store, cold_listing(store, pooled=True, monkeypatch=monkeypatch))
    assert pooled == one_by_one
    listing = pooled[0]
    assert isinstance(listing, SummaryListing)
    assert len(listing.summaries) == 20 and len(listing.unreadable) == 1 and len(listing.conflicts) == 1


def test_workers_read_an_encrypted_store_with_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("cryptography")
    from support.privacy_helpers import make_encrypted_store

    store, _recovery = make_encrypted_store(tmp_path / "data")
    fill(store, 12)
    one_by_one = comparable(store, cold_listing(store, pooled=False, monkeypatch=monkeypatch))
    pooled = comparable(store, cold_listing(store, pooled=True, monkeypatch=monkeypatch))
    assert pooled == one_by_one
    listing = pooled[0]
    assert isinstance(listing, SummaryListing)
    assert sorted(s.family_label for s in listing.summaries) == sorted(f"Family {n}" for n in range(12))


def read_noting_pid(name: str) -> tuple[str, int]:
    """A read that dies, in a worker, on the file named "n7"."""
    if name == "n7" and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return name, os.getpid()


PARENT = os.getpid()


def test_a_worker_that_dies_leaves_its_files_to_be_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_read, "POOL_FROM", 1)
    monkeypatch.setattr(parallel_read, "CHUNK", 2)
    monkeypatch.setattr(parallel_read, "usable_cores", lambda: 2)
    monkeypatch.setattr(sys.modules[__name__], "PARENT", os.getpid())
    names = [f"n{number}" for number in range(20)]
    got: list[tuple[str, tuple[str, int]]] = []
    parallel_read.read_each(names, read_noting_pid, lambda name, result: got.append((name, result)))
    assert sorted(name for name, _ in got) == sorted(names), "every file once, none twice"
    assert dict(got)["n7"] == ("n7", os.getpid()), "the file that killed its worker was read here"
    assert multiprocessing.active_children() == []


def slow_read(name: str) -> str:
    time.sleep(0.005)  # work to stop in the middle of, not a wait for anything
    return name


def test_stopping_early_ends_every_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_read, "POOL_FROM", 1)
    monkeypatch.setattr(parallel_read, "CHUNK", 2)
    monkeypatch.setattr(parallel_read, "usable_cores", lambda: 2)
    names = [f"n{number}" for number in range(400)]
    got: list[str] = []
    parallel_read.read_each(names, slow_read, lambda name, _result: got.append(name), lambda: bool(got))
    assert 0 < len(got) < len(names)
    assert multiprocessing.active_children() == []


# ---------------------------------------------------------------- real processes, real signals


def wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return bool(condition())  # type: ignore[operator]


@pytest.fixture
def big_store(tmp_path: Path) -> Iterator[Path]:
    data_dir = tmp_path / "data"
    many_meeting_files(data_dir, 3000)
    yield data_dir


def start_list(data_dir: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """``list`` in its own process group (as a terminal runs it), once its workers have started."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sdm_facilitator", "--data-dir", str(data_dir), "list"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    workers: list[int] = []

    def started() -> bool:
        workers[:] = worker_processes(process.pid)
        return len(workers) >= 2 or process.poll() is not None

    assert wait_until(started, 60), "list never started its workers"
    assert process.poll() is None, "list finished before it could be interrupted: make the store larger"
    return process, workers


def test_ctrl_c_ends_list_and_its_workers_at_once(big_store: Path) -> None:
    process, workers = start_list(big_store)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C does: the whole foreground group
    try:
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert process.stderr is not None and b"interrupted" in process.stderr.read()
    assert wait_until(lambda: not any(running(pid) for pid in workers), 5), "a worker outlived list"


def test_a_killed_list_takes_its_workers_with_it(big_store: Path) -> None:
    process, workers = start_list(big_store)
    os.kill(process.pid, signal.SIGKILL)  # no chance to clean up
    process.wait(timeout=10)
    try:
        assert wait_until(lambda: not any(running(pid) for pid in workers), 5), "a worker outlived list"
    finally:
        for pid in workers:
            if running(pid):
                os.kill(pid, signal.SIGKILL)

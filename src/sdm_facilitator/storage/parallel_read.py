"""Reading many meeting files at once, spread over worker processes.

A first look at a large store (no summary index yet: after an upgrade, a
restore, a folder copied in) parses and summarises every file. Parsing TOML
is pure Python, so threads would take turns on one core; processes use them
all. Below ``POOL_FROM`` files, or with one core, files are read here, one by
one, exactly as before.

The workers are forked from this process, so they start in milliseconds and
hold what reading needs without it being sent to them: the store, its data
key in an encrypted store (never written anywhere or sent through a pipe),
the guides. Only file names go in and results come back. Forking is used only
on Linux, where it is safe for a process like this one; elsewhere files are
read here.

The pool never outlives the reading and never hangs it:

- Ctrl+C reaches the workers too (they are in the terminal's process group):
  they ignore it and this process stops them, each after the file in hand.
- A worker that dies (killed, out of memory, the terminal gone) fails its
  results; the files it had not returned are then read here.
- A worker whose parent dies is ended by the kernel (Linux's parent-death
  signal), so nothing is left behind even after ``kill -9``.
- Signal handlers this process set (the app saves and exits on SIGHUP and
  SIGTERM) are put back to the defaults in the workers, before any signal
  can reach them (signals are held while they are forked): a worker just
  ends, and never wakes the app's event loop.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.synchronize import Event

R = TypeVar("R")

#: From this many files the reading is spread over processes (a few hundred milliseconds of work).
POOL_FROM = 200
#: Files handed to a worker at a time: small enough for even progress, large enough to keep pipes quiet.
CHUNK = 25
#: At most this many workers, however many cores: beyond that the disk, not the parsing, is the limit.
MAX_WORKERS = 8
#: How often the waiting side looks at ``cancelled`` (seconds).
POLL_SECONDS = 0.1
_PR_SET_PDEATHSIG = 1
#: Ctrl+C (ignored: this process stops the workers), and the terminal gone or a polite kill (they end).
#: Windows has no SIGHUP (nor forked workers): the module must still import there, as the store needs it.
_WORKER_SIGNALS = {signal.SIGINT, signal.SIGTERM, *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ())}


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` can give it fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(files: int) -> int:
    """How many worker processes to read ``files`` files with; below 2, they are read in this process."""
    if files < POOL_FROM or not sys.platform.startswith("linux"):
        return 0
    import multiprocessing  # here: a warm start (the index in place) never needs it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    workers = min(usable_cores(), MAX_WORKERS, -(-files // CHUNK))
    return workers if workers >= 2 else 0


def read_each(
    names: Sequence[str],
    read: Callable[[str], R],
    each: Callable[[str, R], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Call ``each(name, read(name))`` for every name, in any order, until ``cancelled()`` says stop.

    ``read`` runs in worker processes when there are many names (its result
    must pickle); ``each`` always runs here, in the calling thread.
    """
    workers = worker_count(len(names))
    left = list(names)
    if workers:
        left = _Pool(names, read, workers).run(each, cancelled)
    for name in left:
        if cancelled():
            return
        each(name, read(name))


class _Pool(Generic[R]):
    """One spread-out reading: workers forked for it, ended when it ends."""

    def __init__(self, names: Sequence[str], read: Callable[[str], R], workers: int) -> None:
        self.names = list(names)
        self.read = read
        self.workers = workers

    def run(self, each: Callable[[str, R], None], cancelled: Callable[[], bool]) -> list[str]:
        """Read in the workers; return the names left unread because a worker died (none normally)."""
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        context = multiprocessing.get_context("fork")
        stop = context.Event()
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.read, self.names, stop, os.getpid()),
        )
        chunks: dict[Future[list[tuple[str, R]]], range] = {}
        lost: list[range] = []
        try:
            # The workers are forked by the first submit. Signals wait until a worker has set
            # its own handlers, so none ever runs this process's (the app saving and exiting).
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, _WORKER_SIGNALS)
            try:
                for start in range(0, len(self.names), CHUNK):
                    span = range(start, min(start + CHUNK, len(self.names)))
                    chunks[executor.submit(_read_chunk, span.start, span.stop)] = span
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            waiting = set(chunks)
            while waiting and not cancelled():
                finished, waiting = wait(waiting, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        lost.append(chunks[future])
                        continue
                    for name, result in results:
                        each(name, result)
            if cancelled():
                return []
        finally:
            # Each worker stops after the file in hand; chunks not started are dropped.
            stop.set()
            executor.shutdown(wait=True, cancel_futures=True)
        return [self.names[i] for span in sorted(lost, key=lambda r: r.start) for i in span]


# ---------------------------------------------------------------- in the worker processes

_work: tuple[Callable[[str], object], list[str], Event] | None = None


def _start_worker(read: Callable[[str], object], names: list[str], stop: Event, parent: int) -> None:
    """Set up a freshly forked worker: its signals, its parent's death, what it reads."""
    global _work
    # The parent's handlers (and the wakeup socket its event loop reads signals from) are not ours.
    with contextlib.suppress(ValueError):
        signal.set_wakeup_fd(-1)
    for number in signal.valid_signals():
        with contextlib.suppress(OSError, ValueError):
            if callable(signal.getsignal(number)):
                signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _WORKER_SIGNALS)
    _die_with(parent)
    _work = (read, names, stop)


def _die_with(parent: int) -> None:
    """Ask the kernel to end this process when its parent ends (Linux), or end now if it already has."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(0)


def _read_chunk(start: int, stop_at: int) -> list[tuple[str, Any]]:
    """Read ``names[start:stop_at]`` in a worker, stopping early when told to."""
    assert _work is not None, "a worker reads only after _start_worker"
    read, names, stop = _work
    results = []
    for name in names[start:stop_at]:
        if stop.is_set():
            break
        results.append((name, read(name)))
    return results

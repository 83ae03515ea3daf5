"""What the app decides before it draws anything, and how it stops on a signal.

- The data folder: one that other users could change (or that cannot be
  written or made private) opens read-only with a banner, instead of being
  used silently or stopping the app with an error.
- Private family time: if the app or the laptop stopped while it ran, the
  next start goes straight back to the privacy screen, because the family
  may be the ones looking at it.
- A closed terminal window (SIGHUP) or a shutdown (SIGTERM) saves what was
  typed and exits cleanly, instead of dying with it unsaved.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from typing import Any

from sdm_facilitator.domain import meeting_clock as mc
from sdm_facilitator.storage.folder_safety import describe_problems
from sdm_facilitator.storage.store import MeetingStore, StoreError

#: The signals that mean "this program is about to be stopped": save first.
EXIT_SIGNALS: tuple[int, ...] = () if sys.platform == "win32" else (signal.SIGHUP, signal.SIGTERM)


def folder_read_only_reason(store: MeetingStore) -> str | None:
    """Why this data folder must be read-only, after trying to set it up; None when it is fine.

    Called once at start. A private, writable folder is created and cleaned
    (``ensure``); any other folder is only read.
    """
    problems = store.folder_problems()
    if problems:
        return (
            "Read-only: other people could change this data folder, so nothing is saved and your "
            f"organisation's own guides are not used. {describe_problems(problems).capitalize()}."
        )
    try:
        store.ensure()
    except StoreError as error:
        return f"Read-only: {error}. You can read meetings here; nothing is saved."
    return None


def meeting_in_family_time(store: MeetingStore) -> str | None:
    """The meeting whose private family time started and has not ended (the latest, if several)."""
    running = [
        opened.meeting
        for opened in store.list_meetings().meetings
        if mc.family_time_running(opened.meeting) and opened.meeting.record.ended is None
    ]
    if not running:
        return None
    latest = max(running, key=lambda m: m.record.family_time_start)  # type: ignore[arg-type,return-value]
    return latest.id


def install_exit_signals(app: Any, save_and_exit: Callable[[], None]) -> None:
    """Run ``save_and_exit`` on the app's loop when the terminal closes or the system shuts down."""
    loop = asyncio.get_running_loop()
    for signum in EXIT_SIGNALS:
        try:
            loop.add_signal_handler(signum, save_and_exit)
        except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - not the main thread
            return

"""Stores of many meeting files, written quickly, for tests of a first look at a large store."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.store import MeetingStore


def aged(folder: Path) -> None:
    """Make every file in ``folder`` look written an hour ago, so rows read now are trusted later."""
    then = time.time_ns() - 3600 * 1_000_000_000
    for path in folder.iterdir():
        os.utime(path, ns=(then, then))


def many_meeting_files(data_dir: Path, count: int) -> MeetingStore:
    """A store of ``count`` meeting files written directly (one meeting, many ids), with no summary index."""
    store = MeetingStore(data_dir)
    store.ensure()
    meeting = Meeting(kind="fgc", family_label="Family", id="m0")
    meeting.children = [Child(id=f"c{n}", name=f"Child {n}") for n in range(4)]
    meeting.people = [Person(id=f"p{n}", name=f"Person {n}", relationship="aunt") for n in range(8)]
    text = meeting_to_toml(meeting)
    for number in range(count):
        meeting_id = f"m{number:06d}"
        (store.folder / f"{meeting_id}.toml").write_text(text.replace('id = "m0"', f'id = "{meeting_id}"', 1))
    aged(store.folder)
    return store


def worker_processes(pid: int) -> list[int]:
    """The child processes of ``pid`` now (Linux)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(part) for part in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def running(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting to be reaped (Linux)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"

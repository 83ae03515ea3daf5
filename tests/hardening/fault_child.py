"""Child process for the kill test: saves meetings in a loop until killed.

Run as ``python fault_child.py DATA_DIR ID [ID ...]``. Every version ``n`` of a
meeting is a pure function of its id and ``n`` (``expected_meeting``), so the
parent can check a file after a SIGKILL is exactly one whole version. The child
continues from whatever version is on disk and prints ``ack ID N`` after each
save returns, so the parent knows the last version that must be there.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sdm_facilitator.domain.meeting import Meeting, Person, note_first_filled
from sdm_facilitator.storage.store import MeetingStore

BASE = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
VERSION_MARK = "version "


def expected_meeting(meeting_id: str, n: int) -> Meeting:
    """Version ``n`` of meeting ``meeting_id``: content grows with ``n`` (up to ~120 KB)."""
    size = (n * 977) % 24_000
    words = " ".join(f"w{n}-{i}" for i in range(size // 8))
    m = Meeting(id=meeting_id, kind="fgc", created=BASE, updated=BASE + timedelta(seconds=n))
    m.family_label = f"{VERSION_MARK}{n}"
    m.referral.worries = f"worries at {n}:\n{words}"
    m.referral.strengths = "strengths " + "é✓" * (n % 500)
    m.referral.bottom_lines = [f"line {i} of {n}" for i in range(n % 7)]
    m.people = [
        Person(id=f"p{i}", relationship=f"aunt {i}/{n}", prep_notes=words[: i * 100]) for i in range(n % 5)
    ]
    # As a save records them (``Meeting.touch``): the day each tracked field was first filled in.
    note_first_filled(m, m.updated.astimezone().date())
    return m


def version_of(meeting: Meeting) -> int:
    assert meeting.family_label.startswith(VERSION_MARK), "not a file this script wrote"
    return int(meeting.family_label[len(VERSION_MARK) :])


def main(argv: list[str]) -> None:
    store = MeetingStore(Path(argv[0]))
    ids = argv[1:]
    opened = {}
    for meeting_id in ids:
        opened[meeting_id] = store.open(meeting_id)
        assert not opened[meeting_id].read_only, opened[meeting_id].read_only_reason
    print("ready", flush=True)
    while True:
        for meeting_id in ids:
            current = opened[meeting_id]
            n = version_of(current.meeting) + 1
            current.meeting = expected_meeting(meeting_id, n)
            store.save(current, now=BASE + timedelta(seconds=n))
            print(f"ack {meeting_id} {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

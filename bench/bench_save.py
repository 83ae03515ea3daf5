"""Budget: saving the 1.3 MB meeting (200 people, 300 actions, long notes), p95 including fsync.

    python bench/bench_save.py [--runs 5] [--saves 20]

Each run opens the meeting, saves once (the first save after opening checks
every section), then times ``--saves`` saves after one small edit each, in
turn in a person's notes, an action, the chair's notes of a phase and the
venue, and takes their 95th percentile. Two figures: the whole durable save
(snapshot, write, read back, validate, fsync), which the app does on a
background thread, and the snapshot alone, which is all the UI waits for.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from budget_table import MIN_RUNS, report, row_from
from store_cache import large_meeting

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.codec import to_dict
from sdm_facilitator.storage.store import MeetingStore

BUDGET_MS = 30.0
EDITS: list[Callable[[Meeting, int], None]] = [
    lambda m, n: setattr(m.people[n % 200], "prep_notes", m.people[n % 200].prep_notes + " x"),
    lambda m, n: setattr(m.plan.actions[n % 300], "what", m.plan.actions[n % 300].what + " x"),
    lambda m, n: setattr(m.record.phases[0], "notes", m.record.phases[0].notes + " x"),
    lambda m, n: setattr(m.choices, "venue", m.choices.venue + " x"),
]


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def plain_write(store: MeetingStore, meeting_id: str) -> float:
    """The same-run reference: a durable replace of the same file with its own bytes (write, fsync, rename)."""
    path = store.path_for(meeting_id)
    data = path.read_bytes()
    started = time.perf_counter()
    atomic_write_bytes(path.with_name(".bench-reference.toml"), data)
    return (time.perf_counter() - started) * 1000


def one_run(store: MeetingStore, meeting_id: str, saves: int) -> tuple[float, float, float]:
    opened = store.open(meeting_id)
    try:
        store.save(opened)
        whole, snapshot, reference = [], [], []
        for n in range(saves):
            EDITS[n % len(EDITS)](opened.meeting, n)
            started = time.perf_counter()
            opened.meeting.touch()
            data = to_dict(opened.meeting)
            taken = time.perf_counter()
            store.save(opened, data=data)
            done = time.perf_counter()
            snapshot.append((taken - started) * 1000)
            whole.append((done - started) * 1000)
            reference.append(plain_write(store, meeting_id))
        return p95(whole), p95(snapshot), p95(reference)
    finally:
        store.close(opened)
        store.path_for(meeting_id).with_name(".bench-reference.toml").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()
    data_dir, big = large_meeting()
    store = MeetingStore(data_dir)
    runs = [one_run(store, big, args.saves) for _ in range(max(args.runs, MIN_RUNS))]
    size = store.path_for(big).stat().st_size / 1_000_000
    report(
        [
            row_from(
                f"save of a {size:.1f} MB meeting, whole durable save, p95",
                BUDGET_MS,
                "ms",
                [r[0] for r in runs],
            ),
            row_from(
                f"save of a {size:.1f} MB meeting, what the UI waits for, p95",
                BUDGET_MS,
                "ms",
                [r[1] for r in runs],
            ),
            row_from(
                "the whole save, ratio to a plain durable write of the same bytes in the same run (p95s)",
                None,
                "x",
                [r[0] / r[2] for r in runs],
            ),
            row_from("plain durable write of those bytes, p95 (reference)", None, "ms", [r[2] for r in runs]),
        ]
    )


if __name__ == "__main__":
    main()

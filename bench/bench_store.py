"""How the store scales: create N realistic meetings, then time listing, opening and saving.

Not a test: prints figures. ``python bench/bench_store.py [--meetings N]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sdm_facilitator.demo import follow_up_meeting, held_meeting, preparing_meeting
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage.store import MeetingStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=1000)
    count = parser.parse_args().meetings
    library = load_library(None)
    builders = (preparing_meeting, held_meeting, follow_up_meeting)
    with tempfile.TemporaryDirectory() as folder:
        store = MeetingStore(Path(folder))
        store.ensure()
        start = time.perf_counter()
        ids = []
        for index in range(count):
            opened = store.create(builders[index % len(builders)](library, date.today()))
            store.close(opened)
            ids.append(opened.meeting.id)
        created = time.perf_counter() - start
        size = sum(p.stat().st_size for p in store.folder.glob("*.toml"))
        start = time.perf_counter()
        listing = store.list_meetings()
        listed = time.perf_counter() - start
        saves = []
        for meeting_id in ids[:50]:
            opened = store.open(meeting_id)
            opened.meeting.referral.worries += " More words."
            t0 = time.perf_counter()
            store.save(opened)
            saves.append(time.perf_counter() - t0)
            store.close(opened)
    print(f"{count} meetings, {size / count / 1024:.1f} KiB each on average")
    print(f"  create (atomic write + fsync)  {created / count * 1000:7.2f} ms per meeting")
    print(f"  list all ({len(listing.meetings)} read)          {listed * 1000:7.0f} ms")
    print(f"  save one (median of {len(saves)})         {statistics.median(saves) * 1000:7.2f} ms")


if __name__ == "__main__":
    main()

"""The summary index: a cache that is never believed over the meeting files."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage import index as index_module
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.index import INDEX_NAME, SummaryIndex, index_for
from sdm_facilitator.storage.store import MeetingStore
from support.guide_library import bundled_library

LIBRARY = bundled_library()
HOUR_NS = 3600 * 1_000_000_000


@pytest.fixture
def store(tmp_path: Path) -> MeetingStore:
    s = MeetingStore(tmp_path / "data")
    s.ensure()
    return s


def index(store: MeetingStore) -> SummaryIndex:
    return index_for(store, LIBRARY)


def make(store: MeetingStore, label: str, child: str = "Ada") -> Meeting:
    m = Meeting(kind="fgc", family_label=label, children=[Child(name=child)])
    store.close(store.create(m))
    return m


def age(path: Path, hours: int = 1) -> os.stat_result:
    """Make a file look written an hour ago, so its row is trusted from then on."""
    then = time.time_ns() - hours * HOUR_NS
    os.utime(path, ns=(then, then))
    return path.stat()


def labels(store: MeetingStore) -> dict[str, str]:
    return {s.id: s.family_label for s in index(store).listing().summaries}


def rewrite_keeping_size_and_times(path: Path, old: str, new: str) -> None:
    """Change the text in place, same length, and put the old times back (what some sync tools do)."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    data = path.read_bytes().replace(old.encode(), new.encode())
    with open(path, "r+b") as handle:  # in place: same inode
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )


def test_rows_are_trusted_once_settled_and_files_are_not_read_again(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = make(store, "Settled")
    age(store.path_for(m.id))
    assert labels(store) == {m.id: "Settled"}
    reads: list[str] = []
    real = SummaryIndex.read_row
    monkeypatch.setattr(SummaryIndex, "read_row", lambda self, name: reads.append(name) or real(self, name))
    listing = index(store).listing()
    assert (
        [s.family_label for s in listing.summaries] == ["Settled"] and reads == [] and listing.pending == []
    )


def test_a_file_edited_behind_the_apps_back_shows_its_new_content(store: MeetingStore) -> None:
    m = make(store, "Before")
    age(store.path_for(m.id))
    assert labels(store) == {m.id: "Before"}
    opened = store.open(m.id)
    opened.meeting.family_label = "After, longer label"
    store.save(opened)
    store.close(opened)
    assert labels(store) == {m.id: "After, longer label"}


def test_same_size_same_times_in_place_edit_is_seen(store: MeetingStore) -> None:
    m = make(store, "Label AAAA")
    path = store.path_for(m.id)
    age(path)
    assert labels(store) == {m.id: "Label AAAA"}
    rewrite_keeping_size_and_times(path, "Label AAAA", "Label BBBB")
    assert labels(store) == {m.id: "Label BBBB"}


def test_same_size_rewrite_in_the_same_second_is_seen(store: MeetingStore) -> None:
    """Written, listed and rewritten within one tick: the row was never trusted."""
    m = make(store, "Tick AAAA")
    path = store.path_for(m.id)
    assert labels(store) == {m.id: "Tick AAAA"}
    rewrite_keeping_size_and_times(path, "Tick AAAA", "Tick BBBB")
    assert labels(store) == {m.id: "Tick BBBB"}


def test_same_second_rewrite_is_seen_where_the_change_time_tells_nothing(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows st_ctime is the creation time: only the settle rule catches a same-tick rewrite."""
    real = index_module.FileKey.of
    monkeypatch.setattr(
        index_module.FileKey, "of", classmethod(lambda cls, st: dataclasses.replace(real(st), ctime_ns=0))
    )
    m = make(store, "Tick CCCC")
    path = store.path_for(m.id)
    assert labels(store) == {m.id: "Tick CCCC"}
    rewrite_keeping_size_and_times(path, "Tick CCCC", "Tick DDDD")
    assert labels(store) == {m.id: "Tick DDDD"}


def test_added_removed_and_replaced_files(store: MeetingStore) -> None:
    first, second = make(store, "First"), make(store, "Second")
    for m in (first, second):
        age(store.path_for(m.id))
    assert labels(store) == {first.id: "First", second.id: "Second"}
    store.path_for(first.id).unlink()
    third = make(store, "Third")
    assert labels(store) == {second.id: "Second", third.id: "Third"}
    # Replaced by another file renamed over it (what sync tools and editors do).
    replacement = Meeting(id=second.id, kind="fgc", family_label="Second, replaced")
    other = store.folder / "incoming.tmp"
    other.write_text(meeting_to_toml(replacement), encoding="utf-8")
    os.replace(other, store.path_for(second.id))
    assert labels(store) == {second.id: "Second, replaced", third.id: "Third"}


def test_unreadable_files_and_conflict_copies_are_listed_with_reasons(store: MeetingStore) -> None:
    m = make(store, "Kept")
    (store.folder / "broken.toml").write_text("this is = = not toml", encoding="utf-8")
    copy = store.folder / f"{m.id} (conflict copy).toml"
    copy.write_bytes(store.path_for(m.id).read_bytes())
    for path in store.folder.glob("*.toml"):
        age(path)
    for _ in range(2):  # read from the files, then from the index
        listing = index(store).listing()
        assert [s.family_label for s in listing.summaries] == ["Kept"]
        assert [u.path.name for u in listing.unreadable] == ["broken.toml"]
        assert "not valid TOML" in listing.unreadable[0].reason
        assert [(c.path.name, c.meeting_id) for c in listing.conflicts] == [(copy.name, m.id)]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        json.dumps({"format": "something else", "rows": []}).encode(),
        json.dumps(
            {
                "format": index_module.FORMAT,
                "rows_version": index_module.ROW_VERSION,
                "summary_version": 1,
                "rows": "x",
            }
        ).encode(),
        b"[" * 100_000,
    ],
)
def test_a_corrupt_index_is_rebuilt(store: MeetingStore, damage: bytes) -> None:
    m = make(store, "Survivor")
    age(store.path_for(m.id))
    labels(store)
    (store.folder / INDEX_NAME).write_bytes(damage)
    assert labels(store) == {m.id: "Survivor"}
    assert index(store).load().keys() == {store.path_for(m.id).name}


def test_a_row_with_wrong_types_is_read_again(store: MeetingStore) -> None:
    m = make(store, "Typed")
    age(store.path_for(m.id))
    labels(store)
    path = store.folder / INDEX_NAME
    document = json.loads(path.read_bytes())
    document["rows"][0]["summary"][document["summary_fields"].index("people")] = "many"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert index(store).load() == {}
    assert labels(store) == {m.id: "Typed"}


def test_rows_of_other_guides_are_not_used(store: MeetingStore) -> None:
    m = make(store, "Guided")
    age(store.path_for(m.id))
    labels(store)
    assert SummaryIndex(store, lambda _m: None, "another-guide-set").load() == {}


def test_rows_worked_out_under_another_jurisdiction_are_worked_out_again(store: MeetingStore) -> None:
    m = make(store, "Profiled")
    age(store.path_for(m.id))
    england = index_for(store, load_library(None, jurisdiction="england"))
    england.listing()
    assert m.id in {row.summary.id for row in england.load().values() if row.summary}
    us = index_for(store, load_library(None, jurisdiction="us"))
    assert (
        us.guides_key != england.guides_key and us.law == load_library(None, jurisdiction="us").profile_law()
    )
    assert us.load() == {}


_LIST_AGAIN_AND_AGAIN = """
import sys
from pathlib import Path
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage.index import index_for
from sdm_facilitator.storage.store import MeetingStore
store = MeetingStore(Path(sys.argv[1]))
for _ in range(int(sys.argv[2])):
    index_for(store, load_library(None)).listing()
"""


def test_two_processes_updating_at_once_lose_nothing(store: MeetingStore) -> None:
    """Both copies add rows while the other is writing; afterwards every file has its row."""
    made = [make(store, f"Family {n}") for n in range(60)]
    for m in made:
        age(store.path_for(m.id))
    workers = [
        subprocess.Popen([sys.executable, "-c", _LIST_AGAIN_AND_AGAIN, str(store.data_dir), "3"])
        for _ in range(2)
    ]
    # Meanwhile this process adds meetings and lists too.
    for n in range(20):
        age(store.path_for(make(store, f"Late {n}").id))
        index(store).listing()
    for worker in workers:
        assert worker.wait(60) == 0
    rows = index(store).load()
    assert set(rows) == {p.name for p in store.folder.glob("*.toml")}
    listing = index(store).listing(read_stale=False)
    assert len(listing.summaries) == 80 and listing.pending == []


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["edit", "add", "remove", "in-place"]), st.integers(0, 5)),
        min_size=1,
        max_size=8,
    )
)
def test_the_index_never_holds_text_the_files_do_not(
    store: MeetingStore, steps: list[tuple[str, int]]
) -> None:
    """After any mix of edits behind the app's back, no old family label or child name is left in the index."""
    for path in store.folder.glob("*.toml"):
        path.unlink()
    counter = iter(range(10_000))
    for action, which in steps:
        files = sorted(store.folder.glob("*.toml"))
        marker = f"Mark{next(counter):04d}"
        if action == "add" or not files:
            make(store, f"Family {marker}", child=f"Child {marker}")
        else:
            path = files[which % len(files)]
            if action == "remove":
                path.unlink()
            elif action == "edit":
                meeting = store.open(path.stem, lock=False)
                meeting.meeting.family_label = f"Family {marker} edited"
                meeting.meeting.children[0].name = f"Kid {marker}"
                store.save(meeting)
            else:
                text = path.read_text(encoding="utf-8")
                old = text.split('family_label = "', 1)[1][:11]
                rewrite_keeping_size_and_times(path, old, f"Family {marker}"[:11].ljust(11, "x"))
        if next(counter) % 2:
            for path in store.folder.glob("*.toml"):
                age(path)
        index(store).listing()
        raw = (
            (store.folder / INDEX_NAME).read_text(encoding="utf-8")
            if (store.folder / INDEX_NAME).exists()
            else ""
        )
        on_disk = "".join(p.read_text(encoding="utf-8") for p in store.folder.glob("*.toml"))
        for row in index(store).load().values():
            assert row.summary is not None
            assert row.summary.family_label in on_disk
            assert all(name in on_disk for name in row.summary.children)
        for word in {w for w in raw.replace('"', " ").split() if w.startswith("Mark")}:
            assert word[:8] in on_disk


def test_an_index_larger_than_a_meeting_file_may_be_is_still_read(tmp_path: Path) -> None:
    """The index of about 6,000 meetings passes the 4 MB meeting limit; it has its own limit."""
    from sdm_facilitator.storage.limits import MAX_FILE_BYTES
    from sdm_facilitator.storage.store import UnreadableMeetingError as Unreadable

    store = MeetingStore(tmp_path)
    store.ensure()
    big = store.folder / "big.json"
    big.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    data, _stat = store.read_bytes(big, 2 * MAX_FILE_BYTES)
    assert len(data) == MAX_FILE_BYTES + 1
    with pytest.raises(Unreadable, match="a meeting file is at most"):
        store.read_bytes(big)
    with pytest.raises(Unreadable, match="at most"):
        store.read_bytes(big, MAX_FILE_BYTES // 2)

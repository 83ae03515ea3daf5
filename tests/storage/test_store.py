"""The store: atomic saves, defensive loads, locks and conflicts."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.atomic import HOST_TAG
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.store import (
    BOM,
    MAX_FILE_BYTES,
    ConflictError,
    MeetingNotFound,
    MeetingStore,
    ReadOnlyError,
    UnreadableMeetingError,
)


@pytest.fixture
def store(tmp_path: Path) -> MeetingStore:
    s = MeetingStore(tmp_path / "data")
    s.ensure()
    return s


def make(store: MeetingStore, label: str = "Family") -> Meeting:
    m = Meeting(kind="fgc", family_label=label)
    store.close(store.create(m))
    return m


def test_create_open_save_round_trip(store: MeetingStore) -> None:
    m = make(store)
    opened = store.open(m.id)
    opened.meeting.referral.worries = "worried [bold]"
    store.save(opened)
    store.close(opened)
    assert store.open(m.id, lock=False).meeting.referral.worries == "worried [bold]"


def test_file_name_is_the_id_never_the_family(store: MeetingStore) -> None:
    m = make(store, "Smith family")
    names = [p.name for p in store.folder.iterdir() if not p.name.startswith(".")]
    assert names == [f"{m.id}.toml"]
    assert "Smith" not in m.id


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_private_permissions(store: MeetingStore) -> None:
    m = make(store)
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path_for(m.id).stat().st_mode) == 0o600


def write_raw(store: MeetingStore, name: str, data: bytes) -> Path:
    path = store.folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason", "line"),
    [
        (b'id = "x"\nkind = "fgc"\nfamily_label = "unterminated\n', "not valid TOML", 3),
        (b'id = "x"\nkind = \xff\xfe\n', "not valid UTF-8 text", 2),
        (
            b'id = "x"\nkind = "fgc"\n[[children]]\nage = "ten"\n',
            "children[0].age: expected a whole number",
            None,
        ),
        (b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "not valid TOML", None),
        (
            b'id = "x"\nkind = "fgc"\nn = ' + b"9" * 5000 + b"\n",
            "n: a number with more than 4,300 digits; expected a whole number",
            3,
        ),
        (b"", "id: missing", None),
    ],
)
def test_bad_files_are_listed_with_reason_and_left_untouched(
    store: MeetingStore, data: bytes, reason: str, line: int | None
) -> None:
    good = make(store)
    path = write_raw(store, "broken.toml", data)
    listing = store.list_meetings()
    assert [m.meeting.id for m in listing.meetings] == [good.id]
    (bad,) = listing.unreadable
    assert bad.path == path
    assert reason in bad.reason
    assert bad.line == line
    assert path.read_bytes() == data


def test_oversized_file_is_refused_before_parsing(store: MeetingStore) -> None:
    path = write_raw(store, "huge.toml", b"#" * (MAX_FILE_BYTES + 1))
    (bad,) = store.list_meetings().unreadable
    assert "too large" in bad.reason
    assert path.stat().st_size == MAX_FILE_BYTES + 1


def test_byte_order_mark_is_accepted(store: MeetingStore) -> None:
    m = Meeting(kind="fgc", family_label="BOM")
    write_raw(store, f"{m.id}.toml", BOM + meeting_to_toml(m).encode())
    assert store.open(m.id).meeting.family_label == "BOM"


def test_future_schema_opens_read_only(store: MeetingStore) -> None:
    m = Meeting(kind="fgc", family_label="Future", schema_version=7)
    path = write_raw(store, f"{m.id}.toml", meeting_to_toml(m).encode())
    before = path.read_bytes()
    opened = store.open(m.id)
    assert opened.read_only and "newer version" in (opened.read_only_reason or "")
    with pytest.raises(ReadOnlyError):
        store.save(opened)
    assert path.read_bytes() == before


def test_second_open_is_read_only_while_first_holds_lock(store: MeetingStore) -> None:
    m = make(store)
    first = store.open(m.id)
    second = MeetingStore(store.data_dir).open(m.id)
    assert not first.read_only
    assert second.read_only and "another copy" in (second.read_only_reason or "")
    store.close(first)
    third = store.open(m.id)
    assert not third.read_only


def test_change_behind_our_back_keeps_both_versions(store: MeetingStore) -> None:
    m = make(store)
    opened = store.open(m.id)
    other = MeetingStore(store.data_dir).open(m.id, lock=False)
    other.meeting.family_label = "Edited elsewhere"
    other.meeting.referral.worries = "their words"
    store.path_for(m.id).write_text(meeting_to_toml(other.meeting))
    opened.meeting.referral.worries = "my words"
    with pytest.raises(ConflictError) as caught:
        store.save(opened)
    copy = caught.value.copy_path
    assert "conflict copy" in copy.name and copy.name.startswith(m.id)
    assert store.open(m.id, lock=False).meeting.referral.worries == "their words"
    listing = store.list_meetings()
    assert [c.path for c in listing.conflicts] == [copy]


def test_sync_conflict_copy_is_listed_not_merged(store: MeetingStore) -> None:
    m = make(store)
    copy = store.folder / f"{m.id} (Laptop's conflicted copy 2026-01-02).toml"
    copy.write_bytes(store.path_for(m.id).read_bytes())
    listing = store.list_meetings()
    assert len(listing.meetings) == 1
    assert listing.conflicts[0].path == copy
    assert copy.exists()


def test_open_unknown_id(store: MeetingStore) -> None:
    with pytest.raises(MeetingNotFound):
        store.open("20260101-deadbeef")
    with pytest.raises(MeetingNotFound):
        store.open("../secret")


def test_unreadable_open_raises(store: MeetingStore) -> None:
    write_raw(store, "20260101-aaaaaaaa.toml", b"not toml at all =")
    with pytest.raises(UnreadableMeetingError):
        store.open("20260101-aaaaaaaa")


def test_only_the_stores_own_stale_temp_files_are_removed_on_start(store: MeetingStore) -> None:
    """Start-up cleanup removes crashed writers' leftovers and nothing a person or another computer owns."""
    long_ago = time.time() - 3600
    crashed_here = store.folder / f".x.toml.tmp-{HOST_TAG}-999999999-abcd0123"
    old_from_elsewhere = store.folder / ".w.toml.tmp-ffffff-12-abcd0123"
    persons_own = store.folder / ".notes.tmp-backup"
    looks_close = store.folder / ".y.toml.tmp-12-notours"
    # A save in progress on another computer sharing the folder: its pid means nothing here.
    fresh_from_elsewhere = store.folder / ".z.toml.tmp-ffffff-999999998-0123abcd"
    for path in (crashed_here, old_from_elsewhere, persons_own, looks_close, fresh_from_elsewhere):
        path.write_text("data")
    for path in (old_from_elsewhere, persons_own, looks_close):
        os.utime(path, (long_ago, long_ago))
    removed = store.ensure()
    assert sorted(removed) == sorted([crashed_here, old_from_elsewhere])
    assert persons_own.exists() and looks_close.exists() and fresh_from_elsewhere.exists()


def test_creating_a_meeting_does_not_read_the_whole_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clearing crashed writers' temp files reads every file name: done at start, not per new meeting
    (with 10,000 meetings, filling a store took quadratic time)."""
    from sdm_facilitator.storage import store as store_module

    store = MeetingStore(tmp_path)
    store.ensure()
    scans: list[Path] = []
    monkeypatch.setattr(
        store_module, "remove_leftover_temp_files", lambda data_dir: scans.append(data_dir) or []
    )
    store.close(store.create(Meeting(kind="fgc", family_label="F")))
    assert scans == []
    store.ensure()
    assert scans == [store.data_dir]


def test_a_save_after_our_own_save_does_not_read_the_file_again(
    store: MeetingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is as this process wrote it (size, times, inode): no read and hash of 1.3 MB before writing."""
    m = make(store)
    opened = store.open(m.id)
    opened.meeting.referral.worries = "first"
    store.save(opened)  # the first save after opening still reads what it opened

    def no_read(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
        raise AssertionError(f"{path.name} was read before writing")

    monkeypatch.setattr(store, "read_bytes", no_read)
    opened.meeting.referral.worries = "second"
    store.save(opened)
    monkeypatch.undo()
    assert store.open(m.id, lock=False).meeting.referral.worries == "second"
    store.close(opened)


def test_a_file_replaced_after_our_save_with_the_same_size_and_time_is_still_a_conflict(
    store: MeetingStore,
) -> None:
    """Another writer that replaces the file makes a new inode: the file is read and the change kept."""
    m = make(store, label="AAAA")
    opened = store.open(m.id)
    store.save(opened)
    path = store.path_for(m.id)
    before = path.stat()
    replacement = path.with_name("replacement.tmp")
    replacement.write_bytes(path.read_bytes().replace(b"AAAA", b"BBBB"))
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, path)
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ino != before.st_ino
    opened.meeting.family_label = "ours"
    with pytest.raises(ConflictError):
        store.save(opened)
    assert b"BBBB" in path.read_bytes()
    store.close(opened)

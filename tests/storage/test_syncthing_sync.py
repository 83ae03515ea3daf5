"""Two laptops on one data folder kept in step by a real Syncthing (slow: run with --slow).

Two Syncthing instances from Debian's package, on loopback, each with its own
home and data folder, are started and stopped here. What a coordinator needs:
edits to different meetings arrive on the other laptop; a meeting open on one
laptop is read-only on the other; the same meeting edited on both while apart
gives a conflict copy the app lists, and the merge keeps both edits; an
encrypted store syncs without a name reaching the other folder. The figures
(edits, conflicts, merges, seconds) are printed for the closing note.
"""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.storage import open_marker
from sdm_facilitator.storage.codec import to_dict
from sdm_facilitator.storage.conflict_merge import (
    MISSING,
    FieldDifference,
    differences,
    read_copy,
    resolve_conflict,
)
from sdm_facilitator.storage.crypto import FileCipher
from sdm_facilitator.storage.keyfile import KeyFile
from sdm_facilitator.storage.store import MeetingStore
from support.privacy_helpers import PASSPHRASE, make_encrypted_store, named_meeting, names_on_disk
from support.syncthing_helpers import SKIP_REASON, SYNCTHING, Instance, pair, wait_connected, wait_in_sync

pytestmark = [pytest.mark.slow, pytest.mark.skipif(SYNCTHING is None, reason=SKIP_REASON)]


def wait_for(what: str, done: Callable[[], bool], timeout: float = 120) -> float:
    """Seconds until ``done()`` (asked every tenth of a second); fails naming ``what`` after ``timeout``."""
    started = time.monotonic()
    while True:
        with contextlib.suppress(Exception):
            if done():
                return time.monotonic() - started
        assert time.monotonic() - started < timeout, f"never happened: {what}"
        time.sleep(0.1)


@contextlib.contextmanager
def running(root: Path) -> Iterator[tuple[Instance, Instance]]:
    a, b = pair(root)
    try:
        a.start()
        b.start()
        wait_connected(a, b)
        yield a, b
    finally:
        a.stop()
        b.stop()


@contextlib.contextmanager
def as_computer(monkeypatch: pytest.MonkeyPatch, tag: str, name: str) -> Iterator[None]:
    """Act as another laptop (both instances run on this one): its own marker name and computer name."""
    with monkeypatch.context() as patch:
        patch.setattr(open_marker, "HOST_TAG", tag)
        patch.setattr(open_marker, "computer_name", lambda: name)
        yield


def edit(store: MeetingStore, meeting_id: str, change: Callable[[Meeting], None]) -> None:
    opened = store.open(meeting_id)
    assert opened.read_only_reason is None, opened.read_only_reason
    change(opened.meeting)
    store.save(opened)
    store.close(opened)


def read(store: MeetingStore, meeting_id: str) -> Meeting:
    return store.open(meeting_id, lock=False).meeting


def _value_at(data: object, difference: FieldDifference) -> object:
    for part in difference.path:
        if isinstance(data, dict):
            data = data.get(part, MISSING) if isinstance(part, str) else MISSING
        elif isinstance(data, list):
            data = next((i for i in data if isinstance(i, dict) and i.get("id") == part.id), MISSING)  # type: ignore[union-attr]
        else:
            return MISSING
    return data


def test_two_laptops_edit_conflict_and_merge_with_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    figures: dict[str, float] = {"edits": 0, "conflicts": 0, "merges": 0}
    started = time.monotonic()
    with running(tmp_path) as (a, b):
        figures["seconds to start and connect"] = time.monotonic() - started
        laptop_a, laptop_b = MeetingStore(a.data), MeetingStore(b.data)
        hollins = Meeting(family_label="Hollins family", children=[Child(id="c1", name="Amara")])
        rahman = Meeting(family_label="Rahman family")
        laptop_a.close(laptop_a.create(hollins))
        with as_computer(monkeypatch, "bbbbbb", "LAPTOP-B"):
            laptop_b.close(laptop_b.create(rahman))
        figures["edits"] += 2
        figures["seconds for new meetings to arrive"] = wait_for(
            "each laptop's new meeting on the other",
            lambda: (
                read(laptop_b, hollins.id).family_label == "Hollins family"
                and read(laptop_a, rahman.id).family_label == "Rahman family"
            ),
        )
        # Edits to different meetings, on both laptops at once, arrive on the other.
        edit(laptop_a, hollins.id, lambda m: setattr(m.referral, "worries", "nights at the weekend"))
        with as_computer(monkeypatch, "bbbbbb", "LAPTOP-B"):
            edit(laptop_b, rahman.id, lambda m: setattr(m.referral, "strengths", "a close aunt"))
        figures["edits"] += 2
        figures["seconds for edits to arrive"] = wait_for(
            "both edits on the other laptop",
            lambda: (
                read(laptop_b, hollins.id).referral.worries == "nights at the weekend"
                and read(laptop_a, rahman.id).referral.strengths == "a close aunt"
            ),
        )
        # Open on laptop A: laptop B sees the marker arrive and opens it read-only, naming A.
        held = laptop_a.open(hollins.id)
        with as_computer(monkeypatch, "bbbbbb", "LAPTOP-B"):
            wait_for(
                "A's 'open here' marker on B",
                lambda: bool(open_marker.open_elsewhere(laptop_b.folder, hollins.id)),
            )
            shown = laptop_b.open(hollins.id)
            assert shown.read_only_reason is not None and "open on the computer" in shown.read_only_reason
            laptop_b.close(shown)
        laptop_a.close(held)
        wait_in_sync(a, b)
        # Apart (the link paused), both laptops edit the same meeting: different fields.
        base = to_dict(read(laptop_a, hollins.id))
        a.post(f"/rest/system/pause?device={b.device_id}")
        b.post(f"/rest/system/pause?device={a.device_id}")
        wait_for("the link paused", lambda: not a.connected_to(b) and not b.connected_to(a))
        edit(laptop_a, hollins.id, lambda m: setattr(m.children[0], "views", "wants to stay with nan"))
        with as_computer(monkeypatch, "bbbbbb", "LAPTOP-B"):
            edit(laptop_b, hollins.id, lambda m: setattr(m.plan, "contingency", "nan collects from school"))
        figures["edits"] += 2
        a.scan()
        b.scan()
        resumed = time.monotonic()
        a.post(f"/rest/system/resume?device={b.device_id}")
        b.post(f"/rest/system/resume?device={a.device_id}")
        wait_for(
            "a conflict copy listed on both laptops",
            lambda: (
                len(laptop_a.list_meetings().conflicts) == 1 and len(laptop_b.list_meetings().conflicts) == 1
            ),
        )
        figures["seconds for the conflict to show"] = time.monotonic() - resumed
        figures["conflicts"] += 1
        (conflict,) = laptop_a.list_meetings().conflicts
        assert ".sync-conflict-" in conflict.path.name and conflict.meeting_id == hollins.id
        # The merge: per field, the copy's value where the meeting file still has the value both started from.
        found = differences(read(laptop_a, hollins.id), read_copy(laptop_a, conflict.path))
        picks = [_value_at(base, d) == d.ours for d in found]
        assert len(found) == 2 and sorted(picks) == [False, True]  # one edit on each side
        merged = resolve_conflict(laptop_a, conflict.path, picks)
        figures["merges"] += 1
        assert merged.children[0].views == "wants to stay with nan"
        assert merged.plan.contingency == "nan collects from school"
        figures["seconds for the merge to reach the other laptop"] = wait_for(
            "the merge and the copy's removal on laptop B",
            lambda: (
                not laptop_b.list_meetings().conflicts
                and read(laptop_b, hollins.id).plan.contingency == "nan collects from school"
                and read(laptop_b, hollins.id).children[0].views == "wants to stay with nan"
            ),
        )
        # Nothing lost on either laptop: every edit made is in both folders.
        for store in (laptop_a, laptop_b):
            both = read(store, hollins.id)
            assert both.referral.worries == "nights at the weekend"
            assert read(store, rahman.id).referral.strengths == "a close aunt"
            assert to_dict(both) == to_dict(merged)
    figures["seconds in all"] = time.monotonic() - started
    with capsys.disabled():
        print(
            "\nSyncthing figures:",
            ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()),
        )


def test_an_encrypted_store_syncs_without_a_name_reaching_the_other_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    with running(tmp_path) as (a, b):
        laptop_a, _recovery = make_encrypted_store(a.data)
        meetings = [named_meeting(f" {n}") for n in range(3)]
        for meeting in meetings:
            laptop_a.close(laptop_a.create(copy.deepcopy(meeting)))
        arrived = wait_for(
            "the key file and every meeting on laptop B",
            lambda: (
                (b.data / "store-key.toml").is_file()
                and all((b.data / "meetings" / f"{m.id}.toml").is_file() for m in meetings)
            ),
        )
        wait_in_sync(a, b)
        assert names_on_disk(b.data) == []
        # Laptop B opens them with the same passphrase.
        laptop_b = MeetingStore(b.data, cipher=FileCipher(KeyFile.load(b.data).unlock(PASSPHRASE)))
        assert sorted(o.meeting.family_label for o in laptop_b.list_meetings().meetings) == sorted(
            m.family_label for m in meetings
        )
    with capsys.disabled():
        print(
            f"\nSyncthing encrypted store: 3 meetings arrived in {arrived:.1f} s; in all {time.monotonic() - started:.1f} s"
        )

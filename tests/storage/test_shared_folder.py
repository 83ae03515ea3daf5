"""A data folder shared through a sync engine: per-computer index, "open elsewhere" markers, conflict copies merged."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sdm_facilitator.domain.meeting import Action, Child, Meeting, Person
from sdm_facilitator.storage.atomic import HOST_TAG
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.conflict_merge import MISSING, differences, resolve_conflict
from sdm_facilitator.storage.index import index_for
from sdm_facilitator.storage.open_marker import EXPIRE_AFTER, marker_path
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import bundled_library


def _store(tmp_path: Path, *meetings: Meeting) -> MeetingStore:
    store = MeetingStore(tmp_path / "data")
    store.ensure()
    for meeting in meetings:
        store.close(store.create(meeting))
    return store


def test_the_summary_index_is_named_per_computer(tmp_path: Path) -> None:
    store = _store(tmp_path, Meeting(family_label="Quillfeather family"))
    # Another laptop's index synced in: never read, never written here.
    other = store.folder / ".summary-index-ffffff.json"
    other.write_text("not an index at all")
    listing = index_for(store, bundled_library()).listing()
    assert [s.family_label for s in listing.summaries] == ["Quillfeather family"]
    assert (store.folder / f".summary-index-{HOST_TAG}.json").is_file()
    assert other.read_text() == "not an index at all"
    assert not (store.folder / ".summary-index.json").exists()


def _plant_marker(folder: Path, meeting_id: str, seen: datetime) -> Path:
    path = folder / f".{meeting_id}.open-abc123"
    path.write_text(
        json.dumps({"computer": "LAPTOP-SAM", "opened": seen.isoformat(), "seen": seen.isoformat()})
    )
    return path


def test_a_meeting_open_on_another_computer_opens_read_only_until_the_marker_expires(tmp_path: Path) -> None:
    meeting = Meeting(family_label="Quillfeather family")
    store = _store(tmp_path, meeting)
    planted = _plant_marker(store.folder, meeting.id, datetime.now(UTC) - timedelta(minutes=2))
    opened = store.open(meeting.id)
    assert (
        opened.read_only_reason is not None and "open on the computer 'LAPTOP-SAM'" in opened.read_only_reason
    )
    assert opened.lock is None and not marker_path(store.folder, meeting.id).exists()
    store.close(opened)
    # Without activity there for longer than the expiry, it is edited here (and marked as open here).
    _plant_marker(store.folder, meeting.id, datetime.now(UTC) - EXPIRE_AFTER - timedelta(minutes=1))
    opened = store.open(meeting.id)
    assert opened.read_only_reason is None
    mine = json.loads(marker_path(store.folder, meeting.id).read_text())
    assert set(mine) == {"computer", "opened", "seen"}
    # The marker is not the family's data and is not a cache a deletion of another meeting drops.
    assert "Quillfeather" not in marker_path(store.folder, meeting.id).read_text()
    store.close(opened)
    assert not marker_path(store.folder, meeting.id).exists()
    assert planted.exists()  # another computer's marker is its own to remove


def _edited_on_two_laptops() -> tuple[Meeting, Meeting]:
    base = Meeting(family_label="Quillfeather family")
    base.children = [Child(id="c1", name="Ottoline", views="likes school")]
    base.plan.actions = [Action(id="a1", what="Swimming on Fridays", status="not-started")]
    here, there = copy.deepcopy(base), copy.deepcopy(base)
    here.referral.worries = "nights at the weekend"  # changed here
    there.children[0].views = "likes school, misses her dad"  # changed there
    there.people = [Person(id="p9", name="Marguerite Vantablack")]  # added there
    there.plan.actions[0].status = "done"  # changed there
    return here, there


def test_a_sync_conflict_copy_is_listed_compared_and_merged_with_nothing_lost(tmp_path: Path) -> None:
    here, there = _edited_on_two_laptops()
    store = _store(tmp_path, here)
    copy_path = store.folder / f"{here.id}.sync-conflict-20261207-101500-ABCDEFG.toml"
    copy_path.write_text(meeting_to_toml(there))
    (conflict,) = store.list_meetings().conflicts
    assert conflict.path == copy_path and conflict.meeting_id == here.id
    found = differences(here, there)
    labels = [d.label for d in found]
    assert labels == [
        "referral › worries",
        "children › Ottoline › views",
        "people › Marguerite Vantablack",
        "plan › actions › Swimming on Fridays › status",
    ]
    assert found[2].ours is MISSING
    # Take the copy's value where it was changed there; keep this file's where it was changed here.
    merged = resolve_conflict(store, copy_path, [False, True, True, True])
    assert not copy_path.exists() and store.list_meetings().conflicts == []
    again = store.open(here.id, lock=False).meeting
    assert again == merged
    assert again.referral.worries == "nights at the weekend"
    assert again.children[0].views == "likes school, misses her dad"
    assert [p.name for p in again.people] == ["Marguerite Vantablack"]
    assert again.plan.actions[0].status == "done"

"""Deleting a meeting removes every file of it, and no byte of its names stays under the data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.paths import exports_dir
from sdm_facilitator.storage.atomic import temp_path_for
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.deletion import delete_meeting, files_of_meeting
from sdm_facilitator.storage.export_ledger import exports_of, record_export
from sdm_facilitator.storage.index import INDEX_NAME
from sdm_facilitator.storage.store import MeetingNotFound, MeetingStore, StoreError
from support.guide_library import bundled_library
from support.privacy_helpers import FIXTURE_NAMES, named_meeting, names_on_disk


def _store_with_traces(data_dir: Path) -> tuple[MeetingStore, Meeting, Meeting]:
    """A meeting with a conflict copy, a stray copy, a crashed save's temp file, a lock and an export."""
    store = MeetingStore(data_dir)
    store.ensure()
    doomed, kept = named_meeting(), Meeting(kind="fgc", family_label="Other family")
    for meeting in (doomed, kept):
        store.close(store.create(meeting))
    text = meeting_to_toml(doomed).encode()
    store.conflict_copy_path(doomed.id).write_bytes(text)
    (store.folder / "copied from a sync folder.toml").write_bytes(text)
    temp = temp_path_for(store.path_for(doomed.id))
    temp.write_bytes(text[: len(text) // 2])
    store.close(store.open(doomed.id))  # leaves its lock file
    paper = exports_dir(data_dir) / "plan for the family.md"
    paper.parent.mkdir(parents=True)
    paper.write_text("The plan for Ottoline, agreed by Marguerite Vantablack")
    assert record_export(data_dir, doomed.id, paper)
    # A derived cache (a summary index) that repeats the family label.
    (store.folder / ".summary-index.json").write_text('{"rows": [{"family_label": "Quillfeather family"}]}')
    return store, doomed, kept


def test_delete_leaves_no_trace_of_the_names(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, doomed, kept = _store_with_traces(data_dir)
    assert {name for _, name in names_on_disk(data_dir)} == set(FIXTURE_NAMES)
    kept_bytes = store.path_for(kept.id).read_bytes()
    files = files_of_meeting(store, doomed.id)
    assert len(files) == 7  # file, two copies, temp file, export, cache, lock
    report = delete_meeting(store, doomed.id)
    assert sorted(report.removed) == sorted(files) and not report.failed
    assert names_on_disk(data_dir) == []
    assert exports_of(data_dir, doomed.id) == []
    assert not any(doomed.id in p.name for p in store.folder.iterdir())
    assert [m.meeting.id for m in store.list_meetings().meetings] == [kept.id]
    assert store.path_for(kept.id).read_bytes() == kept_bytes


def test_delete_with_the_summary_index_takes_its_rows_out_and_keeps_the_others(tmp_path: Path) -> None:
    """A store of thousands is not read again after one deletion: the index loses the meeting's rows only."""
    from sdm_facilitator.storage.index import index_for

    data_dir = tmp_path / "data"
    store, doomed, kept = _store_with_traces(data_dir)
    (store.folder / ".summary-index.json").unlink()
    index = index_for(store, bundled_library())
    assert {s.id for s in index.listing().summaries} == {doomed.id, kept.id}  # writes the real index
    files = files_of_meeting(store, doomed.id, index)
    assert (
        index.path not in files and len(files) == 6
    )  # file, two copies (found from the index), temp, export, lock
    report = delete_meeting(store, doomed.id, index)
    assert sorted(report.removed) == sorted(files) and not report.failed
    assert names_on_disk(data_dir) == []  # the index no longer holds the family's names
    rows = index.load()
    assert [row.summary.id for row in rows.values() if row.summary] == [kept.id]
    listing = index.listing(read_stale=False)
    assert [s.id for s in listing.summaries] == [kept.id]


def test_an_export_outside_the_data_folder_is_not_recorded(tmp_path: Path) -> None:
    outside = tmp_path / "Desktop" / "plan.md"
    outside.parent.mkdir()
    outside.write_text("x")
    assert not record_export(tmp_path / "data", "m1", outside)
    assert exports_of(tmp_path / "data", "m1") == []


def test_delete_refused_while_open_elsewhere_and_nothing_removed(tmp_path: Path) -> None:
    store, doomed, _ = _store_with_traces(tmp_path / "data")
    held = store.open(doomed.id)
    before = sorted(p for p in (tmp_path / "data").rglob("*") if p.is_file())
    with pytest.raises(StoreError, match="open in sdm-facilitator"):
        delete_meeting(MeetingStore(store.data_dir), doomed.id)
    assert sorted(p for p in (tmp_path / "data").rglob("*") if p.is_file()) == before
    store.close(held)


def test_delete_unknown_meeting(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path / "data")
    store.ensure()
    with pytest.raises(MeetingNotFound):
        delete_meeting(store, "20260101-00000000")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX only")
def test_delete_in_an_encrypted_store(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    from support.privacy_helpers import make_encrypted_store

    store, _ = make_encrypted_store(tmp_path / "data")
    doomed = named_meeting()
    opened = store.create(doomed)
    store.save(opened)
    store.close(opened)
    delete_meeting(store, doomed.id)
    assert list(store.folder.glob("*.toml")) == []


# ---------------------------------------------------------------- after a crash at each write

#: Each file the app writes that may hold the meeting's names, and the command that writes it:
#: (name of the file renamed into place, command line after the data folder). ``{id}`` is the meeting.
CRASHED_WRITES = {
    "meeting save": ("{id}.toml", ("close", "{id}", "--reason", "{reason}")),
    "summary index": (INDEX_NAME, ("list",)),
    "exported paper": ("plan.html", ("export", "{id}", "--as", "plan", "-o", "{exports}/plan.html")),
    "export record": (".exports-ledger.toml", ("export", "{id}", "--as", "plan", "-o", "{exports}/plan.md")),
}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("write", sorted(CRASHED_WRITES))
def test_delete_after_a_crash_at_each_write_leaves_no_name_in_any_byte(
    write: str, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    """A real child is SIGKILLed just before the rename of one write; then ``delete`` runs.

    Every byte under the data folder (temporary files included) is searched for the names:
    the summary index's and a paper's temporary copies are named after the index and the
    paper, never after the meeting, and must still go.
    """
    from sdm_facilitator.domain.meeting import CLOSURE_REASON_CHOICES
    from support.cli_helpers import run
    from support.crash_helpers import crash_at_rename

    store = MeetingStore(isolated_data_dir)
    store.ensure()
    doomed, kept = named_meeting(), Meeting(kind="fgc", family_label="Other family")
    for meeting in (doomed, kept):
        store.close(store.create(meeting))
    exports = exports_dir(isolated_data_dir)
    exports.mkdir(mode=0o700)
    name, command = CRASHED_WRITES[write]
    fill = {"id": doomed.id, "reason": CLOSURE_REASON_CHOICES[0], "exports": str(exports)}
    temp = crash_at_rename(
        name.format(**fill), "--data-dir", str(isolated_data_dir), *(part.format(**fill) for part in command)
    )
    if write != "export record":  # the record holds ids only; the paper is in place by then
        assert any(
            str(temp.relative_to(isolated_data_dir)) == found for found, _ in names_on_disk(isolated_data_dir)
        )
    code, _out, err = run(capsys, "--data-dir", str(isolated_data_dir), "delete", doomed.id, "--yes")
    assert code == 0, err
    assert names_on_disk(isolated_data_dir) == []
    assert not temp.exists()
    assert [m.meeting.id for m in store.list_meetings().meetings] == [kept.id]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_encrypt_after_a_crash_at_the_index_write_leaves_no_name_in_clear(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary index's temporary copy, left by a SIGKILL at its rename, holds every label: encrypt removes it."""
    pytest.importorskip("cryptography")
    from sdm_facilitator.storage import keyfile
    from support.cli_helpers import run
    from support.crash_helpers import crash_at_rename
    from support.privacy_helpers import PASSPHRASE, cheap_params

    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    # The recovery key is kept in a file outside the data folder, as a script would.
    monkeypatch.setenv(
        "SDM_FACILITATOR_RECOVERY_KEY_FILE", str(isolated_data_dir.parent / "recovery-key.txt")
    )
    store = MeetingStore(isolated_data_dir)
    store.ensure()
    store.close(store.create(named_meeting()))
    temp = crash_at_rename(INDEX_NAME, "--data-dir", str(isolated_data_dir), "list")
    assert temp.name.startswith(f".{INDEX_NAME}.tmp-")
    assert names_on_disk(isolated_data_dir)
    code, _out, err = run(capsys, "--data-dir", str(isolated_data_dir), "encrypt")
    assert code == 0, err
    assert names_on_disk(isolated_data_dir) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_start_up_removes_what_crashed_index_and_paper_writers_left(isolated_data_dir: Path) -> None:
    """The app's start (``ensure``) clears every crashed writer's temp file by the one rule, not only meetings'."""
    from support.crash_helpers import crash_at_rename

    store = MeetingStore(isolated_data_dir)
    store.ensure()
    meeting = named_meeting()
    store.close(store.create(meeting))
    exports = exports_dir(isolated_data_dir)
    exports.mkdir(mode=0o700)
    data = ("--data-dir", str(isolated_data_dir))
    left = [
        crash_at_rename(INDEX_NAME, *data, "list"),
        crash_at_rename(
            "plan.html", *data, "export", meeting.id, "--as", "plan", "-o", str(exports / "plan.html")
        ),
    ]
    removed = MeetingStore(isolated_data_dir).ensure()
    assert sorted(removed) == sorted(left)
    assert [found for found, _ in names_on_disk(isolated_data_dir)] == [f"meetings/{meeting.id}.toml"] * 4

"""Drafts beside a meeting: kept whole, sealed in an encrypted store, never dropped with the caches."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.caches import derived_cache_files, drop_derived_caches
from sdm_facilitator.storage.deletion import delete_meeting
from sdm_facilitator.storage.drafts import (
    Draft,
    DraftError,
    DraftField,
    draft_path,
    forget_draft,
    keep_draft,
    read_drafts,
)
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import save_meetings
from support.platform_checks import private_mode
from support.privacy_helpers import make_encrypted_store, named_meeting, names_on_disk

WHEN = datetime(2026, 12, 7, 1, 23, tzinfo=UTC)
#: Typed text as people type it: markup-like brackets, quotes, a tab, a new line, other scripts.
TYPED = 'Nan said "[b]no[/b]" \\ then\tleft.\nZebedee Quillfeather — 子供 🙂'


def _draft(dialog: str = "capture", text: str = TYPED) -> Draft:
    return Draft(
        dialog,
        "Capture in the room",
        (DraftField("kind", "Kind", "worry"), DraftField("text", "Worry", text)),
        WHEN,
    )


def test_a_draft_comes_back_exactly_as_typed(isolated_data_dir: Path) -> None:
    meeting = Meeting(kind="fgc", family_label="Okafor family")
    store = save_meetings(isolated_data_dir, meeting)
    keep_draft(store, meeting.id, _draft())
    keep_draft(store, meeting.id, _draft("form:Add an action to the plan", "Walk to school"))
    keep_draft(store, meeting.id, _draft("capture", TYPED + " (later)"))  # the same dialog: replaced
    drafts = read_drafts(MeetingStore(isolated_data_dir), meeting.id)
    assert [(d.dialog, d.values()["text"]) for d in drafts] == [
        ("form:Add an action to the plan", "Walk to school"),
        ("capture", TYPED + " (later)"),
    ]
    assert drafts[1].saved == WHEN and drafts[1].fields[0] == DraftField("kind", "Kind", "worry")
    assert private_mode(draft_path(store, meeting.id), 0o600)

    forget_draft(store, meeting.id, "capture")
    assert [d.dialog for d in read_drafts(store, meeting.id)] == ["form:Add an action to the plan"]
    forget_draft(store, meeting.id, "form:Add an action to the plan")
    assert not draft_path(store, meeting.id).exists(), "the file goes with the last draft"


def test_in_an_encrypted_store_a_draft_is_sealed(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    data_dir = tmp_path / "data"
    store, _ = make_encrypted_store(data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    keep_draft(store, meeting.id, _draft())
    assert names_on_disk(data_dir) == [], "no typed name in any byte on disk"
    assert read_drafts(store, meeting.id)[0].values()["text"] == TYPED
    locked = MeetingStore(data_dir)  # no key: the draft cannot be read, and says so without its content
    with pytest.raises(DraftError) as raised:
        read_drafts(locked, meeting.id)
    assert "Zebedee" not in str(raised.value)


def test_encrypting_and_decrypting_the_store_converts_drafts(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    from sdm_facilitator.storage.conversion import decrypt_store, encrypt_store
    from sdm_facilitator.storage.crypto import FileCipher, is_encrypted
    from sdm_facilitator.storage.keyfile import KeyFile
    from support.privacy_helpers import cheap_params

    data_dir = tmp_path / "data"
    meeting = named_meeting()
    store = save_meetings(data_dir, meeting)
    keep_draft(store, meeting.id, _draft())
    key_file, data_key, _ = KeyFile.create("pass phrase", params=cheap_params())
    cipher = FileCipher(data_key)
    encrypt_store(data_dir, cipher, create_key_file=lambda: key_file.save(data_dir))
    assert is_encrypted(draft_path(store, meeting.id).read_bytes())
    assert names_on_disk(data_dir) == []
    assert read_drafts(MeetingStore(data_dir, cipher=cipher), meeting.id)[0].values()["text"] == TYPED
    decrypt_store(data_dir, cipher)
    assert read_drafts(MeetingStore(data_dir), meeting.id)[0].values()["text"] == TYPED


def test_a_draft_is_not_a_cache_but_goes_with_its_meeting(isolated_data_dir: Path) -> None:
    kept, deleted = Meeting(kind="fgc", family_label="Kept"), Meeting(kind="fgc", family_label="Deleted")
    store = save_meetings(isolated_data_dir, kept, deleted)
    keep_draft(store, kept.id, _draft())
    keep_draft(store, deleted.id, _draft())
    assert derived_cache_files(store.folder) == []
    drop_derived_caches(store.folder)
    delete_meeting(store, deleted.id)  # deleting a meeting drops every cache: never a draft of another
    assert read_drafts(store, kept.id) and not draft_path(store, deleted.id).exists()


def test_a_damaged_draft_file_is_reported_and_left_alone(isolated_data_dir: Path) -> None:
    meeting = Meeting(kind="fgc", family_label="Okafor family")
    store = save_meetings(isolated_data_dir, meeting)
    path = draft_path(store, meeting.id)
    path.write_bytes(b"not = [toml")
    with pytest.raises(DraftError):
        read_drafts(store, meeting.id)
    with pytest.raises(DraftError):
        keep_draft(store, meeting.id, _draft())  # never written over: it may hold text
    assert path.read_bytes() == b"not = [toml"

"""The store when encrypted: nothing personal on disk, damage detected, conversion both ways."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("cryptography")

from sdm_facilitator.storage import store as store_module
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.conversion import ConversionBlocked, decrypt_store, encrypt_store
from sdm_facilitator.storage.conversion_state import conversion_direction, mark_conversion
from sdm_facilitator.storage.crypto import FileCipher, is_encrypted
from sdm_facilitator.storage.keyfile import KeyFile, WrongPassphrase, key_file_path, unlock_cipher
from sdm_facilitator.storage.store import (
    ConflictError,
    MeetingStore,
    StoreLocked,
    UnreadableMeetingError,
)
from support.privacy_helpers import (
    PASSPHRASE,
    cheap_params,
    make_encrypted_store,
    named_meeting,
    names_on_disk,
)
from support.strategies import any_text

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_no_fixture_name_in_any_byte_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    store, _ = make_encrypted_store(data_dir)
    written: list[bytes] = []
    real_write = store_module.atomic_write_bytes

    def recording_write(path: Path, data: bytes, mode: int = 0o600) -> None:
        written.append(data)  # exactly what goes into the temporary file
        real_write(path, data, mode)

    monkeypatch.setattr(store_module, "atomic_write_bytes", recording_write)
    meeting = named_meeting()
    opened = store.create(meeting)
    opened.meeting.referral.strengths = "Ottoline loves drawing"
    store.save(opened, now=NOW)
    # A change behind the app's back makes a conflict copy: it is encrypted too.
    other = MeetingStore(data_dir, cipher=store.cipher)
    behind = other.open(meeting.id, lock=False)
    behind.meeting.referral.strengths = "changed elsewhere by Marguerite Vantablack"
    other._write(behind)
    with pytest.raises(ConflictError) as conflict:
        store.save(opened, now=NOW)
    store.close(opened)
    assert conflict.value.copy_path.exists()
    assert len(written) == 4
    assert all(is_encrypted(data) for data in written)
    assert not any(name.encode() in data for data in written for name in ("Ottoline", "Quillfeather"))
    assert names_on_disk(data_dir) == []
    # And everything reads back.
    listing = store.list_meetings()
    assert [m.meeting.children[0].name for m in listing.meetings] == ["Ottoline"]
    assert len(listing.conflicts) == 1 and not listing.unreadable


def test_one_flipped_byte_is_reported_damaged_and_nothing_shown(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    meeting = named_meeting()
    store.close(store.create(meeting))
    path = store.path_for(meeting.id)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    listing = store.list_meetings()
    assert listing.meetings == []
    [bad] = listing.unreadable
    assert "damaged" in bad.reason and "Ottoline" not in bad.reason
    with pytest.raises(UnreadableMeetingError, match="damaged"):
        store.open(meeting.id)


def test_truncated_file_is_reported_damaged(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    meeting = named_meeting()
    store.close(store.create(meeting))
    path = store.path_for(meeting.id)
    path.write_bytes(path.read_bytes()[:-7])
    with pytest.raises(UnreadableMeetingError, match="damaged"):
        store.open(meeting.id)


def test_a_file_copied_over_another_meeting_is_refused(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    first, second = named_meeting(" A"), named_meeting(" B")
    for meeting in (first, second):
        store.close(store.create(meeting))
    store.path_for(second.id).write_bytes(store.path_for(first.id).read_bytes())
    with pytest.raises(UnreadableMeetingError, match="moved or copied"):
        store.open(second.id)


def test_locked_store_reads_and_writes_nothing(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    store.close(store.create(named_meeting()))
    locked = MeetingStore(store.data_dir)
    assert locked.locked
    with pytest.raises(StoreLocked):
        locked.list_meetings()
    before = sorted(p.name for p in store.folder.iterdir())
    with pytest.raises(StoreLocked):
        locked.create(named_meeting())
    assert sorted(p.name for p in store.folder.iterdir()) == before


def test_plain_file_in_an_encrypted_store_is_not_trusted(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    meeting = named_meeting()
    store.path_for(meeting.id).write_text(meeting_to_toml(meeting))
    [bad] = store.list_meetings().unreadable
    assert "sdm-facilitator encrypt" in bad.reason


def test_wrong_passphrase_fails_cleanly(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    store.close(store.create(named_meeting()))
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        unlock_cipher(store.data_dir, "not it")
    assert (
        MeetingStore(store.data_dir, cipher=unlock_cipher(store.data_dir, PASSPHRASE))
        .list_meetings()
        .meetings
    )


def test_rewrap_keeps_every_meeting_readable(tmp_path: Path) -> None:
    store, recovery = make_encrypted_store(tmp_path / "data")
    meetings = [named_meeting(f" {i}") for i in range(5)]
    for meeting in meetings:
        store.close(store.create(meeting))
    before = {p.name: p.read_bytes() for p in store.folder.glob("*.toml")}
    key_file = KeyFile.load(store.data_dir)
    key_file.rewrapped(key_file.unlock(PASSPHRASE), "new passphrase").save(store.data_dir)
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == before  # no file rewritten
    reopened = MeetingStore(store.data_dir, cipher=unlock_cipher(store.data_dir, "new passphrase"))
    assert sorted(m.meeting.id for m in reopened.list_meetings().meetings) == sorted(m.id for m in meetings)
    with pytest.raises(WrongPassphrase):
        unlock_cipher(store.data_dir, PASSPHRASE)
    assert KeyFile.load(store.data_dir).unlock_with_recovery_key(recovery)


def _plain_store_with(data_dir: Path, count: int) -> tuple[MeetingStore, dict[str, bytes]]:
    store = MeetingStore(data_dir)
    store.ensure()
    for i in range(count):
        store.close(store.create(named_meeting(f" {i}")))
    (store.folder / "not a meeting.toml").write_bytes(b"this = is [ not toml")
    (store.folder / ".summary-index.json").write_text('{"family_label": "Quillfeather family"}')
    return store, {p.name: p.read_bytes() for p in store.folder.glob("*.toml")}


def _new_key(data_dir: Path) -> tuple[FileCipher, KeyFile]:
    key_file, data_key, _ = KeyFile.create(PASSPHRASE, params=cheap_params())
    return FileCipher(data_key), key_file


def test_encrypt_then_decrypt_gives_back_the_same_bytes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, original = _plain_store_with(data_dir, 4)
    cipher, key_file = _new_key(data_dir)
    result = encrypt_store(data_dir, cipher, create_key_file=lambda: key_file.save(data_dir))
    assert result.converted == 5 and conversion_direction(data_dir) is None
    assert key_file_path(data_dir).exists()
    assert names_on_disk(data_dir) == []
    assert all(is_encrypted(p.read_bytes()) for p in store.folder.glob("*.toml"))
    assert len(MeetingStore(data_dir, cipher=cipher).list_meetings().meetings) == 4
    again = encrypt_store(data_dir, cipher)
    assert (again.converted, again.already_done) == (0, 5)
    decrypt_store(data_dir, cipher)
    assert not key_file_path(data_dir).exists() and conversion_direction(data_dir) is None
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == original
    assert not (store.folder / ".summary-index.json").exists()


def test_a_half_done_conversion_reads_both_kinds_and_resumes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, original = _plain_store_with(data_dir, 4)
    cipher, key_file = _new_key(data_dir)
    mark_conversion(data_dir, "encrypt")
    key_file.save(data_dir)
    first = store.path_for(MeetingStore(data_dir).list_meetings().meetings[0].meeting.id)
    first.write_bytes(cipher.seal(first.read_bytes(), first.stem))
    assert len(MeetingStore(data_dir, cipher=cipher).list_meetings().meetings) == 4  # both kinds read
    result = encrypt_store(data_dir, cipher)
    assert (result.converted, result.already_done) == (4, 1)
    decrypt_store(data_dir, cipher)
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == original


def test_conversion_stops_before_anything_changes_when_a_meeting_is_open(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, original = _plain_store_with(data_dir, 2)
    meeting_id = store.list_meetings().meetings[0].meeting.id
    held = store.open(meeting_id)
    cipher, key_file = _new_key(data_dir)
    with pytest.raises(ConversionBlocked, match="open in sdm-facilitator"):
        encrypt_store(data_dir, cipher, create_key_file=lambda: key_file.save(data_dir))
    store.close(held)
    assert not key_file_path(data_dir).exists() and conversion_direction(data_dir) is None
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == original


def test_decrypt_refuses_a_damaged_file_before_decrypting_anything(tmp_path: Path) -> None:
    store, _ = make_encrypted_store(tmp_path / "data")
    meetings = [named_meeting(f" {i}") for i in range(3)]
    for meeting in meetings:
        store.close(store.create(meeting))
    path = store.path_for(meetings[-1].id)
    path.write_bytes(path.read_bytes()[:-1])
    before = {p.name: p.read_bytes() for p in store.folder.glob("*.toml")}
    assert store.cipher is not None
    with pytest.raises(ConversionBlocked, match="nothing was decrypted"):
        decrypt_store(store.data_dir, store.cipher)
    assert key_file_path(store.data_dir).exists() and conversion_direction(store.data_dir) is None
    assert {p.name: p.read_bytes() for p in store.folder.glob("*.toml")} == before
    assert names_on_disk(store.data_dir) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=any_text, worries=any_text)
def test_any_text_round_trips_through_an_encrypted_store_and_never_shows_in_clear(
    tmp_path: Path, label: str, worries: str
) -> None:
    data_dir = tmp_path / f"data-{uuid.uuid4().hex}"
    store, _ = make_encrypted_store(data_dir)
    meeting = named_meeting()
    meeting.family_label = label
    meeting.referral.worries = worries
    store.close(store.create(meeting))
    again = MeetingStore(data_dir, cipher=store.cipher).open(meeting.id, lock=False).meeting
    assert (again.family_label, again.referral.worries) == (label, worries)
    on_disk = store.path_for(meeting.id).read_bytes()
    for text in (label, worries):
        if len(text.encode("utf-8")) >= 12:
            assert text.encode("utf-8") not in on_disk

"""handover, import and handover-key through the real entry point: one file moves a family to a colleague."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("cryptography")

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage import handover_file, keyfile
from sdm_facilitator.storage.crypto import is_encrypted
from sdm_facilitator.storage.handover import hand_over_opened
from sdm_facilitator.storage.handover_key import PublicKey, private_key_path, public_key_text
from sdm_facilitator.storage.store import MeetingStore
from support.cli_helpers import run
from support.privacy_helpers import (
    FIXTURE_NAMES,
    PASSPHRASE,
    cheap_params,
    make_encrypted_store,
    named_meeting,
)

HANDOVER_PASSPHRASE = "blue kettle on the windowsill"


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setattr(handover_file, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_HANDOVER_PASSPHRASE", HANDOVER_PASSPHRASE)


def _store_with(data_dir: Path, *meetings: Meeting) -> MeetingStore:
    store = MeetingStore(data_dir)
    for meeting in meetings:
        store.close(store.create(meeting))
    return store


def _hand_over(
    capsys: pytest.CaptureFixture[str], sender: Path, meeting_id: str, out: Path, *extra: str
) -> Path:
    code, text, err = run(
        capsys,
        "--data-dir",
        str(sender),
        "handover",
        meeting_id,
        "-o",
        str(out),
        "--to",
        "Sam Okafor",
        "--by",
        "Alex Reid",
        *extra,
    )
    assert code == 0, err
    (written,) = [p for p in out.iterdir() if p.suffix == handover_file.SUFFIX] if out.is_dir() else [out]
    return written


def _meeting_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "meetings"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def test_handover_by_passphrase_moves_the_meeting_and_leaves_a_read_only_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender, receiver, outbox = tmp_path / "alex", tmp_path / "sam", tmp_path / "outbox"
    outbox.mkdir()
    meeting = named_meeting()
    _store_with(sender, meeting)
    path = _hand_over(capsys, sender, meeting.id, outbox)
    # Nothing of the family in the file or its name.
    data = path.read_bytes()
    assert data.startswith(handover_file.MAGIC)
    for name in FIXTURE_NAMES:
        assert name.encode() not in data and name.split()[0].casefold() not in path.name.casefold()
    assert meeting.id.encode() not in data
    # The sender's copy is read-only, says where it went, and the CLI honours it.
    sender_copy = MeetingStore(sender).open(meeting.id)
    assert (
        sender_copy.read_only_reason is not None
        and "Handed over by Alex Reid to Sam Okafor" in sender_copy.read_only_reason
    )
    assert path.name in sender_copy.read_only_reason
    code, _, err = run(capsys, "--data-dir", str(sender), "close", meeting.id, "--reason", "other")
    assert code == 1 and "Handed over" in err and err.count("\n") == 1
    # The receiver sees what it holds, and is asked first.
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, err = run(capsys, "--data-dir", str(receiver), "import", str(path))
    assert code == 1 and "Quillfeather family" in out and "1 child, 1 person" in out
    assert "Handed over by Alex Reid to Sam Okafor on" in out and "nothing was added" in err
    assert _meeting_files(receiver) == []
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, err = run(capsys, "--data-dir", str(receiver), "import", str(path))
    assert code == 0, err
    arrived = MeetingStore(receiver).open(meeting.id)
    assert arrived.read_only_reason is None  # the receiver's copy is theirs to work on
    assert (
        arrived.meeting.children[0].name == "Ottoline"
        and arrived.meeting.family_label == "Quillfeather family"
    )
    (record,) = arrived.meeting.handovers
    assert (record.by, record.to, record.file_name) == ("Alex Reid", "Sam Okafor", path.name)
    assert record.received_on is not None
    code, out, _ = run(capsys, "--data-dir", str(receiver), "show", meeting.id)
    assert code == 0 and "Handed over by Alex Reid to Sam Okafor on " in out and "; received " in out
    # The sender's copy can then be deleted with the provable deletion.
    code, _, err = run(capsys, "--data-dir", str(sender), "delete", meeting.id, "--yes")
    assert code == 0, err
    assert _meeting_files(sender) == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda data: data[: len(data) - 40], "cut short"),
        (lambda data: data[:20], "cut short"),
        (lambda data: data[:8] + bytes([2]) + data[9:], "another version of sdm-facilitator"),
        (lambda data: data[:-5] + bytes([data[-5] ^ 1]) + data[-4:], "was changed after it was made"),
        (lambda data: data + b"x", "bytes added at its end"),
        (lambda data: b"not a handover file at all", "not an sdm-facilitator handover file"),
    ],
    ids=["truncated", "truncated-header", "other-version", "changed", "appended", "other-file"],
)
def test_a_damaged_file_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, damage, expected: str
) -> None:  # type: ignore[no-untyped-def]
    sender, receiver = tmp_path / "alex", tmp_path / "sam"
    meeting = named_meeting()
    _store_with(sender, meeting)
    path = _hand_over(capsys, sender, meeting.id, tmp_path / "plain.sdm-handover")
    bad = tmp_path / "bad.sdm-handover"
    bad.write_bytes(damage(path.read_bytes()))
    code, out, err = run(capsys, "--data-dir", str(receiver), "import", str(bad), "--yes")
    assert code == 1 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert _meeting_files(receiver) == []


def test_wrong_passphrase_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender, receiver = tmp_path / "alex", tmp_path / "sam"
    meeting = named_meeting()
    _store_with(sender, meeting)
    path = _hand_over(capsys, sender, meeting.id, tmp_path / "h.sdm-handover")
    monkeypatch.setenv("SDM_FACILITATOR_HANDOVER_PASSPHRASE", "not the right words")
    code, out, err = run(capsys, "--data-dir", str(receiver), "import", str(path), "--yes")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "wrong passphrase for this handover file" in err
    assert _meeting_files(receiver) == []


def test_a_duplicate_id_is_refused_unless_keep_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sender = tmp_path / "alex"
    review = Meeting(kind="fgc", family_label="Quillfeather review")
    meeting = named_meeting()
    review.reviews_meeting_id = meeting.id
    _store_with(sender, meeting, review)
    path = _hand_over(capsys, sender, meeting.id, tmp_path / "h.sdm-handover", "--with-reviews")
    assert MeetingStore(sender).open(review.id).read_only_reason is not None  # the review went too
    # Imported back into the sender's own folder: its read-only copies are there.
    code, _, err = run(capsys, "--data-dir", str(sender), "import", str(path), "--yes")
    assert code == 1 and "is already here" in err and "--keep-both" in err
    assert len(_meeting_files(sender)) == 2
    code, out, err = run(capsys, "--data-dir", str(sender), "import", str(path), "--yes", "--keep-both")
    assert code == 0, err
    listing = MeetingStore(sender).list_meetings()
    assert len(listing.meetings) == 4 and not listing.conflicts
    new_main = next(
        m.meeting
        for m in listing.meetings
        if m.meeting.family_label == "Quillfeather family" and m.meeting.id != meeting.id
    )
    new_review = next(
        m.meeting
        for m in listing.meetings
        if m.meeting.family_label == "Quillfeather review" and m.meeting.id != review.id
    )
    assert new_review.reviews_meeting_id == new_main.id  # the link between them is kept


def test_a_file_name_carrying_a_name_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sender = tmp_path / "alex"
    meeting = named_meeting()
    _store_with(sender, meeting)
    target = tmp_path / "ottoline-handover.sdm-handover"
    code, _, err = run(
        capsys, "--data-dir", str(sender), "handover", meeting.id, "-o", str(target), "--to", "Sam"
    )
    assert code == 1 and "carries a name from the meeting" in err
    assert not target.exists()
    assert MeetingStore(sender).open(meeting.id).read_only_reason is None


def test_handover_for_a_colleagues_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender, receiver, stranger = tmp_path / "alex", tmp_path / "sam", tmp_path / "kim"
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    make_encrypted_store(receiver)  # the receiver's store is encrypted: so is the private key in it
    meeting = named_meeting()
    _store_with(sender, meeting)
    public = tmp_path / "sam.pub"
    code, out, err = run(
        capsys, "--data-dir", str(receiver), "handover-key", "-o", str(public), "--owner", "Sam Okafor"
    )
    assert code == 0, err
    assert is_encrypted(private_key_path(receiver).read_bytes())
    code, _, err = run(capsys, "--data-dir", str(receiver), "handover-key", "-o", str(tmp_path / "again.pub"))
    assert code == 1 and "already has a handover key" in err
    path = _hand_over(capsys, sender, meeting.id, tmp_path / "h.sdm-handover", "--recipient", str(public))
    # Someone else's laptop: no key, then another key.
    code, _, err = run(capsys, "--data-dir", str(stranger), "import", str(path), "--yes")
    assert code == 1 and "no handover key" in err
    run(capsys, "--data-dir", str(stranger), "handover-key", "-o", str(tmp_path / "kim.pub"))
    code, _, err = run(capsys, "--data-dir", str(stranger), "import", str(path), "--yes")
    assert code == 1 and "made for someone else" in err and err.count("\n") == 1
    assert _meeting_files(stranger) == []
    code, out, err = run(capsys, "--data-dir", str(receiver), "import", str(path), "--yes")
    assert code == 0, err
    assert "Handed over by Alex Reid to Sam Okafor" in out
    assert is_encrypted(_meeting_files(receiver)[0].read_bytes())


def test_a_crafted_key_nothing_can_be_sealed_for_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An all-zero key has a matching fingerprint but no key agreement: one line, and no handover recorded."""
    sender = tmp_path / "alex"
    meeting = named_meeting()
    store = _store_with(sender, meeting)
    zero = bytes(32)
    crafted = tmp_path / "crafted.pub"
    crafted.write_text(public_key_text(PublicKey(zero, "Someone")), encoding="utf-8")
    out_file = tmp_path / "h.sdm-handover"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(sender),
        "handover",
        meeting.id,
        "-o",
        str(out_file),
        "--recipient",
        str(crafted),
    )
    assert code == 1 and "holds a key nothing can be sealed for" in err and err.count("\n") == 1
    assert not out_file.exists()
    opened = store.open(meeting.id)
    assert opened.meeting.handovers == [] and not opened.read_only
    store.close(opened)


def test_a_seal_that_fails_any_way_leaves_no_handover_on_the_meeting(tmp_path: Path) -> None:
    """Whatever stops the sealing, the meetings in hand never keep a handover that did not happen."""
    store = _store_with(tmp_path / "alex", named_meeting())
    (meeting,) = store.list_meetings().meetings
    opened = store.open(meeting.meeting.id)

    def refuse(_plain: bytes) -> bytes:
        raise ValueError("Error computing shared key.")

    with pytest.raises(ValueError):
        hand_over_opened(
            store, [opened], by="Alex", to="Sam", output=tmp_path / "h.sdm-handover", seal=refuse
        )
    assert opened.meeting.handovers == []
    store.close(opened)

"""close, reopen, delete, retention, locate and settings through the real entry point."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS, load_settings
from support.cli_helpers import new
from support.cli_helpers import run as run_cli
from support.privacy_helpers import names_on_disk


def run(
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(capsys, *args)


def test_close_hides_from_list_and_reopen_brings_back(capsys: pytest.CaptureFixture[str]) -> None:
    open_id, closed_id = new(capsys, "Still open"), new(capsys, "Work done")
    code, out, err = run(
        capsys, "close", closed_id, "--reason", "work-finished", "--on", "2026-01-10", "--note", "all good"
    )
    assert code == 0, err
    assert "Closed" in out and "The work is finished" in out
    _, out, _ = run(capsys, "list")
    assert "Still open" in out and "Work done" not in out and "1 closed meeting is not listed" in out
    _, out, _ = run(capsys, "list", "--closed", "--json")
    assert [row["id"] for row in json.loads(out)["meetings"]] == [closed_id]
    _, out, _ = run(capsys, "show", closed_id, "--json")
    assert json.loads(out)["closure"]["reason"] == "work-finished"
    code, out, _ = run(capsys, "reopen", closed_id)
    assert code == 0
    _, out, _ = run(capsys, "list")
    assert "Work done" in out and open_id in out


def test_close_errors(capsys: pytest.CaptureFixture[str]) -> None:
    meeting_id = new(capsys, "F")
    code, _, err = run(capsys, "close", "20260101-00000000", "--reason", "other")
    assert code == 2 and "no meeting with id" in err
    code, _, err = run(capsys, "close", meeting_id, "--reason", "other", "--on", "soon")
    assert code == 2 and "--on: 'soon' is not a date" in err


def test_delete_an_open_meeting_needs_the_typed_word(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    meeting_id = new(capsys, "Zebedee Quillfeather")
    code, out, err = run(capsys, "delete", meeting_id, stdin="y\n", monkeypatch=monkeypatch)
    assert code == 1 and "not deleted" in err
    assert "Zebedee Quillfeather" in err and "Type 'delete'" in err
    code, out, err = run(capsys, "delete", meeting_id, stdin="delete\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert "Deleted the meeting for Zebedee Quillfeather" in out and "not reached" in out
    assert names_on_disk(isolated_data_dir, ("Zebedee Quillfeather",)) == []
    assert run(capsys, "show", meeting_id)[0] == 2


def test_delete_a_closed_meeting_asks_yes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = new(capsys, "Closed family")
    run(capsys, "close", meeting_id, "--reason", "transferred")
    code, _, err = run(capsys, "delete", meeting_id, stdin="\n", monkeypatch=monkeypatch)
    assert code == 1 and "Closed family" in err and "[y/N]" in err
    code, _, err = run(capsys, "delete", meeting_id, stdin="y\n", monkeypatch=monkeypatch)
    assert code == 0, err


def test_retention_lists_and_removes_only_on_confirmation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, recent, still_open = new(capsys, "Old case"), new(capsys, "Recent case"), new(capsys, "Open case")
    run(capsys, "close", old, "--reason", "work-finished", "--on", "2024-01-10")
    run(capsys, "close", recent, "--reason", "family-moved", "--on", "2025-12-01")
    code, out, _ = run(capsys, "retention", "--today", "2026-03-02")
    assert code == 0 and "Old case" in out and "Recent case" not in out and "Open case" not in out
    _, out, _ = run(capsys, "retention", "--today", "2026-03-02", "--json")
    data = json.loads(out)
    assert data["retention_months"] == 24 and [r["id"] for r in data["past_retention"]] == [old]
    code, _, err = run(
        capsys, "retention", "--today", "2026-03-02", "--remove-all", stdin="yes\n", monkeypatch=monkeypatch
    )
    assert code == 1 and "nothing was removed" in err
    run(capsys, "settings", "--retention-months", "2")
    _, out, _ = run(capsys, "retention", "--today", "2026-03-02", "--json")
    assert sorted(r["id"] for r in json.loads(out)["past_retention"]) == sorted([old, recent])
    code, out, err = run(
        capsys, "retention", "--today", "2026-03-02", "--remove-all", stdin="2\n", monkeypatch=monkeypatch
    )
    assert code == 0, err
    assert "Removed 2 meetings" in out
    _, out, _ = run(capsys, "list", "--json")
    assert [r["id"] for r in json.loads(out)["meetings"]] == [still_open]


def test_settings_show_change_and_refuse_bad_values(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "settings")
    assert code == 0 and "retention_months = 24" in out and "idle_lock_minutes = 15" in out
    code, out, _ = run(capsys, "settings", "--idle-lock-minutes", "5")
    assert code == 0 and "idle_lock_minutes = 5" in out
    code, _, err = run(capsys, "settings", "--retention-months", "0")
    assert code == 2 and "from 1 to 1200" in err
    (isolated_data_dir / "settings.toml").write_text('retention_months = "lots"\nidle_lock_minutes = 5\n')
    code, out, err = run(capsys, "settings")
    assert "retention_months = 24" in out and "must be a whole number" in err


def test_settings_challenge_words_change_refuse_and_go_back(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "settings")
    assert code == 0 and f"challenge_words = {DEFAULT_CHALLENGE_WORDS}" in out
    area = "Write to the chair's manager within 28 days."
    code, out, _ = run(capsys, "settings", "--challenge-words", area)
    assert code == 0 and f"challenge_words = {area}" in out and "retention_months = 24" in out
    assert load_settings(isolated_data_dir)[0].challenge_words == area
    for bad in ("", "   ", "x" * 1001, "Write to us\x1b[2J"):
        code, _, err = run(capsys, "settings", "--challenge-words", bad)
        assert code == 2 and "--challenge-words: must" in err
    assert load_settings(isolated_data_dir)[0].challenge_words == area
    code, out, _ = run(capsys, "settings", "--default-challenge-words")
    assert code == 0 and load_settings(isolated_data_dir)[0].challenge_words == DEFAULT_CHALLENGE_WORDS
    (isolated_data_dir / "settings.toml").write_text("challenge_words = 28\n")
    code, out, err = run(capsys, "settings")
    assert f"challenge_words = {DEFAULT_CHALLENGE_WORDS}" in out and "challenge_words must be text" in err


def test_locate_names_every_place(capsys: pytest.CaptureFixture[str], isolated_data_dir: Path) -> None:
    code, out, _ = run(capsys, "locate")
    assert code == 0
    for what in (
        "meetings",
        "your guides",
        "error reports",
        "exports (default)",
        "settings",
        "encryption key file",
    ):
        assert what in out
    assert str(isolated_data_dir / "meetings") in out
    _, out, _ = run(capsys, "locate", "--json")
    rows = json.loads(out)["locations"]
    assert {"what": "data folder", "path": str(isolated_data_dir), "exists": False} in rows


def test_delete_removes_the_exports_written_inside_the_data_folder(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, tmp_path: Path
) -> None:
    meeting_id = new(capsys, "Zebedee Quillfeather")
    inside = isolated_data_dir / "exports" / "the plan.json"
    inside.parent.mkdir()
    outside = tmp_path / "Desktop" / "plan.json"
    outside.parent.mkdir()
    for target in (inside, outside):
        code, _, err = run(capsys, "export", meeting_id, "--as", "json", "-o", str(target))
        assert code == 0, err
        assert "Zebedee Quillfeather" in target.read_text()
    code, _, err = run(capsys, "delete", meeting_id, "--yes")
    assert code == 0, err
    assert not inside.exists()
    assert outside.exists(), "a paper saved outside the data folder is not the app's to remove"
    assert names_on_disk(isolated_data_dir) == []


def _leap_second_file(data_dir: Path) -> Path:
    """A file named by a meeting id whose content has a time with 60 seconds (not valid TOML)."""
    path = data_dir / "meetings" / "20260301-0a1b2c3d.toml"
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(
        'id = "20260301-0a1b2c3d"\nfamily_label = "Quillfeather family"\nupdated = 2016-12-31T23:59:60Z\n'
    )
    return path


def test_a_meeting_whose_file_cannot_be_read_is_deleted_by_id_after_the_typed_word(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "cannot read ...": the same question as for an open meeting (the word typed), then every file goes."""
    from sdm_facilitator.cli.data_commands import DELETE_WORD

    path = _leap_second_file(isolated_data_dir)
    code, _out, err = run(capsys, "delete", path.stem, stdin="yes\n", monkeypatch=monkeypatch)
    assert code == 1 and "leap second" in err and f"Type '{DELETE_WORD}'" in err and path.exists()
    code, out, err = run(capsys, "delete", path.stem, stdin=f"{DELETE_WORD}\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert f"Deleted the meeting in {path.name}, which cannot be read" in out
    assert not path.exists() and names_on_disk(isolated_data_dir) == []


def test_a_damaged_encrypted_meeting_is_deleted_by_id(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("cryptography")
    from support.privacy_helpers import PASSPHRASE, make_encrypted_store, named_meeting

    store, _recovery = make_encrypted_store(isolated_data_dir)
    meeting = named_meeting()
    store.close(store.create(meeting))
    path = store.path_for(meeting.id)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "delete", meeting.id, "--yes")
    assert code == 0, err
    assert "which cannot be read (damaged" in out and not path.exists()


def test_settings_jurisdiction_changes_the_guides_law_and_shows_in_locate(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "settings")
    assert code == 0 and "jurisdiction = england" in out
    code, out, _ = run(capsys, "settings", "--jurisdiction", "us")
    assert code == 0 and "jurisdiction = us" in out
    assert load_settings(isolated_data_dir)[0].jurisdiction == "us"
    code, out, _ = run(capsys, "guides", "show", "fgc")
    shown = " ".join(out.split())  # the text is wrapped
    assert code == 0 and "Indian Child Welfare Act" in shown and "letter before proceedings" not in shown
    code, out, _ = run(capsys, "locate")
    assert code == 0 and "jurisdiction: us (" in out and out.rstrip().endswith("us.toml)")
    _, out, _ = run(capsys, "locate", "--json")
    assert json.loads(out)["jurisdiction"]["id"] == "us"
    code, _, err = run(capsys, "settings", "--jurisdiction", "scotland")
    assert code == 2 and "no profile 'scotland'; profiles: england, us, wales" in err
    assert load_settings(isolated_data_dir)[0].jurisdiction == "us", "a refused value is not saved"
    broken = isolated_data_dir / "guides" / "jurisdictions" / "wales.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text('[profile]\nid = "wales"\n', encoding="utf-8")
    code, _, err = run(capsys, "settings", "--jurisdiction", "wales")
    assert code == 2 and "wales.toml" in err and "missing required key 'title'" in err


def test_settings_set_the_reports_threshold_hourly_rate_and_outcome_index(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "settings")
    assert code == 0 and "small_number_threshold = 5" in out and "outcome_index = referral" in out
    code, out, _ = run(
        capsys,
        "settings",
        "--small-number-threshold",
        "10",
        "--hourly-rate-pence",
        "4500",
        "--outcome-index",
        "pre-proceedings-letter",
    )
    assert code == 0 and "small_number_threshold = 10" in out and "hourly_rate_pence = 4500" in out
    saved = load_settings(isolated_data_dir)[0]
    assert (saved.small_number_threshold, saved.hourly_rate_pence, saved.outcome_index) == (
        10,
        4500,
        "pre-proceedings-letter",
    )
    code, _, err = run(capsys, "settings", "--small-number-threshold", "0")
    assert code != 0 and "--small-number-threshold" in err and "1 to 100" in err
    code, _, err = run(capsys, "settings", "--outcome-index", "meeting")
    assert code != 0 and "--outcome-index: must be one of referral, pre-proceedings-letter" in err
    assert load_settings(isolated_data_dir)[0].small_number_threshold == 10, "a refused value is not saved"

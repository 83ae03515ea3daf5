"""init --encrypt, encrypt, decrypt and passphrase through the real entry point."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("cryptography")

from sdm_facilitator.storage import keyfile
from sdm_facilitator.storage.crypto import is_encrypted
from support.cli_helpers import new, run
from support.privacy_helpers import FIXTURE_NAMES, PASSPHRASE, cheap_params, names_on_disk

REAL_DEFAULT_KDF = keyfile.default_kdf_params
RECOVERY = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)\s*$", re.MULTILINE)


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    # As a script would: the recovery key goes into a new file instead of being typed back.
    monkeypatch.setenv("SDM_FACILITATOR_RECOVERY_KEY_FILE", str(tmp_path / "recovery-key.txt"))


def test_init_encrypt_then_use_the_store(capsys: pytest.CaptureFixture[str], isolated_data_dir: Path) -> None:
    code, out, err = run(capsys, "init", "--encrypt")
    assert code == 0, err
    assert "Recovery key" in out and "nobody" in out
    assert RECOVERY.search(out)
    meeting_id = new(capsys, "Quillfeather family")
    assert is_encrypted((isolated_data_dir / "meetings" / f"{meeting_id}.toml").read_bytes())
    code, out, _ = run(capsys, "list")
    assert code == 0 and "Quillfeather family" in out
    # Every command that reads meetings unlocks the store the same way.
    for command in (
        ["show", meeting_id],
        ["report", "--format", "json"],
        ["export", meeting_id, "--as", "json"],
    ):
        code, out, err = run(capsys, *command)
        assert code == 0, (command, err)
    assert names_on_disk(isolated_data_dir) == []


def test_wrong_passphrase_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "init", "--encrypt")
    new(capsys, "Quillfeather family")
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", "not the passphrase")
    code, out, err = run(capsys, "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "wrong passphrase" in err and "Traceback" not in err


def test_no_terminal_and_no_variable_says_how(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "init", "--encrypt")
    monkeypatch.delenv("SDM_FACILITATOR_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "list")
    assert code == 2 and "SDM_FACILITATOR_PASSPHRASE" in err


def test_short_passphrase_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", "short")
    code, _, err = run(capsys, "init", "--encrypt")
    assert code == 2 and "at least 10 characters" in err
    assert not (isolated_data_dir / "store-key.toml").exists()


def test_encrypt_decrypt_round_trip_keeps_every_byte(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    ids = [new(capsys, name) for name in FIXTURE_NAMES]
    folder = isolated_data_dir / "meetings"
    before = {p.name: p.read_bytes() for p in folder.glob("*.toml")}
    code, out, err = run(capsys, "encrypt")
    assert code == 0, err
    assert "4 files encrypted" in out and RECOVERY.search(out)
    assert names_on_disk(isolated_data_dir) == []
    code, out, _ = run(capsys, "list", "--json")
    assert sorted(r["id"] for r in json.loads(out)["meetings"]) == sorted(ids)
    code, out, err = run(capsys, "encrypt")
    assert code == 0 and "0 files encrypted now, 4 already were" in out
    code, out, err = run(capsys, "decrypt")
    assert code == 0, err
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml")} == before
    assert not (isolated_data_dir / "store-key.toml").exists()
    code, _, err = run(capsys, "decrypt")
    assert code == 2 and "not encrypted" in err


def test_init_encrypt_refuses_a_folder_with_meetings(capsys: pytest.CaptureFixture[str]) -> None:
    new(capsys, "Someone")
    code, _, err = run(capsys, "init", "--encrypt")
    assert code == 2 and "sdm-facilitator encrypt" in err


def test_passphrase_change_and_recovery_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    _, out, _ = run(capsys, "init", "--encrypt")
    match = RECOVERY.search(out)
    assert match
    recovery = match.group(1)
    meeting_id = new(capsys, "Quillfeather family")
    file_before = (isolated_data_dir / "meetings" / f"{meeting_id}.toml").read_bytes()
    monkeypatch.setenv("SDM_FACILITATOR_NEW_PASSPHRASE", "a brand new passphrase")
    code, out, err = run(capsys, "passphrase")
    assert code == 0, err
    assert "not rewritten" in out
    assert (isolated_data_dir / "meetings" / f"{meeting_id}.toml").read_bytes() == file_before
    code, _, err = run(capsys, "list")
    assert code == 1 and "wrong passphrase" in err
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", "a brand new passphrase")
    code, out, _ = run(capsys, "show", meeting_id)
    assert code == 0 and "Quillfeather family" in out
    # Forgotten passphrase: the recovery key sets a new one.
    monkeypatch.setenv("SDM_FACILITATOR_RECOVERY_KEY", recovery)
    monkeypatch.setenv("SDM_FACILITATOR_NEW_PASSPHRASE", "third passphrase here")
    code, _, err = run(capsys, "passphrase", "--recovery-key")
    assert code == 0, err
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", "third passphrase here")
    assert run(capsys, "show", meeting_id)[0] == 0
    monkeypatch.setenv("SDM_FACILITATOR_RECOVERY_KEY", "AAAA-BBBB")
    code, _, err = run(capsys, "decrypt", "--recovery-key")
    assert code == 1 and "recovery key" in err


def test_missing_extra_is_named(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_cryptography(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("cryptography"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_cryptography)
    monkeypatch.setattr(keyfile, "default_kdf_params", REAL_DEFAULT_KDF)
    code, _, err = run(capsys, "init", "--encrypt")
    assert code == 1 and "pip install 'sdm-facilitator[encryption]'" in err


def test_a_resumed_encryption_without_a_kept_key_says_how_to_make_a_new_one(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    from sdm_facilitator.storage.conversion_state import conversion_direction, mark_conversion

    run(capsys, "init", "--encrypt")
    new(capsys, "Quillfeather family")
    # As an older version left an interrupted encryption: a marker without the sealed recovery key.
    mark_conversion(isolated_data_dir, "encrypt")
    code, out, err = run(capsys, "encrypt")
    assert code == 0, err
    assert "passphrase --new-recovery-key" in err and not RECOVERY.search(out)
    assert conversion_direction(isolated_data_dir) is None


def test_a_new_recovery_key_is_confirmed_before_it_replaces_the_old_one(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "init", "--encrypt")
    key_file = isolated_data_dir / "store-key.toml"
    before = key_file.read_bytes()
    monkeypatch.delenv("SDM_FACILITATOR_RECOVERY_KEY_FILE")
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n1111\n1111\n"))
    code, out, err = run(capsys, "passphrase", "--new-recovery-key")
    assert code == 2 and "not confirmed" in err and RECOVERY.search(out)
    assert key_file.read_bytes() == before

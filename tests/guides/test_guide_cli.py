"""``guides list|check|show`` and ``lint`` through the real entry point."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.paths import bundled_guides_dir

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def lint(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, *args: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    return run(capsys, "lint", *args)


# ------------------------------------------------------------------ guides list


def test_guides_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "guides", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "KINDS", "STEPS", "FROM"]
    assert [line.split()[0] for line in lines[1:6]] == [
        "cin-family-unity",
        "cp-conference",
        "family-unity",
        "fgc",
        "review",
    ]
    assert "65 language hints." in out or "language hints." in out


def test_guides_list_json_shows_user_guides_and_unusable_files(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    guides = isolated_data_dir / "guides"
    guides.mkdir(parents=True)
    (guides / "fgc.toml").write_text(
        (FIXTURES / "valid_minimal.toml").read_text().replace('id = "mini"', 'id = "fgc"', 1)
    )
    shutil.copy(FIXTURES / "missing_field.toml", guides / "broken.toml")
    code, out, err = run(capsys, "guides", "list", "--json")
    assert code == 0
    data = json.loads(out)
    rows = {row["id"]: row for row in data["guides"]}
    assert set(rows) == {"cin-family-unity", "cp-conference", "family-unity", "fgc", "review"}
    assert rows["fgc"]["bundled"] is False and rows["fgc"]["replaces_bundled"] is True
    assert rows["review"]["bundled"] is True and rows["review"]["kinds"] == ["review"]
    assert data["unusable"] == [
        {
            "file": str(guides / "broken.toml"),
            "problems": [
                "broken.toml:18: steps[2]: missing required key 'why': "
                "expected one to three sentences in quotes"
            ],
        }
    ]
    assert data["language_hints"] >= 40
    assert "replaces the bundled one" in err


# ------------------------------------------------------------------ guides check


def test_guides_check_bundled_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "guides", "check")
    assert code == 0, out
    assert out.startswith("All guides are valid (cin-family-unity, cp-conference, family-unity, fgc, review;")
    assert err == ""


def test_guides_check_finds_problems_in_the_user_folder(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    guides = isolated_data_dir / "guides"
    guides.mkdir(parents=True)
    shutil.copy(FIXTURES / "unknown_stage.toml", guides / "ours.toml")
    code, out, err = run(capsys, "guides", "check")
    assert code == 1
    assert out.splitlines() == [
        "ours.toml:20: steps[2].stage: unknown stage 'prep'; "
        "expected one of preparation, meeting, family_time, follow_up"
    ]
    assert err.strip() == "1 problem(s) in 1 of 6 file(s)."


def test_guides_check_paths(capsys: pytest.CaptureFixture[str]) -> None:
    valid = str(FIXTURES / "valid_minimal.toml")
    code, out, _ = run(capsys, "guides", "check", valid, str(bundled_guides_dir()))
    assert code == 0
    assert out.strip() == "13 file(s) checked: all valid."

    code, out, err = run(
        capsys,
        "guides",
        "check",
        str(FIXTURES / "wrong_type.toml"),
        str(FIXTURES / "unknown_key.toml"),
    )
    assert code == 1
    assert out.splitlines() == [
        'wrong_type.toml:16: steps[1].days_before: expected a whole number, got text ("35")',
        "unknown_key.toml:20: steps[2].stge: unknown key; did you mean 'stage'? allowed keys are "
        "contexts, days_after, days_before, evidence, evidence_says, how, id, judgement, mechanisms, risk, "
        "stage, stop_and_check, title, when_risk, why",
        "unknown_key.toml:18: steps[2]: missing required key 'stage': expected a stage",
    ]
    assert err.strip() == "3 problem(s) in 2 of 2 file(s)."


def test_guides_check_duplicate_ids_across_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "valid_minimal.toml", tmp_path / "a.toml")
    shutil.copy(FIXTURES / "valid_minimal.toml", tmp_path / "b.toml")
    code, out, _ = run(capsys, "guides", "check", str(tmp_path))
    assert code == 1
    assert out.splitlines() == ["b.toml: guide.id: guide id 'mini' is already used by a.toml"]


def test_guides_check_language_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "broken_language.toml", tmp_path / "language.toml")
    code, out, _ = run(capsys, "guides", "check", str(tmp_path / "language.toml"))
    assert code == 1
    assert len(out.splitlines()) == 4
    assert out.startswith("language.toml:12: hints[2].category: unknown category 'rude'")


def test_guides_check_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "guides", "check", str(tmp_path / "nope.toml"))
    assert code == 2
    assert out == ""
    assert err.startswith("sdm-facilitator: no such file or folder: ")


# ------------------------------------------------------------------ guides show


def test_guides_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "guides", "show", "fgc", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "fgc" and data["title"] == "Family group conference"
    assert data["kinds"] == ["fgc", "fgdm"]
    step = data["steps"][0]
    assert set(step) >= {"id", "stage", "mechanisms", "contexts", "title", "why"}
    assert step["id"] == "prep-referral-consent" and step["stage"] == "preparation"
    assert [p["name"] for p in data["phases"]][2] == "Private family time"
    assert all({"name", "minutes", "prompts"} <= set(p) for p in data["phases"])
    assert data["phases"][0]["prompts"][0] == {
        "text": "Let the family open the meeting in their own way.",
        "mechanism": "trust",
    }
    assert data["family_questions"][0]["text"] == "What needs to happen so the children are safe and well?"


def test_guides_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "guides", "show", "cp-conference")
    assert code == 0
    assert out.startswith("Participative child protection conference (cp-conference, version 1.0)\n")
    assert "PREPARATION (" in out and "[cp-prep-share-reports]" in out
    assert "Time for the family on their own (20 min) - private" in out
    assert "QUESTIONS FOR THE FAMILY'S PRIVATE TIME" in out


def test_guides_show_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "guides", "show", "nope")
    assert code == 2 and out == ""
    assert err.strip() == (
        "sdm-facilitator: no guide with id 'nope'; guides: cin-family-unity, cp-conference, family-unity, fgc, "
        "review"
    )


# ------------------------------------------------------------------ lint


def test_lint_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = lint(capsys, monkeypatch, "We visited.\nMum failed to engage, and the LAC review\n")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        '2:5: "failed to engage" -> try: has not yet met with us; we have not yet found a way to work '
        "together (Puts the whole gap on the family; the service shares the job of finding a way in.)"
    )
    assert lines[1].startswith('2:31: "LAC" -> try: child in care; ')
    assert len(lines) == 2
    assert err == ""


def test_lint_clean_text(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = lint(capsys, monkeypatch, "Grandma will collect the children on Tuesdays.")
    assert code == 0
    assert out == ""
    assert err.strip() == "No language hints found."


def test_lint_shows_control_characters_safely(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = lint(capsys, monkeypatch, "non\x1b-compliant and hostile\x1b[31m")
    assert code == 0
    assert "\x1b" not in out
    assert out.startswith('1:20: "hostile" -> try:')


def test_lint_a_stored_meeting(capsys: pytest.CaptureFixture[str], isolated_data_dir: Path) -> None:
    from sdm_facilitator.storage.store import MeetingStore

    code, out, _ = run(capsys, "new", "--kind", "fgc", "--family", "Test family")
    assert code == 0
    meeting_id = out.strip()
    store = MeetingStore(isolated_data_dir)
    opened = store.open(meeting_id)
    opened.meeting.referral.worries = "Dad is resistant.\nMum is non-compliant."
    opened.meeting.referral.strengths = "Grandma helps every day."
    store.save(opened)
    store.close(opened)
    code, out, err = run(capsys, "lint", meeting_id)
    assert code == 0
    lines = out.splitlines()
    assert [line.split(" -> ")[0] for line in lines] == [
        'referral: worries:1:8: "resistant"',
        'referral: worries:2:8: "non-compliant"',
    ]


def test_lint_a_stored_meeting_uses_its_risk_screen(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    """ "Argument" is a hint in a meeting with domestic abuse present or not known, and not otherwise."""
    from sdm_facilitator.domain.risks import Risk
    from sdm_facilitator.storage.store import MeetingStore

    code, out, _ = run(capsys, "new", "--kind", "fgc", "--family", "Test family")
    meeting_id = out.strip()
    store = MeetingStore(isolated_data_dir)
    for status, expected in (("not-present", []), ("not-known", ['referral: worries:1:6: "argue"'])):
        opened = store.open(meeting_id)
        opened.meeting.referral.worries = "They argue most nights."
        opened.meeting.risks = [Risk(kind="domestic-abuse", status=status)]
        store.save(opened)
        store.close(opened)
        code, out, _ = run(capsys, "lint", meeting_id)
        assert code == 0
        assert [line.split(" -> ")[0] for line in out.splitlines()] == expected, status


def test_lint_unknown_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lint", "no-such-meeting")
    assert code == 2
    assert out == ""
    assert err.startswith("sdm-facilitator: no meeting with id 'no-such-meeting'")


def test_guide_commands_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys, io; sys.stdin = io.StringIO('failed to engage');"
        "from sdm_facilitator.cli import main; main(['guides', 'list']); main(['lint']);"
        "main(['guides', 'show', 'fgc']);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
        "print('BAD', bad) if bad else None; sys.exit(1 if bad else 0)"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "SDM_FACILITATOR_DATA_DIR": str(FIXTURES / "no-data")},
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_lint_of_200000_repeated_words_is_linear(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    text = "they failed to engage again\n" * 40_000  # 200,000 words, 40,000 hints
    started = time.perf_counter()
    code, out, _ = lint(capsys, monkeypatch, text)
    elapsed = time.perf_counter() - started
    lines = out.splitlines()
    assert code == 0 and len(lines) == 40_000
    assert lines[-1].startswith('40000:6: "failed to engage"')
    assert elapsed < 10.0, f"{elapsed:.1f} s"

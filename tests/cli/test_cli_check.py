"""``sdm-facilitator check ID`` through the real entry point, on real meeting files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.demo import write_demo
from sdm_facilitator.domain.meeting import Action, Person
from sdm_facilitator.domain.risks import Risk
from support.app_helpers import new_meeting, save_meetings
from support.cli_helpers import run
from support.privacy_helpers import PASSPHRASE, cheap_params

HOLLINS_LINES = [
    "plan: Domestic abuse: in the contingency (“If Mark can't leave, Kerry takes the children to Sue's”), "
    "Kerry Hollins, at risk, is the one who must act (words: “Kerry”, “takes the children”). A safety plan "
    "should not rest on the person at risk: who else acts?",
    "plan: Domestic abuse: action 1 (“Go to his brother's when an argument starts”) relies on Mark Hollins, "
    "thought to cause harm, keeping away (words: “Mark”, “Go to his”) and names nobody else to act or check. "
    "Who will know if it does not happen, and what will they do?",
]


def abuse_case(data_dir: Path) -> str:
    """An FGC in preparation with domestic abuse on the screen and a plan that puts the burden on Kerry."""
    m = new_meeting("fgc", "Test [b]family[/b]")
    kerry = Person(id="p-kerry", name="Kerry\x1b[31m Hollins", role="parent", relationship="mum")
    mark = Person(id="p-mark", name="Mark Hollins", role="parent", relationship="dad")
    m.people = [kerry, mark]
    m.risks = [Risk(kind="domestic-abuse", status="present", at_risk=[kerry.id], causing_harm=[mark.id])]
    m.plan.contingency = "If Mark can't leave, Mum takes the children out."
    m.plan.actions = [Action(id="a-away", what="Stay away from the house", who="Mark")]
    save_meetings(data_dir, m)
    return m.id


def test_check_prints_one_line_per_finding_and_exits_zero(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    meeting_id = abuse_case(isolated_data_dir)
    code, out, err = run(capsys, "check", meeting_id)
    assert code == 0 and err == ""
    lines = out.splitlines()
    kinds = [line.split(":", 1)[0] for line in lines]
    assert set(kinds) <= {"stop", "check", "overdue", "plan"}
    # The plan's findings come after readiness.
    assert kinds[-2:] == ["plan", "plan"] and "plan" not in kinds[:-2]
    assert "check: The family's agreement to take part in the meeting is not recorded" in lines
    assert lines[-2].startswith("plan: Domestic abuse: in the contingency")
    # A person's name with a terminal escape is shown, never obeyed.
    assert "\x1b" not in out and "Kerry␛[31m Hollins, at risk" in lines[-2]
    assert lines[-1].startswith("plan: Domestic abuse: action 1 (“Stay away from the house”) relies on Mark")


def test_check_json_lists_kind_text_section_and_ref(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    meeting_id = abuse_case(isolated_data_dir)
    code, out, err = run(capsys, "check", meeting_id, "--json")
    assert code == 0 and err == ""
    items = json.loads(out)
    assert all(set(item) == {"kind", "text", "section", "ref"} for item in items)
    plan = [item for item in items if item["kind"] == "plan"]
    assert [(i["section"], i["ref"]) for i in plan] == [("plan", "contingency"), ("plan", "a-away")]
    checks = [item for item in items if item["kind"] == "check"]
    assert {
        "kind": "check",
        "text": "The family's agreement to take part in the meeting is not recorded",
        "section": "prep-referral",
        "ref": "",
    } in checks


def test_check_lists_stop_and_check_blockers(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    m = new_meeting("cin-meeting", "Taylor household")
    save_meetings(isolated_data_dir, m)
    code, out, _ = run(capsys, "check", m.id)
    assert code == 0
    stops = [line for line in out.splitlines() if line.startswith("stop: ")]
    assert "stop: Stop and check: any sign of forced marriage or honour-based abuse" in stops
    assert out.splitlines()[: len(stops)] == stops


def test_check_with_nothing_to_look_at_says_so(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    m = new_meeting("fgc", "Closed family")
    m.closure.closed_on = date(2026, 3, 1)  # a closed meeting has nothing open in readiness
    save_meetings(isolated_data_dir, m)
    code, out, _ = run(capsys, "check", m.id)
    assert (code, out) == (
        0,
        "Nothing needs a look: no stop-and-check items, open checks or overdue items, and no plan findings.\n",
    )
    assert run(capsys, "check", m.id, "--json")[1].strip() == "[]"


def test_demo_hollins_plan_is_flagged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, today=date.today())
    _, listing, _ = run(capsys, "--data-dir", str(folder), "list", "--json")
    hollins = next(
        r["id"] for r in json.loads(listing)["meetings"] if r["family_label"] == "The Hollins family"
    )
    code, out, err = run(capsys, "--data-dir", str(folder), "check", hollins)
    assert code == 0 and err == ""
    assert out.splitlines() == HOLLINS_LINES


def test_check_unknown_id_is_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    abuse_case(isolated_data_dir)
    code, out, err = run(capsys, "check", "20990101-deadbeef")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no meeting with id '20990101-deadbeef'" in err


def test_check_on_an_encrypted_store_unlocks_like_other_commands(
    capsys: pytest.CaptureFixture[str],
    isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    pytest.importorskip("cryptography")
    from sdm_facilitator.storage import keyfile

    monkeypatch.setattr(keyfile, "default_kdf_params", cheap_params)
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SDM_FACILITATOR_RECOVERY_KEY_FILE", str(tmp_path / "recovery-key.txt"))
    meeting_id = abuse_case(isolated_data_dir)
    assert run(capsys, "encrypt")[0] == 0
    code, out, _ = run(capsys, "check", meeting_id)
    assert code == 0 and "plan: Domestic abuse" in out
    monkeypatch.setenv("SDM_FACILITATOR_PASSPHRASE", "not the passphrase")
    code, out, err = run(capsys, "check", meeting_id)
    assert code == 1 and out == "" and "wrong passphrase" in err and err.count("\n") == 1


def test_export_prints_the_plan_findings_first_and_still_writes_the_paper(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, tmp_path: Path
) -> None:
    meeting_id = abuse_case(isolated_data_dir)
    target = tmp_path / "plan.md"
    code, _, err = run(capsys, "export", meeting_id, "--as", "plan", "-o", str(target))
    assert code == 0 and target.is_file()
    lines = err.splitlines()
    assert lines[0] == "The plan safety check found (warnings for you; the paper is written as it is):"
    assert lines[1].startswith("  plan: Domestic abuse: in the contingency")
    assert lines[2].startswith("  plan: Domestic abuse: action 1")
    assert "If Mark can't leave, Mum takes the children out." in target.read_text(encoding="utf-8")


def test_export_without_findings_prints_no_plan_check(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    m = new_meeting("fgc", "Quiet family")
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    save_meetings(isolated_data_dir, m)
    code, out, err = run(capsys, "export", m.id, "--as", "plan")
    assert code == 0 and "Sue's" in out and "plan safety check" not in err

"""The command line through its real entry point, on a temporary data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator import __version__
from sdm_facilitator.cli import main
from sdm_facilitator.domain.meeting import Needs
from support.app_helpers import save_meetings


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_list_and_show(capsys: pytest.CaptureFixture[str], isolated_data_dir: Path) -> None:
    code, out, err = run(
        capsys, "new", "--kind", "fgc", "--family", "Okafor [b]family", "--date", "2026-05-01T10:00"
    )
    assert code == 0 and err == ""
    meeting_id = out.strip()
    assert (isolated_data_dir / "meetings" / f"{meeting_id}.toml").is_file()

    code, out, _ = run(capsys, "list")
    assert code == 0
    assert meeting_id in out and "Okafor [b]family" in out and "Preparation" in out

    code, out, _ = run(capsys, "list", "--json")
    data = json.loads(out)
    (row,) = data["meetings"]
    assert row["id"] == meeting_id and row["kind"] == "fgc" and row["context"] == "voluntary"
    assert data["unreadable"] == [] and data["conflicts"] == []

    code, out, _ = run(capsys, "show", meeting_id)
    assert code == 0 and "Okafor [b]family" in out and "Family group conference" in out

    code, out, _ = run(capsys, "show", meeting_id, "--json")
    shown = json.loads(out)
    assert shown["family_label"] == "Okafor [b]family"
    assert shown["choices"]["when"] == "2026-05-01T10:00:00"
    assert shown["stage"] == "preparation"


def test_cp_conference_defaults_to_statutory(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "new", "--kind", "cp-conference", "--family", "F")
    _, shown, _ = run(capsys, "show", out.strip(), "--json")
    assert json.loads(shown)["context"] == "statutory"


def test_data_dir_option_wins_over_environment(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    _, out, _ = run(capsys, "--data-dir", str(other), "new", "--kind", "review", "--family", "F")
    assert (other / "meetings" / f"{out.strip()}.toml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "20260101-00000000"], "no meeting with id '20260101-00000000'"),
        (["show", "../../etc/passwd"], "no meeting with id"),
        (["new", "--kind", "fgc", "--family", "  "], "--family: give the label"),
        (["new", "--kind", "fgc", "--family", "F", "--date", "soon"], "--date: 'soon' is not a date"),
    ],
)
def test_errors_are_one_clear_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_unreadable_files_listed_separately(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    run(capsys, "new", "--kind", "fgc", "--family", "Good")
    bad = isolated_data_dir / "meetings" / "20260101-badbad00.toml"
    bad.write_text('id = "20260101-badbad00"\nkind = "fgc"\n[[children]]\nage = "ten"\n')
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "Good" in out
    assert "could not be read" in out and "children[0].age: expected a whole number" in out
    _, out, _ = run(capsys, "list", "--json")
    assert json.loads(out)["unreadable"][0]["file"] == bad.name
    code, _, err = run(capsys, "show", "20260101-badbad00")
    assert code == 1 and "children[0].age" in err


def test_demo_writes_meetings_at_each_stage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "demo"
    code, out, _ = run(capsys, "demo", str(target))
    assert code == 0 and "fictional demo meetings" in out
    _, out, _ = run(capsys, "--data-dir", str(target), "list", "--json")
    stages = {row["stage"] for row in json.loads(out)["meetings"]}
    assert {"preparation", "follow_up"} <= stages
    assert len(json.loads(out)["meetings"]) >= 3


def test_version_and_help_on_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and __version__ in capsys.readouterr().out
    for sub in (["new"], ["list"], ["show"], ["demo"], ["guides"], ["lint"]):
        with pytest.raises(SystemExit) as done:
            main([*sub, "--help"])
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_installed_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    """The real console entry (python -m) in a child process, as a user would run it."""
    env = {**os.environ, "SDM_FACILITATOR_DATA_DIR": str(tmp_path / "d")}
    src = Path(__file__).resolve().parents[2] / "src"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, "-m", "sdm_facilitator", "new", "--kind", "fgc", "--family", "Proc"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "sdm_facilitator", "list"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.strip() in listed.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "sdm_facilitator", "show", "nope"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (
        bad.returncode == 2
        and bad.stderr.startswith("sdm-facilitator: no meeting")
        and "Traceback" not in bad.stderr
    )


def test_date_with_zone_is_stored_as_local_wall_clock(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime

    _, out, _ = run(capsys, "new", "--kind", "fgc", "--family", "F", "--date", "2026-05-01T10:00+00:00")
    _, shown, _ = run(capsys, "show", out.strip(), "--json")
    expected = datetime.fromisoformat("2026-05-01T10:00+00:00").astimezone().replace(tzinfo=None)
    assert json.loads(shown)["choices"]["when"] == expected.isoformat()


def test_unexpected_error_is_one_line_without_values(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdm_facilitator.cli import meeting_commands

    def boom(*_args: object) -> None:
        raise RuntimeError("Secret family name")

    monkeypatch.setattr(meeting_commands, "meeting_row", boom)
    run(capsys, "new", "--kind", "fgc", "--family", "F")
    code, out, err = run(capsys, "list")
    assert code == 70
    assert err.count("\n") == 1 and "unexpected error (RuntimeError)" in err
    assert "Secret" not in err and "Traceback" not in err


def test_list_next_date_uses_the_guide_steps_like_the_home_screen(capsys: pytest.CaptureFixture[str]) -> None:
    """With a meeting date far ahead, the next thing due is a guide step, not the meeting day."""
    _, out, _ = run(capsys, "new", "--kind", "fgc", "--family", "F", "--date", "2099-06-30")
    _, listed, _ = run(capsys, "list", "--json")
    (row,) = json.loads(listed)["meetings"]
    assert row["next_date"] < "2099-06-30" and row["next_item"] != "the meeting"


def test_show_text_carries_the_whole_story(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Plan changes, action updates, information sharing, agenda and guide progress all appear."""
    target = tmp_path / "demo"
    run(capsys, "demo", str(target))
    _, listed, _ = run(capsys, "--data-dir", str(target), "list", "--json")
    follow_up = next(r for r in json.loads(listed)["meetings"] if r["family_label"] == "Rahman family")
    _, out, _ = run(capsys, "--data-dir", str(target), "show", follow_up["id"])
    for expected in (
        "CHANGES TO THE PLAN",
        "Curfew moved",
        "Club full until spring",
        "AGENDA (",
        "Preparation: ",
        "of ",
        "REVIEWS",
        "Keeping an eye on it: Farid Rahman",
    ):
        assert expected in out


def test_usage_mistakes_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["new", "--kind", "nope", "--family", "F"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'nope'" in err and "--help" in err


def test_show_groups_the_day_by_phase_and_names_reasons_and_needs(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    """Notes read under the phase they were said in; a person's reason and interpreter need are shown."""
    from ui.workspace.test_the_day import ended_meeting

    meeting = ended_meeting()
    meeting.people[1].invitation = "not-invited"
    meeting.people[1].not_invited_reason = "Kerry asked for [her] not to be there"
    meeting.people[0].needs = Needs(language="Polish", interpreter=True, interpreter_booked=False)
    save_meetings(isolated_data_dir, meeting)  # its agenda names the phases; no guide needed
    _, out, _ = run(capsys, "show", meeting.id)
    the_day = out[
        out.index("THE MEETING") : out.index("THE FAMILY'S PLAN") if "THE FAMILY'S PLAN" in out else None
    ]
    lines = the_day.splitlines()
    family = lines.index(next(line for line in lines if line.startswith("Private family time:")))
    information = lines.index("Information sharing:")
    plan = lines.index("The family's plan:")
    assert family < information < plan
    said = "\n".join(lines[information:plan])
    assert "09:20 Worry: Maja misses school on Mondays [b]often[/b]" in said
    assert "09:40 Scale 4/10 (Kerry Hollins): Better since the summer" in said
    assert "Decision: Kerry phones the school" in "\n".join(lines[plan:])
    assert "reason agreed with the family: Kerry asked for [her] not to be there" in out
    assert "needs: language: Polish, interpreter not booked" in out


@pytest.mark.parametrize(("typed", "days"), [("today", 0), ("Tomorrow", 1)])
def test_new_takes_the_date_words_the_app_takes(
    capsys: pytest.CaptureFixture[str], typed: str, days: int
) -> None:
    from datetime import timedelta

    code, out, err = run(capsys, "new", "--kind", "fgc", "--family", "F", "--date", typed)
    assert code == 0, err
    _, shown, _ = run(capsys, "show", out.strip(), "--json")
    # A day with no time yet, as the new-meeting form keeps it: midnight.
    assert json.loads(shown)["choices"]["when"] == f"{date.today() + timedelta(days=days)}T00:00:00"

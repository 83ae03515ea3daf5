"""``sdm-facilitator export`` says on stderr what a family paper left out because someone is at risk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.storage.store import MeetingStore
from support.fixed_meeting import MEETING_ID, fixed_meeting, local_zone
from support.guide_library import bundled_library

ADDRESS = "7 Mill Lane"
PHONE = "07700 900777"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _store(data_dir: Path, status: str) -> Iterator[MeetingStore]:
    with local_zone():
        meeting = fixed_meeting(bundled_library())
        person = meeting.people[0]
        person.name, person.invitation = "Kerry\x1b[2J", "accepted"
        person.address, person.phone = ADDRESS, PHONE
        meeting.risks = [Risk(kind="domestic-abuse", status=status, at_risk=[person.id])]
        store = MeetingStore(data_dir)
        store.close(store.create(meeting))
        yield store


@pytest.fixture
def at_risk(isolated_data_dir: Path) -> Iterator[MeetingStore]:
    yield from _store(isolated_data_dir, "present")


@pytest.fixture
def screened_out(isolated_data_dir: Path) -> Iterator[MeetingStore]:
    yield from _store(isolated_data_dir, "not-present")


def test_the_plan_on_stdout_leaves_them_out_and_stderr_says_so_safely(
    capsys: pytest.CaptureFixture[str], at_risk: MeetingStore
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan")
    assert code == 0
    assert ADDRESS not in out and PHONE not in out
    left_out = [line for line in err.splitlines() if line.startswith("Left out")]
    assert left_out == ["Left out: Kerry␛[2J's phone and address, because Kerry␛[2J is at risk."]
    assert "--names" not in err  # that is the calendar's venue, not this


def test_the_plan_written_to_a_file_says_so_too(
    capsys: pytest.CaptureFixture[str], at_risk: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "plan.txt"
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(target))
    assert code == 0 and ADDRESS not in target.read_text()
    assert "Left out: Kerry␛[2J's phone and address" in err


def test_where_nobody_is_at_risk_they_print_and_nothing_is_said(
    capsys: pytest.CaptureFixture[str], screened_out: MeetingStore
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan")
    assert code == 0 and "Left out" not in err  # language hints may still be there
    assert ADDRESS in out and PHONE in out

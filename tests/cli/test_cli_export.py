"""``sdm-facilitator export`` through its real entry point, on a temporary data folder."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS
from sdm_facilitator.storage.store import MeetingStore
from support.fixed_meeting import (
    MEETING_ID,
    NOT_INVITED_NAME,
    PRIVATE_AGENCY_REASON,
    fixed_meeting,
    local_zone,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stored(isolated_data_dir: Path) -> Iterator[MeetingStore]:
    with local_zone():
        store = MeetingStore(isolated_data_dir)
        store.close(store.create(fixed_meeting(load_library(None))))
        yield store


def assert_only_warnings(err: str) -> None:
    """The fixed meeting is the Hollins case: on stderr only the plan safety check's warnings and
    language hints (its "when things get heated" is one: minimising words about abuse)."""
    for line in err.splitlines():
        assert line.startswith(
            ("The plan safety check found", "  plan: ", "Language hints in this paper", '  "')
        ), line


def _sent_on(store: MeetingStore) -> date | None:
    return store.open(MEETING_ID, lock=False).meeting.plan.sent_on


def test_plan_to_stdout_is_markdown_and_records_nothing(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan")
    assert code == 0
    assert_only_warnings(err)
    # It is a child protection conference: its plan is the outline child protection plan.
    assert out.startswith("# The outline child protection plan\n") and NOT_INVITED_NAME not in out
    assert "The family's plan" not in out and "The professionals agreed the plan" not in out
    assert _sent_on(stored) is None


def test_plan_to_a_file_takes_the_format_from_the_suffix_and_records_the_day_sent(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert f"Wrote the outline child protection plan to {target}." in err and "yours to keep safe" in err
    assert f"Recorded {date.today().isoformat()} as the day the plan was sent." in err
    assert _sent_on(stored) == date.today()


def test_an_earlier_sent_day_is_kept(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    opened = stored.open(MEETING_ID)
    opened.meeting.plan.sent_on = date(2026, 3, 5)
    stored.save(opened)
    stored.close(opened)
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.txt"))
    assert code == 0 and "Recorded" not in err
    assert _sent_on(stored) == date(2026, 3, 5)


def test_professionals_version_does_not_count_as_sent(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    code, _, _ = run(
        capsys, "export", MEETING_ID, "--as", "plan", "--include-notes", "-o", str(tmp_path / "p.md")
    )
    assert code == 0 and _sent_on(stored) is None
    assert "Bottom lines" in (tmp_path / "p.md").read_text()


def test_when_the_app_has_it_open_the_day_is_not_recorded_but_the_file_is_written(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    holder = stored.open(MEETING_ID)  # as the app would
    try:
        code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.md"))
    finally:
        stored.close(holder)
    assert code == 0 and (tmp_path / "p.md").is_file()
    assert "The day the plan was sent was not recorded" in err
    assert _sent_on(stored) is None


def test_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "agenda.txt"
    target.write_text("keep me")
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "agenda", "-o", str(target))
    assert code == 1 and "already exists" in err and "--force" in err
    assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "export", MEETING_ID, "--as", "agenda", "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("Agenda for the child protection conference")


def test_calendar_is_always_ics_with_crlf(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "meeting.ics"
    code, _, _ = run(capsys, "export", MEETING_ID, "--as", "calendar", "--actions", "-o", str(target))
    assert code == 0
    data = target.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")
    assert len(icalendar.Calendar.from_ical(data).walk("VEVENT")) == 4
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "calendar", "--format", "html")
    assert code == 1 and "always written as ics" in err


def test_a_calendar_without_names_leaves_the_venue_out_and_says_so(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    venue = stored.open(MEETING_ID, lock=False).meeting.choices.venue
    target = tmp_path / "meeting.ics"
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "calendar", "-o", str(target))
    assert code == 0 and venue.split(",")[0].encode() not in target.read_bytes()
    assert "The venue is not in the calendar" in err and "--names" in err
    named = tmp_path / "named.ics"
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "calendar", "--names", "-o", str(named))
    assert code == 0 and "venue is not in" not in err
    assert str(icalendar.Calendar.from_ical(named.read_bytes()).walk("VEVENT")[0]["location"]) == venue


def test_child_plan_for_one_child(capsys: pytest.CaptureFixture[str], stored: MeetingStore) -> None:
    code, out, _ = run(
        capsys, "export", MEETING_ID, "--as", "child-plan", "--child", "leo", "--format", "txt"
    )
    assert code == 0 and out.startswith("Leo's plan\n") and "Ruby's plan" not in out
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "child-plan", "--child", "Zed")
    assert code == 1 and "no child called 'Zed'" in err and "Leo" in err


def test_json_is_the_whole_record(capsys: pytest.CaptureFixture[str], stored: MeetingStore) -> None:
    import json

    code, out, _ = run(capsys, "export", MEETING_ID, "--as", "json")
    assert code == 0 and json.loads(out)["id"] == MEETING_ID


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as", "plan", "--names"), "--names is for --as calendar"),
        (("--as", "agenda", "--include-notes"), "--include-notes is for --as plan or network"),
        (("--as", "record", "--child", "Leo"), "--child is for --as child-plan"),
        (("--as", "plan", "-o", "plan.pdf"), "printing the HTML paper"),
    ],
)
def test_options_that_do_not_fit_are_refused(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, *args)
    assert code != 0 and out == "" and message in err


def test_language_hints_are_listed_and_never_block(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    opened = stored.open(MEETING_ID)
    opened.meeting.plan.family_words = "Mum will not be non-compliant with supervised contact."
    stored.save(opened)
    stored.close(opened)
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.md"))
    assert code == 0 and (tmp_path / "p.md").is_file()
    assert "Language hints in this paper" in err
    assert '"non-compliant" -> try:' in err and '"supervised contact" -> try:' in err


def test_unknown_meeting_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "20260101-deadbeef", "--as", "plan")
    assert code == 2 and out == "" and err.count("\n") == 1 and "no meeting with id" in err


def test_decision_letter_to_stdout_uses_the_areas_challenge_words(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "decision-letter", "--format", "txt")
    assert code == 0
    assert_only_warnings(err)
    assert out.startswith("What the child protection conference decided\n")
    assert PRIVATE_AGENCY_REASON not in out and NOT_INVITED_NAME not in out
    assert DEFAULT_CHALLENGE_WORDS in out
    area = "Write to the Safeguarding Unit within 28 days of the conference."
    assert run(capsys, "settings", "--challenge-words", area)[0] == 0
    code, out, _ = run(capsys, "export", MEETING_ID, "--as", "decision-letter")
    assert code == 0 and area in out and DEFAULT_CHALLENGE_WORDS not in out
    assert _sent_on(stored) is None, "only the family's plan counts as the plan sent"


def test_decision_letter_to_a_file_says_which_paper_was_written(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "letter.html"
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "decision-letter", "-o", str(target))
    assert code == 0 and f"Wrote the decision letter to {target}." in err
    assert "<h1>What the child protection conference decided</h1>" in target.read_text()


def test_decision_letter_is_refused_for_another_kind_of_meeting(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    with local_zone():
        meeting = fixed_meeting(load_library(None))
    meeting.kind = "fgc"
    store = MeetingStore(isolated_data_dir)
    store.close(store.create(meeting))
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "decision-letter")
    assert code == 1 and out == ""
    assert "the decision letter is only for a child protection conference" in err
    assert "this meeting is a family group conference" in err


def test_the_network_map_for_the_family_and_for_professionals(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", MEETING_ID, "--as", "network", "--format", "html", "-o", str(tmp_path / "n.html")
    )
    page = (tmp_path / "n.html").read_text(encoding="utf-8")
    assert code == 0 and "<svg" in page and "Wrote the network map to" in err
    assert NOT_INVITED_NAME not in page
    code, out, _ = run(capsys, "export", MEETING_ID, "--as", "network", "--format", "txt", "--include-notes")
    assert code == 0 and NOT_INVITED_NAME in out and "Who might be missing" in out

"""``sdm-facilitator export`` through its real entry point, on a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS
from sdm_facilitator.storage.store import MeetingStore
from support.fixed_meeting import (
    MEETING_ID,
    NOT_INVITED_NAME,
    PRIVATE_AGENCY_REASON,
    fixed_meeting,
    local_zone,
)
from support.guide_library import bundled_library
from support.platform_checks import private_mode


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stored(isolated_data_dir: Path) -> Iterator[MeetingStore]:
    with local_zone():
        store = MeetingStore(isolated_data_dir)
        meeting = fixed_meeting(bundled_library())
        meeting.papers_sent = []  # each test records its own
        store.close(store.create(meeting))
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


def _papers_sent(store: MeetingStore) -> list[tuple[str, str, str, str, date | None]]:
    meeting = store.open(MEETING_ID, lock=False).meeting
    return [(e.paper, e.person_id, e.recipient, e.how, e.on) for e in meeting.papers_sent]


def test_plan_to_a_file_takes_the_format_from_the_suffix_and_never_records_it_as_sent(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert private_mode(target, 0o600)
    assert f"Wrote the outline child protection plan to {target}." in err and "yours to keep safe" in err
    assert "Recorded" not in err
    # Writing a file is not sending it: nothing is recorded without being told.
    assert _sent_on(stored) is None and _papers_sent(stored) == []


def test_sent_records_who_got_the_plan_how_and_when(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.txt"),
        "--sent", "--to", "The school office", "--by", "post", "--sent-on", "2026-03-04",
    )  # fmt: skip
    assert code == 0
    assert "Recorded: the family's plan sent to The school office, by post, on 2026-03-04." in err
    assert _papers_sent(stored) == [("plan", "", "The school office", "post", date(2026, 3, 4))]


def test_sent_defaults_to_today_by_email_to_the_family_keeper_or_the_family(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore
) -> None:
    opened = stored.open(MEETING_ID)
    keeper = next(p for p in opened.meeting.people if p.name == opened.meeting.plan.family_keeper)
    stored.close(opened)
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "--sent")
    assert code == 0 and f"sent to {keeper.name}, by email, on {date.today().isoformat()}" in err
    # The keeper's name is on the people list, so the entry points at the person.
    assert _papers_sent(stored) == [("plan", keeper.id, "", "email", date.today())]
    opened = stored.open(MEETING_ID)
    opened.meeting.plan.family_keeper = ""
    stored.save(opened)
    stored.close(opened)
    code, _, _ = run(capsys, "export", MEETING_ID, "--as", "child-plan", "--sent", "--by", "hand")
    assert code == 0 and _papers_sent(stored)[-1] == ("child-plan", "", "the family", "hand", date.today())
    # A name from the people list (any case) points at the person, not at the words typed.
    code, _, _ = run(capsys, "export", MEETING_ID, "--as", "agenda", "--sent", "--to", keeper.name.upper())
    assert code == 0 and _papers_sent(stored)[-1][:3] == ("agenda", keeper.id, "")


def test_sent_details_without_sent_are_refused_and_a_record_needs_a_recipient(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "--by", "post")
    assert code != 0 and "add --sent" in err
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "record", "--sent", "-o", str(tmp_path / "r.md"))
    assert code != 0 and "--to" in err and not (tmp_path / "r.md").exists()
    assert _papers_sent(stored) == []


def test_an_older_files_sent_day_still_counts(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    from sdm_facilitator.domain.distribution import plan_sent_on

    opened = stored.open(MEETING_ID)
    opened.meeting.plan.sent_on = date(2026, 3, 5)
    stored.save(opened)
    stored.close(opened)
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.txt"))
    assert code == 0 and "Recorded" not in err
    meeting = stored.open(MEETING_ID, lock=False).meeting
    assert plan_sent_on(meeting.papers_sent, meeting.plan.sent_on) == date(2026, 3, 5)


def test_professionals_version_is_named_as_such_and_its_sending_is_not_the_plans(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", MEETING_ID, "--as", "plan", "--include-notes", "-o", str(tmp_path / "p.md"),
        "--sent", "--to", "The reviewing officer",
    )  # fmt: skip
    assert code == 0 and _sent_on(stored) is None
    assert "Bottom lines" in (tmp_path / "p.md").read_text()
    assert "Wrote the professionals' version of the outline child protection plan" in err
    assert _papers_sent(stored)[0][0] == "plan-notes"


def test_when_the_app_has_it_open_sending_is_not_recorded_but_the_file_is_written(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore, tmp_path: Path
) -> None:
    holder = stored.open(MEETING_ID)  # as the app would
    try:
        code, _, err = run(
            capsys, "export", MEETING_ID, "--as", "plan", "-o", str(tmp_path / "p.md"), "--sent"
        )
    finally:
        stored.close(holder)
    assert code == 0 and (tmp_path / "p.md").is_file()
    assert "That it was sent was not recorded" in err
    assert _papers_sent(stored) == []


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


def test_child_plan_band_and_invitations_from_the_command_line(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore
) -> None:
    code, out, _ = run(
        capsys, "export", MEETING_ID, "--as", "child-plan", "--child", "Leo", "--format", "txt"
    )
    assert code == 0 and "What others will do" in out and "0800 1111" in out  # Leo is 13
    code, out, _ = run(
        capsys,
        "export",
        MEETING_ID,
        "--as",
        "child-plan",
        "--child",
        "Leo",
        "--band",
        "under-8",
        "--format",
        "txt",
    )
    assert code == 0 and "What will happen" in out and "Dad: Go to his brother's" in out
    code, out, _ = run(
        capsys, "export", MEETING_ID, "--as", "invitation", "--person", "Sue", "--format", "txt"
    )
    assert code == 0 and out.startswith("An invitation for Sue Barnes") and NOT_INVITED_NAME not in out
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "invitation", "--person", NOT_INVITED_NAME)
    assert code == 1 and "is not invited" in err
    code, out, _ = run(capsys, "export", MEETING_ID, "--as", "family-pack", "--format", "txt")
    assert (
        code == 0
        and out.startswith("Your family's pack for private family time")
        and NOT_INVITED_NAME not in out
    )


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
        (("--as", "plan", "--band", "8-12"), "--band is for --as child-plan"),
        (("--as", "agenda", "--person", "Sue"), "--person is for --as invitation"),
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
        meeting = fixed_meeting(bundled_library())
    meeting.kind = "fgc"
    store = MeetingStore(isolated_data_dir)
    store.close(store.create(meeting))
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "decision-letter")
    assert code == 1 and out == ""
    assert "the decision letter is only for a child protection conference" in err
    assert "this meeting is a family group conference" in err


def test_export_lang_makes_the_plan_welsh_or_bilingual(
    capsys: pytest.CaptureFixture[str], stored: MeetingStore
) -> None:
    code, out, err = run(capsys, "export", MEETING_ID, "--as", "plan", "--format", "txt", "--lang", "cy")
    assert code == 0
    assert out.startswith("Amlinelliad o'r cynllun amddiffyn plant\n")
    assert_only_warnings(err)
    code, out, _ = run(capsys, "export", MEETING_ID, "--as", "agenda", "--format", "md", "--lang", "cy+en")
    assert code == 0
    assert out.startswith("# Agenda ar gyfer y gynhadledd amddiffyn plant (gyfranogol) / Agenda for ")
    code, out, _ = run(
        capsys, "export", MEETING_ID, "--as", "child-plan", "--format", "txt", "--lang", "cy+en"
    )
    assert code == 0
    assert out.startswith("Cynlluniau ar gyfer Leo a Ruby / Plans for Leo and Ruby\n")
    code, _, err = run(capsys, "export", MEETING_ID, "--as", "record", "--lang", "cy")
    assert code == 1 and "not translated yet" in err
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "Papers in Welsh: plan, child-plan, agenda, decision-letter, network" in " ".join(
        capsys.readouterr().out.split()
    )


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
    code, _, err = run(
        capsys, "export", MEETING_ID, "--as", "network", "--lang", "cy+en", "-o", str(tmp_path / "n-cy.html")
    )
    page = (tmp_path / "n-cy.html").read_text(encoding="utf-8")
    assert code == 0 and page.count("<svg") == 1 and "Pwy sydd yn y rhwydwaith" in page
    assert '<div lang="en">\n<h2>Who is in the network</h2>' in page
    assert NOT_INVITED_NAME not in page, "the family's version in any language"

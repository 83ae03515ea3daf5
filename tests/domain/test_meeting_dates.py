"""A meeting started on another day than planned has one date everywhere: the day it was held."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.summary import summarise
from sdm_facilitator.export.agenda_paper import agenda_paper
from sdm_facilitator.export.calendar import meeting_calendar
from sdm_facilitator.export.markdown import paper_to_markdown
from support.app_helpers import bundled_library, new_meeting

PLANNED = datetime(2026, 12, 12, 17, 30)
STARTED = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def started_early():  # type: ignore[no-untyped-def]
    meeting = new_meeting("fgc", "Early family", when=PLANNED)
    meeting.record.started = STARTED
    return meeting


def test_before_it_starts_the_meeting_date_is_the_planned_day() -> None:
    meeting = new_meeting("fgc", "Planned family", when=PLANNED)
    assert meeting.planned_date == meeting.meeting_date == meeting.held_on == date(2026, 12, 12)
    assert meeting.starts_at == PLANNED


def test_once_started_the_day_it_was_held_is_its_date() -> None:
    meeting = started_early()
    local = STARTED.astimezone()
    assert meeting.planned_date == date(2026, 12, 12)
    assert meeting.meeting_date == meeting.held_on == local.date()
    assert meeting.starts_at == local.replace(tzinfo=None)


def test_the_home_row_and_readiness_agree_with_the_day_held() -> None:
    meeting = started_early()
    guide = bundled_library().for_kind("fgc")
    summary = summarise(meeting, guide)
    assert summary.meeting_date == summary.held_on == meeting.meeting_date
    words = readiness(meeting, guide, STARTED.astimezone().date()).when_words()
    assert "in 6 days" not in words and "12 Dec" not in words


def test_the_agenda_and_the_calendar_use_the_day_held() -> None:
    meeting = started_early()
    guide = bundled_library().for_kind("fgc")
    agenda = paper_to_markdown(agenda_paper(meeting, guide))
    held = STARTED.astimezone()
    assert f"When:** {held:%A} {held.day} {held:%B %Y}" in agenda and "12 December" not in agenda
    ics = meeting_calendar(meeting, guide, now=STARTED, zone=UTC).decode()
    assert f"DTSTART:{STARTED:%Y%m%dT%H%M%S}Z" in ics.replace(";VALUE=DATE-TIME", "")
    assert "20261212T" not in ics

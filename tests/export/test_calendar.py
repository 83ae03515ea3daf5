"""The calendar file parsed back with icalendar's own parser, field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest
import vobject

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.calendar import NothingToPutInCalendar, local_zone, meeting_calendar
from support.fixed_meeting import MEETING_ID, NOW, ZONE

LONG_VENUE = (
    "Salle polyvalente 🏫 de l'école, bâtiment B, 2e étage; entrée par la cour, à côté du 🅿️ parking — "
    "sonnez à l'interphone « Famille », puis montez l'escalier 👣 jusqu'au bout du couloir 🚪 à gauche, merci !"
)[:200]
assert len(LONG_VENUE) == 200


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    assert not calendar.errors
    return {str(event["uid"]).split(".", 1)[0]: event for event in calendar.walk("VEVENT")}


def test_the_file_is_valid_rfc5545_text(meeting: Meeting, guide: Guide) -> None:
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines), "every line ends with CRLF"
    assert max(len(line) for line in lines) <= 75
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0" and "sdm-facilitator" in str(calendar["prodid"])
    for component in calendar.walk():
        assert not component.errors, component.name


def test_the_meeting_is_at_the_familys_local_time(meeting: Meeting, guide: Guide) -> None:
    events = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE))
    event = events["meeting"]
    assert str(event["uid"]) == f"meeting.{MEETING_ID}@sdm-facilitator.invalid"
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 3, 10, 0, tzinfo=ZONE) and str(start.tzinfo) == "Europe/London"
    assert event.decoded("dtend") - start == timedelta(
        minutes=140
    )  # the cp guide's phases, the decision included
    assert event.decoded("dtstamp") == NOW
    assert "location" not in event  # the venue's text is left out without names
    assert str(event["summary"]) == "Child protection conference (participative)"
    timezones = icalendar.Calendar.from_ical(meeting_calendar(meeting, guide, now=NOW, zone=ZONE)).walk(
        "VTIMEZONE"
    )
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/London"]


def test_summer_time_is_right(meeting: Meeting, guide: Guide) -> None:
    meeting.record.started = None  # planned, not held: the family's chosen time
    meeting.choices.when = datetime(2026, 7, 1, 17, 30)
    event = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE))["meeting"]
    assert event.decoded("dtstart").astimezone(UTC) == datetime(2026, 7, 1, 16, 30, tzinfo=UTC)


def test_a_meeting_started_on_another_day_is_in_the_calendar_on_the_day_it_was_held(
    meeting: Meeting, guide: Guide
) -> None:
    meeting.choices.when = datetime(2026, 7, 1, 17, 30)  # planned for summer, held in March
    meeting.record.started = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    event = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE))["meeting"]
    assert event.decoded("dtstart") == datetime(2026, 3, 3, 10, 0, tzinfo=ZONE)


def test_without_a_named_zone_the_time_is_written_in_utc(meeting: Meeting, guide: Guide) -> None:
    meeting.record.started = None  # planned: the family's wall-clock time, read in the given zone
    data = meeting_calendar(meeting, guide, now=NOW, zone=timezone(timedelta(hours=2)))
    event = _events(data)["meeting"]
    assert event.decoded("dtstart") == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert b"VTIMEZONE" not in data and b"DTSTART:20260303T080000Z" in data


def test_no_names_unless_asked(meeting: Meeting, guide: Guide) -> None:
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True)
    text = icalendar.Calendar.from_ical(data).to_ical().decode()
    for name in ("Leo", "Ruby", "Hollins", "Sue", "Mark", "Kerry"):
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            assert name not in str(event["summary"]) and name not in str(event.get("description", ""))
    assert "A plan action is due" in text
    named = icalendar.Calendar.from_ical(
        meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True, names=True)
    )
    summaries = [str(e["summary"]) for e in named.walk("VEVENT")]
    assert "Child protection conference (participative): The Hollins family" in summaries
    assert "Due: Arrange a school counsellor for Leo (Priya (social worker))" in summaries


def test_reviews_and_actions_are_all_day(meeting: Meeting, guide: Guide) -> None:
    events = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True))
    review = next(e for key, e in events.items() if key.startswith("review-"))
    assert review.decoded("dtstart") == date(2026, 6, 3) and review.decoded("dtend") == date(2026, 6, 4)
    actions = sorted(
        (e for key, e in events.items() if key.startswith("action-")), key=lambda e: e.decoded("dtstart")
    )
    assert [e.decoded("dtstart") for e in actions] == [date(2026, 3, 7), date(2026, 3, 17)]
    assert all(str(e["transp"]) == "TRANSPARENT" for e in actions)
    without = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE))
    assert not any(key.startswith("action-") for key in without)


def test_uids_are_stable_across_exports(meeting: Meeting, guide: Guide) -> None:
    first = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True))
    later = _events(meeting_calendar(meeting, guide, now=NOW + timedelta(days=3), zone=ZONE, actions=True))
    assert {str(e["uid"]) for e in first.values()} == {str(e["uid"]) for e in later.values()}
    assert len(first) == 4


def test_a_long_venue_with_emoji_folds_and_unfolds_exactly(meeting: Meeting, guide: Guide) -> None:
    meeting.choices.venue = LONG_VENUE
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, names=True)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    location_lines = [i for i, line in enumerate(lines) if line.startswith(b"LOCATION:")]
    assert location_lines and lines[location_lines[0] + 1].startswith(b" "), "the venue was folded"
    assert str(_events(data)["meeting"]["location"]) == LONG_VENUE


def test_commas_semicolons_backslashes_and_newlines_are_escaped(meeting: Meeting, guide: Guide) -> None:
    meeting.choices.venue = "Hall, room 2; back door \\ side"
    meeting.choices.language = "English;\nPolish, with an interpreter"
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, names=True)
    assert b"LOCATION:Hall\\, room 2\\; back door \\\\ side" in data
    event = _events(data)["meeting"]
    assert str(event["location"]) == "Hall, room 2; back door \\ side"
    assert str(event["description"]) == "How: In person\nLanguage: English;\nPolish, with an interpreter"


def test_control_characters_are_made_visible(meeting: Meeting, guide: Guide) -> None:
    meeting.choices.venue = "Hall\x1b[2J \u202eevil"
    event = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE, names=True))["meeting"]
    assert str(event["location"]) == "Hall␛[2J ⟨U+202E⟩evil"


def test_an_empty_meeting_says_why_there_is_no_calendar(meeting: Meeting, guide: Guide) -> None:
    meeting.choices.when = None
    meeting.record.started = None
    meeting.plan.review_date = None
    meeting.follow_up.reviews = []
    with pytest.raises(NothingToPutInCalendar, match="nothing to put in a calendar"):
        meeting_calendar(meeting, guide, now=NOW, zone=ZONE)


def test_the_local_zone_comes_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    zone = local_zone()
    assert zone is not None and zone.key == "America/New_York"
    monkeypatch.setenv("TZ", "GMT0BST,M3.5.0/1,M10.5.0")
    assert local_zone() is None, (
        "a rule that is not a zone name is left to the computer (the time goes out as UTC)"
    )


def test_a_second_parser_reads_the_same_entries(meeting: Meeting, guide: Guide) -> None:
    """vobject, written independently of icalendar, reads the file as a calendar program would."""
    meeting.choices.venue = LONG_VENUE
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True, names=True)
    parsed = vobject.readOne(data.decode("utf-8"))
    events = {event.uid.value.split(".", 1)[0]: event for event in parsed.vevent_list}
    assert len(events) == 4
    main = events["meeting"]
    assert main.location.value == LONG_VENUE
    assert main.dtstart.value == datetime(2026, 3, 3, 10, 0, tzinfo=ZONE)
    assert main.summary.value == "Child protection conference (participative): The Hollins family"
    assert parsed.vtimezone.tzid.value == "Europe/London"


VENUE_WITH_ADDRESS = "Gran Wobblethorpe's flat, 3 Elm St (Quillanora's home)"


@pytest.mark.parametrize(("council", "place"), [(True, "Council building"), (False, None), (None, None)])
def test_without_names_the_venue_text_never_reaches_the_calendar(
    meeting: Meeting, guide: Guide, council: bool | None, place: str | None
) -> None:
    """A phone calendar is seen by others: the place is the venue's kind at most, never its words."""
    meeting.choices.venue = VENUE_WITH_ADDRESS
    meeting.choices.venue_council_building = council
    data = meeting_calendar(meeting, guide, now=NOW, zone=ZONE, actions=True)
    for word in ("Wobblethorpe", "Elm St", "Quillanora"):
        assert word.encode() not in data
    event = _events(data)["meeting"]
    assert (str(event["location"]) if "location" in event else None) == place
    named = _events(meeting_calendar(meeting, guide, now=NOW, zone=ZONE, names=True))["meeting"]
    assert str(named["location"]) == VENUE_WITH_ADDRESS

"""Calendar entries (iCalendar, RFC 5545) for the meeting, its reviews and the plan's due dates.

Written with the ``icalendar`` library, never by formatting strings: line
folding at 75 octets without splitting a character, escaping of ``,;\\`` and
line breaks, and time zones are easy to get subtly wrong by hand.

A phone calendar is seen by other people, so by default no summary or
description names the family or a child, and the place is not the venue's
text (which is often an address, or "Gran's flat, 3 Elm St"): only its kind,
"Council building", when the meeting records that it is one, and otherwise
nothing. ``names=True`` adds the names and the venue as typed. Each entry's
UID is made from the meeting's and the item's ids, so exporting again updates
the same entries in a calendar program instead of adding copies.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting_clock import planned_phases
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.export.facts import kind_label

PRODID = "-//sdm-facilitator//papers//EN"
UID_DOMAIN = "sdm-facilitator.invalid"
#: How long a meeting is taken to last when neither its agenda nor its guide says.
DEFAULT_MINUTES = 120
_UTC_KEYS = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}


#: What a calendar without names says of the place, when the venue is recorded as a council building.
COUNCIL_BUILDING = "Council building"
#: What the person is told when a calendar is written without names (the place is not in it).
PLACE_LEFT_OUT = (
    "The venue is not in the calendar (a phone calendar is seen by others): "
    f'its entries say "{COUNCIL_BUILDING}" when the venue is one, and otherwise no place.'
)


def place_for_calendar(meeting: m.Meeting, *, names: bool) -> str:
    """The calendar's LOCATION: the venue as typed with ``names``, else its kind at most, or nothing."""
    if names:
        return meeting.choices.venue
    return COUNCIL_BUILDING if meeting.choices.venue_council_building else ""


class NothingToPutInCalendar(ValueError):
    """The meeting has no date, review or due date yet: an empty calendar would help no one."""


def local_zone() -> ZoneInfo | None:
    """The computer's named time zone (``TZ``, else ``/etc/localtime``), or None when it has no name.

    A ``TZ`` that is set but is not a zone name (a POSIX rule such as
    ``GMT0BST``) gives None, so the time is written in UTC by the computer's
    own rules rather than by a file that may disagree with them.
    """
    from_env = os.environ.get("TZ")
    if from_env is not None:
        return _zone(from_env.lstrip(":"))
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return None
    return _zone(target.split("zoneinfo/", 1)[1]) if "zoneinfo/" in target else None


def _zone(key: str) -> ZoneInfo | None:
    if not key or Path(key).is_absolute():
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _start(when: datetime, zone: tzinfo | None) -> datetime:
    """The family's wall-clock time in its named zone, or the same moment in UTC."""
    if isinstance(zone, ZoneInfo) and zone.key not in _UTC_KEYS:
        return when.replace(tzinfo=zone)
    if zone is not None:
        return when.replace(tzinfo=zone).astimezone(UTC)
    return when.astimezone(UTC)  # a naive time is read in the computer's own zone


def _started_at(started: datetime, zone: tzinfo | None) -> datetime:
    """The moment a held meeting started, in the family's named zone, or in UTC."""
    if isinstance(zone, ZoneInfo) and zone.key not in _UTC_KEYS:
        return started.astimezone(zone)
    return started.astimezone(UTC)


@dataclass(frozen=True)
class _Entry:
    uid: str
    summary: str
    start: date | datetime
    end: date | datetime
    location: str = ""
    description: str = ""


def _entries(
    meeting: m.Meeting, guide: Guide | None, *, names: bool, actions: bool, zone: tzinfo | None
) -> list[_Entry]:
    kind = kind_label(meeting)
    family = meeting.family_label.strip()
    named = f": {family}" if names and family else ""
    entries = []
    when = meeting.starts_at
    if when is not None:
        minutes = sum(p.minutes for p in planned_phases(meeting, guide)) or DEFAULT_MINUTES
        started = meeting.record.started
        # Held: the moment it started, shown in the family's zone; planned: their wall-clock time.
        start = _started_at(started, zone) if started is not None else _start(when, zone)
        how = m.FORMAT_LABELS.get(meeting.choices.format or "", "")
        details = [f"How: {how}"] if how else []
        if names and meeting.choices.language.strip():
            details.append(f"Language: {meeting.choices.language}")
        entries.append(
            _Entry(
                f"meeting.{meeting.id}@{UID_DOMAIN}",
                f"{kind}{named}",
                start,
                start + timedelta(minutes=minutes),
                place_for_calendar(meeting, names=names),
                "\n".join(details),
            )
        )
    review_days = set()
    for review in meeting.follow_up.reviews:
        if review.scheduled and not review.held:
            review_days.add(review.scheduled)
            entries.append(
                _Entry(
                    f"review-{review.id}.{meeting.id}@{UID_DOMAIN}",
                    f"Review of the plan{named}",
                    review.scheduled,
                    review.scheduled + timedelta(days=1),
                )
            )
    review_date = meeting.plan.review_date
    if review_date and review_date not in review_days:
        entries.append(
            _Entry(
                f"plan-review.{meeting.id}@{UID_DOMAIN}",
                f"Review of the plan{named}",
                review_date,
                review_date + timedelta(days=1),
            )
        )
    if actions:
        for action in meeting.plan.actions:
            if action.by_when is None or action.status == "done":
                continue
            summary = (
                f"Due: {action.what} ({action.who})"
                if names and action.who.strip()
                else (f"Due: {action.what}" if names else "A plan action is due")
            )
            entries.append(
                _Entry(
                    f"action-{action.id}.{meeting.id}@{UID_DOMAIN}",
                    summary,
                    action.by_when,
                    action.by_when + timedelta(days=1),
                )
            )
    return entries


def meeting_calendar(
    meeting: m.Meeting,
    guide: Guide | None,
    *,
    now: datetime,
    names: bool = False,
    actions: bool = False,
    zone: tzinfo | None = None,
) -> bytes:
    """The iCalendar file: the meeting, its reviews and, with ``actions``, the plan's due dates.

    ``zone`` is where the family's chosen time is on the clock (default: the
    computer's own named zone, else the time is written in UTC).
    """
    zone = zone if zone is not None else local_zone()
    entries = _entries(meeting, guide, names=names, actions=actions, zone=zone)
    if not entries:
        raise NothingToPutInCalendar(
            "there is nothing to put in a calendar yet: the meeting's day and time, the review date "
            "and the actions' due dates are not set."
        )
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", one_line(entry.summary))
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end)
        if entry.location.strip():
            event.add("location", one_line(entry.location))
        if entry.description:
            event.add("description", visible(entry.description))
        if not isinstance(entry.start, datetime):
            event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy all day
        cal.add_component(event)
    timed = [e.start for e in entries if isinstance(e.start, datetime) and e.start.tzinfo is not UTC]
    if timed:
        years = [t.year for t in timed]
        cal.add_missing_timezones(first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    data: bytes = cal.to_ical()
    return data

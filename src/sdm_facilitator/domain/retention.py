"""When a closed meeting is due for removal (closing itself is ``domain/closure.py``).

Organisations keep closed case records for different periods, so the period
is a setting (``storage/settings.py``); this module only counts: a meeting is
past retention when it was closed at least that many calendar months ago.
Nothing here removes anything: removal is always a person's decision, made
on the list this produces.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sdm_facilitator.domain.meeting import Meeting

DEFAULT_RETENTION_MONTHS = 24


def add_months(day: date, months: int) -> date:
    """``day`` moved on by whole calendar months, on the last day of a shorter month (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def removal_due(meeting: Meeting, months: int) -> date | None:
    """The first day a closed meeting is past its retention period; None while open."""
    closed_on = meeting.closure.closed_on
    return None if closed_on is None else add_months(closed_on, months)


@dataclass(frozen=True)
class RetentionItem:
    """A closed meeting past the retention period, for a person to review."""

    meeting: Meeting
    closed_on: date
    due: date


def past_retention(meetings: Iterable[Meeting], today: date, months: int) -> list[RetentionItem]:
    """Closed meetings whose retention period has ended by ``today``, longest overdue first."""
    items = []
    for meeting in meetings:
        due = removal_due(meeting, months)
        if due is not None and due <= today:
            assert meeting.closure.closed_on is not None
            items.append(RetentionItem(meeting, meeting.closure.closed_on, due))
    return sorted(items, key=lambda item: (item.due, item.meeting.id))

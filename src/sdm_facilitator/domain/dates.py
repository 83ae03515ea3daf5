"""Dates and times as people type them, read the same way on every screen.

One parser for the whole app, so a date accepted in the preparation workspace
is accepted in the plan too. Messages are written for the person typing.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")

DATE_PLACEHOLDER = "YYYY-MM-DD or 'today'"


def parse_date(text: str, today: date) -> date | None:
    """A date typed by a person: ISO, day/month/year, 'today', 'tomorrow' or 'yesterday'.

    Empty text means "no date". Raises ``ValueError`` with a message meant
    for the person typing.
    """
    value = text.strip().lower()
    if not value:
        return None
    relative = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if value in relative:
        return today + timedelta(days=relative[value])
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    match = _DMY.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError("that day does not exist in the calendar") from None
    raise ValueError("write the date as YYYY-MM-DD (for example 2026-03-12), DD/MM/YYYY or 'today'")


def parse_time(text: str) -> time | None:
    """A time of day as HH:MM (24-hour). Empty means "no time"."""
    value = text.strip()
    if not value:
        return None
    match = _TIME.match(value)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError("write the time as HH:MM, for example 17:30")

"""Dates, times and lengths written the way a family reads them.

Day and month names are spelt out here rather than taken from the system
locale, so a paper reads the same on every computer ("Tuesday 3 March 2026").
Stored moments are UTC; papers show them in the coordinator's local time,
or in the zone a caller passes (tests pass a fixed one).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """``Tuesday 3 March 2026``."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """``3 March 2026``, for tables where the weekday would crowd the column."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def local_moment(moment: datetime, tz: tzinfo | None) -> datetime:
    """A stored moment on the wall clock: aware times converted, naive ones kept as they are."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def clock(moment: datetime, tz: tzinfo | None = None) -> str:
    """``10:05`` in local time."""
    return f"{local_moment(moment, tz):%H:%M}"


def day_and_time(moment: datetime, tz: tzinfo | None = None) -> str:
    """``Tuesday 3 March 2026 at 10:00``."""
    local = local_moment(moment, tz)
    return f"{long_date(local.date())} at {local:%H:%M}"


def length_text(minutes: int) -> str:
    """``1 hour 20 minutes``, ``45 minutes``, ``1 minute``."""
    hours, rest = divmod(max(minutes, 0), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours != 1 else ""))
    if rest or not hours:
        parts.append(f"{rest} minute" + ("s" if rest != 1 else ""))
    return " ".join(parts)


def names_list(names: list[str]) -> str:
    """``Leo``, ``Leo and Ruby``, ``Leo, Ruby and Sam``."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]

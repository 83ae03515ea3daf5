"""Closing, reopening and the retention count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.domain.closure import close_meeting, reopen_meeting
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.retention import add_months, past_retention, removal_due


def closed(on: date | None, label: str = "F") -> Meeting:
    meeting = Meeting(family_label=label)
    if on is not None:
        close_meeting(meeting, "work-finished", on)
    return meeting


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 15), 24, date(2026, 3, 15)),
        (date(2024, 12, 1), 1, date(2025, 1, 1)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 600))
def test_add_months_never_goes_back_and_lands_in_the_right_month(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert moved >= start
    assert (moved.year - start.year) * 12 + moved.month - start.month == months


def test_retention_lists_exactly_the_meetings_past_the_period() -> None:
    today = date(2026, 3, 2)
    due_today = closed(date(2024, 3, 2), "due today")
    long_ago = closed(date(2020, 1, 1), "long ago")
    one_day_short = closed(date(2024, 3, 3), "a day short")
    still_open = closed(None, "open")
    reopened = closed(date(2019, 1, 1), "reopened")
    reopen_meeting(reopened)
    items = past_retention([due_today, long_ago, one_day_short, still_open, reopened], today, 24)
    assert [item.meeting.family_label for item in items] == ["long ago", "due today"]
    assert removal_due(one_day_short, 24) == today + timedelta(days=1)


def test_close_and_reopen_keep_the_reason_as_a_record() -> None:
    meeting = closed(None)
    close_meeting(meeting, "family-moved", date(2026, 1, 5), "moved to Leeds")
    assert meeting.closure.is_closed and meeting.closure.reason == "family-moved"
    reopen_meeting(meeting)
    assert not meeting.closure.is_closed and meeting.closure.note == "moved to Leeds"
    with pytest.raises(ValueError, match="unknown closure reason"):
        close_meeting(meeting, "bored", date(2026, 1, 5))

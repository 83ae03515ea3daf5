"""Dates, lengths and lists of names written the way a family reads them, on any computer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.export.wording import clock, day_and_time, length_text, long_date, names_list, short_date


def test_dates_are_spelt_out_without_the_locale() -> None:
    assert long_date(date(2026, 3, 3)) == "Tuesday 3 March 2026"
    assert short_date(date(2026, 12, 25)) == "25 December 2026"


def test_stored_moments_show_on_the_local_clock_and_naive_ones_as_they_are() -> None:
    london = ZoneInfo("Europe/London")
    summer = datetime(2026, 7, 1, 16, 30, tzinfo=UTC)
    assert clock(summer, london) == "17:30"
    assert day_and_time(datetime(2026, 7, 1, 17, 30), london) == "Wednesday 1 July 2026 at 17:30"


def test_lengths() -> None:
    assert [length_text(n) for n in (0, 1, 45, 60, 61, 200)] == [
        "0 minutes",
        "1 minute",
        "45 minutes",
        "1 hour",
        "1 hour 1 minute",
        "3 hours 20 minutes",
    ]


@given(st.integers(min_value=0, max_value=10_000))
def test_a_length_always_adds_up(minutes: int) -> None:
    words = length_text(minutes).split()
    total = 0
    for number, unit in zip(words[::2], words[1::2]):
        total += int(number) * (60 if unit.startswith("hour") else 1)
    assert total == minutes


def test_names() -> None:
    assert names_list([]) == "" and names_list(["Leo"]) == "Leo"
    assert names_list(["Leo", "", "Ruby"]) == "Leo and Ruby"
    assert names_list(["Leo", "Ruby", "Sam"]) == "Leo, Ruby and Sam"

"""Typed dates and times: one reading for every screen."""

from __future__ import annotations

from datetime import date, time

import pytest

from sdm_facilitator.domain.dates import parse_date, parse_time

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-12", date(2026, 3, 12)),
        (" 12/03/2026 ", date(2026, 3, 12)),
        ("12.3.2026", date(2026, 3, 12)),
        ("Today", TODAY),
        ("tomorrow", date(2026, 3, 3)),
        ("yesterday", date(2026, 3, 1)),
        ("", None),
    ],
)
def test_dates_people_type(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(("text", "message"), [("31/02/2026", "does not exist"), ("soon", "YYYY-MM-DD")])
def test_bad_dates_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text, TODAY)


@pytest.mark.parametrize(("text", "expected"), [("17:30", time(17, 30)), ("9.05", time(9, 5)), ("", None)])
def test_times(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7pm", "12:60"])
def test_bad_times(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_time(text)

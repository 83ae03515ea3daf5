"""Closing a referral before the day and reopening it: nothing is lost."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sdm_facilitator.domain.closure import (
    BEFORE_THE_DAY_REASONS,
    close_meeting,
    closing_reasons,
    closure_words,
    reopen_meeting,
)
from sdm_facilitator.domain.meeting import CLOSURE_REASON_CHOICES, Meeting
from sdm_facilitator.domain.report import build_report

DAY = date(2026, 3, 2)


def test_close_then_reopen_keeps_reason_and_note() -> None:
    m = Meeting()
    close_meeting(m, "family-declined", DAY, note="Mum said [b]no[/b] for now")
    assert m.closure.is_closed
    assert closure_words(m) == "Closed before the day on 2026-03-02: The family declined"
    reopen_meeting(m)
    assert not m.closure.is_closed and closure_words(m) == ""
    assert (m.closure.reason, m.closure.note) == ("family-declined", "Mum said [b]no[/b] for now")


def test_unknown_reason_is_refused() -> None:
    with pytest.raises(ValueError):
        close_meeting(Meeting(), "bored", DAY)


def test_reasons_before_the_day_come_first_and_every_reason_is_offered() -> None:
    before = closing_reasons(Meeting())
    assert before[:4] == BEFORE_THE_DAY_REASONS and set(before) == set(CLOSURE_REASON_CHOICES)
    held = Meeting()
    held.record.started = datetime(2026, 3, 1, 10, tzinfo=UTC)
    after = closing_reasons(held)
    assert after[0] == "work-finished" and set(after) == set(CLOSURE_REASON_CHOICES)
    close_meeting(held, "work-finished", DAY)
    assert closure_words(held).startswith("Closed after the meeting")


def test_the_report_counts_closed_referrals_by_reason() -> None:
    meetings = [Meeting() for _ in range(5)]
    close_meeting(meetings[0], "family-declined", DAY)
    close_meeting(meetings[1], "family-declined", DAY)
    close_meeting(meetings[2], "concerns-escalated", DAY)
    close_meeting(meetings[3], "other", DAY)
    reopen_meeting(meetings[3])
    report = build_report(meetings, None, DAY)
    assert report.closed_before_day == 3
    assert report.closure_reasons == {"family-declined": 2, "concerns-escalated": 1}

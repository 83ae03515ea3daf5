"""Closing a referral or the work on a meeting, and reopening it.

Closing asks first in the app and is always reversible: reopening clears the
day it was closed but keeps the reason and the note, so a referral closed by
mistake loses nothing. One closure record serves a referral closed before
the day (counted in the service report with its reason) and work that ended
after the meeting.
"""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain.meeting import CLOSURE_REASON_CHOICES, CLOSURE_REASON_LABELS, Meeting

#: Reasons offered when a referral is closed before the meeting was held.
BEFORE_THE_DAY_REASONS = ("family-declined", "not-suitable", "concerns-escalated", "other")


def closing_reasons(meeting: Meeting) -> tuple[str, ...]:
    """The reasons that fit: before the day, the referral reasons first; after it, every reason."""
    if meeting.record.started is None:
        return BEFORE_THE_DAY_REASONS + tuple(
            r for r in CLOSURE_REASON_CHOICES if r not in BEFORE_THE_DAY_REASONS
        )
    return (
        tuple(r for r in CLOSURE_REASON_CHOICES if r not in BEFORE_THE_DAY_REASONS[:3])
        + BEFORE_THE_DAY_REASONS[:3]
    )


def close_meeting(meeting: Meeting, reason: str, on: date, note: str = "") -> None:
    """Close ``meeting`` on ``on`` for ``reason``; the note is kept exactly as typed."""
    if reason not in CLOSURE_REASON_CHOICES:
        raise ValueError(f"unknown closure reason; expected one of {', '.join(CLOSURE_REASON_CHOICES)}")
    meeting.closure.closed_on = on
    meeting.closure.reason = reason
    meeting.closure.note = note


def reopen_meeting(meeting: Meeting) -> None:
    """Reopen a closed meeting: the closing day goes, the reason and note stay for the record."""
    meeting.closure.closed_on = None


def closure_words(meeting: Meeting) -> str:
    """One line for a closed meeting: "Closed 2026-03-01: The family declined"; empty when open."""
    c = meeting.closure
    return closure_line(c.closed_on, c.reason, held=meeting.record.started is not None)


def closure_line(closed_on: date | None, reason: str | None, *, held: bool) -> str:
    """``closure_words`` from the facts alone (the summary index keeps these, not the record)."""
    if closed_on is None:
        return ""
    when = "after the meeting" if held else "before the day"
    label = CLOSURE_REASON_LABELS.get(reason or "", "no reason recorded")
    return f"Closed {when} on {closed_on.isoformat()}: {label}"

"""Closure, outcome points and feedback as plain text lines, for ``show`` and printed records.

Kept beside the fidelity text rather than inside the meeting text so the
record export can show or leave out the evaluation part as a whole. User
text (names, comments, closure notes) is shown exactly as typed with control
characters made visible, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterator

from sdm_facilitator.domain.closure import closure_words
from sdm_facilitator.domain.feedback import STATEMENTS
from sdm_facilitator.domain.meeting import (
    CARE_BASIS_LABELS,
    FEEDBACK_RESPONDENT_LABELS,
    LIVING_LABELS,
    OUTCOME_POINT_LABELS,
    Meeting,
    OutcomePoint,
)
from sdm_facilitator.domain.report import OUTCOME_FLAGS
from sdm_facilitator.domain.safe_text import visible


def outcome_words(point: OutcomePoint) -> str:
    """One line for an outcome point: where the child lives and every yes/no answered."""
    parts = [LIVING_LABELS.get(point.living or "", "where the child lives not recorded")]
    if point.living == "in-care" and point.care_basis:
        parts[0] += f" ({CARE_BASIS_LABELS[point.care_basis]})"
    if point.living == "returned-home" and point.returned_home_on:
        parts[0] += f" on {point.returned_home_on.isoformat()}"
    for name, label in OUTCOME_FLAGS.items():
        value = getattr(point, name)
        if value is not None:
            parts.append(f"{label.lower()}: {'yes' if value else 'no'}")
    return "; ".join(parts)


def outcome_lines(meeting: Meeting) -> Iterator[str]:
    """Closure, each child's outcome points, then feedback; nothing when none is recorded."""
    closed = closure_words(meeting)
    if closed:
        yield closed + (f" ({visible(meeting.closure.note)})" if meeting.closure.note.strip() else "")
        yield ""
    children = [c for c in meeting.children if c.outcomes]
    if children:
        yield "OUTCOMES"
        for index, child in enumerate(children, 1):
            yield f"- {visible(child.name) or f'child {index}'}:"
            for point in child.outcomes:
                when = f" ({point.recorded_on.isoformat()})" if point.recorded_on else ""
                yield f"  {OUTCOME_POINT_LABELS[point.point]}{when}: {outcome_words(point)}"
        yield ""
    if meeting.feedback:
        yield "FEEDBACK"
        for item in meeting.feedback:
            who = FEEDBACK_RESPONDENT_LABELS[item.respondent]
            when = f" {item.given_on.isoformat()}" if item.given_on else ""
            if item.status == "declined":
                yield f"- {who}{when}: offered, declined"
                continue
            scores = ", ".join(
                f"{s.short} {getattr(item, s.field)}"
                for s in STATEMENTS
                if getattr(item, s.field) is not None
            )
            yield f"- {who}{when}: {scores or 'no scores'}"
            if item.comment.strip():
                yield f"  “{visible(item.comment)}”"
        yield ""

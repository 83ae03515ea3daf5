"""Facts every paper states the same way: the header line, the review date, the kind of meeting."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.translation import ENGLISH, Translator
from sdm_facilitator.domain.vocabulary import MEETING_KIND_LABELS


def kind_label(meeting: m.Meeting) -> str:
    return MEETING_KIND_LABELS.get(meeting.kind, meeting.kind)


def kind_words(meeting: m.Meeting) -> str:
    """The kind of meeting inside a sentence: "the family group conference"."""
    label = kind_label(meeting)
    return "the " + label[0].lower() + label[1:]


def kind_words_in(meeting: m.Meeting, tr: Translator) -> str:
    """``kind_words`` in the translator's language (a Welsh noun phrase is not "the" plus a label)."""
    return tr(kind_words(meeting))


def header_line(meeting: m.Meeting, tr: Translator = ENGLISH) -> str:
    """What the top of every page says: the family label and the day of the meeting."""
    parts = [meeting.family_label.strip() or tr("Family meeting")]
    if meeting.held_on is not None:
        parts.append(tr.long_date(meeting.held_on))
    return " · ".join(parts)


def next_review(meeting: m.Meeting) -> date | None:
    """The next review: the earliest planned review not held yet, else the plan's review date."""
    planned = [r.scheduled for r in meeting.follow_up.reviews if r.scheduled and not r.held]
    if planned:
        return min(planned)
    return meeting.plan.review_date


def child_names(meeting: m.Meeting) -> list[str]:
    return [c.name.strip() for c in meeting.children if c.name.strip()]

"""Creating a meeting: pick the guide for its kind and lay out its agenda.

Shared by the command line, the new-meeting screen and the demo, so a meeting
starts the same way wherever it is created.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import AgendaItem, Child, Meeting


class GuideSource(Protocol):
    """Anything that can find the guide for a kind of meeting (the guide library)."""

    def for_kind(self, kind: str) -> Guide | None: ...


def default_context(kind: str) -> str:
    """Child protection conferences are statutory; the others default to voluntary."""
    return "statutory" if kind == "cp-conference" else "voluntary"


def agenda_from_guide(guide: Guide) -> list[AgendaItem]:
    """The meeting's agenda as the guide plans it; the coordinator may re-time it."""
    return [AgendaItem(phase_id=p.id, name=p.name, minutes=p.minutes) for p in guide.phases]


def create_meeting(
    guides: GuideSource,
    *,
    kind: str,
    family_label: str,
    context: str | None = None,
    when: datetime | None = None,
    children: Iterable[tuple[str, int | None]] = (),
) -> Meeting:
    """A new meeting record with its guide chosen and its agenda laid out."""
    meeting = Meeting(kind=kind, context=context or default_context(kind), family_label=family_label)
    meeting.choices.when = when
    meeting.children = [Child(name=name, age=age) for name, age in children]
    guide = guides.for_kind(kind)
    if guide is not None:
        meeting.guide_id = guide.id
        meeting.agenda = agenda_from_guide(guide)
    return meeting

"""How each person takes part: in more than one way, and for part of the meeting.

A parent may come in person for the start and join by phone later; a child
may send a drawing and speak through an advocate. Each person and child keeps
a list of ways and a list of the guide's phases they take part in (empty:
the whole meeting).

Children kept one "how they take part" before this version
(``Child.participation``). It stays readable and is not rewritten: when a
child has no ways recorded, their ways are derived from it, so a file opens
and saves unchanged and still reads the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.labels import WAY_LABELS
from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.domain.sharing_values import WAY_CHOICES as WAY_CHOICES

#: The old single choice as ways, for children recorded before ways were kept.
_FROM_PARTICIPATION: dict[str, tuple[str, ...]] = {
    "attends-all": ("in-person",),
    "attends-part": ("in-person",),
    "remote": ("online",),
    "advocate": ("advocate",),
    "written-views": ("in-writing",),
    "not-taking-part": (),
}


def child_ways(child: Child) -> tuple[str, ...]:
    """A child's ways of taking part: as recorded, or derived from the old single choice."""
    if child.ways:
        return tuple(child.ways)
    return _FROM_PARTICIPATION.get(child.participation or "", ())


def child_way_decided(child: Child) -> bool:
    """Whether how the child takes part is decided (ways recorded, or the old single choice)."""
    return bool(child.ways) or child.participation is not None


def child_in_the_room(child: Child) -> bool:
    """Whether the child joins the meeting itself (in person, online or by phone), so can be marked as here."""
    return bool(set(child_ways(child)) & {"in-person", "online", "phone"})


def ways_words(ways: Sequence[str]) -> str:
    """``in person, by phone``: the ways in words, in the fixed order; "" for none."""
    ordered = [w for w in WAY_CHOICES if w in ways]
    return ", ".join(WAY_LABELS[w].lower() for w in ordered)


def phases_words(phase_ids: Sequence[str], guide: Guide | None) -> str:
    """Which parts of the meeting, by the guide's phase names; "the whole meeting" for none.

    A phase the guide no longer has is named by its id, so nothing recorded is hidden.
    """
    if not phase_ids:
        return "the whole meeting"
    names = {p.id: p.name for p in guide.phases} if guide is not None else {}
    return ", ".join(names.get(pid, pid) for pid in phase_ids)


def taking_part_words(ways: Sequence[str], phase_ids: Sequence[str], guide: Guide | None) -> str:
    """``in person, by phone (Welcome, Information)``: a person's taking part in one line."""
    how = ways_words(ways)
    if not how:
        return ""
    return how if not phase_ids else f"{how} ({phases_words(phase_ids, guide)})"

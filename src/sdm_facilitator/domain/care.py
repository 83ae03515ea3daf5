"""Care for one child: whether they were looked after on a day, days in care, and their living arrangement.

The trial of family group conferences in England measures whether a child is
looked after twelve months after the index date, days in care, and changes in
living arrangements. Those come from two kinds of record:

- care episodes (entered, left): the facts, from which days in care are
  counted. Episodes may overlap (a basis changed and both were entered) or
  follow each other (a child left care and came back); a day is counted once.
  Days are counted from the day a child entered up to, not including, the day
  they left, so a child who entered and left on the same day was in care for
  no whole day, and one who came back on the day they left counts that day once.
- outcome points: where the child lived at a point, as a coordinator recorded it.

"Looked after" follows the legal meaning: in care under an order, or
accommodated by the local authority, including with relatives as kinship
foster carers. A child with family or friends under a special guardianship or
child arrangements order is not looked after. The four living arrangements
exclude each other, so a child in kinship foster care is counted once, as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sdm_facilitator.domain.meeting import CareEpisode, Child, OutcomePoint

#: Living answers of an outcome point that mean the child was looked after.
LOOKED_AFTER_LIVING = ("in-care", "kinship-foster-care")

#: Each stored living answer's place among the four arrangements that exclude each other.
ARRANGEMENT_OF_LIVING = {
    "at-home": "parents",
    "returned-home": "parents",
    "family-or-friends": "family-or-friends",
    "special-guardianship": "family-or-friends",
    "child-arrangements-order": "family-or-friends",
    "kinship-foster-care": "kinship-foster-care",
    "in-care": "other-care",
}
ARRANGEMENTS = ("parents", "family-or-friends", "kinship-foster-care", "other-care")


def _spans(episodes: Iterable[CareEpisode], start: date, end: date) -> list[tuple[date, date]]:
    """Episodes as [entered, left) spans clipped to [start, end), merged where they overlap or touch."""
    spans = sorted(
        (max(e.entered, start), min(e.left or end, end))
        for e in episodes
        if e.entered is not None and max(e.entered, start) < min(e.left or end, end)
    )
    merged: list[tuple[date, date]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def days_in_care(episodes: Iterable[CareEpisode], start: date, end: date) -> int:
    """Days in care from ``start`` up to, not including, ``end``; overlapping episodes count a day once."""
    return sum((high - low).days for low, high in _spans(episodes, start, end))


def in_care_on(episodes: Iterable[CareEpisode], day: date) -> bool:
    """Whether an episode covers ``day``: entered on or before it, and not yet left."""
    return any(
        e.entered is not None and e.entered <= day and (e.left is None or e.left > day) for e in episodes
    )


def arrangement(outcome: OutcomePoint | None) -> str | None:
    """The outcome's living arrangement among :data:`ARRANGEMENTS`, or None when not recorded.

    An "in care" answer whose placement is kinship foster care is written as
    "kinship-foster-care" in the record, so it never needs an episode to decide.
    """
    if outcome is None or outcome.living is None:
        return None
    return ARRANGEMENT_OF_LIVING[outcome.living]


def looked_after(child: Child, day: date, outcome: OutcomePoint | None) -> bool | None:
    """Whether the child was looked after on ``day`` (an outcome point's day), or None when nobody recorded it.

    An episode covering the day says yes whatever else was recorded; otherwise
    the outcome's living answer decides; otherwise recorded episodes that do
    not cover the day say no. A child with neither is not recorded.
    """
    if in_care_on(child.care_episodes, day):
        return True
    if outcome is not None and outcome.living is not None:
        return outcome.living in LOOKED_AFTER_LIVING
    if any(e.entered is not None for e in child.care_episodes):
        return False
    return None


def care_known(child: Child, outcome: OutcomePoint | None) -> bool:
    """Whether days in care to a point can be counted: episodes recorded, or the point recorded.

    A child with an outcome recorded and no episodes was never in care, as far
    as the record goes: 0 days. A child with neither is not counted.
    """
    has_episodes = any(e.entered is not None for e in child.care_episodes)
    return has_episodes or (outcome is not None and outcome.living is not None)

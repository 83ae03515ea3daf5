"""The plain words a parents' letter uses for a conference's decision.

Guidance content is data: the sentences live in ``guides/conference-wording.toml``
(checked on load by ``guides.conference_wording``), so an area can say them its
own way without touching code. This is only their shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_facilitator.domain.conference import (
    DECISION_CHOICES,
    HARM_CATEGORY_CHOICES,
    HARM_VIEW_CHOICES,
    INSTEAD_CHOICES,
    PROFILE_HARM_CATEGORIES,
)

#: The letter's fixed sentences, each a key of the ``[letter]`` table.
LETTER_KEYS: tuple[str, ...] = ("categories_intro", "core_group", "review", "decision_stands")

#: Every table of the file and the keys it must hold, in the file's order.
WORDING_TABLES: dict[str, tuple[str, ...]] = {
    "decisions": DECISION_CHOICES,
    "instead": INSTEAD_CHOICES,
    "agency_views": HARM_VIEW_CHOICES,
    "categories": HARM_CATEGORY_CHOICES,
    "letter": LETTER_KEYS,
}

#: Keys a table may hold besides its required ones.
OPTIONAL_WORDING_KEYS: dict[str, tuple[str, ...]] = {"categories": PROFILE_HARM_CATEGORIES}


@dataclass(frozen=True)
class ConferenceWording:
    """One sentence (or two) for each decision, alternative, agency view and category, and the letter's fixed words."""

    decisions: dict[str, str]
    instead: dict[str, str]
    agency_views: dict[str, str]
    categories: dict[str, str]
    letter: dict[str, str]

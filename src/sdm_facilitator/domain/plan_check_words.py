"""The words the plan safety check looks for, as read from ``guides/plan-checks.toml``.

The lists are practice knowledge, not code: an organisation may replace any of
them with its own ``plan-checks.toml`` in its guides folder (for the words its
families and workers use), so this module only holds their shape. Every
phrase is matched as whole words, ignoring case and accents.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Each list the file must give, by table, with what it is for (used in the file's checks and its comments).
WORD_LISTS: dict[str, dict[str, str]] = {
    "language": {
        "conditions": "words that open a condition ('if', 'when'): who acts is read from the rest",
    },
    "domestic_abuse": {
        "safety": "words that make an action one meant to keep someone safe",
        "carer_roles": "roles that put a person in charge of or in contact with the children on their own",
        "care_for": "words for caring for someone, counted when the same words name a child",
        "children": "words that name the children (their names are added from the meeting)",
        "keep_away": "words for a person keeping away, leaving, or not coming round",
    },
    "substance_misuse": {
        "relapse": "words that show the plan says what happens after a relapse",
        "sober": "words naming an adult as sober, not drinking, or in charge",
        "nights": "words that cover every night, not one night of the week",
    },
    "child_exploitation": {
        "outside_household": "people and services outside the household (school, youth work, police)",
    },
}


@dataclass(frozen=True)
class PlanCheckWords:
    """Every list of trigger words, plus the words a plan may use for a relationship ("Mum")."""

    conditions: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    carer_roles: tuple[str, ...] = ()
    care_for: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    keep_away: tuple[str, ...] = ()
    relapse: tuple[str, ...] = ()
    sober: tuple[str, ...] = ()
    nights: tuple[str, ...] = ()
    outside_household: tuple[str, ...] = ()
    #: Groups of words for one relationship: a person whose relationship starts with
    #: one of a group's words may be called by any word of the group, when nobody else can.
    relationships: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        """True when no list was read (no file, or a file that could not be used)."""
        return not any(vars(self).values())

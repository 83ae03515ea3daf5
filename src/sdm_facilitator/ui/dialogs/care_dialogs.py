"""Dialogs for the evaluation's facts: a child's time in care, and what a meeting cost.

Both are the shared :class:`FormDialog`. Days in care are worked out from the
episodes (``domain.care``), so an episode is the dates and the two fixed
choices, nothing typed. Costs are typed in hours and pounds, as people think
of them, and kept as whole minutes and pence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import App

from sdm_facilitator.domain.meeting import (
    CARE_BASIS_LABELS,
    PLACEMENT_LABELS,
    CareEpisode,
    Child,
    Meeting,
    MeetingCost,
)
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.dialogs.outcome_dialogs import UNSET, UNSET_OPTION


def _choice(value: str | None) -> str:
    return value if value else UNSET


def _from_choice(value: str) -> str | None:
    return None if value == UNSET else value


def _options(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [UNSET_OPTION, *((label, key) for key, label in labels.items())]


# ------------------------------------------------------------------ care episodes


def episode_fields(episode: CareEpisode) -> list[FormField]:
    return [
        FormField("entered", "Entered care", "date", episode.entered, required=True, happened=True),
        FormField(
            "left", "Left care", "date", episode.left, placeholder="YYYY-MM-DD, or empty while in care"
        ),
        FormField(
            "legal_basis", "Legal basis", "choice", _choice(episode.legal_basis), _options(CARE_BASIS_LABELS)
        ),
        FormField("placement", "Placement", "choice", _choice(episode.placement), _options(PLACEMENT_LABELS)),
    ]


def check_episode(values: dict[str, Any]) -> str | None:
    if values["left"] is not None and values["entered"] is not None and values["left"] < values["entered"]:
        return "The day they left care is before the day they entered it."
    return None


def ask_care_episode(app: App[Any], child: Child, child_label: str, done: Callable[[], None]) -> None:
    """Add one care episode for ``child``; a child who left and came back has two."""
    episode = CareEpisode()

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        episode.entered, episode.left = values["entered"], values["left"]
        episode.legal_basis = _from_choice(values["legal_basis"])
        episode.placement = _from_choice(values["placement"])
        child.care_episodes.append(episode)
        done()

    intro = (
        "Each time the child was looked after: days in care are counted from these. A child "
        "who left care and came back has two episodes. Kinship foster care is care with "
        "family or friends approved as foster carers."
    )
    app.push_screen(
        FormDialog(
            f"Time in care for {child_label}", episode_fields(episode), intro=intro, validate=check_episode
        ),
        saved,
    )


def episodes_words(child: Child) -> str:
    """ "in care 2025-03-01 to 2025-04-01 (kinship foster care); 2025-06-01 to now" or ""."""
    parts = []
    for e in sorted((e for e in child.care_episodes if e.entered), key=lambda e: e.entered or date.min):
        assert e.entered is not None
        until = e.left.isoformat() if e.left else "now"
        placement = f" ({PLACEMENT_LABELS[e.placement].lower()})" if e.placement else ""
        parts.append(f"{e.entered.isoformat()} to {until}{placement}")
    return "in care " + "; ".join(parts) if parts else ""


# ------------------------------------------------------------------ cost

_TIME = (
    ("preparation_minutes", "Preparation (hours)"),
    ("meeting_minutes", "The meeting (hours)"),
    ("follow_up_minutes", "Follow-up (hours)"),
)
_MONEY = (
    ("interpreting_pence", "Interpreting (£)"),
    ("venue_pence", "Venue (£)"),
    ("food_pence", "Food (£)"),
    ("travel_pence", "Travel (£)"),
)
_NUMBER = re.compile(r"\d{1,6}(\.\d{1,2})?")


def _as_text(value: int | None, per: int) -> str:
    if value is None:
        return ""
    whole, part = divmod(value, per)
    return str(whole) if not part else f"{value / per:.2f}".rstrip("0")


def _parse(text: str, per: int) -> int | None:
    """ "3.5" hours as 210 minutes, "12.50" pounds as 1250 pence; empty as not recorded."""
    text = text.strip().lstrip("£")
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    return round(float(text) * per)


def cost_fields(cost: MeetingCost) -> list[FormField]:
    fields = [
        FormField(key, label, "text", _as_text(getattr(cost, key), 60), placeholder="hours, e.g. 3.5")
        for key, label in _TIME
    ]
    fields += [
        FormField(key, label, "text", _as_text(getattr(cost, key), 100), placeholder="pounds, e.g. 45.50")
        for key, label in _MONEY
    ]
    return fields


def check_cost(values: dict[str, Any]) -> str | None:
    for key, label in (*_TIME, *_MONEY):
        try:
            _parse(str(values[key] or ""), 60)
        except ValueError:
            return f"{label}: write a number such as 3.5, or leave it empty."
    return None


def apply_cost(cost: MeetingCost, values: dict[str, Any]) -> None:
    for key, _label in _TIME:
        setattr(cost, key, _parse(str(values[key] or ""), 60))
    for key, _label in _MONEY:
        setattr(cost, key, _parse(str(values[key] or ""), 100))


def ask_cost(app: App[Any], meeting: Meeting, done: Callable[[], None]) -> None:
    """Record what the meeting cost: the coordinator's hours by stage and the other costs."""

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        apply_cost(meeting.cost, values)
        done()

    intro = (
        "The coordinator's hours by stage (the organisation's hourly rate turns them into money) "
        "and what was paid for interpreting, the venue, food and travel. Leave unknown ones empty."
    )
    app.push_screen(
        FormDialog("What the meeting cost", cost_fields(meeting.cost), intro=intro, validate=check_cost),
        saved,
    )


__all__ = ["ask_care_episode", "ask_cost", "episodes_words"]

"""The risk screen's record: what was screened for, who is at risk, and the specialist advice taken.

Stored in the meeting's TOML as ``[[risks]]`` tables with an ``[risks.advice]``
table each, keys chosen so a coordinator or a data officer can read and edit
them by hand. A meeting with a risk present or not known must not go ahead on
the coordinator's judgement alone: the advice record is what clears it, so it
names who advised, when and what they said, never a tick.

People are referred to by their ids in the people list, so renaming a person
never breaks the screen and papers can leave out whatever belongs to a person
at risk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sdm_facilitator.domain.model_base import choices, extra_field, new_id

#: The harms screened for in every meeting; "other" needs a name.
RISK_KINDS: tuple[str, ...] = (
    "domestic-abuse",
    "forced-marriage",
    "sexual-abuse",
    "child-exploitation",
    "substance-misuse",
    "mental-health",
    "learning-disability",
    "other",
)

#: Present, not known (asked but not yet answered), or screened and not present.
RISK_STATUS_CHOICES: tuple[str, ...] = ("present", "not-known", "not-present")

ADVICE_OUTCOME_CHOICES: tuple[str, ...] = ("go-ahead", "go-ahead-with-conditions", "do-not-go-ahead")

#: Conditions the app can check from the record; "other" is listed and ticked by hand.
CONDITION_KINDS: tuple[str, ...] = (
    "separate-arrival",
    "no-address-on-papers",
    "safe-contact",
    "not-in-room",
    "family-time-check-in",
    "other",
)


@dataclass
class AdviceCondition:
    """One condition the adviser set for the meeting to go ahead."""

    kind: str = field(default="other", metadata=choices(CONDITION_KINDS))
    what: str = ""
    # For "not-in-room" and "safe-contact": the people the condition is about.
    people: list[str] = field(default_factory=list)
    # Ticked by the coordinator where the record cannot show it (None: not yet).
    met: bool | None = None
    extra: dict[str, Any] = extra_field()


@dataclass
class RiskAdvice:
    """Specialist advice on whether and how the meeting goes ahead (an IDVA, MARAC, the Forced Marriage Unit...)."""

    by: str = ""
    role: str = ""
    on: date | None = None
    outcome: str | None = field(default=None, metadata=choices(ADVICE_OUTCOME_CHOICES))
    conditions: list[AdviceCondition] = field(default_factory=list)
    # For "do-not-go-ahead": what happens instead of the meeting.
    instead: str = ""
    extra: dict[str, Any] = extra_field()

    @property
    def recorded(self) -> bool:
        """Advice counts as recorded only with who gave it, when, and what it was."""
        return bool(self.by.strip()) and self.on is not None and self.outcome is not None


@dataclass
class Risk:
    """One harm screened for in this meeting."""

    id: str = field(default_factory=lambda: new_id("k-"))
    kind: str = field(default="other", metadata=choices(RISK_KINDS))
    # Required for kind "other": what the harm is, in the coordinator's words.
    name: str = ""
    status: str = field(default="not-known", metadata=choices(RISK_STATUS_CHOICES))
    at_risk: list[str] = field(default_factory=list)
    causing_harm: list[str] = field(default_factory=list)
    source: str = ""
    screened_on: date | None = None
    advice: RiskAdvice = field(default_factory=RiskAdvice)
    extra: dict[str, Any] = extra_field()

    @property
    def needs_advice(self) -> bool:
        """Present or not known: the meeting waits for specialist advice."""
        return self.status in ("present", "not-known")

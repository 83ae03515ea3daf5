"""The guide model: practice knowledge as data.

A guide is read from a TOML file (see ``sdm_facilitator.guides.loader``) and
never changed by the app, so every class here is frozen. Meetings refer to
steps by their stable ``id`` so a guide can be reworded without losing anyone's
progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Prompt:
    """A short line a chair can read at a glance, tagged by mechanism."""

    text: str
    mechanism: str


@dataclass(frozen=True)
class Step:
    """One thing to do at one stage, with the reason a busy worker needs."""

    id: str
    stage: str
    mechanisms: tuple[str, ...]
    contexts: tuple[str, ...]
    title: str
    why: str
    how: tuple[str, ...] = ()
    # Preparation steps: suggested timing, in days before the meeting date.
    days_before: int | None = None
    # Follow-up steps: suggested timing, in days after the meeting date.
    days_after: int | None = None

    def applies_to(self, context: str) -> bool:
        """True when the step is meant for a meeting held in ``context``."""
        return context in self.contexts


@dataclass(frozen=True)
class Phase:
    """One part of the meeting, in order, with its default length."""

    id: str
    name: str
    minutes: int
    prompts: tuple[Prompt, ...]
    # True for private family time: the app hides professional notes then.
    private: bool = False


@dataclass(frozen=True)
class FamilyQuestion:
    """A plain-language question the family works through on its own."""

    text: str
    hint: str = ""


@dataclass(frozen=True)
class Guide:
    """A whole practice guide for one or more kinds of meeting."""

    id: str
    title: str
    version: str
    kinds: tuple[str, ...]
    summary: str
    steps: tuple[Step, ...]
    phases: tuple[Phase, ...]
    family_questions: tuple[FamilyQuestion, ...]
    follow_up_prompts: tuple[Prompt, ...]
    review_after_days: int = 90
    # Where the guide was read from, so messages can name the file.
    source: Path | None = field(default=None, compare=False)
    bundled: bool = field(default=True, compare=False)

    def steps_for(self, stage: str, context: str | None = None) -> list[Step]:
        """Steps of ``stage`` in guide order, limited to ``context`` when given."""
        return [
            s
            for s in self.steps
            if s.stage == stage and (context is None or s.applies_to(context))
        ]

    def step(self, step_id: str) -> Step | None:
        """The step with ``step_id``, or None when the guide has no such step."""
        return next((s for s in self.steps if s.id == step_id), None)

    @property
    def private_phase(self) -> Phase | None:
        """The private family time phase, if the guide has one."""
        return next((p for p in self.phases if p.private), None)

    @property
    def total_minutes(self) -> int:
        """Planned length of the whole meeting."""
        return sum(p.minutes for p in self.phases)


@dataclass(frozen=True)
class LanguageHint:
    """A word or phrase that blames, stigmatises, excludes or mystifies."""

    phrase: str
    alternatives: tuple[str, ...]
    why: str
    category: str
    variants: tuple[str, ...] = ()

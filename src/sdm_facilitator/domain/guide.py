"""The guide model: practice knowledge as data.

A guide is read from a TOML file (see ``sdm_facilitator.guides.loader``) and
never changed by the app, so every class here is frozen. Meetings refer to
steps by their stable ``id`` so a guide can be reworded without losing anyone's
progress.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from sdm_facilitator.domain.evidence import Expression


@dataclass(frozen=True)
class Prompt:
    """A short line a chair can read at a glance, tagged by mechanism."""

    text: str
    mechanism: str
    # Risk kinds (``domain.risks.RISK_KINDS``) this prompt is for: shown only
    # where the meeting's risk screen has one of them present or not known.
    # Empty: shown in every meeting.
    when_risk: tuple[str, ...] = ()

    def shown_for(self, risks: Set[str]) -> bool:
        """True when the prompt belongs in a meeting whose screen has ``risks`` in play."""
        return not self.when_risk or any(kind in risks for kind in self.when_risk)


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
    # A "stop and check" step: the meeting should not go ahead until someone
    # has checked (specialist advice, whether a family meeting is the right
    # tool). Readiness shows it as a blocker, not a to-do.
    stop_and_check: bool = False
    # The risk-screen kind a stop-and-check step is about ("forced-marriage"):
    # the step is then done only when the risk screen shows that kind dealt
    # with (``domain.step_progress``), never by a key press in Steps.
    risk: str | None = None
    # A step only a person can judge done; the record never ticks it.
    judgement: bool = False
    # What in the record shows the step is done, checked when the guide loads.
    evidence: Expression | None = None
    # The evidence in plain words, shown beside "done (from ...)".
    evidence_says: str = ""
    # Risk kinds this step is for: shown only where the meeting's risk screen
    # has one of them present or not known (see ``domain.risk_guidance``).
    # Empty: the step is for every meeting. Never set on a stop-and-check step.
    when_risk: tuple[str, ...] = ()

    @property
    def needs_judgement(self) -> bool:
        """True when only a person can say the step is done."""
        return self.judgement or self.stop_and_check

    def applies_to(self, context: str) -> bool:
        """True when the step is meant for a meeting held in ``context``."""
        return context in self.contexts

    def shown_for(self, risks: Set[str]) -> bool:
        """True when the step belongs in a meeting whose screen has ``risks`` in play."""
        return not self.when_risk or any(kind in risks for kind in self.when_risk)


@dataclass(frozen=True)
class Phase:
    """One part of the meeting, in order, with its default length."""

    id: str
    name: str
    minutes: int
    prompts: tuple[Prompt, ...]
    # True for private family time: the app hides professional notes then.
    private: bool = False
    # Prompts for particular harms (``[[risk_prompts]]`` in the file), added
    # after ``prompts`` only where the risk screen has their kind in play.
    risk_prompts: tuple[Prompt, ...] = ()

    def prompts_for(self, risks: Set[str]) -> tuple[Prompt, ...]:
        """The prompts a chair sees in a meeting whose risk screen has ``risks`` in play."""
        return self.prompts + tuple(p for p in self.risk_prompts if p.shown_for(risks))


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
    # False for meeting models with no private family time by design (a family
    # unity meeting): the facilitator stays throughout, as ``facilitator_note`` says.
    private_family_time: bool = True
    facilitator_note: str = ""
    # Vocabularies (see ``terms.toml``) an organisation may choose for this guide.
    vocabularies: tuple[str, ...] = ()
    # The vocabulary applied to the text shown, when one was chosen.
    vocabulary: str = ""
    # The 0 to 10 scale question, worded once for the room's dialog and the record of the day.
    scale_question: str = ""
    # Where the guide was read from, so messages can name the file.
    source: Path | None = field(default=None, compare=False)
    bundled: bool = field(default=True, compare=False)

    def steps_for(
        self, stage: str, context: str | None = None, risks: Set[str] | None = frozenset()
    ) -> list[Step]:
        """Steps of ``stage`` in guide order, limited to ``context`` when given.

        ``risks`` are the harm kinds the meeting's risk screen has present or
        not known: a step for a particular harm shows only where its kind is
        among them, so with none given such steps are left out. ``None``
        lists every step (describing a guide, not a meeting).
        """
        return [
            s
            for s in self.steps
            if s.stage == stage
            and (context is None or s.applies_to(context))
            and (risks is None or s.shown_for(risks))
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
    # Longer phrases containing this one that mean something else ("DNA test"
    # for "DNA"): a match inside one of them is not a hint.
    not_matching: tuple[str, ...] = ()
    # Words that mean something else when used near certain words ("argument"
    # is ordinary between children, minimising about abuse): the hint then
    # applies only where the meeting's risk screen holds one of ``when_risk``
    # (present or not known) or one of ``when_near`` is in the same sentence.
    when_risk: tuple[str, ...] = ()
    when_near: tuple[str, ...] = ()
    # Words that, in the same sentence, show the phrase means something else
    # ("placement" beside "student" or "college"): the match is dropped.
    not_near: tuple[str, ...] = ()

    @property
    def conditional(self) -> bool:
        """True when the hint applies only in a context (``when_risk`` or ``when_near``)."""
        return bool(self.when_risk or self.when_near)


#: Shown for the scale when the meeting's guide is not available or words no question.
SCALE_WITHOUT_GUIDE = "A score from 0 to 10 (the guide's question is not available)."


def scale_question(guide: Guide | None) -> str:
    """The scale question as the meeting's guide words it: one wording everywhere it is shown."""
    return guide.scale_question if guide is not None and guide.scale_question else SCALE_WITHOUT_GUIDE

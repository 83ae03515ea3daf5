"""Words an organisation uses for the same things: "bottom lines" or "non-negotiables".

The same family group conference guide serves a council in England and a
family group decision-making programme in the United States, which call the
same ideas by different names ("social worker" / "caseworker", "child
protection plan" / "case plan"). Rather than copy the guide, an organisation
chooses a vocabulary (data in ``terms.toml``) and the app applies it to the
guide text it shows. Only guide text is changed, never anything a person typed.
Pure Python: no Textual or Rich import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from sdm_facilitator.domain.guide import FamilyQuestion, Guide, Phase, Prompt, Step


@dataclass(frozen=True)
class Vocabulary:
    """A named set of replacements: each term and the organisation's word for it."""

    id: str
    title: str
    terms: tuple[tuple[str, str], ...]

    def replacer(self) -> Callable[[str], str]:
        """A function applying every term to a text: whole words, longest term first."""
        if not self.terms:
            return lambda text: text
        ordered = sorted(self.terms, key=lambda pair: -len(pair[0]))
        table = {term.lower(): word for term, word in ordered}
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, t.split())) for t, _ in ordered) + r")(?!\w)",
            re.IGNORECASE,
        )

        def replace(match: re.Match[str]) -> str:
            found = match.group()
            word = table[" ".join(found.lower().split())]
            if found[:1].isupper() and word[:1].islower():
                return word[:1].upper() + word[1:]
            return word

        return lambda text: pattern.sub(replace, text) if text else text


def apply_vocabulary(guide: Guide, vocabulary: Vocabulary) -> Guide:
    """A copy of ``guide`` with ``vocabulary`` applied to every piece of text it shows."""
    say = vocabulary.replacer()

    def prompt(p: Prompt) -> Prompt:
        return dataclasses.replace(p, text=say(p.text))

    def step(s: Step) -> Step:
        return dataclasses.replace(
            s,
            title=say(s.title),
            why=say(s.why),
            how=tuple(say(t) for t in s.how),
            evidence_says=say(s.evidence_says),
        )

    def phase(p: Phase) -> Phase:
        return dataclasses.replace(
            p,
            name=say(p.name),
            prompts=tuple(prompt(q) for q in p.prompts),
            risk_prompts=tuple(prompt(q) for q in p.risk_prompts),
        )

    def question(q: FamilyQuestion) -> FamilyQuestion:
        return dataclasses.replace(q, text=say(q.text), hint=say(q.hint))

    return dataclasses.replace(
        guide,
        title=say(guide.title),
        summary=say(guide.summary),
        facilitator_note=say(guide.facilitator_note),
        steps=tuple(step(s) for s in guide.steps),
        phases=tuple(phase(p) for p in guide.phases),
        family_questions=tuple(question(q) for q in guide.family_questions),
        follow_up_prompts=tuple(prompt(p) for p in guide.follow_up_prompts),
        vocabulary=vocabulary.id,
    )

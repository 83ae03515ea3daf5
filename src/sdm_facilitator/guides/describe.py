"""A guide as plain data (for JSON) and as readable text (for the terminal)."""

from __future__ import annotations

import textwrap
from typing import Any

from sdm_facilitator.domain.guide import Guide, Prompt
from sdm_facilitator.domain.labels import RISK_KIND_LABELS
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.domain.step_progress import evidence_words
from sdm_facilitator.domain.vocabulary import MECHANISM_LABELS, STAGE_LABELS, STAGES


def _prompt(prompt: Prompt) -> dict[str, Any]:
    out: dict[str, Any] = {"text": prompt.text, "mechanism": prompt.mechanism}
    if prompt.when_risk:
        out["when_risk"] = list(prompt.when_risk)
    return out


def _only_where(kinds: tuple[str, ...]) -> str:
    """The condition a step or prompt shows under, in words, for ``guides show``."""
    names = " or ".join(RISK_KIND_LABELS.get(kind, kind).lower() for kind in kinds)
    return f"only where the risk screen has {names} present or not known"


def guide_to_dict(guide: Guide) -> dict[str, Any]:
    """Everything in a guide as plain JSON-ready data, in guide order."""
    return {
        "id": guide.id,
        "title": guide.title,
        "version": guide.version,
        "kinds": list(guide.kinds),
        "summary": guide.summary,
        "review_after_days": guide.review_after_days,
        "private_family_time": guide.private_family_time,
        "facilitator_note": guide.facilitator_note,
        "vocabularies": list(guide.vocabularies),
        "vocabulary": guide.vocabulary or None,
        "bundled": guide.bundled,
        "source": str(guide.source) if guide.source else None,
        "steps": [
            {
                "id": s.id,
                "stage": s.stage,
                "mechanisms": list(s.mechanisms),
                "contexts": list(s.contexts),
                "title": s.title,
                "why": s.why,
                "how": list(s.how),
                "days_before": s.days_before,
                "days_after": s.days_after,
                "stop_and_check": s.stop_and_check,
                "risk": s.risk,
                "judgement": s.needs_judgement,
                "evidence": s.evidence.source if s.evidence else None,
                "evidence_says": s.evidence_says,
                "when_risk": list(s.when_risk),
            }
            for s in guide.steps
        ],
        "phases": [
            {
                "id": p.id,
                "name": p.name,
                "minutes": p.minutes,
                "private": p.private,
                "prompts": [_prompt(q) for q in p.prompts],
                "risk_prompts": [_prompt(q) for q in p.risk_prompts],
            }
            for p in guide.phases
        ],
        "family_questions": [{"text": q.text, "hint": q.hint} for q in guide.family_questions],
        "follow_up_prompts": [_prompt(q) for q in guide.follow_up_prompts],
    }


def _wrap(text: str, indent: str, width: int = 88) -> list[str]:
    return textwrap.wrap(
        " ".join(visible(text).split()),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
    ) or [indent.rstrip()]


def guide_to_text(guide: Guide) -> str:
    """A readable outline of a guide for the terminal (user text made safe to print)."""
    lines = [
        f"{one_line(guide.title)} ({guide.id}, version {one_line(guide.version)})",
        f"Serves: {', '.join(guide.kinds)}. Review after {guide.review_after_days} days.",
        "",
        *_wrap(guide.summary, ""),
    ]
    if guide.facilitator_note:
        lines += ["", *_wrap(f"No private family time. {guide.facilitator_note}", "")]
    if guide.vocabulary:
        lines += ["", f"Shown with the '{one_line(guide.vocabulary)}' vocabulary."]
    for stage in STAGES:
        steps = guide.steps_for(stage, risks=None)
        if not steps:
            continue
        lines += ["", f"{STAGE_LABELS[stage].upper()} ({len(steps)} steps)"]
        for step in steps:
            timing = ""
            if step.days_before is not None:
                timing = f", {step.days_before} days before"
            if step.days_after is not None:
                timing = f", {step.days_after} days after"
            mark = "STOP AND CHECK: " if step.stop_and_check else ""
            lines.append(f"  [{step.id}] {mark}{one_line(step.title)}")
            lines.append(f"    {', '.join(step.mechanisms)} | {', '.join(step.contexts)}{timing}")
            if step.when_risk:
                lines += _wrap(f"Shown {_only_where(step.when_risk)}.", "    ")
            lines += _wrap(step.why, "    ")
            if step.evidence is not None:
                lines += _wrap(f"Done by itself when: {evidence_words(step)}", "    ")
            if step.risk is not None:
                lines += _wrap(
                    f"Cleared from the risk screen (kind: {step.risk}), never by a key press", "    "
                )
            for tip in step.how:
                lines += _wrap(tip, "      - ")[:1] + _wrap(tip, "        ")[1:]
    lines += ["", f"THE MEETING ({guide.total_minutes} minutes)"]
    for number, phase in enumerate(guide.phases, 1):
        private = " - private: professionals leave the room" if phase.private else ""
        lines.append(f"  {number}. {one_line(phase.name)} ({phase.minutes} min){private}")
        for prompt in phase.prompts:
            lines.append(f"     - {one_line(prompt.text)} [{MECHANISM_LABELS[prompt.mechanism]}]")
        for prompt in phase.risk_prompts:
            lines.append(f"     - {one_line(prompt.text)} [{MECHANISM_LABELS[prompt.mechanism]}]")
            lines += _wrap(f"({_only_where(prompt.when_risk)})", "       ")
    if guide.family_questions:
        heading = "QUESTIONS FOR THE FAMILY"
        if guide.private_family_time:
            heading += "'S PRIVATE TIME"
        lines += ["", heading]
        for question in guide.family_questions:
            lines.append(f"  - {one_line(question.text)}")
            if question.hint:
                lines += _wrap(question.hint, "    ")
    if guide.follow_up_prompts:
        lines += ["", "FOLLOW-UP AND REVIEW PROMPTS"]
        for prompt in guide.follow_up_prompts:
            lines.append(f"  - {one_line(prompt.text)} [{MECHANISM_LABELS[prompt.mechanism]}]")
    return "\n".join(lines) + "\n"

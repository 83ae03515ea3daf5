"""The meeting as plain readable text, for ``show`` and for printing.

Plain text on purpose: no markup, so anything a person typed appears exactly
as typed (with terminal control characters made visible).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS, MEETING_KIND_LABELS, STAGE_LABELS


def format_date(value: date | datetime | None) -> str:
    """Dates as people read them: 2026-03-01, or 2026-03-01 10:00 local time."""
    if value is None:
        return "not set"
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return local.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _yes_no(value: bool | None) -> str:
    return "not asked yet" if value is None else ("yes" if value else "no")


def _block(title: str, text: str) -> Iterator[str]:
    if text:
        yield f"{title}:"
        for line in visible(text).splitlines() or [""]:
            yield f"  {line}"


def meeting_to_text(meeting: m.Meeting) -> str:
    """A readable summary of the whole record, section by section."""
    return "\n".join(_lines(meeting)) + "\n"


def _lines(mt: m.Meeting) -> Iterator[str]:
    yield f"{visible(mt.family_label) or '(no family label)'}  [{mt.id}]"
    yield f"Kind: {MEETING_KIND_LABELS.get(mt.kind, mt.kind)}"
    yield f"Context: {CONTEXT_LABELS.get(mt.context, mt.context)}"
    yield f"Stage: {STAGE_LABELS.get(mt.stage, mt.stage)}"
    if mt.guide_id:
        yield f"Guide: {mt.guide_id}"
    yield f"Meeting date: {format_date(mt.choices.when)}"
    yield ""
    r = mt.referral
    yield "REFERRAL"
    yield f"Date: {format_date(r.date)}   Referrer: {visible(r.referrer) or 'not set'}"
    yield f"Family consent to the meeting: {_yes_no(r.consent_meeting)}; to sharing information: {_yes_no(r.consent_sharing)}"
    yield from _block("Worries", r.worries)
    yield from _block("What is going well", r.strengths)
    if r.bottom_lines:
        yield "Bottom lines:"
        yield from (f"  - {visible(b)}" for b in r.bottom_lines)
    yield ""
    if mt.children:
        yield "CHILDREN AND YOUNG PEOPLE"
        for c in mt.children:
            age = f", {c.age}" if c.age is not None else ""
            how = m.PARTICIPATION_LABELS.get(c.participation or "", "how they take part not decided")
            yield f"- {visible(c.name)}{age}: {how}"
            if c.views:
                consent = " (agreed to share)" if c.views_consent else " (not agreed to share)" if c.views_consent is False else ""
                yield f"  Their views{consent}: {visible(c.views)}"
        yield ""
    if mt.people:
        yield "PEOPLE"
        for p in mt.people:
            parts = [m.ROLE_LABELS.get(p.role, p.role)]
            if p.relationship:
                parts.append(visible(p.relationship))
            parts.append(m.INVITATION_LABELS.get(p.invitation, p.invitation))
            parts.append(f"prepared {format_date(p.prep_visit)}" if p.prep_visit else "not yet prepared")
            yield f"- {visible(p.name)}: " + "; ".join(parts)
        yield ""
    c = mt.choices
    if any((c.venue, c.format, c.food, c.language)):
        yield "FAMILY CHOICES"
        if c.venue:
            yield f"Venue: {visible(c.venue)}"
        if c.format:
            yield f"Format: {m.FORMAT_LABELS.get(c.format, c.format)}"
        if c.food:
            yield f"Food: {visible(c.food)}"
        if c.language:
            yield f"Language: {visible(c.language)}"
        yield ""
    if mt.steps:
        done = sum(1 for s in mt.steps.values() if s.status == "done")
        yield f"GUIDE STEPS: {done} of {len(mt.steps)} recorded steps done"
        yield ""
    p = mt.plan
    if p.family_words or p.actions:
        yield "THE FAMILY'S PLAN"
        yield from _block("In their words", p.family_words)
        for a in p.actions:
            when = f" by {format_date(a.by_when)}" if a.by_when else ""
            yield f"- {visible(a.what)} ({visible(a.who) or 'who not set'}{when}): {m.ACTION_STATUS_LABELS.get(a.status, a.status)}"
        yield from _block("If the plan does not work", p.contingency)
        if p.response.decision:
            yield f"Professional response: {m.RESPONSE_LABELS.get(p.response.decision, p.response.decision)}"
        if p.review_date:
            yield f"Review date: {format_date(p.review_date)}"
        yield ""
    reviews = mt.follow_up.reviews
    if reviews:
        yield "REVIEWS"
        for rv in reviews:
            state = f"held {format_date(rv.held)}" if rv.held else f"planned {format_date(rv.scheduled)}"
            yield f"- {state}" + (f": {visible(rv.outcome)}" if rv.outcome else "")


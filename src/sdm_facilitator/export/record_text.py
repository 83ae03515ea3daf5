"""The meeting as plain readable text, for ``show`` and for printing.

Plain text on purpose: no markup, so anything a person typed appears exactly
as typed (with terminal control characters made visible). A value shown on
one line goes through ``one_line``, so a line break typed into (or planted
in) a name can never start a line that looks like part of the record; only
the long notes keep their lines, indented under their heading.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.labels import LAWFUL_BASIS_LABELS, VIEW_AUDIENCE_LABELS
from sdm_facilitator.domain.meeting_clock import planned_phases
from sdm_facilitator.domain.participation import ways_words
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.domain.sharing import legacy_sharing_words
from sdm_facilitator.domain.step_progress import step_progress
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


def meeting_to_text(meeting: m.Meeting, guide: Guide | None = None) -> str:
    """A readable summary of the whole record, section by section.

    With the meeting's guide, step progress is counted against the guide's
    steps for this context, as the app counts it.
    """
    return "\n".join(_lines(meeting, guide)) + "\n"


def _steps_lines(mt: m.Meeting, guide: Guide | None) -> Iterator[str]:
    if guide is None:
        if mt.steps:
            done = sum(1 for s in mt.steps.values() if s.status != "todo")
            yield f"GUIDE STEPS: {done} recorded as done or not needed (guide not available)"
            yield ""
        return
    yield "GUIDE STEPS"
    for stage in ("preparation", "meeting", "family_time", "follow_up"):
        steps = guide.steps_for(stage, mt.context)
        if not steps:
            continue
        progress = [step_progress(mt, step) for step in steps]
        done = sum(1 for p in progress if not p.is_open)
        from_record = sum(1 for p in progress if p.from_record)
        shown = f" ({from_record} shown by the record)" if from_record else ""
        yield f"{STAGE_LABELS[stage]}: {done} of {len(steps)} done or not needed{shown}"
    yield ""


def _lines(mt: m.Meeting, guide: Guide | None) -> Iterator[str]:
    yield f"{one_line(mt.family_label) or '(no family label)'}  [{mt.id}]"
    yield f"Kind: {MEETING_KIND_LABELS.get(mt.kind, mt.kind)}"
    yield f"Context: {CONTEXT_LABELS.get(mt.context, mt.context)}"
    yield f"Stage: {STAGE_LABELS.get(mt.stage, mt.stage)}"
    if mt.guide_id:
        yield f"Guide: {one_line(mt.guide_id)}"
    yield f"Meeting date: {format_date(mt.starts_at)}"
    yield ""
    r = mt.referral
    yield "REFERRAL"
    yield f"Date: {format_date(r.date)}   Referrer: {one_line(r.referrer) or 'not set'}"
    yield f"Family agreed to take part: {_yes_no(r.consent_meeting)}"
    if legacy_sharing_words(r):
        yield legacy_sharing_words(r)
    yield from _block("Worries", r.worries)
    yield from _block("What is going well", r.strengths)
    if r.bottom_lines:
        yield "Bottom lines:"
        yield from (f"  - {one_line(b)}" for b in r.bottom_lines)
    yield ""
    if mt.children:
        yield "CHILDREN AND YOUNG PEOPLE"
        for c in mt.children:
            age = f", {c.age}" if c.age is not None else ""
            how = (
                ways_words(c.ways)
                if c.ways
                else m.PARTICIPATION_LABELS.get(c.participation or "", "how they take part not decided")
            )
            yield f"- {one_line(c.name)}{age}: {how}"
            if c.views:
                consent = (
                    " (agreed to share)"
                    if c.views_consent
                    else " (not agreed to share)"
                    if c.views_consent is False
                    else ""
                )
                yield f"  Their views{consent}: {one_line(c.views)}"
                if c.views_audience:
                    audience = ", ".join(VIEW_AUDIENCE_LABELS.get(a, a).lower() for a in c.views_audience)
                    yield f"  May be shared with: {audience}"
        yield ""
    if mt.people:
        yield "PEOPLE"
        for p in mt.people:
            parts = [m.ROLE_LABELS.get(p.role, p.role)]
            if p.relationship:
                parts.append(one_line(p.relationship))
            parts.append(m.INVITATION_LABELS.get(p.invitation, p.invitation))
            if p.invitation == "not-invited":
                reason = (
                    one_line(p.not_invited_reason) if p.not_invited_reason.strip() else "no reason recorded"
                )
                parts.append(f"reason agreed with the family: {reason}")
            parts.append(f"prepared {format_date(p.prep_visit)}" if p.prep_visit else "not yet prepared")
            needs = _needs_words(p.needs)
            if needs:
                parts.append(f"needs: {needs}")
            yield f"- {one_line(p.name)}: " + "; ".join(parts)
        yield ""
    choice = mt.choices
    if any((choice.venue, choice.format, choice.food, choice.language)):
        yield "FAMILY CHOICES"
        if choice.venue:
            yield f"Venue: {one_line(choice.venue)}"
        if choice.format:
            yield f"Format: {m.FORMAT_LABELS.get(choice.format, choice.format)}"
        if choice.food:
            yield f"Food: {one_line(choice.food)}"
        if choice.language:
            yield f"Language: {one_line(choice.language)}"
        yield ""
    yield from _steps_lines(mt, guide)
    if mt.info_sharing:
        yield "INFORMATION SHARED BEFORE THE DAY"
        for share in mt.info_sharing:
            state = f"shared {format_date(share.shared)}" if share.shared else f"due {format_date(share.due)}"
            yield f"- {one_line(share.document)} -> {one_line(share.to) or 'who not set'}: {state}"
            basis = LAWFUL_BASIS_LABELS.get(share.lawful_basis or "", "no lawful basis recorded")
            if share.special_categories:
                condition = one_line(share.art9_condition) or "no Article 9 condition recorded"
                basis += f"; special category data, Article 9: {condition}"
            yield f"  Lawful basis: {basis}"
        yield ""
    if mt.agenda:
        yield f"AGENDA ({sum(item.minutes for item in mt.agenda)} minutes)"
        yield from (f"- {one_line(item.name)}: {item.minutes} min" for item in mt.agenda)
        yield ""
    rec = mt.record
    if rec.started:
        ended = f", ended {format_date(rec.ended)}" if rec.ended else ""
        yield f"THE MEETING: started {format_date(rec.started)}{ended}"
        if rec.family_time_start:
            end = format_date(rec.family_time_end) if rec.family_time_end else "still going"
            yield f"Private family time: {format_date(rec.family_time_start)} to {end}"
        yield from _record_by_phase(mt, guide)
        yield ""
    plan = mt.plan
    if plan.family_words or plan.actions:
        yield "THE FAMILY'S PLAN"
        yield from _block("In their words", plan.family_words)
        for a in plan.actions:
            when = f" by {format_date(a.by_when)}" if a.by_when else ""
            yield f"- {one_line(a.what)} ({one_line(a.who) or 'who not set'}{when}): {m.ACTION_STATUS_LABELS.get(a.status, a.status)}"
            if a.support_needed or a.support_from:
                given = m.SUPPORT_DELIVERY_LABELS.get(a.support_delivered or "", "not recorded")
                yield f"  Help: {one_line(a.support_needed) or '-'} from {one_line(a.support_from) or '-'} ({given})"
            for update in a.updates:
                note = f": {one_line(update.note)}" if update.note else ""
                yield f"  {format_date(update.date)} {m.ACTION_STATUS_LABELS.get(update.status, update.status)}{note}"
        yield from _block("If the plan does not work", plan.contingency)
        if plan.family_keeper or plan.professional_lead:
            yield f"Keeping an eye on it: {one_line(plan.family_keeper) or 'not set'}; following it up: {one_line(plan.professional_lead) or 'not set'}"
        for check in plan.bottom_line_checks:
            state = {True: "addressed", False: "not addressed yet", None: "not checked yet"}[check.addressed]
            yield f"Bottom line: {one_line(check.bottom_line)} -> {state}" + (
                f" ({one_line(check.note)})" if check.note else ""
            )
        response = plan.response
        if response.decision:
            yield f"Professional response: {m.RESPONSE_LABELS.get(response.decision, response.decision)}"
            yield from _block("Reasons", response.reasons)
            yield from _block("Changes", response.changes)
            yield from _block("What would make it acceptable", response.would_make_acceptable)
        if plan.review_date:
            yield f"Review date: {format_date(plan.review_date)}"
        yield ""
    changes = mt.follow_up.plan_changes
    if changes:
        yield "CHANGES TO THE PLAN"
        for change in changes:
            yield f"- {format_date(change.date)}: {one_line(change.what)}" + (
                f" (why: {one_line(change.reason)})" if change.reason else ""
            )
        yield ""
    reviews = mt.follow_up.reviews
    if reviews:
        yield "REVIEWS"
        for rv in reviews:
            state = f"held {format_date(rv.held)}" if rv.held else f"planned {format_date(rv.scheduled)}"
            yield f"- {state}" + (f": {one_line(rv.outcome)}" if rv.outcome else "")


def _needs_words(needs: m.Needs) -> str:
    """What a person needs to take part (the interpreter with whether one is booked)."""
    return ", ".join(one_line(part) for part in needs.summary())


def _record_by_phase(mt: m.Meeting, guide: Guide | None) -> Iterator[str]:
    """Captures and scale answers under the phase they were recorded in, in the order the phases ran.

    Grouped so nothing said by the professionals reads as the family's own
    private family time; anything recorded outside a phase comes last.
    """
    names = {p.id: p.name for p in planned_phases(mt, guide)}
    recorded: list[m.Capture | m.ScaleAnswer] = [*mt.record.captures, *mt.record.scales]
    ran = [phase.phase_id for phase in mt.record.phases]
    order = list(dict.fromkeys([*ran, *(x.phase_id for x in recorded if x.phase_id)]))
    for phase_id in [*order, ""]:
        lines = [_recorded_line(x) for x in recorded if x.phase_id == phase_id]
        if not lines:
            continue
        yield f"{one_line(names.get(phase_id, phase_id))}:" if phase_id else "Not in a phase:"
        yield from lines


def _recorded_line(item: m.Capture | m.ScaleAnswer) -> str:
    when = f"{format_date(item.at)[-5:]} " if item.at else ""
    if isinstance(item, m.ScaleAnswer):
        note = f": {one_line(item.note)}" if item.note else ""
        return f"  - {when}Scale {item.value}/10 ({one_line(item.who) or 'who not set'}){note}"
    return f"  - {when}{m.CAPTURE_LABELS.get(item.kind, item.kind)}: {one_line(item.text)}"

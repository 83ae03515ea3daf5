"""The agenda, for sending to the family before the day.

The family's choices (when, where, how, food, language) and the agreed
phases with clock times counted from the start. Nothing about worries or
people: it may be read by anyone in the household. Every word is asked of a
``Translator`` (``tr``), so the agenda can go out in Welsh.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import venue_left_out
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting_clock import planned_phases, private_phase
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator
from sdm_facilitator.export.facts import header_line, kind_words_in
from sdm_facilitator.export.paper_blocks import Block, Fields, Note, Paper, Paragraph, Table
from sdm_facilitator.export.wording import clock, local_moment

NOT_CHOSEN = N_("not chosen yet")
#: The venue when it is where someone at risk lives or stays.
VENUE_FROM_COORDINATOR = N_("the coordinator will tell you")


def _day_and_time(starts: datetime, tr: Translator) -> str:
    """``Tuesday 3 March 2026 at 10:00`` in ``tr``'s language."""
    local = local_moment(starts, None)
    return tr("{date} at {time}", date=tr.long_date(local.date()), time=clock(starts))


def agenda_paper(meeting: m.Meeting, guide: Guide | None, tr: Translator = ENGLISH) -> Paper:
    """The agenda with times, venue, format, food and language."""
    choice = meeting.choices
    phases = planned_phases(meeting, guide)
    total = sum(p.minutes for p in phases)
    not_chosen = tr(NOT_CHOSEN)
    paper = Paper(
        tr("Agenda for {kind}", kind=kind_words_in(meeting, tr)), header_line(meeting, tr), lang=tr.lang
    )
    starts = meeting.starts_at
    when = _day_and_time(starts, tr) if starts else not_chosen
    pairs = [(tr("When"), when)]
    if starts and total:
        pairs.append((tr("Finishes at about"), clock(starts + timedelta(minutes=total))))
    hidden_venue = venue_left_out(meeting)
    if hidden_venue is not None:
        paper.left_out.append(hidden_venue)
    pairs += [
        (tr("Where"), tr(VENUE_FROM_COORDINATOR) if hidden_venue else choice.venue or not_chosen),
        (tr("How"), tr.label(m.FORMAT_LABELS, choice.format, NOT_CHOSEN)),
        (tr("Food"), choice.food or not_chosen),
        (tr("Language"), choice.language or not_chosen),
    ]
    paper.add(Fields(tuple(pairs)))
    step_by_step = tr("The meeting, step by step")
    if not phases:
        paper.section(step_by_step, [Note(tr("The agenda is not agreed yet."))])
        return paper
    rows: list[tuple[str, ...]] = []
    start = starts
    for phase in phases:
        name = tr(phase.name)
        length = tr.length(phase.minutes)
        if start is not None:
            rows.append((clock(start), name, length))
            start += timedelta(minutes=phase.minutes)
        else:
            rows.append((name, length))
    headers = (tr("Time"), tr("What"), tr("How long")) if starts else (tr("What"), tr("How long"))
    body: list[Block] = [
        Table(headers, tuple(rows)),
        Paragraph(tr("About {length} in all.", length=tr.length(total))),
    ]
    private = private_phase(phases)
    if private is not None:
        body.append(
            Paragraph(
                tr(
                    "During “{phase}” the family talks on its own, without the professionals.",
                    phase=tr(private.name),
                )
            )
        )
    if starts is None:
        body.append(Note(tr("The times will be added when the day and time are chosen.")))
    paper.section(step_by_step, body)
    return paper

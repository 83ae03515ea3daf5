"""The agenda, for sending to the family before the day.

The family's choices (when, where, how, food, language) and the agreed
phases with clock times counted from the start. Nothing about worries or
people: it may be read by anyone in the household.
"""

from __future__ import annotations

from datetime import timedelta

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import venue_left_out
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting_clock import planned_phases, private_phase
from sdm_facilitator.export.facts import header_line, kind_words
from sdm_facilitator.export.paper_blocks import Block, Fields, Note, Paper, Paragraph, Table
from sdm_facilitator.export.wording import clock, day_and_time, length_text

NOT_CHOSEN = "not chosen yet"
#: The venue when it is where someone at risk lives or stays.
VENUE_FROM_COORDINATOR = "the coordinator will tell you"


def agenda_paper(meeting: m.Meeting, guide: Guide | None) -> Paper:
    """The agenda with times, venue, format, food and language."""
    choice = meeting.choices
    phases = planned_phases(meeting, guide)
    total = sum(p.minutes for p in phases)
    paper = Paper(f"Agenda for {kind_words(meeting)}", header_line(meeting))
    starts = meeting.starts_at
    when = day_and_time(starts) if starts else NOT_CHOSEN
    pairs = [("When", when)]
    if starts and total:
        pairs.append(("Finishes at about", clock(starts + timedelta(minutes=total))))
    hidden_venue = venue_left_out(meeting)
    if hidden_venue is not None:
        paper.left_out.append(hidden_venue)
    pairs += [
        ("Where", VENUE_FROM_COORDINATOR if hidden_venue else choice.venue or NOT_CHOSEN),
        ("How", m.FORMAT_LABELS.get(choice.format or "", NOT_CHOSEN)),
        ("Food", choice.food or NOT_CHOSEN),
        ("Language", choice.language or NOT_CHOSEN),
    ]
    paper.add(Fields(tuple(pairs)))
    if not phases:
        paper.section("The meeting, step by step", [Note("The agenda is not agreed yet.")])
        return paper
    rows: list[tuple[str, ...]] = []
    start = starts
    for phase in phases:
        name = phase.name
        length = length_text(phase.minutes)
        if start is not None:
            rows.append((clock(start), name, length))
            start += timedelta(minutes=phase.minutes)
        else:
            rows.append((name, length))
    headers = ("Time", "What", "How long") if starts else ("What", "How long")
    body: list[Block] = [Table(headers, tuple(rows)), Paragraph(f"About {length_text(total)} in all.")]
    private = private_phase(phases)
    if private is not None:
        body.append(
            Paragraph(f"During “{private.name}” the family talks on its own, without the professionals.")
        )
    if starts is None:
        body.append(Note("The times will be added when the day and time are chosen."))
    paper.section("The meeting, step by step", body)
    return paper

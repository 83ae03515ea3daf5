"""The record of the day, for professionals: the day as it was, read back afterwards.

Built on ``domain.day_record`` (the same structure a screen shows). It says
how long private family time lasted and never what was said in it.
"""

from __future__ import annotations

from datetime import tzinfo

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.day_record import DayRecord, day_record
from sdm_facilitator.domain.distribution import how_label, paper_label, recipient_words
from sdm_facilitator.domain.guide import Guide, scale_question
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS
from sdm_facilitator.export.conference_facts import is_conference
from sdm_facilitator.export.conference_record import conference_blocks
from sdm_facilitator.export.facts import header_line, kind_label
from sdm_facilitator.export.legal_records_paper import legal_record_blocks
from sdm_facilitator.export.paper_blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Note,
    Paper,
    Paragraph,
    Table,
    paragraph_or_note,
)
from sdm_facilitator.export.plan_paper import actions_table, keeping_an_eye, response_blocks, review_blocks
from sdm_facilitator.export.plan_wording import plan_wording
from sdm_facilitator.export.wording import clock, day_and_time, length_text


def _overview(meeting: m.Meeting, day: DayRecord, tz: tzinfo | None) -> list[Block]:
    pairs = [
        ("Meeting", kind_label(meeting)),
        ("Context", CONTEXT_LABELS.get(meeting.context, meeting.context)),
    ]
    if day.started:
        pairs.append(("Started", day_and_time(day.started, tz)))
    pairs.append(("Ended", clock(day.ended, tz) if day.ended else "not recorded"))
    if day.minutes is not None:
        pairs.append(("Length", length_text(day.minutes)))
    return [Fields(tuple(pairs))]


def _who(day: DayRecord) -> list[Block]:
    if not day.attendees and not day.not_present:
        return [Note("Who was there was not recorded.")]
    blocks: list[Block] = []
    if day.attendees:
        rows = tuple((a.name, a.role, a.relationship, a.attendance) for a in day.attendees)
        blocks.append(Table(("Name", "Role", "Relationship", "Took part"), rows))
    if day.not_present:
        blocks.append(Paragraph("Not present: " + ", ".join(a.name for a in day.not_present) + "."))
    return blocks


def _phases(day: DayRecord, tz: tzinfo | None) -> list[Block]:
    if not day.phases:
        return [Note("No phase times were recorded.")]
    rows = []
    for phase in day.phases:
        took = f"{phase.minutes} min" if phase.minutes is not None else ""
        rows.append(
            (
                phase.name,
                clock(phase.started, tz) if phase.started else "",
                clock(phase.ended, tz) if phase.ended else "",
                took,
                f"{phase.planned_minutes} min",
            )
        )
    blocks: list[Block] = [Table(("Phase", "Started", "Ended", "Took", "Planned"), tuple(rows))]
    for phase in day.phases:
        if phase.notes.strip():
            blocks += [Heading(f"Chair's notes: {phase.name}", 3), Paragraph(phase.notes)]
    return blocks


def _family_time(day: DayRecord, tz: tzinfo | None) -> list[Block]:
    ft = day.family_time
    if not ft.held:
        return [Note("Private family time was not recorded.")]
    assert ft.started is not None
    if ft.ended is None:
        return [Paragraph(f"Started at {clock(ft.started, tz)}; its end was not recorded.")]
    extra = f", {length_text(ft.extra_minutes)} added" if ft.extra_minutes else ""
    return [
        Paragraph(
            f"Held from {clock(ft.started, tz)} to {clock(ft.ended, tz)} ({length_text(ft.minutes or 0)}{extra}). "
            "What the family said in it is theirs and is not recorded here."
        )
    ]


def _said(day: DayRecord, tz: tzinfo | None) -> list[Block]:
    blocks: list[Block] = []
    for group in day.groups:
        items = tuple(f"{clock(c.at, tz)} {c.text}" if c.at else c.text for c in group.captures)
        blocks += [Heading(group.title, 3), Bullets(items)]
    return blocks


def _scales(day: DayRecord, guide: Guide | None, tz: tzinfo | None) -> list[Block]:
    if not day.scales:
        return []
    rows = tuple(
        (f"{s.value} / 10", s.who or "not recorded", s.note, clock(s.at, tz) if s.at else "")
        for s in day.scales
    )
    return [
        Paragraph(scale_question(guide)),
        Table(("Answer", "Who", "Note", "Time"), rows),
    ]


def record_paper(
    meeting: m.Meeting,
    guide: Guide | None,
    tz: tzinfo | None = None,
    challenge_words: str = "",
    law: ProfileLaw | None = None,
) -> Paper:
    """The record of the day for professionals; a conference's adds its decision in full.

    ``challenge_words`` is the area's sentence the parents' letter uses when the chair wrote none;
    ``law`` the chosen jurisdiction profile's (its categories of harm; England's when not given).
    """
    day = day_record(meeting, guide)
    paper = Paper("Record of the day", header_line(meeting))
    paper.add(*_overview(meeting, day, tz))
    if not day.held:
        paper.add(Note("The meeting has not been held yet."))
    paper.section("Who was there", _who(day))
    paper.section("Phases", _phases(day, tz))
    paper.section("Private family time", _family_time(day, tz))
    paper.section("What was said", _said(day, tz), missing="Nothing was captured during the meeting.")
    paper.section("Scale answers", _scales(day, guide, tz))
    paper.section("What the law asks to record", legal_record_blocks(meeting, law or ProfileLaw()))
    if is_conference(meeting):
        paper.section("The conference's decision", conference_blocks(meeting, challenge_words, law))
    plan = day.plan
    wording = plan_wording(meeting)
    paper.section(
        wording.title,
        paragraph_or_note(plan.family_words, "The family's words have not been written down yet."),
    )
    paper.section("Who does what", actions_table(plan, with_status=True))
    paper.section(
        "If the plan does not work",
        paragraph_or_note(plan.contingency, "What to do if the plan does not work has not been agreed yet."),
    )
    paper.section("Keeping an eye on the plan", keeping_an_eye(plan))
    if not wording.conference_decides:  # a conference's decision is in its own section above
        paper.section("Professional response", response_blocks(plan, with_reasons=True))
    paper.section("The next review", review_blocks(meeting))
    paper.section("Who got which paper", _papers_sent(meeting), missing="No paper is recorded as sent yet.")
    return paper


def _papers_sent(meeting: m.Meeting) -> list[Block]:
    """The distribution list: each paper, who it went to, how and when (recorded when it was sent)."""
    if not meeting.papers_sent:
        return []
    rows = tuple(
        (
            e.on.isoformat() if e.on else "not recorded",
            paper_label(e.paper),
            recipient_words(e, meeting.people),
            how_label(e.how),
        )
        for e in meeting.papers_sent
    )
    return [Table(("Sent", "Paper", "To", "How"), rows)]

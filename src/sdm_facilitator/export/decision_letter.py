"""The parents' letter after a child protection conference: what was decided, why, and what happens next.

Written to the parents in plain words: the decision for each child and the
chair's reasons, the category and what it means (the sentences are data in
``guides/conference-wording.toml``), who their lead practitioner is, when the
core group first meets and when the review conference is, their own view as
the conference recorded it (quoted as they said it), a child's view only
when the child's say allows the family to read it, and how to challenge the
decision (which stands while a challenge is looked at).

It never holds an agency's view the chair marked as not for the family: not
its agency, its person or its reason. Dissent between professionals is the
record's, not the letter's.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.conference import ChildDecision, Conference
from sdm_facilitator.domain.conference_wording import ConferenceWording
from sdm_facilitator.domain.labels import (
    CHILD_VIEW_WAY_LABELS,
    HARM_CATEGORY_LABELS,
)
from sdm_facilitator.export.conference_facts import (
    FAMILY_READER,
    child_name,
    child_view_reaches,
    name_and_role,
    person_name,
)
from sdm_facilitator.export.facts import child_names, header_line
from sdm_facilitator.export.paper_blocks import Block, Bullets, Fields, Heading, Note, Paper, Paragraph
from sdm_facilitator.export.wording import long_date, names_list

TITLE = "What the child protection conference decided"
NOT_SET = "not set yet"


def _quoted(words: str) -> str:
    """A person's words exactly as typed, inside quotation marks."""
    return f"\u201c{words.strip()}\u201d"


_STAGE_WORDS = {
    "initial": "the initial child protection conference",
    "review": "the review child protection conference",
}


def _conference_words(conference: Conference) -> str:
    return _STAGE_WORDS.get(conference.stage or "", "the child protection conference")


def _opening(meeting: m.Meeting) -> list[Block]:
    parents = [p.name.strip() for p in meeting.people if p.role == "parent" and p.name.strip() and p.expected]
    greeting = f"Dear {names_list(parents)}," if parents else "Dear parent or carer,"
    children = names_list(child_names(meeting)) or "your children"
    when = f" on {long_date(meeting.held_on)}" if meeting.held_on else ""
    return [
        Paragraph(greeting),
        Paragraph(
            f"This letter tells you what {_conference_words(meeting.conference)}{when} decided for "
            f"{children}, why it decided that, and what happens next. Please keep it, and ask your lead "
            "practitioner about anything that is not clear."
        ),
    ]


def _categories(decision: ChildDecision, wording: ConferenceWording) -> list[Block]:
    known = [c for c in decision.categories if c in wording.categories]
    if not known:
        return []
    names = names_list([HARM_CATEGORY_LABELS.get(c, c).lower() for c in known])
    blocks: list[Block] = [
        Heading("The category", 3),
        Paragraph(f"{wording.letter['categories_intro']} The category is {names}."),
        Bullets(tuple(wording.categories[c] for c in known)),
    ]
    if decision.explanation.strip():
        blocks += [Paragraph("What the chair said about it:"), Paragraph(_quoted(decision.explanation))]
    return blocks


def _child_decision(meeting: m.Meeting, child: m.Child, wording: ConferenceWording) -> list[Block]:
    name = child.name.strip() or "your child"
    blocks: list[Block] = [Heading(f"What the conference decided for {name}", 2)]
    decision = next((d for d in meeting.conference.decisions if d.child_id == child.id), None)
    if decision is None or decision.decision is None:
        blocks.append(Note(f"The decision for {name} has not been written down yet."))
        return blocks
    blocks.append(Paragraph(wording.decisions[decision.decision]))
    if decision.instead is not None and decision.decision in ("plan-not-needed", "end-plan"):
        blocks.append(Paragraph(wording.instead[decision.instead]))
    if decision.reason.strip():
        blocks += [Heading("Why", 3), Paragraph(decision.reason)]
    if decision.decision in ("plan-needed", "continue-plan"):
        blocks += _categories(decision, wording)
    return blocks


def _next(meeting: m.Meeting, wording: ConferenceWording) -> list[Block]:
    conference = meeting.conference
    lead = name_and_role(meeting, conference.lead_practitioner)
    first = long_date(conference.core_group_first) if conference.core_group_first else NOT_SET
    review = long_date(conference.review_date) if conference.review_date else NOT_SET
    blocks: list[Block] = [
        Fields(
            (
                ("Your lead practitioner", lead or NOT_SET),
                ("The first plan meeting", first),
                ("The review conference", review),
            )
        ),
        Paragraph(wording.letter["core_group"]),
    ]
    members = [person_name(meeting, pid) for pid in conference.core_group]
    members = [name for name in members if name]
    if members:
        blocks += [Paragraph("The people at plan meetings:"), Bullets(tuple(members))]
    blocks.append(Paragraph(wording.letter["review"]))
    return blocks


def _parents_views(meeting: m.Meeting) -> list[Block]:
    blocks: list[Block] = []
    for view in meeting.conference.parent_views:
        if not view.words.strip():
            continue
        who = person_name(meeting, view.person_id) or "A parent"
        blocks += [Paragraph(f"{who} said:"), Paragraph(_quoted(view.words))]
    return blocks


def _children_views(meeting: m.Meeting) -> list[Block]:
    """Only views the child's say lets the family read; the others are left out without a word."""
    blocks: list[Block] = []
    for view in meeting.conference.child_views:
        if not view.words.strip() or not child_view_reaches(meeting, view.child_id, FAMILY_READER):
            continue
        name = child_name(meeting, view.child_id) or "A child"
        way = CHILD_VIEW_WAY_LABELS.get(view.way or "", "")
        blocks += [
            Paragraph(f"{name} ({way.lower()}):" if way else f"{name}:"),
            Paragraph(_quoted(view.words)),
        ]
    return blocks


def _agency_views(meeting: m.Meeting, wording: ConferenceWording) -> list[Block]:
    """The professionals' views the chair did not mark as not for the family."""
    items = []
    for view in meeting.conference.agency_views:
        if view.not_for_family or not (view.agency.strip() or view.person.strip()):
            continue
        who = " ".join(
            part
            for part in (view.agency.strip(), f"({view.person.strip()})" if view.person.strip() else "")
            if part
        )
        said = wording.agency_views.get(view.view or "", "gave no view")
        reason = f" {view.reason.strip()}" if view.reason.strip() else ""
        items.append(f"{who} {said}.{reason}")
    return [Bullets(tuple(items))] if items else []


def _challenge(meeting: m.Meeting, wording: ConferenceWording, default_words: str) -> list[Block]:
    words = meeting.conference.challenge_words.strip() or default_words
    return [Paragraph(words), Paragraph(wording.letter["decision_stands"])]


def decision_letter(meeting: m.Meeting, wording: ConferenceWording, challenge_words: str) -> Paper:
    """The letter to the parents; ``challenge_words`` is the area's sentence, used when the chair wrote none."""
    paper = Paper(TITLE, header_line(meeting))
    paper.add(*_opening(meeting))
    for child in meeting.children:
        paper.add(*_child_decision(meeting, child, wording))
    if not meeting.children:
        paper.add(Note("No children have been added to this conference yet."))
    paper.section("What happens next", _next(meeting, wording))
    paper.section(
        "What you told the conference",
        _parents_views(meeting),
        missing="Your view was not written down at the conference. You can tell your lead practitioner at any time.",
    )
    paper.section("What the children told the conference", _children_views(meeting))
    paper.section("What the professionals told the conference", _agency_views(meeting, wording))
    paper.section("If you disagree with the decision", _challenge(meeting, wording, challenge_words))
    return paper

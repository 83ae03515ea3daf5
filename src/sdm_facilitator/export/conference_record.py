"""The conference's decision in full, for the record of the day (a paper for professionals).

Everything the chair recorded: each agency's view with its reason (a view
not for the family is shown, and marked so, because the record is for
professionals and says who may not see it), the parents' and the children's
views, the decision and categories per child, who does what next, any
dissent and the challenge words the letter used. A child's view is printed
only where the child's say lets professionals read it.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.conference_rules import category_name, conference_stage, outside_note
from sdm_facilitator.domain.labels import (
    CHILD_VIEW_WAY_LABELS,
    CONFERENCE_STAGE_LABELS,
    DECISION_LABELS,
    DISSENT_RESOLUTION_LABELS,
    HARM_VIEW_LABELS,
    INSTEAD_LABELS,
)
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.export.conference_facts import (
    PROFESSIONAL_READER,
    child_name,
    child_view_reaches,
    name_and_role,
    person_name,
)
from sdm_facilitator.export.paper_blocks import Block, Fields, Heading, Note, Paragraph, Table
from sdm_facilitator.export.wording import long_date

NOT_FOR_FAMILY = "Not for the family"
NOT_RECORDED = "not recorded"


def _agency_views(meeting: m.Meeting) -> list[Block]:
    views = meeting.conference.agency_views
    if not views:
        return [Note("No agency's view was recorded.")]
    rows = tuple(
        (
            v.agency,
            v.person,
            HARM_VIEW_LABELS.get(v.view or "", NOT_RECORDED),
            v.reason,
            NOT_FOR_FAMILY if v.not_for_family else "",
        )
        for v in views
    )
    blocks: list[Block] = [Table(("Agency", "Person", "View on significant harm", "Reason", "Sharing"), rows)]
    if any(v.not_for_family for v in views):
        blocks.append(Note("Views marked not for the family are left out of the parents' letter."))
    return blocks


def _parents(meeting: m.Meeting) -> list[Block]:
    blocks: list[Block] = []
    for view in meeting.conference.parent_views:
        who = person_name(meeting, view.person_id) or "A parent (not in the people list)"
        blocks += [
            Paragraph(f"{who}:"),
            Paragraph(view.words) if view.words.strip() else Note("No words recorded."),
        ]
    return blocks


def _children(meeting: m.Meeting) -> list[Block]:
    blocks: list[Block] = []
    for view in meeting.conference.child_views:
        name = child_name(meeting, view.child_id) or "A child (not in the children list)"
        way = CHILD_VIEW_WAY_LABELS.get(view.way or "", "How it reached the conference was not recorded")
        blocks.append(Paragraph(f"{name}: {way}."))
        if view.way == "not-sought":
            blocks.append(
                Paragraph(f"Why: {view.not_sought_reason}")
                if view.not_sought_reason.strip()
                else Note("The reason was not recorded.")
            )
        elif not view.words.strip():
            continue
        elif child_view_reaches(meeting, view.child_id, PROFESSIONAL_READER):
            blocks.append(Paragraph(view.words))
        else:
            blocks.append(Note(f"{name}'s words are shared with the chair only; they are not printed here."))
    return blocks


def _decisions(meeting: m.Meeting, law: ProfileLaw) -> list[Block]:
    blocks: list[Block] = []
    for decision in meeting.conference.decisions:
        name = child_name(meeting, decision.child_id) or "A child (not in the children list)"
        pairs = [("Child", name), ("Decision", DECISION_LABELS.get(decision.decision or "", NOT_RECORDED))]
        if decision.instead is not None:
            pairs.append(("Instead", INSTEAD_LABELS.get(decision.instead, decision.instead)))
        if decision.categories:
            pairs.append(
                ("Categories", ", ".join(category_name(c, law.categories) for c in decision.categories))
            )
        blocks.append(Fields(tuple(pairs)))
        outside = outside_note(decision.categories, law.categories, law.title)
        if outside:
            blocks.append(Note(outside))
        if decision.reason.strip():
            blocks += [Paragraph("Why:"), Paragraph(decision.reason)]
        if decision.explanation.strip():
            blocks += [Paragraph("The chair's explanation of the category:"), Paragraph(decision.explanation)]
    return blocks


def _next(meeting: m.Meeting) -> list[Block]:
    conference = meeting.conference
    members = [person_name(meeting, pid) or "someone not in the people list" for pid in conference.core_group]
    return [
        Fields(
            (
                ("Lead practitioner", name_and_role(meeting, conference.lead_practitioner) or NOT_RECORDED),
                ("Core group", ", ".join(members) or NOT_RECORDED),
                (
                    "First core group",
                    long_date(conference.core_group_first) if conference.core_group_first else NOT_RECORDED,
                ),
                (
                    "Review conference",
                    long_date(conference.review_date) if conference.review_date else NOT_RECORDED,
                ),
            )
        )
    ]


def _dissent(meeting: m.Meeting) -> list[Block]:
    rows = tuple(
        (d.who, d.about, DISSENT_RESOLUTION_LABELS.get(d.resolution or "", NOT_RECORDED), d.how)
        for d in meeting.conference.dissent
    )
    return [Table(("Who", "About", "Resolution", "How"), rows)] if rows else []


def conference_blocks(
    meeting: m.Meeting, default_challenge: str, law: ProfileLaw | None = None
) -> list[Block]:
    """The decision section of the record, headed one level below the paper's sections.

    ``law``: the chosen jurisdiction profile's categories of harm (England's when not given).
    """
    law = law or ProfileLaw()
    conference = meeting.conference
    # The same rule as the decision screen: as the chair set it, else a review of an earlier meeting is one.
    stage = CONFERENCE_STAGE_LABELS.get(
        conference_stage(meeting) or "", "Not recorded whether initial or review"
    )
    blocks: list[Block] = [Fields((("Conference", stage),))]
    parts: list[tuple[str, list[Block], str]] = [
        ("Agencies' views on significant harm", _agency_views(meeting), ""),
        ("The parents' views", _parents(meeting), "No parent's view was recorded."),
        ("The children's views", _children(meeting), "No child's view was recorded."),
        ("The decision for each child", _decisions(meeting, law), "No decision was recorded."),
        ("What happens next", _next(meeting), ""),
        ("Dissent", _dissent(meeting), "No dissent was recorded."),
    ]
    for heading, body, missing in parts:
        if body:
            blocks += [Heading(heading, 3), *body]
        elif missing:
            blocks += [Heading(heading, 3), Note(missing)]
    words = conference.challenge_words.strip()
    blocks += [
        Heading("How the parents can challenge the decision", 3),
        Paragraph(words or default_challenge),
    ]
    if not words:
        blocks.append(Note("The area's sentence (a setting); the chair wrote none for this conference."))
    return blocks

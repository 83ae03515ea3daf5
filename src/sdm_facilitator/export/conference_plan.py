"""A conference's decision as the plan papers state it: one line per child, then who leads the plan.

The plan papers of a child protection conference put the conference's
decision where a family group conference's papers put the professionals'
response to the family's plan: the chair decides, nobody "agrees the plan".
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.labels import DECISION_LABELS, HARM_CATEGORY_LABELS, INSTEAD_LABELS
from sdm_facilitator.export.conference_facts import child_name, name_and_role
from sdm_facilitator.export.paper_blocks import Block, Bullets, Fields, Note
from sdm_facilitator.export.wording import long_date, names_list

NO_DECISION = "The conference's decision has not been written down yet."


def _decision_line(meeting: m.Meeting, decision_index: int) -> str:
    decision = meeting.conference.decisions[decision_index]
    name = child_name(meeting, decision.child_id) or "A child"
    said = DECISION_LABELS.get(decision.decision or "", "not decided yet")
    categories = names_list([HARM_CATEGORY_LABELS.get(c, c).lower() for c in decision.categories])
    under = (
        f" (category: {categories})"
        if categories and decision.decision in ("plan-needed", "continue-plan")
        else ""
    )
    instead = (
        f"; instead: {INSTEAD_LABELS[decision.instead].lower()}"
        if decision.instead in INSTEAD_LABELS and decision.decision in ("plan-not-needed", "end-plan")
        else ""
    )
    return f"{name}: {said.lower()}{under}{instead}."


def conference_decision_blocks(meeting: m.Meeting) -> list[Block]:
    """Each child's decision in a line, then the lead practitioner and the core group's first date."""
    conference = meeting.conference
    lines = tuple(_decision_line(meeting, i) for i in range(len(conference.decisions)))
    blocks: list[Block] = [Bullets(lines)] if lines else [Note(NO_DECISION)]
    pairs = []
    lead = name_and_role(meeting, conference.lead_practitioner)
    if lead:
        pairs.append(("Lead practitioner", lead))
    if conference.core_group_first:
        pairs.append(("The first plan meeting", long_date(conference.core_group_first)))
    if pairs:
        blocks.append(Fields(tuple(pairs)))
    return blocks

"""A conference's decision as the plan papers state it: one line per child, then who leads the plan.

The plan papers of a child protection conference put the conference's
decision where a family group conference's papers put the professionals'
response to the family's plan: the chair decides, nobody "agrees the plan".
Its words pass through the translation layer (``tr``) like the plan paper's.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.conference_rules import category_name
from sdm_facilitator.domain.labels import DECISION_LABELS, HARM_CATEGORY_LABELS, INSTEAD_LABELS
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator
from sdm_facilitator.export.conference_facts import child_name, name_and_role
from sdm_facilitator.export.paper_blocks import Block, Bullets, Fields, Note

NO_DECISION = N_("The conference's decision has not been written down yet.")


def _decision_line(meeting: m.Meeting, decision_index: int, tr: Translator, names: Mapping[str, str]) -> str:
    decision = meeting.conference.decisions[decision_index]
    name = child_name(meeting, decision.child_id) or tr("A child")
    said = tr.label(DECISION_LABELS, decision.decision, N_("not decided yet")).lower()
    categories = tr.names_list([tr(category_name(c, names)).lower() for c in decision.categories])
    line = tr("{name}: {decision}", name=name, decision=said)
    if categories and decision.decision in ("plan-needed", "continue-plan"):
        line = tr("{line} (category: {categories})", line=line, categories=categories)
    if decision.instead in INSTEAD_LABELS and decision.decision in ("plan-not-needed", "end-plan"):
        line = tr(
            "{line}; instead: {instead}",
            line=line,
            instead=tr.label(INSTEAD_LABELS, decision.instead).lower(),
        )
    return line + "."


def conference_decision_blocks(
    meeting: m.Meeting, tr: Translator = ENGLISH, names: Mapping[str, str] = HARM_CATEGORY_LABELS
) -> list[Block]:
    """Each child's decision in a line, then the lead practitioner and the core group's first date.

    ``names``: the chosen profile's words for the categories of harm (a category it does
    not name keeps the app's words, or its stored code: never dropped).
    """
    conference = meeting.conference
    lines = tuple(_decision_line(meeting, i, tr, names) for i in range(len(conference.decisions)))
    blocks: list[Block] = [Bullets(lines)] if lines else [Note(tr(NO_DECISION))]
    pairs = []
    lead = name_and_role(meeting, conference.lead_practitioner)
    if lead:
        pairs.append((tr("Lead practitioner"), lead))
    if conference.core_group_first:
        pairs.append((tr("The first plan meeting"), tr.long_date(conference.core_group_first)))
    if pairs:
        blocks.append(Fields(tuple(pairs)))
    return blocks

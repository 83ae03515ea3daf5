"""What the plan papers call the plan, and who said yes to it, by kind of meeting.

A family group conference's plan is the family's, and the professionals
respond to it. A child protection conference's plan is the outline child
protection plan, and the conference decides (the chair, not an agreement of
the professionals): its papers must never say "The family's plan" or "The
professionals agreed the plan". Each kind's words are kept here together, so
a paper asks for its words once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.export.conference_facts import CONFERENCE_KIND


@dataclass(frozen=True)
class PlanWording:
    """The plan papers' words that depend on the kind of meeting."""

    #: The plan paper's title, and the record's heading for the plan.
    title: str
    #: The start of the plan paper's first sentence, before "at the ... on ...".
    made: str
    #: The heading over what was decided about the plan.
    decided_heading: str
    #: True when the conference's decision stands where the professionals' response would.
    conference_decides: bool
    #: Where a child's own plan says it was made, before " on <date>".
    made_for_a_child: str = "This plan was made at a family meeting"


FAMILY_PLAN = PlanWording(
    title="The family's plan",
    made="This is the plan made",
    decided_heading="What the professionals said",
    conference_decides=False,
)
OUTLINE_PLAN = PlanWording(
    title="The outline child protection plan",
    made="This is the outline child protection plan made",
    decided_heading="What the conference decided",
    conference_decides=True,
    made_for_a_child="This plan was made at a meeting about keeping you safe",
)
_BY_KIND: dict[str, PlanWording] = {CONFERENCE_KIND: OUTLINE_PLAN}


def plan_wording(meeting: m.Meeting) -> PlanWording:
    """The words for this meeting's plan papers."""
    return _BY_KIND.get(meeting.kind, FAMILY_PLAN)

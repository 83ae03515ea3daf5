"""A child protection conference's statutory decision, as the chair records it.

Stored under the meeting's ``[conference]`` table. The record follows the
order a conference reaches its decision: each agency's view on significant
harm, the parents' and the child's views, the decision and category per child,
then who does what next (lead practitioner, core group, review) and any
dissent. People are referred to by their ids in the people list; children by
their ids in the children list.

An agency's view can be marked not for the family: the chair has heard it, it
informs the decision, and it never reaches the parents' letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sdm_facilitator.domain.model_base import choices, extra_field, new_id

CONFERENCE_STAGE_CHOICES: tuple[str, ...] = ("initial", "review")

#: Each agency's view on whether the child is likely to suffer significant harm.
HARM_VIEW_CHOICES: tuple[str, ...] = ("likely", "not-likely", "not-sure")

#: How the child's view reached the conference.
CHILD_VIEW_WAY_CHOICES: tuple[str, ...] = ("direct", "advocate", "written-or-recorded", "not-sought")

#: The decision per child: initial conferences decide whether a plan is needed;
#: review conferences continue or end it.
DECISION_CHOICES: tuple[str, ...] = ("plan-needed", "plan-not-needed", "continue-plan", "end-plan")

#: What happens instead when no plan is needed or a plan ends.
INSTEAD_CHOICES: tuple[str, ...] = ("child-in-need", "early-help", "no-further-action")

#: England's categories of harm (Wales adds financial abuse through its profile).
HARM_CATEGORY_CHOICES: tuple[str, ...] = ("neglect", "physical", "emotional", "sexual")
#: Categories only some profiles name (Wales registers financial abuse): the letter's wording
#: may explain them, and need not where no profile in use names them.
PROFILE_HARM_CATEGORIES: tuple[str, ...] = ("financial",)

DISSENT_RESOLUTION_CHOICES: tuple[str, ...] = ("resolved", "recorded", "escalated")


@dataclass
class AgencyView:
    """One agency's view on significant harm, with its reason."""

    id: str = field(default_factory=lambda: new_id("v-"))
    agency: str = ""
    person: str = ""
    view: str | None = field(default=None, metadata=choices(HARM_VIEW_CHOICES))
    reason: str = ""
    # The chair marked this view as holding information not for the family.
    not_for_family: bool = field(default=False, metadata={"omit_default": True})
    extra: dict[str, Any] = extra_field()


@dataclass
class ParentView:
    """A parent's view of the worries and the decision, in their own words."""

    person_id: str = ""
    words: str = ""
    extra: dict[str, Any] = extra_field()


@dataclass
class ChildView:
    """A child's view, and how it reached the conference (or why it was not sought)."""

    child_id: str = ""
    way: str | None = field(default=None, metadata=choices(CHILD_VIEW_WAY_CHOICES))
    words: str = ""
    not_sought_reason: str = ""
    extra: dict[str, Any] = extra_field()


@dataclass
class ChildDecision:
    """The conference's decision for one child."""

    child_id: str = ""
    decision: str | None = field(default=None, metadata=choices(DECISION_CHOICES))
    instead: str | None = field(default=None, metadata=choices(INSTEAD_CHOICES))
    reason: str = ""
    categories: list[str] = field(default_factory=list)
    # The chair's explanation of the category in plain words, for the parents' letter.
    explanation: str = ""
    extra: dict[str, Any] = extra_field()


@dataclass
class Dissent:
    """Who disagreed with what, and how it was resolved or escalated."""

    id: str = field(default_factory=lambda: new_id("d-"))
    who: str = ""
    about: str = ""
    resolution: str | None = field(default=None, metadata=choices(DISSENT_RESOLUTION_CHOICES))
    how: str = ""
    extra: dict[str, Any] = extra_field()


@dataclass
class Conference:
    """The statutory record of a child protection conference (initial or review)."""

    # Initial or review; unset until the chair says (a meeting of another kind never sets it).
    stage: str | None = field(default=None, metadata=choices(CONFERENCE_STAGE_CHOICES))
    agency_views: list[AgencyView] = field(default_factory=list)
    parent_views: list[ParentView] = field(default_factory=list)
    child_views: list[ChildView] = field(default_factory=list)
    decisions: list[ChildDecision] = field(default_factory=list)
    lead_practitioner: str = ""
    core_group: list[str] = field(default_factory=list)
    core_group_first: date | None = None
    # Whether the first core group has met (it meets outside the app): until then it is due.
    core_group_met: bool = field(default=False, metadata={"omit_default": True})
    review_date: date | None = None
    dissent: list[Dissent] = field(default_factory=list)
    # How the parents can challenge or complain; empty means the setting's sentence.
    challenge_words: str = ""
    extra: dict[str, Any] = extra_field()

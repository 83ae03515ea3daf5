"""The meeting model: one record per shared decision-making meeting.

Plain mutable dataclasses, because screens edit them field by field and the
store saves the whole record. Allowed values of choice fields are listed in
each field's ``metadata["choices"]`` so the codec can check a hand-edited file
and name the field that is wrong. Every class keeps an ``extra`` dict holding
keys this version does not know (from a newer version, or added by hand), so a
load-and-save round trip never drops them.

Unset values are ``None`` (or empty text / empty lists) and are omitted from
the file rather than written as placeholders.
"""

from __future__ import annotations

import datetime as _dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sdm_facilitator.domain.conference import Conference
from sdm_facilitator.domain.distribution import PaperSent
from sdm_facilitator.domain.family_network import NetworkPlace
from sdm_facilitator.domain.handover import Handover
from sdm_facilitator.domain.labels import (
    ACTION_STATUS_LABELS as ACTION_STATUS_LABELS,
)
from sdm_facilitator.domain.labels import (
    ADVOCATE_OFFER_LABELS as ADVOCATE_OFFER_LABELS,
)
from sdm_facilitator.domain.labels import (
    ATTENDANCE_LABELS as ATTENDANCE_LABELS,
)
from sdm_facilitator.domain.labels import (
    CAPTURE_LABELS as CAPTURE_LABELS,
)
from sdm_facilitator.domain.labels import (
    CARE_BASIS_LABELS as CARE_BASIS_LABELS,
)
from sdm_facilitator.domain.labels import (
    CHOSEN_BY_LABELS as CHOSEN_BY_LABELS,
)
from sdm_facilitator.domain.labels import (
    CLOSURE_REASON_LABELS as CLOSURE_REASON_LABELS,
)
from sdm_facilitator.domain.labels import (
    FEEDBACK_AFTER_LABELS as FEEDBACK_AFTER_LABELS,
)
from sdm_facilitator.domain.labels import (
    FEEDBACK_RESPONDENT_LABELS as FEEDBACK_RESPONDENT_LABELS,
)
from sdm_facilitator.domain.labels import (
    FEEDBACK_STATUS_LABELS as FEEDBACK_STATUS_LABELS,
)
from sdm_facilitator.domain.labels import (
    FORMAT_LABELS as FORMAT_LABELS,
)
from sdm_facilitator.domain.labels import (
    INVITATION_LABELS as INVITATION_LABELS,
)
from sdm_facilitator.domain.labels import (
    LEGAL_STAGE_LABELS as LEGAL_STAGE_LABELS,
)
from sdm_facilitator.domain.labels import (
    LIVING_LABELS as LIVING_LABELS,
)
from sdm_facilitator.domain.labels import (
    OUTCOME_POINT_LABELS as OUTCOME_POINT_LABELS,
)
from sdm_facilitator.domain.labels import (
    PARTICIPATION_LABELS as PARTICIPATION_LABELS,
)
from sdm_facilitator.domain.labels import (
    PLACEMENT_LABELS as PLACEMENT_LABELS,
)
from sdm_facilitator.domain.labels import (
    RESPONSE_LABELS as RESPONSE_LABELS,
)
from sdm_facilitator.domain.labels import (
    ROLE_LABELS as ROLE_LABELS,
)
from sdm_facilitator.domain.labels import (
    STEP_STATUS_LABELS as STEP_STATUS_LABELS,
)
from sdm_facilitator.domain.labels import (
    SUPPORT_DELIVERY_LABELS as SUPPORT_DELIVERY_LABELS,
)
from sdm_facilitator.domain.legal_records import FgdmOffer, IcwaInquiry
from sdm_facilitator.domain.model_base import choices as choices
from sdm_facilitator.domain.model_base import extra_field
from sdm_facilitator.domain.model_base import new_id as new_id
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.domain.sharing_values import (
    CHILD_AGREEMENT_CHOICES,
    LAWFUL_BASIS_CHOICES,
    SPECIAL_CATEGORY_CHOICES,
    VIEW_AUDIENCE_CHOICES,
    WAY_CHOICES,
)
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS

SCHEMA_VERSION = 1

CONTEXT_CHOICES = CONTEXTS

PARTICIPATION_CHOICES = (
    "attends-all",
    "attends-part",
    "remote",
    "advocate",
    "written-views",
    "not-taking-part",
)

ROLE_CHOICES = (
    "child",
    "parent",
    "carer",
    "wider-family",
    "friend-community",
    "professional",
    "advocate",
    "interpreter",
    "other",
)

INVITATION_CHOICES = (
    "suggested",
    "family-agreed",
    "invited",
    "accepted",
    "declined",
    "not-invited",
)

# "remote" is online; "phone" came later, so it is last (files keep their values).
ATTENDANCE_CHOICES = ("present", "remote", "part", "absent", "phone")
#: The marks that mean someone took part in the meeting itself (in the room, online, by phone, for part of it).
ATTENDED = ("present", "remote", "part", "phone")

FORMAT_CHOICES = ("in-person", "online", "hybrid")
ADVOCATE_OFFER_CHOICES = ("offered", "accepted", "declined")

# One closure record for a referral that never became a meeting and for work
# that ended after it, so a service counts both from the same field.
CLOSURE_REASON_CHOICES = (
    "family-declined",
    "not-suitable",
    "concerns-escalated",
    "work-finished",
    "family-moved",
    "transferred",
    "other",
)

# Who chose the date, the venue and the food: the family choosing is a fidelity marker.
CHOSEN_BY_CHOICES = ("family", "shared", "professionals")

# Outcome points per child: at each review, and 3, 6 and 12 months after the referral's index
# date (``domain.outcomes``), for every referral, held or not.
OUTCOME_POINT_CHOICES = ("review", "3-months", "6-months", "12-months")
# "kinship-foster-care" came later, so it is last (files keep their values): a child in
# kinship foster care is both with family or friends and looked after (``domain.care``).
LIVING_CHOICES = (
    "at-home",
    "family-or-friends",
    "special-guardianship",
    "child-arrangements-order",
    "in-care",
    "returned-home",
    "kinship-foster-care",
)
CARE_BASIS_CHOICES = ("voluntary-agreement", "emergency-protection", "interim-care-order", "care-order")
# Stable codes for the legal stage of a child's case; the words are in ``labels.LEGAL_STAGE_LABELS``
# (a jurisdiction may rename them, never recode them).
LEGAL_STAGE_CHOICES = (
    "early_help",
    "child_in_need",
    "child_protection_plan",
    "pre_proceedings",
    "care_proceedings",
    "looked_after",
)
# Where a child in care was placed.
PLACEMENT_CHOICES = ("kinship-foster-care", "unrelated-foster-care", "residential", "other")

# Family feedback: after the meeting or a review, from a family member or a child.
FEEDBACK_AFTER_CHOICES = ("meeting", "review")
FEEDBACK_RESPONDENT_CHOICES = ("family", "child")
FEEDBACK_STATUS_CHOICES = ("given", "declined")


STEP_STATUS_CHOICES = ("todo", "done", "na")

CAPTURE_KINDS = ("note", "worry", "working-well", "needs-to-happen", "decision")

RESPONSE_CHOICES = ("agreed", "agreed-with-changes", "not-agreed")

# No word such as "failed": a plan that has stalled is "stuck" and needs help.
ACTION_STATUS_CHOICES = ("not-started", "under-way", "done", "stuck")

SUPPORT_DELIVERY_CHOICES = ("not-yet", "partly", "given")

# How an invitation to someone else names this person: their first name, or only their role.
SHOWN_AS_CHOICES = ("first-name", "role")
#: In ``Action.for_children``: the action appears in no child's plan (grown-ups only).
NO_CHILD_PLAN = "none"


def new_meeting_id(now: datetime | None = None) -> str:
    """A meeting id: the creation date (for sorting by eye) plus random hex."""
    now = now or utc_now()
    return f"{now:%Y%m%d}-{secrets.token_hex(4)}"


def utc_now() -> datetime:
    """Now, to the second, as an aware UTC datetime (what timestamps store)."""
    return datetime.now(UTC).replace(microsecond=0)


def _extra() -> Any:
    return extra_field()


@dataclass
class Needs:
    """What a person needs to take part: language, interpreter, access, childcare, travel."""

    language: str = ""
    interpreter: bool | None = None
    # Only meaningful when an interpreter is needed: whether a professional
    # interpreter has been booked. Kept apart from ``interpreter`` so files
    # written before it existed keep their meaning.
    interpreter_booked: bool | None = None
    access: str = ""
    childcare: str = ""
    travel: str = ""
    extra: dict[str, Any] = _extra()

    def summary(self, *, interpreter: bool = True) -> list[str]:
        """Short words for each need that is set, for compact lists.

        ``interpreter=False`` leaves the booking out, for a list that shows it elsewhere.
        """
        parts = []
        if self.language:
            parts.append(f"language: {self.language}")
        if self.interpreter and interpreter:
            parts.append("interpreter booked" if self.interpreter_booked else "interpreter not booked")
        for label, value in (("access", self.access), ("childcare", self.childcare), ("travel", self.travel)):
            if value:
                parts.append(f"{label}: {value}")
        return parts


@dataclass
class Person:
    """Someone in the network around the children, family or professional."""

    id: str = field(default_factory=lambda: new_id("p-"))
    name: str = ""
    role: str = field(default="wider-family", metadata=choices(ROLE_CHOICES))
    relationship: str = ""
    invitation: str = field(default="suggested", metadata=choices(INVITATION_CHOICES))
    # Required when invitation is "not-invited": the reason agreed with the family.
    not_invited_reason: str = ""
    prep_visit: date | None = None
    prep_notes: str = ""
    needs: Needs = field(default_factory=Needs)
    attendance: str | None = field(default=None, metadata=choices(ATTENDANCE_CHOICES))
    # How to reach them with an invitation. Never on a paper for the family
    # while the risk screen names them as at risk (``domain.contact_privacy``).
    address: str = ""
    phone: str = ""
    email: str = ""
    school_or_work: str = ""
    # The venue is where they live or stay: then a paper for the family leaves
    # the venue out while they are at risk.
    lives_at_venue: bool | None = None
    # How they take part (more than one way), and which of the guide's phases (empty: all of it).
    ways: list[str] = field(default_factory=list, metadata=choices(WAY_CHOICES))
    phases: list[str] = field(default_factory=list)
    # -- for the papers written for each reader (issue 25) --
    # What the children call them ("Mum", "Nana"): a child's own plan uses it for their name.
    child_calls: str = ""
    # How invitations to others name them; unset is the safer choice: their role only.
    shown_as: str | None = field(default=None, metadata=choices(SHOWN_AS_CHOICES))
    # Their place in the family's network (genogram and ecomap): ``domain.family_network``.
    network: NetworkPlace = field(default_factory=NetworkPlace)
    extra: dict[str, Any] = _extra()

    @property
    def is_professional(self) -> bool:
        return self.role in ("professional", "advocate", "interpreter")

    @property
    def expected(self) -> bool:
        """Whether the person is still expected to take part (not declined, not left out)."""
        return self.invitation not in ("declined", "not-invited")

    @property
    def prepared(self) -> bool:
        """Prepared means someone has met them before the day."""
        return self.prep_visit is not None


@dataclass
class Child:
    """A child or young person the meeting is about, and how they take part."""

    id: str = field(default_factory=lambda: new_id("c-"))
    name: str = ""
    age: int | None = field(default=None, metadata={"min": 0, "max": 25})
    # The single "how they take part" kept before ``ways``: still read, never rewritten;
    # ``participation.child_ways`` derives ways from it when none are recorded.
    participation: str | None = field(default=None, metadata=choices(PARTICIPATION_CHOICES))
    # Required when participation is "not-taking-part".
    participation_reason: str = ""
    # How they take part (more than one way), and which of the guide's phases (empty: all of it).
    ways: list[str] = field(default_factory=list, metadata=choices(WAY_CHOICES))
    phases: list[str] = field(default_factory=list)
    # Marked in the room's "who is here", as for every person.
    attendance: str | None = field(default=None, metadata=choices(ATTENDANCE_CHOICES))
    views: str = ""
    views_consent: bool | None = None
    # Who their views may be shared with (``sharing.view_audience`` reads it, with the old files' rule).
    views_audience: list[str] = field(default_factory=list, metadata=choices(VIEW_AUDIENCE_CHOICES))
    # With "named" in the audience: the ids of the people in the people list.
    views_named: list[str] = field(default_factory=list)
    advocate: str = ""
    # Whether an independent advocate was offered, and the child's answer.
    advocate_offer: str | None = field(default=None, metadata=choices(ADVOCATE_OFFER_CHOICES))
    met_before: date | None = None
    # Where the child is and what happened, at each review and 3, 6, 12 months on.
    outcomes: list[OutcomePoint] = field(default_factory=list)
    # Each time the child was looked after: days in care are worked out from these (``domain.care``).
    care_episodes: list[CareEpisode] = field(default_factory=list)
    # Never on a paper for the family while the risk screen names the child as at risk.
    school: str = ""
    # The grown-up their own plan names under "If you feel unsafe" (else the family's keeper of the plan).
    trusted_adult: str = ""
    # Their place in the family's network: siblings and half-siblings (``domain.family_network``).
    network: NetworkPlace = field(default_factory=NetworkPlace)
    # The US Indian Child Welfare Act's inquiry for this child (``domain.legal_records``).
    icwa: IcwaInquiry = field(default_factory=IcwaInquiry)
    extra: dict[str, Any] = _extra()


@dataclass
class OutcomePoint:
    """What had happened for one child at one follow-up point. Unset answers stay unset."""

    id: str = field(default_factory=lambda: new_id("o-"))
    point: str = field(default="3-months", metadata=choices(OUTCOME_POINT_CHOICES))
    # For a point at a review: the review's id in ``follow_up.reviews``.
    review_id: str = ""
    recorded_on: date | None = None
    living: str | None = field(default=None, metadata=choices(LIVING_CHOICES))
    # Only when ``living`` is "in-care": the legal basis.
    care_basis: str | None = field(default=None, metadata=choices(CARE_BASIS_CHOICES))
    # Only when ``living`` is "returned-home".
    returned_home_on: date | None = None
    proceedings_issued: bool | None = None
    new_referral: bool | None = None
    section_47: bool | None = None
    cp_plan: bool | None = None
    # The legal stage of the child's case at this point, compared with ``Referral.baseline_stage``.
    legal_stage: str | None = field(default=None, metadata=choices(LEGAL_STAGE_CHOICES))
    extra: dict[str, Any] = _extra()


@dataclass
class CareEpisode:
    """One period a child was looked after: from entering care to leaving it (open while ``left`` is unset)."""

    id: str = field(default_factory=lambda: new_id("e-"))
    entered: date | None = None
    left: date | None = None
    legal_basis: str | None = field(default=None, metadata=choices(CARE_BASIS_CHOICES))
    placement: str | None = field(default=None, metadata=choices(PLACEMENT_CHOICES))
    extra: dict[str, Any] = _extra()


@dataclass
class Referral:
    """Why the meeting was asked for, in plain words, with the family's consent."""

    date: date | None = None
    referrer: str = ""
    worries: str = ""
    strengths: str = ""
    bottom_lines: list[str] = field(default_factory=list)
    # Whether the family agreed to take part: required for a voluntary meeting,
    # recorded but never a gate for a statutory conference (``consent.py``).
    consent_meeting: bool | None = None
    # The one yes/no "consent to share" of files from before lawful bases were
    # kept per item (``InfoShare.lawful_basis``): read and saved unchanged, shown
    # as a record of what the family said, never asked for again.
    consent_sharing: bool | None = None
    # (``_dt.date`` below: the field ``date`` above hides the type's name in this class.)
    # The day the family was sent the letter before proceedings, when there was one: the trial's
    # index date (``domain.outcomes.index_date``).
    pre_proceedings_letter: _dt.date | None = None
    # The legal stage of the case when it was referred (``LEGAL_STAGE_CHOICES``).
    baseline_stage: str | None = field(default=None, metadata=choices(LEGAL_STAGE_CHOICES))
    # The day the coordinator first spoke to the referrer (its own marker, apart from the family's).
    referrer_contacted: _dt.date | None = None
    # For a child protection conference: the strategy discussion its timescale counts from.
    strategy_discussion: _dt.date | None = None
    # England: the offer of a family group decision-making meeting before proceedings (``domain.legal_records``).
    fgdm_offer: FgdmOffer = field(default_factory=FgdmOffer)
    extra: dict[str, Any] = _extra()


@dataclass
class FamilyChoices:
    """What the family chose for the day: when, where, how, food and language."""

    # Wall-clock time chosen with the family: a local time without a zone.
    when: datetime | None = field(default=None, metadata={"local": True})
    venue: str = ""
    format: str | None = field(default=None, metadata=choices(FORMAT_CHOICES))
    food: str = ""
    language: str = ""
    # Who chose the date, the venue and the food, and whether the venue is a council building.
    date_chosen_by: str | None = field(default=None, metadata=choices(CHOSEN_BY_CHOICES))
    venue_chosen_by: str | None = field(default=None, metadata=choices(CHOSEN_BY_CHOICES))
    food_chosen_by: str | None = field(default=None, metadata=choices(CHOSEN_BY_CHOICES))
    venue_council_building: bool | None = None
    extra: dict[str, Any] = _extra()


@dataclass
class StepState:
    """Progress on one guide step, stored by the step's stable id."""

    status: str = field(default="todo", metadata=choices(STEP_STATUS_CHOICES))
    note: str = ""
    date: date | None = None
    # True when a person unticked a step the record showed as done (the note
    # says why); the record then no longer ticks it. Not written when false.
    evidence_overruled: bool = field(default=False, metadata={"omit_default": True})
    extra: dict[str, Any] = _extra()


@dataclass
class InfoShare:
    """A report or piece of information, who it goes to, and when it was shared."""

    id: str = field(default_factory=lambda: new_id("i-"))
    document: str = ""
    to: str = ""
    due: date | None = None
    shared: date | None = None
    note: str = ""
    # UK GDPR Article 6 basis for sharing it (``sharing.py`` has the rules and warnings).
    lawful_basis: str | None = field(default=None, metadata=choices(LAWFUL_BASIS_CHOICES))
    # Special category data it holds (health, ethnicity...) and the Article 9 condition relied on.
    special_categories: list[str] = field(default_factory=list, metadata=choices(SPECIAL_CATEGORY_CHOICES))
    art9_condition: str = ""
    # For a child's own views: whether a competent child's own agreement was sought.
    child_agreement: str | None = field(default=None, metadata=choices(CHILD_AGREEMENT_CHOICES))
    child_agreement_reason: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class AgendaItem:
    """One planned part of the meeting: a guide phase, possibly re-timed."""

    phase_id: str = ""
    name: str = ""
    minutes: int = field(default=0, metadata={"min": 0, "max": 600})
    extra: dict[str, Any] = _extra()


@dataclass
class PhaseRecord:
    """When a phase of the meeting started and ended, with the chair's notes."""

    phase_id: str = ""
    started: datetime | None = None
    ended: datetime | None = None
    notes: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class Capture:
    """Something said in the room, stamped with the phase and time."""

    id: str = field(default_factory=lambda: new_id("q-"))
    kind: str = field(default="note", metadata=choices(CAPTURE_KINDS))
    text: str = ""
    phase_id: str = ""
    at: datetime | None = None
    extra: dict[str, Any] = _extra()


@dataclass
class ScaleAnswer:
    """A 0 to 10 answer (10: safe enough to close) and who gave it."""

    id: str = field(default_factory=lambda: new_id("s-"))
    value: int = field(default=0, metadata={"min": 0, "max": 10})
    who: str = ""
    note: str = ""
    phase_id: str = ""
    at: datetime | None = None
    extra: dict[str, Any] = _extra()


@dataclass
class MeetingRecord:
    """What happened on the day. Times are stored, never counted in memory."""

    started: datetime | None = None
    ended: datetime | None = None
    phases: list[PhaseRecord] = field(default_factory=list)
    family_time_start: datetime | None = None
    family_time_end: datetime | None = None
    # Zero is the natural "not extended" state, so it is not written to the file.
    family_time_extra_minutes: int = field(default=0, metadata={"min": 0, "max": 600, "omit_default": True})
    captures: list[Capture] = field(default_factory=list)
    scales: list[ScaleAnswer] = field(default_factory=list)
    # Answers about the day, asked after it: anything new sprung on the family,
    # anyone not family staying in private family time, someone able to agree
    # the plan and its resources in the room.
    new_information_on_day: bool | None = None
    non_family_in_family_time: bool | None = None
    authority_present: bool | None = None
    extra: dict[str, Any] = _extra()

    def phase(self, phase_id: str) -> PhaseRecord | None:
        """The latest record of ``phase_id`` (a phase can be returned to)."""
        found = [p for p in self.phases if p.phase_id == phase_id]
        return found[-1] if found else None

    @property
    def current_phase(self) -> PhaseRecord | None:
        """The phase that has started and not ended, if any."""
        return next((p for p in reversed(self.phases) if p.started and not p.ended), None)


@dataclass
class ActionUpdate:
    """A dated change of an action's status, with a note."""

    date: date | None = None
    status: str = field(default="under-way", metadata=choices(ACTION_STATUS_CHOICES))
    note: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class Action:
    """One part of the plan: what, who, by when, and the help promised for it."""

    id: str = field(default_factory=lambda: new_id("a-"))
    what: str = ""
    who: str = ""
    by_when: date | None = None
    support_needed: str = ""
    support_from: str = ""
    # Whether the help services promised has been given.
    support_delivered: str | None = field(default=None, metadata=choices(SUPPORT_DELIVERY_CHOICES))
    status: str = field(default="not-started", metadata=choices(ACTION_STATUS_CHOICES))
    updates: list[ActionUpdate] = field(default_factory=list)
    # Which children's own plans show it: child ids, or ``NO_CHILD_PLAN``. Empty: decided by its
    # words (``child_plan_rules.action_is_for``): an action naming one child is in that child's plan only.
    for_children: list[str] = field(default_factory=list)
    extra: dict[str, Any] = _extra()


@dataclass
class BottomLineCheck:
    """The professionals' view of whether the plan addresses one bottom line.

    Kept apart from the family's words so checking never changes their text.
    """

    bottom_line: str = ""
    addressed: bool | None = None
    note: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class ProfessionalResponse:
    """Whether the plan is agreed and, if not, why and what would make it acceptable."""

    decision: str | None = field(default=None, metadata=choices(RESPONSE_CHOICES))
    reasons: str = ""
    changes: str = ""
    would_make_acceptable: str = ""
    date: date | None = None
    extra: dict[str, Any] = _extra()


@dataclass
class Plan:
    """The family's plan in their own words, and what surrounds it."""

    family_words: str = ""
    actions: list[Action] = field(default_factory=list)
    contingency: str = ""
    family_keeper: str = ""
    professional_lead: str = ""
    review_date: date | None = None
    # The day the written plan went to the family, as files from before the
    # distribution list kept it (``Meeting.papers_sent``); still read, never set now.
    sent_on: date | None = None
    bottom_line_checks: list[BottomLineCheck] = field(default_factory=list)
    response: ProfessionalResponse = field(default_factory=ProfessionalResponse)
    # The contingency as the children's plans say it, written or approved by the coordinator
    # ("If things get hard at home, Gran will come"); never the adults' words copied.
    child_contingency: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class PlanChange:
    """A change to the plan after the meeting, with date and reason."""

    date: date | None = None
    what: str = ""
    reason: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class Review:
    """A review meeting: planned, held, and what it decided."""

    id: str = field(default_factory=lambda: new_id("r-"))
    scheduled: date | None = None
    held: date | None = None
    requested_by: str = ""
    outcome: str = ""
    # The id of the review meeting's own file, when it was run in the app.
    meeting_id: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class FollowUp:
    """The months after the meeting: changes to the plan and reviews."""

    plan_changes: list[PlanChange] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    extra: dict[str, Any] = _extra()


@dataclass
class Feedback:
    """One family member's or child's feedback, or a record that it was offered and declined.

    Scores are 1 to 5 (a child's three faces are stored as 1, 3 and 5). ``judged``
    is reverse scored: 1 is best. Unanswered statements stay unset.
    """

    id: str = field(default_factory=lambda: new_id("f-"))
    after: str = field(default="meeting", metadata=choices(FEEDBACK_AFTER_CHOICES))
    # For feedback after a review: the review's id in ``follow_up.reviews``.
    review_id: str = ""
    respondent: str = field(default="family", metadata=choices(FEEDBACK_RESPONDENT_CHOICES))
    status: str = field(default="given", metadata=choices(FEEDBACK_STATUS_CHOICES))
    given_on: date | None = None
    understood_worries: int | None = field(default=None, metadata={"min": 1, "max": 5})
    listened_to: int | None = field(default=None, metadata={"min": 1, "max": 5})
    judged: int | None = field(default=None, metadata={"min": 1, "max": 5})
    plan_ours: int | None = field(default=None, metadata={"min": 1, "max": 5})
    know_next: int | None = field(default=None, metadata={"min": 1, "max": 5})
    comment: str = ""
    extra: dict[str, Any] = _extra()


@dataclass
class Closure:
    """Why and when the work on a meeting was closed; empty while it is open.

    Closing is reversible: reopening clears ``closed_on`` and keeps the note.
    """

    closed_on: date | None = None
    reason: str | None = field(default=None, metadata=choices(CLOSURE_REASON_CHOICES))
    note: str = ""
    extra: dict[str, Any] = _extra()

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


@dataclass
class MeetingCost:
    """What the meeting cost: the coordinator's time by stage (minutes) and other costs (pence).

    Whole numbers so a hand-edited file cannot hold a rounding error; the
    organisation's hourly rate (a setting) turns minutes into money.
    """

    preparation_minutes: int | None = field(default=None, metadata={"min": 0, "max": 100_000})
    meeting_minutes: int | None = field(default=None, metadata={"min": 0, "max": 100_000})
    follow_up_minutes: int | None = field(default=None, metadata={"min": 0, "max": 100_000})
    interpreting_pence: int | None = field(default=None, metadata={"min": 0, "max": 100_000_000})
    venue_pence: int | None = field(default=None, metadata={"min": 0, "max": 100_000_000})
    food_pence: int | None = field(default=None, metadata={"min": 0, "max": 100_000_000})
    travel_pence: int | None = field(default=None, metadata={"min": 0, "max": 100_000_000})
    extra: dict[str, Any] = _extra()


@dataclass
class Meeting:
    """One shared decision-making meeting, from referral to follow-up."""

    id: str = field(default_factory=new_meeting_id)
    schema_version: int = SCHEMA_VERSION
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)
    kind: str = field(default="fgc", metadata=choices(MEETING_KINDS))
    context: str = field(default="voluntary", metadata=choices(CONTEXT_CHOICES))
    family_label: str = ""
    guide_id: str = ""
    # For a review meeting: the meeting whose plan it reviews.
    reviews_meeting_id: str = ""
    referral: Referral = field(default_factory=Referral)
    children: list[Child] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    choices: FamilyChoices = field(default_factory=FamilyChoices)
    steps: dict[str, StepState] = field(default_factory=dict)
    info_sharing: list[InfoShare] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    record: MeetingRecord = field(default_factory=MeetingRecord)
    plan: Plan = field(default_factory=Plan)
    follow_up: FollowUp = field(default_factory=FollowUp)
    closure: Closure = field(default_factory=Closure)
    # Family and children's feedback after the meeting and after each review.
    feedback: list[Feedback] = field(default_factory=list)
    # The risk screen (domestic abuse, forced marriage, exploitation...): one entry per harm screened for.
    risks: list[Risk] = field(default_factory=list)
    # A child protection conference's statutory decision; empty for other kinds of meeting.
    conference: Conference = field(default_factory=Conference)
    # What the meeting cost (``domain.cost``).
    cost: MeetingCost = field(default_factory=MeetingCost)
    # The day each tracked field was first filled in (``domain.first_filled``), so a "before the
    # day" marker reads when a thing was written, not only that it exists now.
    first_filled: dict[str, date] = field(default_factory=dict)
    # Who got which paper, how and when: recorded when the coordinator says it was sent (``domain.distribution``).
    papers_sent: list[PaperSent] = field(default_factory=list)
    # Handovers between coordinators (domain/handover.py): the last one without
    # ``received_on`` marks the sender's copy, which is then read-only.
    handovers: list[Handover] = field(default_factory=list)
    extra: dict[str, Any] = _extra()

    @property
    def stage(self) -> str:
        """Where the meeting is, derived from what has been recorded.

        Derived rather than stored so it can never disagree with the record.
        It follows the meeting's end, not the professionals' response: a plan
        agreed while the clock still runs leaves the meeting in "the meeting".
        An agreed plan moves it on only when the day was never run in the app
        (its record was kept elsewhere).
        """
        if self.record.ended:
            return "follow_up"
        agreed = self.plan.response.decision in ("agreed", "agreed-with-changes")
        if agreed and self.record.started is None:
            return "follow_up"
        if self.record.family_time_start and not self.record.family_time_end:
            return "family_time"
        if self.record.started:
            return "meeting"
        return "preparation"

    @property
    def planned_date(self) -> date | None:
        """The day the family chose for the meeting, whether or not it was held then."""
        return self.choices.when.date() if self.choices.when else None

    @property
    def starts_at(self) -> datetime | None:
        """When the meeting starts, in local time: the moment it was started, once it was.

        A meeting started before (or after) its planned day was held that day:
        the home row, the readiness words, the agenda, the calendar and every
        paper take the meeting's date and time from here, so they cannot disagree.
        """
        if self.record.started is not None:
            return self.record.started.astimezone().replace(tzinfo=None, second=0, microsecond=0)
        return self.choices.when

    @property
    def meeting_date(self) -> date | None:
        """The day of the meeting: the day it was held once it started, else the day chosen for it."""
        starts = self.starts_at
        return starts.date() if starts is not None else None

    @property
    def held_on(self) -> date | None:
        """The day the meeting was held, in local time, or the day it is planned for.

        One rule for every date counted from the meeting (follow-up steps, the
        suggested review), so they can never be a day apart: the same as ``meeting_date``.
        """
        return self.meeting_date

    def step_state(self, step_id: str) -> StepState:
        """The state of a guide step, created as "to do" when first asked for."""
        return self.steps.setdefault(step_id, StepState())

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def child(self, child_id: str) -> Child | None:
        return next((c for c in self.children if c.id == child_id), None)

    def touch(self, now: datetime | None = None) -> None:
        """Mark the record as changed now, and date each tracked field filled for the first time."""
        self.updated = now or utc_now()
        note_first_filled(self, self.updated.astimezone().date())


#: Fields whose first-filled day a "before the day" marker reads, by the name kept in ``first_filled``.
FIRST_FILLED_FIELDS = ("referral.bottom_lines", "referral.worries", "referral.strengths")


def _filled(meeting: Meeting, name: str) -> bool:
    r = meeting.referral
    if name == "referral.bottom_lines":
        return any(line.strip() for line in r.bottom_lines)
    return bool((r.worries if name == "referral.worries" else r.strengths).strip())


def note_first_filled(meeting: Meeting, today: date) -> None:
    """Keep ``today`` as the day each tracked field was first filled; a day already kept never moves.

    Emptying a field and filling it again keeps the first day: the question a
    marker asks is whether it was written before the meeting.
    """
    for name in FIRST_FILLED_FIELDS:
        if name not in meeting.first_filled and _filled(meeting, name):
            meeting.first_filled[name] = today


def iter_meeting_texts(meeting: Meeting) -> Iterator[tuple[str, str]]:
    """Every free text a person wrote in the record, with a label saying where.

    Used by the language hints (``lint``) and by tests that prove user text is
    shown literally; labels are field paths, not values, so they are safe to log.
    Names are included: they are typed by people too and shown on every screen.
    """
    yield "family label", meeting.family_label
    r = meeting.referral
    yield "referral: referrer", r.referrer
    yield "referral: worries", r.worries
    yield "referral: strengths", r.strengths
    for i, line in enumerate(r.bottom_lines, 1):
        yield f"referral: bottom line {i}", line
    yield "referral: why the pre-proceedings meeting was not offered", r.fgdm_offer.not_offered_reason
    for i, child in enumerate(meeting.children, 1):
        yield f"child {i}: name", child.name
        yield f"child {i}: views", child.views
        yield f"child {i}: participation reason", child.participation_reason
        yield f"child {i}: advocate", child.advocate
        yield f"child {i}: school", child.school
        yield f"child {i}: trusted adult", child.trusted_adult
        yield f"child {i}: household", child.network.household
        yield f"child {i}: ICWA tribe", child.icwa.tribe
    for i, person in enumerate(meeting.people, 1):
        yield f"person {i}: name", person.name
        yield f"person {i}: relationship", person.relationship
        yield f"person {i}: preparation notes", person.prep_notes
        yield f"person {i}: reason not invited", person.not_invited_reason
        yield f"person {i}: address", person.address
        yield f"person {i}: phone", person.phone
        yield f"person {i}: email", person.email
        yield f"person {i}: school or work", person.school_or_work
        yield f"person {i}: what the children call them", person.child_calls
        yield f"person {i}: household", person.network.household
        needs = person.needs
        for label, value in (
            ("language", needs.language),
            ("access", needs.access),
            ("childcare", needs.childcare),
            ("travel", needs.travel),
        ):
            yield f"person {i}: {label} needs", value
    c = meeting.choices
    yield "family choices: venue", c.venue
    yield "family choices: food", c.food
    yield "family choices: language", c.language
    for step_id, state in meeting.steps.items():
        yield f"step {step_id}: note", state.note
    for i, share in enumerate(meeting.info_sharing, 1):
        yield f"information {i}: document", share.document
        yield f"information {i}: to", share.to
        yield f"information {i}: note", share.note
        yield f"information {i}: Article 9 condition", share.art9_condition
        yield f"information {i}: why the child's agreement was not sought", share.child_agreement_reason
    for i, item in enumerate(meeting.agenda, 1):
        yield f"agenda {i}: name", item.name
    for phase in meeting.record.phases:
        yield f"meeting {phase.phase_id}: notes", phase.notes
    for i, capture in enumerate(meeting.record.captures, 1):
        yield f"meeting capture {i}", capture.text
    for i, scale in enumerate(meeting.record.scales, 1):
        yield f"scale {i}: who", scale.who
        yield f"scale {i}: note", scale.note
    p = meeting.plan
    yield "plan: family's words", p.family_words
    yield "plan: contingency", p.contingency
    yield "plan: contingency for the children", p.child_contingency
    yield "plan: family member keeping an eye on it", p.family_keeper
    yield "plan: professional following it up", p.professional_lead
    for i, action in enumerate(p.actions, 1):
        yield f"action {i}: what", action.what
        yield f"action {i}: who", action.who
        yield f"action {i}: support needed", action.support_needed
        yield f"action {i}: support from", action.support_from
        for j, update in enumerate(action.updates, 1):
            yield f"action {i} update {j}", update.note
    for i, check in enumerate(p.bottom_line_checks, 1):
        yield f"bottom line check {i}: note", check.note
    yield "response: reasons", p.response.reasons
    yield "response: changes", p.response.changes
    yield "response: what would make it acceptable", p.response.would_make_acceptable
    for i, change in enumerate(meeting.follow_up.plan_changes, 1):
        yield f"plan change {i}: what", change.what
        yield f"plan change {i}: reason", change.reason
    for i, review in enumerate(meeting.follow_up.reviews, 1):
        yield f"review {i}: requested by", review.requested_by
        yield f"review {i}: outcome", review.outcome
    yield "closure: note", meeting.closure.note
    for i, feedback in enumerate(meeting.feedback, 1):
        yield f"feedback {i}: comment", feedback.comment
    for i, risk in enumerate(meeting.risks, 1):
        yield f"risk {i}: name", risk.name
        yield f"risk {i}: source", risk.source
        yield f"risk {i}: advised by", risk.advice.by
        yield f"risk {i}: adviser's role", risk.advice.role
        yield f"risk {i}: instead of the meeting", risk.advice.instead
        for j, condition in enumerate(risk.advice.conditions, 1):
            yield f"risk {i} condition {j}: what", condition.what
    for i, sent in enumerate(meeting.papers_sent, 1):
        yield f"paper sent {i}: recipient", sent.recipient
    yield from _conference_texts(meeting)
    for i, handover in enumerate(meeting.handovers, 1):
        yield f"handover {i}: by", handover.by
        yield f"handover {i}: to", handover.to
        yield f"handover {i}: file name", handover.file_name


def _conference_texts(meeting: Meeting) -> Iterator[tuple[str, str]]:
    """Every free text of a conference's decision record (empty for other kinds of meeting)."""
    conf = meeting.conference
    for i, view in enumerate(conf.agency_views, 1):
        yield f"agency view {i}: agency", view.agency
        yield f"agency view {i}: person", view.person
        yield f"agency view {i}: reason", view.reason
    for i, parent in enumerate(conf.parent_views, 1):
        yield f"parent's view {i}", parent.words
    for i, child_view in enumerate(conf.child_views, 1):
        yield f"child's view {i}: words", child_view.words
        yield f"child's view {i}: reason not sought", child_view.not_sought_reason
    for i, decision in enumerate(conf.decisions, 1):
        yield f"decision {i}: reason", decision.reason
        yield f"decision {i}: explanation", decision.explanation
    for i, entry in enumerate(conf.dissent, 1):
        yield f"dissent {i}: who", entry.who
        yield f"dissent {i}: about", entry.about
        yield f"dissent {i}: how", entry.how
    yield "conference: how to challenge", conf.challenge_words


def listing_key(updated: datetime, family_label: str, meeting_id: str) -> tuple[float, str, str]:
    """Where a meeting goes in a list: the most recently changed first.

    Meetings changed at the same moment (made together by an import, or a demo)
    follow the family's name and then the id, so a list never depends on the order
    a folder happens to give its files in, and the row under the cursor is the same
    each time the list is drawn.
    """
    return (-updated.timestamp(), family_label.casefold(), meeting_id)

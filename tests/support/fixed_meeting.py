"""A fixed, fictional meeting for the papers' tests: the same bytes on every run.

It is the demo's participative child protection conference, held on
Tuesday 3 March 2026 in Europe/London, with fixed ids and timestamps, and with
everything a family paper must never show: worries, case and preparation
notes, captures (one made in private family time), scale answers, a person
not to be invited and the reason, a child's views not agreed to be shared.
``FORBIDDEN_IN_FAMILY_PAPERS`` lists those texts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sdm_facilitator.demo import held_meeting
from sdm_facilitator.domain.conference import (
    AgencyView,
    ChildDecision,
    ChildView,
    Conference,
    Dissent,
    ParentView,
)
from sdm_facilitator.domain.distribution import PaperSent
from sdm_facilitator.domain.meeting import (
    Capture,
    InfoShare,
    Meeting,
    Person,
    PlanChange,
    ScaleAnswer,
    StepState,
)
from sdm_facilitator.guides.loader import GuideLibrary

ZONE_NAME = "Europe/London"
ZONE = ZoneInfo(ZONE_NAME)
MEETING_DAY = date(2026, 3, 3)
NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
MEETING_ID = "20260217-5eed0a11"

NOT_INVITED_NAME = "Dwayne Cole"
NOT_INVITED_REASON = "Court order: no contact with Kerry or the children"
PREP_NOTE = "Kerry is worried about being judged by her sister."
STEP_NOTE = "Rang the school about Leo's attendance."
PHASE_NOTE = "Kerry was tearful while the worries were read."
FAMILY_TIME_NOTE = "Chair overheard the family arguing about Mark."
FAMILY_TIME_CAPTURE = "Said in family time: Mark admits he drinks."
NOTE_CAPTURE = "Mark arrived twenty minutes late."
SCALE_NOTE = "Better than before Christmas."
INFO_NOTE = "Police report redacted before sharing."
CHECK_NOTE_PREFIX = "Plan for leaving and Friday nights."
RESPONSE_REASONS = "The police report of March was taken into account."
HIDDEN_VIEWS = "Ruby whispered that she is scared of Dad."
CHANGE_REASON = "Sue starts a night shift on Fridays."
# An agency's view the chair marked as not for the family: none of it may reach the parents.
PRIVATE_AGENCY = "Hollins Police Intelligence Unit"
PRIVATE_AGENCY_PERSON = "DC Okafor"
PRIVATE_AGENCY_REASON = "Intelligence about Mark's associates that cannot be shared."
# The conference's child view that Ruby did not agree to share.
HIDDEN_CONFERENCE_VIEW = "Ruby told her advocate she hides when Dad shouts."
# Hostile text typed by people into the conference record: it must stay text in every format.
PARENT_WORDS = (
    'I <b>never</b> said "that" & I want the kids home | # not a heading\n- nor a list [x](javascript:x)'
)
DECISION_REASON = "The arguments frightened Leo and Ruby <script>alert(1)</script>; *police* came once."
CATEGORY_EXPLANATION = (
    "Hearing shouting at home hurts children's feelings, even when no one is hit.\n> not a quote"
)

FORBIDDEN_IN_FAMILY_PAPERS = (
    NOT_INVITED_NAME,
    NOT_INVITED_REASON,
    PREP_NOTE,
    STEP_NOTE,
    PHASE_NOTE,
    FAMILY_TIME_NOTE,
    FAMILY_TIME_CAPTURE,
    NOTE_CAPTURE,
    SCALE_NOTE,
    INFO_NOTE,
    CHECK_NOTE_PREFIX,
    RESPONSE_REASONS,
    HIDDEN_VIEWS,
    CHANGE_REASON,
    PRIVATE_AGENCY,
    PRIVATE_AGENCY_PERSON,
    PRIVATE_AGENCY_REASON,
    HIDDEN_CONFERENCE_VIEW,
    # The referral's worries and the demo's captures.
    "Arguments at home have become frightening",
    "Ruby has been hiding under her bed",
    "Building Better Relationships",
    "Sue will have the children on Friday nights.",
    "Priya (social worker) | 3",
)


@contextmanager
def local_zone(name: str = ZONE_NAME) -> Iterator[None]:
    """Run with the computer's local zone set to ``name`` (the demo stores local times as UTC)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _fix_ids(meeting: Meeting) -> None:
    meeting.id = MEETING_ID
    meeting.created = datetime(2026, 2, 17, 9, 0, tzinfo=UTC)
    meeting.updated = datetime(2026, 3, 3, 12, 30, tzinfo=UTC)
    renamed: dict[str, str] = {}
    for prefix, items in (
        ("c", meeting.children),
        ("p", meeting.people),
        ("a", meeting.plan.actions),
        ("r", meeting.follow_up.reviews),
        ("q", meeting.record.captures),
        ("s", meeting.record.scales),
        ("i", meeting.info_sharing),
        ("k", meeting.risks),
    ):
        for index, item in enumerate(items, 1):
            renamed[item.id] = item.id = f"{prefix}-{index:08d}"
    for index, view in enumerate(meeting.conference.agency_views, 1):
        view.id = f"v-{index:08d}"
    for index, entry in enumerate(meeting.conference.dissent, 1):
        entry.id = f"d-{index:08d}"
    _follow_renamed(meeting, renamed)


def _follow_renamed(meeting: Meeting, renamed: dict[str, str]) -> None:
    """The risk screen and the conference record refer to people and children by id: they follow them."""
    for risk in meeting.risks:
        risk.at_risk = [renamed.get(pid, pid) for pid in risk.at_risk]
        risk.causing_harm = [renamed.get(pid, pid) for pid in risk.causing_harm]
    conf = meeting.conference
    conf.lead_practitioner = renamed.get(conf.lead_practitioner, conf.lead_practitioner)
    conf.core_group = [renamed.get(member, member) for member in conf.core_group]
    for parent in conf.parent_views:
        parent.person_id = renamed.get(parent.person_id, parent.person_id)
    for item in (*conf.child_views, *conf.decisions):
        item.child_id = renamed.get(item.child_id, item.child_id)


def _conference(m: Meeting) -> Conference:
    """The initial conference's decision: a plan for both children under emotional abuse, one private view."""
    leo, ruby = m.children[0].id, m.children[1].id
    kerry, mark, sue, priya = (p.id for p in m.people[:4])
    return Conference(
        stage="initial",
        agency_views=[
            AgencyView(
                id="v-00000001",
                agency="Children's social care",
                person="Priya Nair",
                view="likely",
                reason="The children have heard frightening arguments for months.",
            ),
            AgencyView(id="v-00000002", agency="Hollins Primary School", person="Ms Evans", view="not-sure"),
            AgencyView(
                id="v-00000003",
                agency=PRIVATE_AGENCY,
                person=PRIVATE_AGENCY_PERSON,
                view="likely",
                reason=PRIVATE_AGENCY_REASON,
                not_for_family=True,
            ),
        ],
        parent_views=[
            ParentView(person_id=kerry, words=PARENT_WORDS),
            ParentView(person_id=mark, words="I know the shouting has to stop."),
        ],
        child_views=[
            ChildView(child_id=leo, way="direct", words="I want it calm at home."),
            ChildView(child_id=ruby, way="advocate", words=HIDDEN_CONFERENCE_VIEW),
        ],
        decisions=[
            ChildDecision(
                child_id=leo,
                decision="plan-needed",
                reason=DECISION_REASON,
                categories=["emotional"],
                explanation=CATEGORY_EXPLANATION,
            ),
            ChildDecision(
                child_id=ruby,
                decision="plan-needed",
                reason=DECISION_REASON,
                categories=["emotional", "neglect"],
            ),
        ],
        lead_practitioner=priya,
        core_group=[kerry, mark, sue, priya],
        core_group_first=date(2026, 3, 12),
        review_date=date(2026, 6, 2),
        dissent=[
            Dissent(
                id="d-00000001",
                who="Ms Evans (school)",
                about="The category for Ruby",
                resolution="recorded",
                how="The chair decided; the school's view is minuted.",
            )
        ],
    )


def fixed_meeting(library: GuideLibrary) -> Meeting:
    """The meeting every paper test uses (build it inside ``local_zone()``)."""
    m = held_meeting(library, MEETING_DAY)
    m.people[0].prep_notes = PREP_NOTE
    m.people.append(
        Person(
            name=NOT_INVITED_NAME,
            role="wider-family",
            relationship="mum's ex-partner",
            invitation="not-invited",
            not_invited_reason=NOT_INVITED_REASON,
        )
    )
    m.children[1].views = HIDDEN_VIEWS
    m.children[1].views_consent = False
    m.choices.venue = "Room 2, Hollins Community Centre, 14 Bell Lane"
    m.choices.format = "in-person"
    m.choices.food = "Tea, toast and squash for Ruby"
    m.choices.language = "English"
    first_step = next(iter(sorted(m.steps)))
    m.steps[first_step] = StepState(status="done", note=STEP_NOTE, date=MEETING_DAY)
    m.info_sharing = [
        InfoShare(
            document="Social work report", to="Kerry and Mark", note=INFO_NOTE, shared=date(2026, 2, 27)
        )
    ]
    guide = library.get(m.guide_id)
    assert guide is not None and guide.private_phase is not None
    private_id = guide.private_phase.id
    for phase in m.record.phases:
        phase.notes = FAMILY_TIME_NOTE if phase.phase_id == private_id else ""
    m.record.phases[1].notes = PHASE_NOTE
    assert m.record.family_time_start is not None
    m.record.captures.append(
        Capture(
            kind="note",
            text=NOTE_CAPTURE,
            phase_id=m.record.phases[0].phase_id,
            at=m.record.phases[0].started,
        )
    )
    m.record.captures.append(
        Capture(kind="decision", text=FAMILY_TIME_CAPTURE, phase_id=private_id, at=m.record.family_time_start)
    )
    m.record.scales[0].note = SCALE_NOTE
    m.record.scales.append(
        ScaleAnswer(
            value=9, who="Sue", note="in family time", phase_id=private_id, at=m.record.family_time_start
        )
    )
    m.plan.bottom_line_checks[0].note = CHECK_NOTE_PREFIX
    m.plan.response.reasons = RESPONSE_REASONS
    m.follow_up.plan_changes = [
        PlanChange(
            date=date(2026, 3, 20), what="Sue has the children on Saturdays instead", reason=CHANGE_REASON
        )
    ]
    _fix_ids(m)
    m.conference = _conference(m)
    m.papers_sent = _papers_sent(m)
    return m


#: A recipient written in words, hostile: it must stay text on every paper that lists who got what.
SENT_RECIPIENT = "The <b>IRO</b> | [x](javascript:x) *office*"


def _papers_sent(m: Meeting) -> list[PaperSent]:
    """Who got which paper: the professionals' plan handed to Priya, the record emailed (not the family's plan)."""
    priya = m.people[3].id
    return [
        PaperSent(id="s-00000001", paper="plan-notes", person_id=priya, how="hand", on=date(2026, 3, 4)),
        PaperSent(
            id="s-00000002", paper="record", recipient=SENT_RECIPIENT, how="email", on=date(2026, 3, 5)
        ),
    ]

"""Fictional demo meetings, one at each stage, for trying the app safely.

Every name, place and event here is invented. Dates are set relative to today
so the demo always shows something due soon, something overdue and a review
coming up.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sdm_facilitator.demo_risks import screen_okafor_reid, screen_rahman, screen_the_rest
from sdm_facilitator.domain.conference import AgencyView, ChildDecision, ChildView, Conference, ParentView
from sdm_facilitator.domain.conference_rules import add_months, add_working_days, is_working_day
from sdm_facilitator.domain.distribution import record_sent
from sdm_facilitator.domain.family_network import ChildRelation, NetworkPlace
from sdm_facilitator.domain.meeting import (
    Action,
    ActionUpdate,
    BottomLineCheck,
    Capture,
    Feedback,
    InfoShare,
    Meeting,
    MeetingCost,
    Needs,
    Person,
    PhaseRecord,
    PlanChange,
    Review,
    ScaleAnswer,
    StepState,
    note_first_filled,
)
from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.domain.risks import AdviceCondition, Risk, RiskAdvice
from sdm_facilitator.domain.schedule import follow_up_due_date, step_due_date
from sdm_facilitator.guides.loader import GuideLibrary, load_library
from sdm_facilitator.storage.store import MeetingStore


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment on ``day`` in local time, stored as UTC like every timestamp."""
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


def _mark_steps(meeting: Meeting, library: GuideLibrary, stage: str, done: int, today: date) -> None:
    """Tick the first ``done`` steps of a stage, dated a day apart from the referral on."""
    guide = library.get(meeting.guide_id)
    if guide is None:
        return
    start = meeting.referral.date or today
    for index, step in enumerate(guide.steps_for(stage, meeting.context)[:done]):
        meeting.steps[step.id] = StepState(status="done", date=min(today, start + timedelta(days=index)))


def _mark_steps_on_track(
    meeting: Meeting, library: GuideLibrary, today: date, left_overdue: int, stage: str = "preparation"
) -> None:
    """Tick the steps of ``stage`` already due, leaving a few overdue, as a busy coordinator would."""
    guide = library.get(meeting.guide_id)
    if guide is None:
        return
    due_steps = []
    for step in guide.steps_for(stage, meeting.context):
        if stage == "preparation":
            due = step_due_date(meeting, step.days_before)
        else:
            due = follow_up_due_date(meeting, step.days_after)
        if due is not None and due < today:
            due_steps.append((due, step.id))
    due_steps.sort()
    for due, step_id in due_steps[: max(len(due_steps) - left_overdue, 0)]:
        meeting.steps[step_id] = StepState(status="done", date=due)


def _place_in_network(m: Meeting) -> None:
    """The Okafor-Reid family's places in the network drawing: nobody yet on the father's side but Dad.

    So the demo shows what coordinators most often miss: the Network section
    finds the father's side empty, and people can be added from it.
    """
    amara, tobi = m.children
    both = [amara.id, tobi.id]
    amara.network = NetworkPlace(relations=[ChildRelation(tobi.id, "sibling")], household="Grace's flat")
    tobi.network = NetworkPlace(relations=[ChildRelation(amara.id, "sibling")], household="Grace's flat")
    grace, beatrice, daniel, kemi, jo = m.people
    grace.network = NetworkPlace(
        relations=[ChildRelation(c, "parent") for c in both], side="mother", household="Grace's flat"
    )
    beatrice.network = NetworkPlace(
        relations=[ChildRelation(c, "grandparent") for c in both], side="mother", bond="supportive"
    )
    daniel.network = NetworkPlace(
        relations=[ChildRelation(c, "parent") for c in both], side="father", contact="little", bond="mixed"
    )
    kemi.network = NetworkPlace(
        relations=[ChildRelation(c, "community-faith") for c in both], side="not-related", bond="supportive"
    )
    jo.network = NetworkPlace(relations=[ChildRelation(c, "professional") for c in both], side="not-related")


def preparing_meeting(library: GuideLibrary, today: date) -> Meeting:
    """A family group conference being prepared, ten days before the day."""
    m = create_meeting(
        library,
        kind="fgc",
        family_label="Amara and the Okafor-Reid family",
        context="voluntary",
        when=datetime.combine(today + timedelta(days=10), time(17, 30)),
        children=[("Amara", 9), ("Tobi", 4)],
    )
    m.referral.date = today - timedelta(days=30)
    m.referral.referrer = "Jo Whitfield, family support worker"
    m.referral.worries = (
        "Mum has been unwell and in hospital twice since the summer. Amara has missed school and has been "
        "looking after Tobi in the evenings."
    )
    m.referral.strengths = (
        "The children are loved and close to their grandmother. Mum asked for help herself. "
        "Amara's teacher says she is bright and kind."
    )
    m.referral.bottom_lines = [
        "An adult the children know is with them every evening and overnight.",
        "Amara is in school every day.",
    ]
    m.referral.consent_meeting = True
    m.children[0].participation = "attends-part"
    m.children[0].views = "I want Nana to come more. I don't mind helping with Tobi but I get tired."
    m.children[0].views_consent = True
    m.children[0].advocate = "Sam (independent advocate)"
    m.children[1].participation = "written-views"
    m.people = [
        Person(
            name="Grace Okafor",
            role="parent",
            relationship="mum",
            invitation="accepted",
            prep_visit=today - timedelta(days=12),
            prep_notes="Prefers evenings; worried about being judged.",
            needs=Needs(childcare="for Tobi during the meeting"),
        ),
        Person(
            name="Beatrice Okafor",
            role="wider-family",
            relationship="grandmother (mum's mum)",
            invitation="accepted",
            prep_visit=today - timedelta(days=5),
            needs=Needs(language="Yoruba", interpreter=True, travel="lift from Leyton"),
        ),
        Person(name="Daniel Reid", role="parent", relationship="dad (lives apart)", invitation="invited"),
        Person(
            name="Kemi Adeyemi",
            role="friend-community",
            relationship="family friend from church",
            invitation="family-agreed",
        ),
        Person(
            name="Jo Whitfield",
            role="professional",
            relationship="family support worker",
            invitation="accepted",
            prep_visit=today - timedelta(days=8),
        ),
    ]
    _place_in_network(m)
    m.choices.venue = "Community room at St Anne's church hall"
    m.choices.format = "hybrid"
    m.choices.food = "Jollof rice and sandwiches; something for Tobi"
    m.choices.language = "English, with a Yoruba interpreter for Beatrice"
    m.info_sharing = [
        InfoShare(
            document="Family support worker's summary",
            to="Grace and Daniel",
            due=today + timedelta(days=3),
            lawful_basis="public-task",
        ),
        InfoShare(
            document="School attendance letter",
            to="Grace",
            due=today - timedelta(days=2),
            lawful_basis="public-task",
        ),
    ]
    _mark_steps_on_track(m, library, today, left_overdue=2)
    screen_okafor_reid(m, library, today)
    return m


def held_meeting(library: GuideLibrary, today: date) -> Meeting:
    """A participative child protection conference held today, plan agreed."""
    m = create_meeting(
        library,
        kind="cp-conference",
        family_label="The Hollins family",
        when=datetime.combine(today, time(10, 0)),
        children=[("Leo", 13), ("Ruby", 6)],
    )
    m.referral.date = today - timedelta(days=20)
    m.referral.referrer = "Priya Nair, social worker"
    m.referral.worries = (
        "Arguments at home have become frightening for the children; police were called once in March."
    )
    m.referral.strengths = "Both parents want things to change. Leo is doing well at football club."
    m.referral.bottom_lines = [
        "The children are not around shouting or violence.",
        "Leo has someone to talk to.",
    ]
    m.referral.consent_meeting = True
    m.children[0].participation = "attends-part"
    m.children[0].views = "I just want it to be calm at home. [I'm fine at football] :)"
    m.children[0].views_consent = True
    m.children[0].met_before = today - timedelta(days=4)
    m.children[1].participation = "written-views"
    m.children[1].views = "A drawing of the family at the park, with everyone smiling."
    m.people = [
        Person(
            name="Kerry Hollins",
            role="parent",
            relationship="mum",
            invitation="accepted",
            prep_visit=today - timedelta(days=9),
            attendance="present",
        ),
        Person(
            name="Mark Hollins",
            role="parent",
            relationship="dad",
            invitation="accepted",
            prep_visit=today - timedelta(days=9),
            attendance="present",
        ),
        Person(
            name="Sue Barnes",
            role="wider-family",
            relationship="aunt (mum's sister)",
            invitation="accepted",
            prep_visit=today - timedelta(days=6),
            attendance="remote",
        ),
        Person(
            name="Priya Nair",
            role="professional",
            relationship="social worker",
            invitation="accepted",
            prep_visit=today - timedelta(days=10),
            attendance="present",
        ),
    ]
    start = _at(today, 10, 0)
    m.record.started = start
    phase_ids = [a.phase_id for a in m.agenda]
    clock = start
    for item in m.agenda:
        m.record.phases.append(
            PhaseRecord(phase_id=item.phase_id, started=clock, ended=clock + timedelta(minutes=item.minutes))
        )
        clock += timedelta(minutes=item.minutes)
    m.record.ended = clock
    guide = library.get(m.guide_id)
    if guide and guide.private_phase:
        private = m.record.phase(guide.private_phase.id)
        if private:
            m.record.family_time_start, m.record.family_time_end = private.started, private.ended
    first_phase = phase_ids[1] if len(phase_ids) > 1 else ""
    m.record.captures = [
        Capture(
            kind="worry",
            text="Ruby has been hiding under her bed when voices are raised.",
            phase_id=first_phase,
            at=start + timedelta(minutes=25),
        ),
        Capture(
            kind="working-well",
            text="Mark has started the Building Better Relationships course.",
            phase_id=first_phase,
            at=start + timedelta(minutes=28),
        ),
        Capture(
            kind="decision",
            text="Sue will have the children on Friday nights.",
            phase_id=first_phase,
            at=start + timedelta(minutes=130),
        ),
    ]
    m.record.scales = [
        ScaleAnswer(value=4, who="Kerry", phase_id=first_phase, at=start + timedelta(minutes=35)),
        ScaleAnswer(
            value=3, who="Priya (social worker)", phase_id=first_phase, at=start + timedelta(minutes=36)
        ),
    ]
    m.plan.family_words = (
        "When things get heated Mark will go to his brother's for the night. Sue has the kids Fridays so "
        "Kerry and Mark get a break. We'll all go to the course."
    )
    m.plan.actions = [
        Action(what="Go to his brother's when an argument starts", who="Mark", support_needed="none"),
        Action(what="Have Leo and Ruby every Friday night", who="Sue", by_when=today + timedelta(days=4)),
        Action(
            what="Arrange a school counsellor for Leo",
            who="Priya (social worker)",
            by_when=today + timedelta(days=14),
            support_from="school",
        ),
    ]
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    m.plan.family_keeper = "Sue Barnes"
    m.plan.professional_lead = "Priya Nair"
    m.plan.review_date = _working_day_on_or_before(add_months(today, 3))
    m.plan.bottom_line_checks = [
        BottomLineCheck(
            bottom_line=m.referral.bottom_lines[0], addressed=True, note="Plan for leaving and Friday nights."
        ),
        BottomLineCheck(bottom_line=m.referral.bottom_lines[1], addressed=True, note="School counsellor."),
    ]
    m.plan.response.decision = "agreed"
    m.plan.response.date = today
    # The review conference: within three months, on a working day (the decision record has the same day).
    m.follow_up.reviews = [Review(scheduled=_working_day_on_or_before(add_months(today, 3)))]
    for stage in ("preparation", "meeting", "family_time"):
        _mark_steps(m, library, stage, 99, today)
    _hollins_risk_screen(m, today)
    _record_conference_decision(m, today)
    return m


def _working_day_on_or_before(day: date) -> date:
    """The last working day on or before ``day``: a review conference is never set for a weekend."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _record_conference_decision(m: Meeting, today: date) -> None:
    """The Hollins conference's decision: views, a plan under one category, who does what next."""
    kerry, mark, sue, priya = (p.id for p in m.people)
    leo, ruby = (c.id for c in m.children)
    explanation = (
        "The children have been frightened by the arguments at home. Hearing and seeing violence "
        "between the adults they love harms how safe they feel: this is emotional harm."
    )
    m.conference = Conference(
        stage="initial",
        agency_views=[
            AgencyView(
                agency="Children's social care",
                person="Priya Nair",
                view="likely",
                reason="Police were called in March and Ruby hides when voices are raised.",
            ),
            AgencyView(
                agency="Leo's school",
                person="Mrs Okoye, designated safeguarding lead",
                view="not-sure",
                reason="Leo's attendance is good; he has told his form tutor he cannot sleep.",
            ),
            AgencyView(
                agency="Police",
                person="DC Hale",
                view="likely",
                reason="A second call-out in April was logged but not reported to the family.",
                not_for_family=True,
            ),
        ],
        parent_views=[
            ParentView(person_id=kerry, words="We know it got bad. We want help, not to be judged."),
            ParentView(person_id=mark, words="I'm doing the course. I don't want the kids scared of me."),
        ],
        child_views=[
            ChildView(child_id=leo, way="direct", words="I just want it to be calm at home."),
            ChildView(child_id=ruby, way="written-or-recorded", words="A drawing of the family at the park."),
        ],
        decisions=[
            ChildDecision(
                child_id=child, decision="plan-needed", categories=["emotional"], explanation=explanation
            )
            for child in (leo, ruby)
        ],
        lead_practitioner=priya,
        core_group=[priya, kerry, mark, sue],
        core_group_first=add_working_days(today, 5),
        review_date=_working_day_on_or_before(add_months(today, 3)),
    )


def _hollins_risk_screen(m: Meeting, today: date) -> None:
    """Domestic abuse, present: Kerry at risk, Mark thought to cause harm, an IDVA's advice recorded.

    With it the plan safety check warns about the plan the family wrote: the
    contingency has Kerry, the person at risk, taking the children to safety,
    and Mark going to his brother's rests on him alone.
    """
    kerry = next(p.id for p in m.people if p.name == "Kerry Hollins")
    mark = next(p.id for p in m.people if p.name == "Mark Hollins")
    m.risks.append(
        Risk(
            kind="domestic-abuse",
            status="present",
            at_risk=[kerry],
            causing_harm=[mark],
            source="Police call-out in March; Kerry at her preparation visit",
            screened_on=today - timedelta(days=9),
            advice=RiskAdvice(
                by="Dee Carter",
                role="IDVA",
                on=today - timedelta(days=7),
                outcome="go-ahead-with-conditions",
                conditions=[
                    AdviceCondition(
                        kind="separate-arrival", what="Kerry and Mark arrive and wait apart", met=True
                    ),
                    AdviceCondition(
                        kind="family-time-check-in",
                        what="The coordinator checks in with Kerry alone during family time",
                        met=True,
                    ),
                ],
            ),
        )
    )
    screen_the_rest(m, today - timedelta(days=9), "Preparation visits with Kerry, Mark and Sue")


def follow_up_meeting(library: GuideLibrary, today: date) -> Meeting:
    """A family group conference held two and a half months ago, in follow-up."""
    held = today - timedelta(days=75)
    m = create_meeting(
        library,
        kind="fgc",
        family_label="Rahman family",
        context="statutory",
        when=datetime.combine(held, time(13, 0)),
        children=[("Yusuf", 15)],
    )
    m.referral.date = held - timedelta(days=42)
    m.referral.referrer = "Owen Price, youth worker"
    m.referral.worries = (
        "Yusuf has been staying out late and was found at a house where older men sell drugs."
    )
    m.referral.strengths = "Big, close family; his uncle runs a garage and has offered Yusuf work."
    m.referral.bottom_lines = ["Yusuf is home by 9pm on school nights.", "Someone knows where he is."]
    m.referral.consent_meeting = True
    m.children[0].participation = "attends-all"
    m.children[0].views = "Everyone talks about me like I'm not there. I'd work at the garage though."
    m.children[0].views_consent = True
    m.people = [
        Person(
            name="Nasreen Rahman",
            role="parent",
            relationship="mum",
            invitation="accepted",
            prep_visit=held - timedelta(days=20),
            attendance="present",
            needs=Needs(language="Bengali"),
        ),
        Person(
            name="Farid Rahman",
            role="wider-family",
            relationship="uncle",
            invitation="accepted",
            prep_visit=held - timedelta(days=15),
            attendance="present",
        ),
        Person(
            name="Owen Price",
            role="professional",
            relationship="youth worker",
            invitation="accepted",
            prep_visit=held - timedelta(days=21),
            attendance="present",
        ),
    ]
    m.record.started = _at(held, 13, 0)
    m.record.ended = _at(held, 15, 40)
    m.plan.family_words = "Yusuf works at Farid's garage Saturdays. Mum texts Farid if Yusuf isn't home by 9."
    m.plan.actions = [
        Action(
            what="Saturday job at the garage",
            who="Farid and Yusuf",
            status="under-way",
            updates=[
                ActionUpdate(date=held + timedelta(days=14), status="under-way", note="Started; going well.")
            ],
        ),
        Action(
            what="Find a boxing club Yusuf likes",
            who="Owen (youth worker)",
            by_when=held + timedelta(days=30),
            support_from="youth service",
            support_delivered="not-yet",
            status="stuck",
            updates=[
                ActionUpdate(
                    date=held + timedelta(days=40),
                    status="stuck",
                    note="Club full until spring; looking at another one.",
                )
            ],
        ),
        Action(
            what="Phone credit so Yusuf can always call home",
            who="Nasreen",
            status="done",
            updates=[ActionUpdate(date=held + timedelta(days=3), status="done", note="")],
        ),
    ]
    m.plan.contingency = (
        "If Yusuf is not home by 10, Farid goes to look and Nasreen calls Owen's out-of-hours line."
    )
    m.plan.family_keeper = "Farid Rahman"
    m.plan.professional_lead = "Owen Price"
    m.plan.review_date = held + timedelta(days=90)
    m.plan.response.decision = "agreed-with-changes"
    m.plan.response.changes = "Added: the family tells Owen about any night Yusuf is not home."
    m.plan.response.date = held
    m.follow_up.plan_changes = [
        PlanChange(
            date=held + timedelta(days=45),
            what="Curfew moved to 9:30 on Fridays",
            reason="Yusuf asked; everyone agreed it was fair.",
        ),
    ]
    m.follow_up.reviews = [Review(scheduled=held + timedelta(days=90), requested_by="planned at the meeting")]
    # What the fidelity markers and the report read.
    m.choices.date_chosen_by = m.choices.food_chosen_by = "family"
    m.choices.venue_chosen_by = "shared"
    m.choices.venue_council_building = False
    m.people[0].needs.interpreter, m.people[0].needs.interpreter_booked = True, True
    m.children[0].advocate_offer = "declined"
    m.children[0].met_before = held - timedelta(days=18)
    m.record.new_information_on_day = False
    m.record.authority_present = True
    m.plan.sent_on = held + timedelta(days=3)
    # What the evaluation reads: the stage at referral, the referrer's call back, and the cost.
    m.referral.baseline_stage = "child_in_need"
    m.referral.referrer_contacted = _working_day_on_or_before(m.referral.date + timedelta(days=1))
    m.cost = MeetingCost(
        preparation_minutes=14 * 60, meeting_minutes=4 * 60, follow_up_minutes=90, interpreting_pence=12000
    )
    # Who got which paper: the plan to the mother by post, the record to the social worker by email.
    record_sent(m.papers_sent, "plan", held + timedelta(days=3), "post", person_id=m.people[0].id)
    record_sent(
        m.papers_sent, "record", held + timedelta(days=3), "email", recipient="The children's social worker"
    )
    m.feedback = [
        Feedback(
            given_on=held + timedelta(days=7),
            understood_worries=4,
            listened_to=5,
            judged=2,
            plan_ours=5,
            know_next=4,
            comment="It was the first time everyone listened to Farid.",
        ),
        Feedback(
            respondent="child",
            given_on=held + timedelta(days=7),
            understood_worries=5,
            listened_to=3,
            judged=3,
            plan_ours=5,
            know_next=5,
        ),
        Feedback(status="declined", given_on=held + timedelta(days=7)),
    ]
    # No private family time is in the record, so its steps are left unticked: a tick would
    # claim what the record denies (``step_progress.family_time_missed``).
    for stage in ("preparation", "meeting"):
        _mark_steps(m, library, stage, 99, today)
    _mark_steps_on_track(m, library, today, left_overdue=1, stage="follow_up")
    screen_rahman(m, library, today)
    return m


def early_meeting(library: GuideLibrary, today: date) -> Meeting:
    """A child in need meeting just referred: nothing arranged yet."""
    m = create_meeting(
        library, kind="cin-meeting", family_label="Jay and Mia (Taylor household)", children=[("Mia", 2)]
    )
    m.referral.date = today - timedelta(days=2)
    m.referral.referrer = "Health visitor"
    m.referral.worries = (
        "Jay is a young dad on his own with Mia and says he is struggling with money and sleep."
    )
    m.referral.strengths = "Jay asked for help. Mia is thriving and meeting her milestones."
    return m


def write_demo(data_dir: Path, today: date | None = None) -> list[str]:
    """Write the demo meetings into ``data_dir`` and return their ids."""
    today = today or date.today()
    library = load_library(None)
    store = MeetingStore(data_dir)
    store.ensure()
    ids = []
    for build in (preparing_meeting, held_meeting, follow_up_meeting, early_meeting):
        meeting = build(library, today)
        # Written when referred, as a coordinator would have: the "before the day" markers read it.
        note_first_filled(meeting, meeting.referral.date or today)
        opened = store.create(meeting)
        store.close(opened)
        ids.append(opened.meeting.id)
    return ids

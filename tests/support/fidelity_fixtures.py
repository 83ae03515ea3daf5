"""A meeting delivered well in every way the fidelity markers look at, and a small guide.

Tests start from ``delivered_meeting()`` (every marker met) and change one
thing, so each case shows exactly which fact moves a marker.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sdm_facilitator.domain.guide import Guide, Phase, Prompt, Step
from sdm_facilitator.domain.meeting import (
    Action,
    BottomLineCheck,
    Child,
    InfoShare,
    Meeting,
    Needs,
    Person,
    Review,
)

TODAY = date(2026, 6, 1)
REFERRED = date(2026, 3, 2)  # a Monday
HELD = date(2026, 4, 1)  # a Wednesday, 30 days later


def small_guide() -> Guide:
    steps = (
        Step(
            "p1",
            "preparation",
            ("collaboration", "trust"),
            ("voluntary", "statutory"),
            "P1",
            "why",
            days_before=30,
        ),
        Step("p2", "preparation", ("child",), ("voluntary",), "P2", "why", days_before=10),
        Step("p3", "preparation", ("child",), ("voluntary",), "P3", "why", days_before=5),
        Step("p4", "preparation", ("participation",), ("statutory",), "Only statutory", "why"),
        Step("m1", "meeting", ("participation",), ("voluntary", "statutory"), "M1", "why"),
        Step("f1", "follow_up", ("collaboration",), ("voluntary",), "F1", "why", days_after=14),
    )
    phases = (
        Phase("intro", "Intro", 15, (Prompt("a", "trust"), Prompt("b", "trust"))),
        Phase(
            "private", "Private family time", 60, (Prompt("c", "trust"), Prompt("d", "trust")), private=True
        ),
    )
    return Guide("g", "G", "1", ("fgc",), "s", steps, phases, (), ())


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def delivered_meeting() -> Meeting:
    """Every fidelity marker met."""
    m = Meeting(kind="fgc", context="voluntary", family_label="Well delivered", guide_id="g")
    m.referral.date = REFERRED
    m.referral.referrer_contacted = REFERRED + timedelta(days=1)
    m.referral.bottom_lines = ["Nobody drinks while caring for the children"]
    m.first_filled["referral.bottom_lines"] = REFERRED
    m.choices.when = datetime(HELD.year, HELD.month, HELD.day, 10, 0)
    m.choices.format = "in-person"
    m.choices.venue = "Community centre"
    m.choices.date_chosen_by = m.choices.venue_chosen_by = m.choices.food_chosen_by = "family"
    m.choices.venue_council_building = False
    m.people = [
        Person(
            name="Nan",
            role="wider-family",
            invitation="accepted",
            prep_visit=REFERRED + timedelta(days=1),
            attendance="present",
            needs=Needs(language="Polish", interpreter=True, interpreter_booked=True),
        ),
        Person(
            name="Social worker",
            role="professional",
            invitation="accepted",
            prep_visit=REFERRED + timedelta(days=10),
            attendance="present",
        ),
        Person(name="Interpreter", role="interpreter", invitation="accepted", attendance="present"),
    ]
    m.children = [
        Child(
            name="Ada",
            age=9,
            participation="attends-part",
            views="I want to stay with Mum",
            views_consent=True,
            advocate_offer="accepted",
            met_before=REFERRED + timedelta(days=3),
        )
    ]
    m.info_sharing = [InfoShare(document="Social work report", to="Family", shared=HELD - timedelta(days=3))]
    rec = m.record
    rec.started = _at(HELD, 10)
    rec.family_time_start = _at(HELD, 11)
    rec.family_time_end = _at(HELD, 12, 5)
    rec.ended = _at(HELD, 13)
    rec.new_information_on_day = False
    rec.non_family_in_family_time = False
    rec.authority_present = True
    p = m.plan
    p.family_words = "Our plan"
    p.actions = [
        Action(
            what="Nan collects the children",
            who="Nan",
            by_when=HELD + timedelta(days=7),
            support_needed="bus fare",
            support_from="Children's services",
            support_delivered="given",
        )
    ]
    p.contingency = "Uncle steps in"
    p.family_keeper = "Nan"
    p.professional_lead = "Social worker"
    p.bottom_line_checks = [
        BottomLineCheck(bottom_line="Nobody drinks while caring for the children", addressed=True)
    ]
    p.response.decision = "agreed"
    p.sent_on = HELD + timedelta(days=2)
    p.review_date = HELD + timedelta(days=42)
    m.follow_up.reviews = [Review(scheduled=HELD + timedelta(days=42), held=HELD + timedelta(days=40))]
    return m

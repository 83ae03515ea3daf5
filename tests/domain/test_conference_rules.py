"""The conference's rules: working days, timescales, the decision's parts and the statistics category."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.conference import (
    AgencyView,
    ChildDecision,
    ChildView,
    Conference,
    Dissent,
    ParentView,
)
from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.readiness import SECTION_DECISION, readiness
from sdm_facilitator.domain.schedule import due_items

# Tuesday 3 March 2026, the demo conference's day.
HELD = date(2026, 3, 3)


def conference_meeting(held: date = HELD, *, review_of: str = "") -> Meeting:
    meeting = Meeting(kind="cp-conference", family_label="Hollins", reviews_meeting_id=review_of)
    meeting.record.started = datetime(held.year, held.month, held.day, 12, 0, tzinfo=UTC)
    meeting.children = [Child(id="c-leo", name="Leo"), Child(id="c-ruby", name="Ruby")]
    meeting.people = [
        Person(id="p-kerry", name="Kerry", role="parent"),
        Person(id="p-sw", name="Sam Ward", role="professional"),
        Person(id="p-sue", name="Sue", role="wider-family"),
    ]
    return meeting


def complete(meeting: Meeting) -> Meeting:
    """Every part of the record filled in, within the timescales."""
    meeting.conference = Conference(
        agency_views=[AgencyView(agency="School", person="Ms Grey", view="likely", reason="Leo hungry")],
        parent_views=[ParentView(person_id="p-kerry", words="I want them home with me.")],
        child_views=[
            ChildView(child_id="c-leo", way="direct", words="I like school."),
            ChildView(child_id="c-ruby", way="not-sought", not_sought_reason="Ruby is two."),
        ],
        decisions=[
            ChildDecision(child_id=c, decision="plan-needed", categories=["neglect"], explanation="Not fed.")
            for c in ("c-leo", "c-ruby")
        ],
        lead_practitioner="p-sw",
        core_group=["p-sw", "p-kerry", "p-sue"],
        core_group_first=date(2026, 3, 10),
        review_date=date(2026, 6, 2),
        dissent=[Dissent(who="Police", about="The category", resolution="recorded")],
    )
    return meeting


def codes(meeting: Meeting) -> list[str]:
    return [c.code for c in rules.missing_parts(meeting)]


# ------------------------------------------------------------------ working days and bank holidays


def test_england_and_wales_bank_holidays_follow_the_standing_rules_and_substitutes() -> None:
    assert sorted(rules.bank_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),  # Boxing Day on a Saturday moves to Monday
    ]
    # Christmas on a Saturday: both days move, to Monday and Tuesday.
    assert {date(2027, 12, 27), date(2027, 12, 28)} <= rules.bank_holidays(2027)
    # New Year's Day on a Saturday moves to Monday 3 January.
    assert date(2028, 1, 3) in rules.bank_holidays(2028)
    assert date(2028, 1, 1) not in rules.bank_holidays(2028)


def test_one_off_bank_holidays_are_known() -> None:
    days_2022 = rules.bank_holidays(2022)
    assert {date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)} <= days_2022
    assert date(2022, 5, 30) not in days_2022  # the late May holiday moved to 2 June
    assert date(2023, 5, 8) in rules.bank_holidays(2023)
    assert date(2020, 5, 8) in rules.bank_holidays(2020)
    assert date(2020, 5, 4) not in rules.bank_holidays(2020)


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 3, 6)
    assert rules.add_working_days(friday, 1) == date(2026, 3, 9)  # Monday
    assert rules.working_days_after(friday, date(2026, 3, 9)) == 1
    assert rules.working_days_after(friday, date(2026, 3, 8)) == 0  # Sunday
    assert rules.working_days_after(date(2026, 3, 9), friday) == -1
    saturday = date(2026, 3, 7)
    assert rules.add_working_days(saturday, 1) == date(2026, 3, 9)


def test_working_days_skip_bank_holidays() -> None:
    # Thursday before Easter 2026: Good Friday and Easter Monday are not working days.
    assert rules.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert not rules.is_working_day(date(2026, 12, 28))


def test_core_group_deadline_is_ten_working_days_on() -> None:
    assert rules.core_group_deadline(HELD) == date(2026, 3, 17)
    # Over Easter: two bank holidays push it two days further.
    assert rules.core_group_deadline(date(2026, 3, 31)) == date(2026, 4, 16)
    # Over the year's end: Christmas, the substitute Boxing Day and New Year's Day.
    assert rules.core_group_deadline(date(2026, 12, 21)) == date(2027, 1, 7)


def test_months_keep_the_day_or_take_the_months_last() -> None:
    assert rules.add_months(date(2026, 3, 3), 3) == date(2026, 6, 3)
    assert rules.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert rules.add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)  # leap year
    assert rules.add_months(date(2028, 2, 29), 6) == date(2028, 8, 29)  # from the leap day
    assert rules.add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert rules.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert rules.add_months(date(2026, 10, 31), 3) == date(2027, 1, 31)  # across the year


# ------------------------------------------------------------------ stage


def test_stage_defaults_from_the_meeting_and_the_chair_can_set_it() -> None:
    assert rules.conference_stage(conference_meeting()) == "initial"
    review = conference_meeting(review_of="20250101-abcdef01")
    assert rules.conference_stage(review) == "review"
    review.conference.stage = "initial"
    assert rules.conference_stage(review) == "initial"
    assert rules.conference_stage(Meeting(kind="fgc")) is None


def test_review_deadline_is_three_months_after_an_initial_and_six_after_a_review() -> None:
    assert rules.review_deadline(HELD, "initial") == date(2026, 6, 3)
    assert rules.review_deadline(HELD, "review") == date(2026, 9, 3)


# ------------------------------------------------------------------ the checks


def test_a_complete_record_has_nothing_missing() -> None:
    assert rules.missing_parts(complete(conference_meeting())) == []


def test_other_kinds_are_never_checked() -> None:
    meeting = conference_meeting()
    meeting.kind = "fgc"
    assert rules.missing_parts(meeting) == []


def test_an_empty_record_lists_every_child() -> None:
    found = rules.missing_parts(conference_meeting())
    assert [(c.code, c.ref) for c in found] == [
        ("agency-views-missing", ""),
        ("child-view-missing", "c-leo"),
        ("child-view-missing", "c-ruby"),
        ("decision-missing", "c-leo"),
        ("decision-missing", "c-ruby"),
    ]
    assert found[1].text == "Leo's view is not recorded."


def test_plan_needed_needs_a_category_and_an_explanation() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.decisions[0].categories = []
    meeting.conference.decisions[1].explanation = " "
    assert codes(meeting) == ["category-missing", "explanation-missing"]
    assert rules.missing_parts(meeting)[0].ref == "c-leo"


@pytest.mark.parametrize("decision", ["plan-not-needed", "end-plan"])
def test_no_plan_needs_what_happens_instead(decision: str) -> None:
    meeting = complete(conference_meeting(review_of="x" if decision == "end-plan" else ""))
    for d in meeting.conference.decisions:
        d.decision, d.categories, d.explanation = decision, [], ""
    meeting.conference.decisions[0].instead = "child-in-need"
    assert codes(meeting) == ["instead-missing"]
    assert rules.missing_parts(meeting)[0].ref == "c-ruby"


def test_no_plan_needs_no_follow_up_dates_or_people() -> None:
    meeting = complete(conference_meeting())
    conference = meeting.conference
    for d in conference.decisions:
        d.decision, d.instead, d.categories = "plan-not-needed", "early-help", []
    conference.lead_practitioner, conference.core_group = "", []
    conference.core_group_first = conference.review_date = None
    assert codes(meeting) == []


def test_a_decision_must_fit_the_stage() -> None:
    meeting = complete(conference_meeting(review_of="20250101-abcdef01"))
    meeting.conference.review_date = date(2026, 9, 1)
    assert codes(meeting) == ["decision-stage", "decision-stage"]
    for d in meeting.conference.decisions:
        d.decision = "continue-plan"
    assert codes(meeting) == []


def test_a_child_view_not_sought_needs_a_reason_and_a_sought_one_needs_words() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.child_views[1].not_sought_reason = ""
    meeting.conference.child_views[0].words = ""
    assert codes(meeting) == ["child-view-words", "child-view-reason"]


def test_lead_and_core_group_come_from_the_people_list_family_included() -> None:
    meeting = complete(conference_meeting())
    assert codes(meeting) == []  # Kerry and Sue (family) are in the core group
    meeting.conference.lead_practitioner = "p-gone"
    meeting.conference.core_group.append("p-also-gone")
    found = rules.missing_parts(meeting)
    assert [(c.code, c.ref) for c in found] == [
        ("lead-unknown", "p-gone"),
        ("core-group-unknown", "p-also-gone"),
    ]


def test_a_plan_needs_a_lead_and_a_core_group() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.lead_practitioner = ""
    meeting.conference.core_group = []
    assert codes(meeting) == ["lead-missing", "core-group-missing"]


def test_dissent_needs_who_and_what() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.dissent.append(Dissent(who="Health", about=""))
    meeting.conference.dissent.append(Dissent(who="", about="The plan"))
    assert codes(meeting) == ["dissent-incomplete", "dissent-incomplete"]


def test_agency_views_need_the_agency_and_the_view() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.agency_views.append(AgencyView(agency="Police", view=None))
    assert codes(meeting) == ["agency-view-incomplete"]


# ------------------------------------------------------------------ date warnings


def test_core_group_on_the_tenth_working_day_is_fine_and_the_eleventh_is_late() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.core_group_first = date(2026, 3, 17)
    assert codes(meeting) == []
    meeting.conference.core_group_first = date(2026, 3, 18)
    (late,) = rules.missing_parts(meeting)
    assert late.code == "core-group-late"
    assert late.text == (
        "The first core group is 11 working days after the conference: more than 10 (by Tue 17 Mar 2026)."
    )
    assert late.due == date(2026, 3, 17)


def test_core_group_deadline_from_a_friday_conference_crosses_two_weekends() -> None:
    meeting = complete(conference_meeting(held=date(2026, 3, 6)))
    meeting.conference.core_group_first = date(2026, 3, 20)  # ten working days
    meeting.conference.review_date = date(2026, 6, 5)
    assert codes(meeting) == []
    meeting.conference.core_group_first = date(2026, 3, 23)
    assert codes(meeting) == ["core-group-late"]


def test_a_date_on_a_weekend_or_bank_holiday_is_questioned() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.core_group_first = date(2026, 3, 14)  # a Saturday
    meeting.conference.review_date = date(2026, 5, 25)  # the spring bank holiday
    checks = rules.missing_parts(meeting)
    assert [c.code for c in checks] == ["core-group-closed-day", "review-closed-day"]
    assert checks[0].text == (
        "The first core group is set for Sat 14 Mar 2026, a weekend or bank holiday: is that right?"
    )
    meeting.conference.core_group_first = date(2026, 3, 13)
    meeting.conference.review_date = date(2026, 5, 26)
    assert codes(meeting) == []


def test_core_group_before_the_conference_is_flagged() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.core_group_first = date(2026, 3, 2)
    assert codes(meeting) == ["core-group-early"]


def test_review_after_an_initial_conference_at_three_months() -> None:
    meeting = complete(conference_meeting(held=date(2027, 11, 30)))
    meeting.conference.core_group_first = date(2027, 12, 6)
    meeting.conference.review_date = date(2028, 2, 29)  # the month's end, a leap day
    assert codes(meeting) == []
    meeting.conference.review_date = date(2028, 3, 1)
    (late,) = rules.missing_parts(meeting)
    assert late.code == "review-late"
    assert (
        late.text
        == "The review conference is more than 3 months after an initial conference (by Tue 29 Feb 2028)."
    )


def test_review_after_a_review_conference_at_six_months() -> None:
    meeting = complete(conference_meeting(review_of="20250101-abcdef01"))
    for d in meeting.conference.decisions:
        d.decision = "continue-plan"
    meeting.conference.review_date = date(2026, 9, 3)
    assert codes(meeting) == []
    meeting.conference.review_date = date(2026, 9, 4)
    assert codes(meeting) == ["review-late"]


def test_missing_follow_up_dates_say_when_they_are_due() -> None:
    meeting = complete(conference_meeting())
    meeting.conference.core_group_first = None
    meeting.conference.review_date = None
    found = rules.missing_parts(meeting)
    assert [(c.code, c.due) for c in found] == [
        ("core-group-date-missing", date(2026, 3, 17)),
        ("review-date-missing", date(2026, 6, 3)),
    ]
    assert found[0].text == "No first core group date: it should meet by Tue 17 Mar 2026."


def test_dates_are_not_checked_before_the_conference_has_a_day() -> None:
    meeting = complete(conference_meeting())
    meeting.record.started = None
    meeting.conference.core_group_first = date(2030, 1, 1)
    assert codes(meeting) == []


# ------------------------------------------------------------------ categories


def test_more_than_one_category_counts_as_multiple() -> None:
    assert rules.statistics_category(["neglect", "emotional"]) == "Multiple"
    assert rules.statistics_category(["sexual"]) == "Sexual abuse"
    assert rules.statistics_category([]) == ""


def test_categories_are_named_in_the_order_of_the_choices() -> None:
    assert rules.categories_words(["emotional", "neglect"]) == "Neglect and emotional abuse"
    assert (
        rules.categories_words(["sexual", "physical", "neglect"])
        == "Neglect, physical abuse and sexual abuse"
    )
    assert rules.categories_words(["physical"]) == "Physical abuse"
    assert rules.categories_words([]) == ""


# ------------------------------------------------------------------ after the conference: readiness and dates


def ended(meeting: Meeting) -> Meeting:
    meeting.record.ended = meeting.record.started
    return meeting


def test_after_a_conference_readiness_lists_the_missing_parts_as_checks() -> None:
    meeting = ended(conference_meeting())
    found = [i for i in readiness(meeting, None, HELD).items if i.section == SECTION_DECISION]
    assert [(i.text, i.kind) for i in found] == [
        ("No agency's view on significant harm is recorded.", "check"),
        ("Leo's view is not recorded.", "check"),
        ("Ruby's view is not recorded.", "check"),
        ("No decision is recorded for Leo.", "check"),
        ("No decision is recorded for Ruby.", "check"),
    ]


def test_before_the_conference_ends_readiness_does_not_ask_for_the_decision() -> None:
    meeting = conference_meeting()
    assert not [i for i in readiness(meeting, None, HELD).items if i.section == SECTION_DECISION]


def test_core_group_and_review_conference_are_due_items_until_met() -> None:
    meeting = ended(complete(conference_meeting()))
    items = [(d.kind, d.due, d.label) for d in due_items(meeting)]
    assert ("core-group", date(2026, 3, 10), "first core group") in items
    assert ("review", date(2026, 6, 2), "review conference") in items
    ready = readiness(meeting, None, date(2026, 3, 11))
    (core,) = [i for i in ready.items if i.section == SECTION_DECISION]
    assert core.overdue and core.due == date(2026, 3, 10)
    assert "mark it met" in core.text
    assert ready.review_due == date(2026, 6, 2)
    assert not [i for i in ready.items if i.text == "No review date is set"]
    meeting.conference.core_group_met = True
    assert "core-group" not in [d.kind for d in due_items(meeting)]


def test_no_plan_means_no_core_group_or_review_due() -> None:
    meeting = ended(complete(conference_meeting()))
    for d in meeting.conference.decisions:
        d.decision, d.instead = "plan-not-needed", "early-help"
    assert [d.kind for d in due_items(meeting) if d.kind in ("core-group", "review")] == []


def test_other_kinds_have_no_conference_dates() -> None:
    meeting = ended(complete(conference_meeting()))
    meeting.kind = "fgc"
    assert [d.kind for d in due_items(meeting) if d.kind in ("core-group", "review")] == []

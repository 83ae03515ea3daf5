"""The chosen jurisdiction profile's conference law reaches every date and category the app words.

A profile's timescales change the due dates readiness and the fidelity
marker report; a profile that gives none says so and never counts England's.
Its categories of harm name the decision in the letter and the record, and a
category the profile does not name is kept and shown with a note.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.conference import AgencyView, ChildDecision, ChildView, Conference, ParentView
from sdm_facilitator.domain.fidelity import fidelity_profile
from sdm_facilitator.domain.jurisdiction import JurisdictionProfile, Timescales
from sdm_facilitator.domain.labels import HARM_CATEGORY_LABELS
from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.profile_law import ProfileLaw, profile_law
from sdm_facilitator.domain.readiness import SECTION_DECISION, readiness
from sdm_facilitator.domain.summary import summarise
from sdm_facilitator.export.paper_catalogue import ExportOptions, build_paper, export_meeting
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR
from sdm_facilitator.guides.loader import load_profile_file
from sdm_facilitator.paths import bundled_guides_dir

PROFILES = bundled_guides_dir() / JURISDICTIONS_DIR
#: A profile quicker than England's: a core group in 5 working days, reviews at 2 then 4 months.
QUICKER = Timescales(core_group_working_days=5, first_review_months=2, review_interval_months=4)


def bundled(profile_id: str) -> JurisdictionProfile:
    profile, problems = load_profile_file(PROFILES / f"{profile_id}.toml")
    assert problems == [] and profile is not None
    return profile


# Tuesday 3 March 2026.
HELD = date(2026, 3, 3)


def held_conference() -> Meeting:
    """A complete, ended conference on Tue 3 Mar 2026, its core group on the 7th working day after."""
    meeting = Meeting(kind="cp-conference", family_label="Hollins")
    meeting.record.started = meeting.record.ended = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
    meeting.children = [Child(id="c-leo", name="Leo")]
    meeting.people = [
        Person(id="p-kerry", name="Kerry", role="parent"),
        Person(id="p-sw", name="Sam Ward", role="professional"),
    ]
    meeting.conference = Conference(
        agency_views=[AgencyView(agency="School", view="likely", reason="Leo hungry")],
        parent_views=[ParentView(person_id="p-kerry", words="I want them home.")],
        child_views=[ChildView(child_id="c-leo", way="direct", words="I like school.")],
        decisions=[
            ChildDecision(
                child_id="c-leo", decision="plan-needed", categories=["neglect"], explanation="Not fed."
            )
        ],
        lead_practitioner="p-sw",
        core_group=["p-sw", "p-kerry"],
        core_group_first=date(2026, 3, 12),
        review_date=date(2026, 6, 2),
    )
    return meeting


def decision_texts(
    meeting: Meeting, today: date, timescales: Timescales | None, *, categories_named: bool = True
) -> list[str]:
    law = ProfileLaw(timescales=timescales, categories=HARM_CATEGORY_LABELS if categories_named else {})
    items = readiness(meeting, None, today, law).items
    return [i.text for i in items if i.section == SECTION_DECISION]


def test_a_quicker_profile_moves_the_due_dates_readiness_says() -> None:
    meeting = held_conference()
    # England: 7 working days is within 10, and 2 June is within 3 months: nothing to look at.
    assert decision_texts(meeting, HELD, rules.DEFAULT_TIMESCALES) == [
        "The first core group meets on Thu 12 Mar"
    ]
    assert set(decision_texts(meeting, HELD, QUICKER)) == {
        "The first core group is 7 working days after the conference: more than 5 (by Tue 10 Mar 2026).",
        "The review conference is more than 2 months after an initial conference (by Sun 3 May 2026).",
        "The first core group meets on Thu 12 Mar",
    }


def test_a_profile_without_timescales_says_so_and_counts_nothing_late() -> None:
    us = bundled("us")
    assert us.timescales is None
    meeting = held_conference()
    meeting.conference.core_group_first = date(2026, 4, 30)  # late by England's count
    assert decision_texts(meeting, HELD, us.timescales) == ["The first core group meets on Thu 30 Apr"]
    meeting.conference.core_group_first = meeting.conference.review_date = None
    assert decision_texts(meeting, HELD, us.timescales) == [
        "No first core group date is recorded (the jurisdiction profile gives no timescale for it: "
        "check your local procedures).",
        "No review conference date is recorded (the jurisdiction profile gives no timescale for it: "
        "check your local procedures).",
    ]
    assert rules.core_group_due_words(HELD, None) == (
        "The jurisdiction profile gives no timescale for the first core group: check your local procedures."
    )


def test_a_profile_without_categories_asks_for_none() -> None:
    meeting = held_conference()
    for decision in meeting.conference.decisions:
        decision.categories = []
    asked = "No category of harm is recorded for Leo's plan."
    assert asked in decision_texts(meeting, HELD, None)
    assert asked not in decision_texts(meeting, HELD, None, categories_named=False)
    assert profile_law(bundled("us")).categories == {}


def test_the_review_marker_counts_a_conference_review_by_the_profile() -> None:
    meeting = held_conference()  # review conference set for Tue 2 Jun 2026
    today = date(2026, 5, 10)
    england = fidelity_profile(meeting, None, today).marker("review-on-time")
    assert (england.status, england.reason) == ("not-recorded", "not due yet (2026-06-02)")
    quicker = fidelity_profile(meeting, None, today, QUICKER).marker("review-on-time")
    assert (quicker.status, quicker.reason) == ("not-met", "due 2026-05-03, not held")
    # No timescale: the date set is the one counted; with none set, the marker says the profile gives none.
    untimed = fidelity_profile(meeting, None, today, None).marker("review-on-time")
    assert untimed.reason == "not due yet (2026-06-02)"
    meeting.conference.review_date = None
    untimed = fidelity_profile(meeting, None, today, None).marker("review-on-time")
    assert untimed.reason == "no review date, and the jurisdiction profile gives no review timescale"
    england = fidelity_profile(meeting, None, today).marker("review-on-time")
    assert england.reason == "not due yet (2026-06-03)"


def letter_and_record(meeting: Meeting, law: ProfileLaw) -> tuple[str, str]:
    options = ExportOptions(law=law)
    letter = build_paper(meeting, None, "decision-letter", options)
    record = build_paper(meeting, None, "record", options)
    return "\n".join(letter.strings()), "\n".join(record.strings())


def test_wales_words_the_categories_in_the_letter_and_record() -> None:
    meeting = held_conference()
    meeting.conference.decisions[0].categories = ["emotional", "financial"]
    letter, record = letter_and_record(meeting, profile_law(bundled("wales")))
    assert "The category is emotional or psychological abuse and financial abuse." in letter
    assert "Financial abuse means the worry is that money, benefits or belongings" in letter
    assert "Emotional or psychological abuse, Financial abuse" in record
    assert "Not a category in the jurisdiction profile" not in record


def test_the_plan_papers_name_the_categories_as_the_profile_does() -> None:
    meeting = held_conference()
    decision = meeting.conference.decisions[0]
    decision.decision = "plan-needed"
    decision.categories = ["emotional", "financial"]
    options = ExportOptions(law=profile_law(bundled("wales")))
    plan = "\n".join(build_paper(meeting, None, "plan", options).strings())
    assert "(category: emotional or psychological abuse and financial abuse)" in plan
    england = "\n".join(build_paper(meeting, None, "plan", ExportOptions()).strings())
    assert "(category: emotional abuse and financial)" in england


def test_a_welsh_letter_in_wales_has_every_word_of_its_categories_in_welsh() -> None:
    meeting = held_conference()
    meeting.conference.decisions[0].categories = ["emotional", "financial"]
    options = ExportOptions(law=profile_law(bundled("wales")), lang="cy")
    letter = export_meeting(meeting, None, "decision-letter", "md", options)
    assert letter.language_note == "", "every word of the letter has its Welsh"
    assert "cam-drin emosiynol neu seicolegol a cam-drin ariannol" in letter.data.decode()
    assert "Ystyr cam-drin ariannol yw" in letter.data.decode()


def test_a_category_the_profile_does_not_name_is_kept_with_a_note() -> None:
    meeting = held_conference()
    meeting.conference.decisions[0].categories = ["neglect", "financial"]
    letter, record = letter_and_record(meeting, profile_law(bundled("england")))
    assert "The category is neglect and financial." in letter
    assert "Not a category in the jurisdiction profile 'England', kept as recorded: financial." in record
    assert rules.categories_words(["financial", "neglect"], bundled("england").harm_categories) == (
        "Neglect and financial"
    )


def test_a_profile_that_could_not_be_used_gives_no_law_and_is_named() -> None:
    law = profile_law(None, "wales")
    assert (law.timescales, dict(law.categories), law.fgdm_offer) == (None, {}, False)
    assert law.stage_name("early_help") == (
        "[not named in the jurisdiction profile 'wales, which could not be used': early_help]"
    )


def test_the_home_list_summary_counts_the_review_by_the_profile_as_the_meeting_does() -> None:
    meeting = held_conference()  # review conference set for Tue 2 Jun 2026
    today = date(2026, 5, 10)
    quicker = ProfileLaw(timescales=QUICKER)
    england_summary = summarise(meeting, None)
    quicker_summary = summarise(meeting, None, quicker)
    assert england_summary.fidelity_review_due == date(2026, 6, 2)
    assert quicker_summary.fidelity_review_due == date(2026, 5, 3)
    # The words the home list shows on a day agree with the meeting's own fidelity profile.
    counts = fidelity_profile(meeting, None, today, QUICKER).counts()
    assert quicker_summary.fidelity_words(today) == fidelity_profile(meeting, None, today, QUICKER).summary()
    assert counts["not-met"] == fidelity_profile(meeting, None, today).counts()["not-met"] + 1

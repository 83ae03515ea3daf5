"""Who is at risk for the papers, and the sentence that tells the coordinator what was left out."""

from __future__ import annotations

from sdm_facilitator.domain.contact_privacy import (
    LeftOut,
    at_risk_ids,
    contact_details,
    left_out_sentence,
    shares_a_hidden_home,
    venue_left_out,
)
from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.domain.risks import Risk


def meeting_with(*risks: Risk) -> Meeting:
    meeting = Meeting(family_label="Test family")
    meeting.people = [
        Person(id="p-k", name="Kerry", lives_at_venue=True),
        Person(id="p-s", name="Sue", lives_at_venue=True, address="41 Orchard Way"),
        Person(id="p-d", name="Dan"),
    ]
    meeting.choices.venue = "Sue's home"
    meeting.risks = list(risks)
    return meeting


def test_only_harms_present_or_not_known_put_people_at_risk() -> None:
    m = meeting_with(
        Risk(kind="domestic-abuse", status="present", at_risk=["p-k"]),
        Risk(kind="substance-misuse", status="not-present", at_risk=["p-d"]),
        Risk(kind="mental-health", status="not-known", at_risk=["c-1"]),
    )
    assert at_risk_ids(m) == {"p-k", "c-1"}


def test_the_venue_is_left_out_only_where_someone_at_risk_lives_there() -> None:
    assert venue_left_out(
        meeting_with(Risk(kind="domestic-abuse", status="present", at_risk=["p-k"]))
    ) == LeftOut("Kerry", venue=True)
    assert (
        venue_left_out(meeting_with(Risk(kind="domestic-abuse", status="present", at_risk=["p-d"]))) is None
    )
    assert (
        venue_left_out(meeting_with(Risk(kind="domestic-abuse", status="not-present", at_risk=["p-k"])))
        is None
    )
    empty_venue = meeting_with(Risk(kind="domestic-abuse", status="present", at_risk=["p-k"]))
    empty_venue.choices.venue = " "
    assert venue_left_out(empty_venue) is None


def test_someone_sharing_the_home_of_a_person_at_risk_is_named() -> None:
    m = meeting_with(Risk(kind="domestic-abuse", status="present", at_risk=["p-k"]))
    sue, kerry, dan = m.people[1], m.people[0], m.people[2]
    assert shares_a_hidden_home(m, sue) == "Kerry"
    assert shares_a_hidden_home(m, kerry) == ""  # her own details are left out as hers
    assert shares_a_hidden_home(m, dan) == ""


def test_contact_details_are_the_filled_ones_in_print_order() -> None:
    person = Person(phone=" 0123 ", address="1 Road", school_or_work="")
    assert contact_details(person) == [("phone", "0123"), ("address", "1 Road")]


def test_the_sentence_names_what_and_why_never_the_values() -> None:
    assert left_out_sentence([]) == ""
    assert (
        left_out_sentence([LeftOut("Kerry", ("address", "phone"))])
        == "Left out: Kerry's address and phone, because Kerry is at risk."
    )
    several = [
        LeftOut("Kerry", ("phone",)),
        LeftOut("Sue", ("address",), lives_there="Kerry"),
        LeftOut("Leo James", ("school",)),
    ]
    assert left_out_sentence(several) == (
        "Left out: Kerry's phone; Sue's address, as Kerry lives or stays there too; Leo James' school, "
        "because Kerry and Leo James are at risk."
    )


def test_a_name_with_line_breaks_or_controls_stays_on_one_visible_line() -> None:
    sentence = left_out_sentence([LeftOut("Ke\nrry\x1b[2J", venue=True)])
    assert "\n" not in sentence and "\x1b" not in sentence
    assert sentence.startswith("Left out: the venue, as it is where Ke rry")

"""Who got which paper: the distribution list's rules, the plan's "sent" marker reading it, and its TOML."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sdm_facilitator.domain.distribution import (
    DistributionError,
    PaperSent,
    change_sent,
    find_recipient,
    plan_sent_on,
    recipient_words,
    record_sent,
    remove_sent,
)
from sdm_facilitator.domain.fidelity import fidelity_profile
from sdm_facilitator.domain.fidelity_status import MET, NOT_MET, NOT_RECORDED
from sdm_facilitator.domain.meeting import Person, iter_meeting_texts
from sdm_facilitator.storage.codec import meeting_from_dict, meeting_to_toml
from sdm_facilitator.toml_reading import loads as loads_toml
from support.fidelity_fixtures import HELD, TODAY, delivered_meeting, small_guide


def test_entries_keep_the_order_papers_went_out_and_name_the_person_as_the_list_has_them() -> None:
    mum = Person(name="Kerry Hollins")
    sent: list[PaperSent] = []
    late = record_sent(sent, "record", date(2026, 3, 9), "email", recipient="  The school  ")
    early = record_sent(sent, "plan", date(2026, 3, 4), "post", person_id=mum.id, recipient="ignored")
    assert sent == [early, late] and late.recipient == "The school" and early.recipient == ""
    mum.name = "Kerry Hollins-Cole"
    assert recipient_words(early, [mum]) == "Kerry Hollins-Cole"
    assert recipient_words(early, []) == "someone no longer on the people list"
    change_sent(sent, late, "agenda", date(2026, 3, 1), "hand", recipient="Gran")
    assert sent == [late, early] and (late.paper, late.how, late.recipient) == ("agenda", "hand", "Gran")
    assert remove_sent(sent, late.id) is late and remove_sent(sent, late.id) is None and sent == [early]


@pytest.mark.parametrize(
    ("paper", "on", "how", "who", "problem"),
    [
        ("", date(2026, 3, 4), "post", "Gran", "which paper"),
        ("plan", None, "post", "Gran", "the day"),
        ("plan", date(2026, 3, 4), "pigeon", "Gran", "must be one of"),
        ("plan", date(2026, 3, 4), "post", "   ", "who it went to"),
    ],
)
def test_an_entry_missing_a_part_is_refused_with_a_reason(
    paper: str, on: date | None, how: str, who: str, problem: str
) -> None:
    sent: list[PaperSent] = []
    with pytest.raises(DistributionError, match=problem):
        record_sent(sent, paper, on, how, recipient=who)
    assert sent == []


def test_a_recipient_typed_on_the_command_line_points_at_one_person_or_stays_words() -> None:
    sue, twin_a, twin_b = Person(name="Sue Barnes"), Person(name="Sam Lee"), Person(name="sam lee")
    people = [sue, twin_a, twin_b]
    assert find_recipient(people, "sue barnes") == (sue.id, "")
    assert find_recipient(people, sue.id) == (sue.id, "")
    assert find_recipient(people, "Sam Lee") == ("", "Sam Lee"), "two people of that name: kept as words"
    assert find_recipient(people, "The school") == ("", "The school")


def test_the_plans_sent_marker_reads_the_first_family_plan_sent_and_an_older_files_day() -> None:
    m = delivered_meeting()
    m.plan.sent_on = None
    assert fidelity_profile(m, small_guide(), TODAY).marker("plan-sent").status == NOT_RECORDED
    # The professionals' version, or another paper, going out is not the family's plan sent.
    record_sent(m.papers_sent, "plan-notes", HELD + timedelta(days=1), "email", recipient="The IRO")
    record_sent(m.papers_sent, "agenda", HELD + timedelta(days=1), "post", recipient="the family")
    assert fidelity_profile(m, small_guide(), TODAY).marker("plan-sent").status == NOT_RECORDED
    record_sent(m.papers_sent, "plan", HELD + timedelta(days=21), "post", recipient="the family")
    assert fidelity_profile(m, small_guide(), TODAY).marker("plan-sent").status == NOT_MET
    record_sent(m.papers_sent, "plan", HELD + timedelta(days=2), "hand", recipient="Gran")
    marker = fidelity_profile(m, small_guide(), TODAY).marker("plan-sent")
    assert (marker.status, marker.value) == (MET, 2)
    # A file from before the list kept the day in the plan: it still counts, the earliest wins.
    assert plan_sent_on([], HELD + timedelta(days=1)) == HELD + timedelta(days=1)
    assert plan_sent_on(m.papers_sent, HELD + timedelta(days=1)) == HELD + timedelta(days=1)


def test_the_list_is_kept_in_the_meeting_file_and_its_words_are_walked_as_typed_text() -> None:
    m = delivered_meeting()
    record_sent(m.papers_sent, "plan", HELD, "email", recipient="[b]Gran[/b]")
    record_sent(m.papers_sent, "record", HELD, "post", person_id=m.people[0].id)
    again = meeting_from_dict(loads_toml(meeting_to_toml(m)))
    assert again.papers_sent == m.papers_sent
    assert ("paper sent 1: recipient", "[b]Gran[/b]") in list(iter_meeting_texts(m))

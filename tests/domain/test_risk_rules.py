"""The risk screen's rules: each with a record that gives the item and a close one that does not."""

from __future__ import annotations

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.risk_rules import (
    APP_LEAVES_OUT_ADDRESSES,
    advice_complete,
    blocker_words,
    check_condition,
    kind_cleared,
    people_words,
    record_problems,
    screen_gap_words,
    unmet_conditions,
    unscreened_kinds,
    waits_for_advice,
)
from sdm_facilitator.domain.risks import RISK_KINDS, AdviceCondition, Risk
from support.risk_helpers import advice, present, screen_all_not_present


def meeting_with_people() -> Meeting:
    m = Meeting(kind="fgc", family_label="Test family")
    m.people = [
        Person(id="p-kerry", name="Kerry", role="parent", invitation="accepted"),
        Person(id="p-mark", name="Mark", role="parent", invitation="invited"),
    ]
    return screen_all_not_present(m)


# ------------------------------------------------------------------ screen gaps


def test_an_unscreened_meeting_has_one_gap_not_eight() -> None:
    m = Meeting(kind="fgc")
    assert unscreened_kinds(m) == list(RISK_KINDS)
    assert screen_gap_words(m) == "Risk screen not done: screen each kind of harm before the meeting"


def test_a_partly_screened_meeting_names_the_kinds_left() -> None:
    m = Meeting(kind="fgc")
    screen_all_not_present(m)
    m.risks = [r for r in m.risks if r.kind not in ("forced-marriage", "other")]
    words = screen_gap_words(m)
    assert words is not None and "Forced marriage and honour-based abuse" in words and "Other" in words
    assert "Domestic abuse" not in words


def test_a_fully_screened_meeting_has_no_gap() -> None:
    assert screen_gap_words(screen_all_not_present(Meeting(kind="fgc"))) is None


# ------------------------------------------------------------------ advice


def test_present_or_not_known_without_advice_waits() -> None:
    m = meeting_with_people()
    for status in ("present", "not-known"):
        risk = present("domestic-abuse", m, at_risk=["p-kerry"])
        risk.status = status
        assert waits_for_advice(risk)
        assert not kind_cleared(m, "domestic-abuse")


def test_not_present_never_waits() -> None:
    m = meeting_with_people()
    assert kind_cleared(m, "domestic-abuse")
    assert not any(waits_for_advice(r) for r in m.risks)


def test_advice_counts_only_with_by_on_and_outcome() -> None:
    m = meeting_with_people()
    risk = present("domestic-abuse", m, at_risk=["p-kerry"])
    for partial in (advice(by=" "), advice(on=None)):
        risk.advice = partial
        assert waits_for_advice(risk)
    risk.advice = advice()
    risk.advice.outcome = None
    assert waits_for_advice(risk)
    words = blocker_words(risk)
    assert words == "Domestic abuse is present: record specialist advice before the meeting goes ahead"
    risk.advice = advice()
    assert not waits_for_advice(risk) and blocker_words(risk) is None
    assert kind_cleared(m, "domestic-abuse")


def test_go_ahead_with_conditions_needs_a_condition() -> None:
    m = meeting_with_people()
    risk = present("domestic-abuse", m, advice=advice("go-ahead-with-conditions"))
    assert not advice_complete(risk.advice)
    assert blocker_words(risk) == (
        "Domestic abuse is present: the advice is to go ahead with conditions: list at least one condition"
    )
    risk.advice.conditions.append(AdviceCondition(kind="separate-arrival"))
    assert advice_complete(risk.advice) and blocker_words(risk) is None


def test_do_not_go_ahead_blocks_and_says_what_happens_instead() -> None:
    m = meeting_with_people()
    risk = present("forced-marriage", m, advice=advice("do-not-go-ahead"))
    assert blocker_words(risk) == (
        "Forced marriage and honour-based abuse is present: "
        "the advice is not to go ahead: record what happens instead"
    )
    risk.advice.instead = "Strategy meeting with police;\nsafety plan with Amira alone"
    assert blocker_words(risk) == (
        "Forced marriage and honour-based abuse: the specialist advised that the meeting should not go ahead. "
        "Instead: Strategy meeting with police; safety plan with Amira alone"
    )
    # The step about it is done (advice was taken); the meeting itself still may not go ahead.
    assert kind_cleared(m, "forced-marriage")
    risk.advice.outcome = "go-ahead"
    assert blocker_words(risk) is None


def test_every_entry_of_a_kind_must_be_cleared() -> None:
    m = meeting_with_people()
    m.risks.append(Risk(kind="other", name="Dog bites", status="present"))
    assert not kind_cleared(m, "other")
    m.risks[-1].advice = advice()
    assert kind_cleared(m, "other")


def test_a_kind_with_no_entry_is_not_cleared() -> None:
    m = Meeting(kind="fgc")
    assert not kind_cleared(m, "sexual-abuse")


# ------------------------------------------------------------------ conditions


def conditioned(m: Meeting, *conditions: AdviceCondition) -> Risk:
    return present(
        "domestic-abuse",
        m,
        at_risk=["p-kerry"],
        causing_harm=["p-mark"],
        advice=advice("go-ahead-with-conditions", conditions=list(conditions)),
    )


def test_not_in_room_ticks_when_the_person_is_not_invited_or_declined() -> None:
    m = meeting_with_people()
    risk = conditioned(m, AdviceCondition(kind="not-in-room", people=["p-mark"]))
    check = check_condition(m, risk, risk.advice.conditions[0])
    assert not check.met and "Mark" in check.says
    assert len(unmet_conditions(m, risk)) == 1
    for invitation in ("not-invited", "declined"):
        m.people[1].invitation = invitation
        assert check_condition(m, risk, risk.advice.conditions[0]).met
    assert unmet_conditions(m, risk) == []


def test_not_in_room_follows_attendance_once_the_day_is_recorded() -> None:
    m = meeting_with_people()
    m.people[1].invitation = "declined"
    risk = conditioned(m, AdviceCondition(kind="not-in-room", people=["p-mark"]))
    m.people[1].attendance = "present"  # declined, but came
    assert not check_condition(m, risk, risk.advice.conditions[0]).met
    m.people[1].attendance = "absent"
    assert check_condition(m, risk, risk.advice.conditions[0]).met


def test_not_in_room_without_names_means_those_thought_to_cause_harm() -> None:
    m = meeting_with_people()
    risk = conditioned(m, AdviceCondition(kind="not-in-room"))
    assert not check_condition(m, risk, risk.advice.conditions[0]).met
    m.people[1].invitation = "not-invited"
    assert check_condition(m, risk, risk.advice.conditions[0]).met
    risk.causing_harm = []
    check = check_condition(m, risk, risk.advice.conditions[0])
    assert not check.met and check.says == "name who must not be in the room"


def test_not_in_room_naming_a_removed_person_is_unmet_not_a_crash() -> None:
    m = meeting_with_people()
    risk = conditioned(m, AdviceCondition(kind="not-in-room", people=["p-gone"]))
    check = check_condition(m, risk, risk.advice.conditions[0])
    assert not check.met and "no longer on the people list" in check.says


def test_no_address_on_papers_is_met_by_the_app() -> None:
    m = meeting_with_people()
    risk = conditioned(m, AdviceCondition(kind="no-address-on-papers"))
    check = check_condition(m, risk, risk.advice.conditions[0])
    assert check.met and check.by == "app" and check.says == APP_LEAVES_OUT_ADDRESSES


def test_conditions_only_a_person_can_know_tick_by_hand() -> None:
    m = meeting_with_people()
    for kind in ("separate-arrival", "safe-contact", "family-time-check-in", "other"):
        condition = AdviceCondition(kind=kind, what="arranged with the venue")
        risk = conditioned(m, condition)
        assert not check_condition(m, risk, condition).met
        condition.met = False
        assert not check_condition(m, risk, condition).met
        condition.met = True
        check = check_condition(m, risk, condition)
        assert check.met and check.by == "coordinator"


def test_conditions_count_only_under_complete_advice_to_go_ahead() -> None:
    m = meeting_with_people()
    risk = conditioned(m, AdviceCondition(kind="separate-arrival"))
    assert len(unmet_conditions(m, risk)) == 1
    risk.advice.on = None  # advice not recorded: the blocker says so, not the condition
    assert unmet_conditions(m, risk) == []


# ------------------------------------------------------------------ record problems


def test_other_needs_a_name() -> None:
    m = meeting_with_people()
    unnamed = Risk(kind="other", status="present")
    assert record_problems(m, unnamed) == ["Another risk is listed without a name: say what the harm is"]
    assert record_problems(m, Risk(kind="other", name="Dangerous dogs", status="present")) == []
    # Screened not present: no other harm was found, so there is nothing to name.
    assert record_problems(m, Risk(kind="other", status="not-present")) == []


def test_people_must_be_on_the_people_list() -> None:
    m = meeting_with_people()
    risk = Risk(kind="domestic-abuse", status="present", at_risk=["p-kerry"], causing_harm=["p-mark"])
    assert record_problems(m, risk) == []
    m.people = [p for p in m.people if p.id != "p-mark"]
    assert record_problems(m, risk) == [
        "Domestic abuse: someone named as thought to cause harm is no longer on the people list"
    ]
    assert people_words(m, risk.causing_harm) == "(removed from the people list)"
    risk.at_risk.append("p-other")
    assert (
        "someone named as at risk is no longer on the people or children list" in record_problems(m, risk)[0]
    )


def test_a_child_can_be_the_one_at_risk_but_not_the_one_causing_harm() -> None:
    m = meeting_with_people()
    m.children = [Child(id="c-yusuf", name="Yusuf", age=15)]
    risk = Risk(kind="child-exploitation", status="present", at_risk=["c-yusuf"])
    assert record_problems(m, risk) == []
    assert people_words(m, risk.at_risk) == "Yusuf"
    risk.causing_harm = ["c-yusuf"]
    assert record_problems(m, risk) == [
        "Child exploitation (criminal or sexual, county lines): someone named as thought to cause harm "
        "is no longer on the people list"
    ]

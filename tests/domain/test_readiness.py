"""Readiness: what is still open, by mechanism, overdue first; follow-up too."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta

from sdm_facilitator.domain.guide import Guide, Phase, Prompt, Step
from sdm_facilitator.domain.meeting import (
    Action,
    AgendaItem,
    Child,
    InfoShare,
    Meeting,
    Needs,
    OutcomePoint,
    Person,
    Review,
    StepState,
)
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.vocabulary import MECHANISMS
from support.app_helpers import FIXED_TODAY
from support.risk_helpers import advice, present, screen_all_not_present

TODAY = FIXED_TODAY


def guide() -> Guide:
    steps = (
        Step("a", "preparation", ("trust",), ("voluntary", "statutory"), "Step A", "why", days_before=30),
        Step("b", "preparation", ("child", "trust"), ("voluntary",), "Step B", "why", days_before=2),
        Step("c", "preparation", ("collaboration",), ("statutory",), "Only statutory", "why", days_before=5),
        Step("d", "preparation", ("participation",), ("voluntary",), "Undated", "why"),
        Step("f", "follow_up", ("collaboration",), ("voluntary",), "Check in", "why", days_after=14),
    )
    phase = Phase("p", "Part", 30, (Prompt("x", "trust"), Prompt("y", "trust")), private=True)
    return Guide("g", "G", "1", ("fgc",), "s", steps, (phase,), (), ())


def ready_meeting() -> Meeting:
    """Everything a coordinator checks is in place."""
    m = Meeting(kind="fgc", context="voluntary", family_label="Ready family", guide_id="g")
    m.choices.when = datetime.combine(TODAY + timedelta(days=10), time(17, 0))
    m.choices.venue = "Church hall"
    m.choices.format = "in-person"
    r = m.referral
    r.consent_meeting = r.consent_sharing = True
    r.worries, r.strengths, r.bottom_lines = "w", "s", ["b"]
    m.people = [Person(name="Gran", role="wider-family", invitation="accepted", prep_visit=TODAY)]
    m.children = [
        Child(
            name="Amara",
            participation="attends-all",
            views="I like Gran",
            views_consent=True,
            met_before=TODAY,
            advocate_offer="declined",
        )
    ]
    m.agenda = [AgendaItem("p", "Part", 30)]
    for step_id in "abd":
        m.steps[step_id] = StepState(status="done")
    return screen_all_not_present(m)


def test_nothing_open_reads_ready() -> None:
    result = readiness(ready_meeting(), guide(), TODAY)
    assert result.items == ()
    assert result.is_ready
    assert result.headline().startswith("✓ Ready")
    assert result.summary() == "✓ ready"
    assert (result.steps_done, result.steps_total) == (3, 3)


def test_steps_follow_context_and_due_dates_mark_overdue_first() -> None:
    m = ready_meeting()
    m.steps.clear()
    result = readiness(m, guide(), TODAY)
    texts = [i.text for i in result.items]
    assert "Only statutory" not in texts  # voluntary meeting
    a = next(i for i in result.items if i.text == "Step A")
    assert a.overdue and a.due == TODAY - timedelta(days=20)
    b = next(i for i in result.items if i.text == "Step B")
    assert not b.overdue and b.mechanism == "child"  # a step counts under its first mechanism
    undated = next(i for i in result.items if i.text == "Undated")
    assert undated.due is None and not undated.overdue
    assert result.items[0] is a, "overdue items come first"
    assert result.summary() == "✗ 1 overdue · 2 open"
    assert "1 overdue" in result.headline() and "in 10 days" in result.headline()


def test_record_checks_name_people_and_children_in_plain_words() -> None:
    m = ready_meeting()
    m.referral.consent_sharing = None
    m.referral.strengths = ""
    m.people += [
        Person(name="Dad", role="parent", invitation="family-agreed"),
        Person(name="Uncle [b", role="wider-family", invitation="not-invited"),
        Person(
            name="Nana",
            role="wider-family",
            invitation="accepted",
            prep_visit=TODAY,
            needs=Needs(language="Yoruba"),
        ),
    ]
    m.children.append(Child(name="", participation="advocate"))
    m.info_sharing = [InfoShare(document="School letter", to="Mum", due=TODAY - timedelta(days=1))]
    result = readiness(m, guide(), TODAY)
    texts = [i.text for i in result.items]
    assert not any("sharing" in text for text in texts), "sharing is per item, by lawful basis"
    assert "“School letter”: no lawful basis recorded" in texts
    assert "No strengths are recorded: worries alone add to shame" in texts
    assert "Dad: not invited yet" in texts and "Dad: not prepared yet (no preparation visit)" in texts
    assert "Uncle [b: not to be invited, but the reason is not recorded" in texts
    assert "Nana: speaks Yoruba; decide whether an interpreter is needed" in texts
    assert "child 2: takes part through an advocate, but no advocate is named" in texts
    share = next(i for i in result.items if i.kind == "info")
    assert share.text == "Share “School letter” with Mum" and share.overdue and share.mechanism == "trust"
    groups = result.by_mechanism()
    assert list(groups) == list(MECHANISMS)
    assert all(not i.overdue for items in groups.values() for i in items)
    assert sum(len(v) for v in groups.values()) + len(result.overdue) == len(result.items)


def test_without_a_meeting_date_nothing_is_dated_and_the_date_is_asked_for() -> None:
    m = ready_meeting()
    m.choices.when = None
    m.steps.clear()
    result = readiness(m, guide(), TODAY)
    assert not result.overdue
    assert any(i.text == "The family has not chosen a date and time yet" for i in result.items)
    assert result.headline().endswith("No meeting date yet.")


def test_follow_up_lists_overdue_and_stuck_actions_and_the_review() -> None:
    m = ready_meeting()
    m.plan.response.decision = "agreed"
    m.record.started = datetime(2026, 2, 1, 10, 0)
    m.record.ended = datetime(2026, 2, 1, 12, 0)
    m.plan.family_keeper = "Gran"
    m.plan.actions = [
        Action(what="Friday nights at Gran's", who="Gran", by_when=TODAY - timedelta(days=3)),
        Action(
            what="Boxing club",
            who="Owen",
            status="stuck",
            support_from="youth service",
            support_delivered="not-yet",
        ),
        Action(what="Done already", status="done", by_when=TODAY - timedelta(days=30)),
    ]
    m.follow_up.reviews = [Review(scheduled=TODAY + timedelta(days=15))]
    result = readiness(m, guide(), TODAY)
    assert result.stage == "follow_up"
    texts = [i.text for i in result.items]
    assert texts[0].startswith("Check in") or texts[0].startswith("Action: Friday")
    assert {i.text for i in result.overdue} == {"Check in", "Action: Friday nights at Gran's (Gran)"}
    assert "Stuck: Boxing club (Owen): find out what help is needed" in texts
    assert "Help from youth service for “Boxing club”: not given yet" in texts
    assert not any("Done already" in t for t in texts)
    assert result.review_due == TODAY + timedelta(days=15)
    assert result.summary() == "✗ 2 overdue · 2 open"
    assert "The review is in 15 days" in result.headline()
    assert result.when_words().startswith("The review is in 15 days")


def test_an_overdue_review_is_itself_overdue() -> None:
    m = ready_meeting()
    m.record.started = datetime(2025, 10, 1, 10, 0)
    m.record.ended = datetime(2025, 10, 1, 12, 0)
    m.plan.family_keeper = "Gran"
    m.plan.review_date = date(2026, 1, 1)
    m.steps["f"] = StepState(status="done")
    # The child's 3-month outcome (due 2026-01-01) is recorded, so only the review is open.
    m.children[0].outcomes.append(OutcomePoint(point="3-months", living="at-home"))
    result = readiness(m, guide(), TODAY)
    assert [i.text for i in result.items] == ["The review meeting is overdue: arrange it with the family"]
    assert result.items[0].overdue


def test_readiness_module_does_not_import_textual() -> None:
    code = (
        "import sys; import sdm_facilitator.domain.readiness; "
        "sys.exit(1 if any(m.startswith(('textual', 'rich')) for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ------------------------------------------------------------ interpreters, advocates, stop-and-check


def test_an_interpreter_needed_but_not_booked_is_open() -> None:
    m = ready_meeting()
    m.people.append(
        Person(
            name="Halina",
            role="parent",
            invitation="accepted",
            prep_visit=TODAY,
            needs=Needs(language="Polish", interpreter=True),
        )
    )
    texts = [i.text for i in readiness(m, guide(), TODAY).items]
    assert texts == ["Halina needs a Polish interpreter: not booked"]
    m.people[-1].needs.interpreter_booked = True
    assert readiness(m, guide(), TODAY).items == ()


def test_interpreter_words_follow_the_language() -> None:
    m = ready_meeting()
    m.people.append(
        Person(
            name="Asif",
            role="parent",
            invitation="accepted",
            prep_visit=TODAY,
            needs=Needs(language="Urdu", interpreter=True, interpreter_booked=False),
        )
    )
    m.people.append(
        Person(
            name="Sam",
            role="wider-family",
            invitation="accepted",
            prep_visit=TODAY,
            needs=Needs(interpreter=True),
        )
    )
    # Someone who is not coming needs no booking.
    m.people.append(
        Person(name="Lee", role="wider-family", invitation="declined", needs=Needs(interpreter=True))
    )
    texts = [i.text for i in readiness(m, guide(), TODAY).items]
    assert texts == ["Asif needs an Urdu interpreter: not booked", "Sam needs an interpreter: not booked"]


def test_an_interpreter_not_needed_asks_for_nothing() -> None:
    m = ready_meeting()
    m.people.append(
        Person(
            name="Ola",
            role="parent",
            invitation="accepted",
            prep_visit=TODAY,
            needs=Needs(language="Polish", interpreter=False),
        )
    )
    assert readiness(m, guide(), TODAY).items == ()


def test_the_advocate_offer_is_followed_until_the_child_has_answered() -> None:
    m = ready_meeting()
    m.children[0].advocate_offer = None
    assert [i.text for i in readiness(m, guide(), TODAY).items] == [
        "Amara: an independent advocate has not been offered yet"
    ]
    m.children[0].advocate_offer = "offered"
    assert [i.text for i in readiness(m, guide(), TODAY).items] == [
        "Amara: an advocate was offered; their answer is not recorded yet"
    ]
    for answer in ("accepted", "declined"):
        m.children[0].advocate_offer = answer
        assert readiness(m, guide(), TODAY).items == ()


def test_a_stop_and_check_step_is_a_blocker_not_a_to_do() -> None:
    import dataclasses

    base = guide()
    stop = Step(
        "stop",
        "preparation",
        ("trust",),
        ("voluntary",),
        "Any sign of forced marriage",
        "why",
        days_before=40,
        stop_and_check=True,
    )
    g = dataclasses.replace(base, steps=base.steps + (stop,))
    m = ready_meeting()
    result = readiness(m, g, TODAY)
    assert [(i.kind, i.text, i.overdue, i.due) for i in result.items] == [
        ("stop", "Stop and check: Any sign of forced marriage", False, None)
    ]
    assert result.blockers == list(result.items)
    assert result.headline().startswith("Stop and check first: 1 check to make. 1 thing still open")
    assert result.summary() == "■ 1 to check"
    # Blockers come before everything else, overdue items included.
    m.steps.pop("a")
    result = readiness(m, g, TODAY)
    assert [i.kind for i in result.items][:2] == ["stop", "step"]
    assert result.items[1].overdue
    # Once someone has checked (done, or not applicable) with the reason, it is no longer a blocker;
    # one key without a reason does not clear it.
    m.steps["stop"] = StepState(status="na")
    assert len(readiness(m, g, TODAY).blockers) == 1
    m.steps["stop"] = StepState(status="na", note="Asked the young person alone: no sign")
    assert readiness(m, g, TODAY).blockers == []


def test_readiness_keeps_overdue_steps_once_the_meeting_has_started() -> None:
    meeting = ready_meeting()
    meeting.steps["a"] = StepState()  # due 30 days before the meeting
    meeting.choices.when = datetime.combine(TODAY, time(9, 0))
    before = readiness(meeting, guide(), TODAY + timedelta(days=1))
    assert [i.text for i in before.overdue][:1] == ["Step A"]
    meeting.record.started = datetime.combine(TODAY, time(9, 0), tzinfo=UTC)
    during = readiness(meeting, guide(), TODAY + timedelta(days=1))
    assert meeting.stage == "meeting"
    assert "Step A" in [i.text for i in during.overdue]


def test_a_closed_meeting_has_nothing_open() -> None:
    from sdm_facilitator.domain.closure import close_meeting, reopen_meeting

    m = Meeting(kind="fgc", context="voluntary", guide_id="g")
    close_meeting(m, "family-declined", TODAY)
    result = readiness(m, guide(), TODAY)
    assert result.items == () and result.summary() == "closed" and result.headline().startswith("Closed")
    reopen_meeting(m)
    assert readiness(m, guide(), TODAY).items


def test_an_unscreened_meeting_shows_one_risk_screen_item() -> None:
    m = ready_meeting()
    m.risks.clear()
    result = readiness(m, guide(), TODAY)
    assert [(i.kind, i.section, i.text) for i in result.items] == [
        ("check", "prep-risks", "Risk screen not done: screen each kind of harm before the meeting")
    ]
    assert result.blockers == []


def test_a_risk_present_without_advice_is_a_blocker_on_the_home_row() -> None:
    m = ready_meeting()
    m.people.append(
        Person(id="p-kerry", name="Kerry", role="parent", invitation="accepted", prep_visit=TODAY)
    )
    risk = present("domestic-abuse", m, at_risk=["p-kerry"])
    result = readiness(m, guide(), TODAY)
    assert [(i.kind, i.section, i.text, i.ref) for i in result.items] == [
        (
            "stop",
            "prep-risks",
            "Domestic abuse is present: record specialist advice before the meeting goes ahead",
            risk.id,
        )
    ]
    assert result.summary() == "■ 1 to check"
    assert result.headline().startswith("Stop and check first: 1 check to make.")
    risk.advice = advice()
    assert readiness(m, guide(), TODAY).is_ready


def test_advice_not_to_go_ahead_stays_a_blocker_saying_what_happens_instead() -> None:
    m = ready_meeting()
    risk = present("forced-marriage", m, advice=advice("do-not-go-ahead", instead="A strategy meeting"))
    result = readiness(m, guide(), TODAY)
    assert [(i.kind, i.text) for i in result.blockers] == [
        (
            "stop",
            "Forced marriage and honour-based abuse: the specialist advised that the meeting should not "
            "go ahead. Instead: A strategy meeting",
        )
    ]
    risk.advice.outcome = "go-ahead"
    assert readiness(m, guide(), TODAY).blockers == []


def test_unmet_conditions_are_checks_not_blockers() -> None:
    from sdm_facilitator.domain.risks import AdviceCondition

    m = ready_meeting()
    conditions = [
        AdviceCondition(kind="separate-arrival", what="side door"),
        AdviceCondition(kind="no-address-on-papers"),
    ]
    present("domestic-abuse", m, advice=advice("go-ahead-with-conditions", conditions=conditions))
    result = readiness(m, guide(), TODAY)
    assert result.blockers == []
    assert [(i.kind, i.text) for i in result.items] == [
        (
            "check",
            "Domestic abuse: condition not met yet: Separate arrival and waiting rooms: side door "
            "(tick it in the risk screen once it is arranged)",
        )
    ]
    conditions[0].met = True
    assert readiness(m, guide(), TODAY).is_ready


def test_a_risk_naming_a_removed_person_is_a_problem_not_a_crash() -> None:
    m = ready_meeting()
    present("domestic-abuse", m, at_risk=["p-gone"], advice=advice())
    texts = [i.text for i in readiness(m, guide(), TODAY).items]
    assert texts == ["Domestic abuse: someone named as at risk is no longer on the people or children list"]

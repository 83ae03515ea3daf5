"""Fidelity: every marker met, not met, not recorded and not applicable, and the step grid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_facilitator.domain.family_network import NetworkPlace
from sdm_facilitator.domain.fidelity import MARKER_IDS, fidelity_profile, working_days_between
from sdm_facilitator.domain.fidelity_status import MET, NOT_APPLICABLE, NOT_MET, NOT_RECORDED
from sdm_facilitator.domain.meeting import Action, Child, Meeting, Needs, Person, Review, StepState
from support.fidelity_fixtures import HELD, REFERRED, TODAY, delivered_meeting, small_guide

Change = Callable[[Meeting], None]


def _set(path: str, value: object) -> Change:
    """A change setting one attribute, written as a dotted path from the meeting."""

    def change(m: Meeting) -> None:
        *parents, name = path.split(".")
        target: object = m
        for part in parents:
            target = target[int(part)] if part.isdigit() else getattr(target, part)  # type: ignore[index]
        setattr(target, name, value)

    return change


def _all(*changes: Change) -> Change:
    def change(m: Meeting) -> None:
        for c in changes:
            c(m)

    return change


def _not_held(m: Meeting) -> None:
    m.record.started = m.record.ended = m.record.family_time_start = m.record.family_time_end = None


def _add_child(**fields: object) -> Change:
    return lambda m: m.children.append(Child(name="Ben", **fields))  # type: ignore[arg-type]


_unchanged: Change = lambda m: None  # noqa: E731

CASES: dict[str, list[tuple[str, Change, str]]] = {
    "first-contact": [
        ("met: next working day", _unchanged, MET),
        (
            # The family's own target, not the referrer's 2 working days.
            "met: first visit a week later",
            _all(
                _set("people.0.prep_visit", REFERRED + timedelta(days=7)),
                _set("children.0.met_before", REFERRED + timedelta(days=7)),
            ),
            MET,
        ),
        (
            "not met: first visit three weeks later",
            _all(
                _set("people.0.prep_visit", REFERRED + timedelta(days=21)),
                _set("children.0.met_before", REFERRED + timedelta(days=21)),
            ),
            NOT_MET,
        ),
        ("not recorded: no referral date", _set("referral.date", None), NOT_RECORDED),
        (
            "not recorded: no visit dated",
            _all(_set("people.0.prep_visit", None), _set("children.0.met_before", None)),
            NOT_RECORDED,
        ),
    ],
    "referrer-contact": [
        ("met: next working day", _unchanged, MET),
        ("not met: a week later", _set("referral.referrer_contacted", REFERRED + timedelta(days=7)), NOT_MET),
        ("not recorded: no date", _set("referral.referrer_contacted", None), NOT_RECORDED),
        ("not recorded: no referral date", _set("referral.date", None), NOT_RECORDED),
    ],
    "referral-to-meeting": [
        ("met: 30 days", _unchanged, MET),
        (
            # A conference runs to its own timescale: 15 working days from the strategy discussion.
            "met: a conference 3 weeks after its strategy discussion, 30 days after referral",
            _all(
                _set("kind", "cp-conference"), _set("referral.strategy_discussion", HELD - timedelta(days=21))
            ),
            MET,
        ),
        (
            "not met: a conference 5 weeks after its strategy discussion",
            _all(
                _set("kind", "cp-conference"), _set("referral.strategy_discussion", HELD - timedelta(days=35))
            ),
            NOT_MET,
        ),
        (
            "not recorded: a conference with no strategy discussion date",
            _set("kind", "cp-conference"),
            NOT_RECORDED,
        ),
        ("not met: 60 days", _set("referral.date", HELD - timedelta(days=60)), NOT_MET),
        ("not recorded: not held yet", _not_held, NOT_RECORDED),
        ("not applicable: a review", _set("kind", "review"), NOT_APPLICABLE),
    ],
    "family-chose-date": [
        ("met", _unchanged, MET),
        ("not met: professionals chose", _set("choices.date_chosen_by", "professionals"), NOT_MET),
        ("not met: chosen together", _set("choices.date_chosen_by", "shared"), NOT_MET),
        ("not recorded", _set("choices.date_chosen_by", None), NOT_RECORDED),
    ],
    "family-chose-venue": [
        ("met", _unchanged, MET),
        ("not met", _set("choices.venue_chosen_by", "professionals"), NOT_MET),
        ("not recorded", _set("choices.venue_chosen_by", None), NOT_RECORDED),
    ],
    "family-chose-food": [
        ("met", _unchanged, MET),
        ("not met", _set("choices.food_chosen_by", "shared"), NOT_MET),
        ("not recorded", _set("choices.food_chosen_by", None), NOT_RECORDED),
        ("not applicable: online", _set("choices.format", "online"), NOT_APPLICABLE),
    ],
    "venue-not-council": [
        ("met", _unchanged, MET),
        ("not met: council offices", _set("choices.venue_council_building", True), NOT_MET),
        ("not recorded", _set("choices.venue_council_building", None), NOT_RECORDED),
        ("not applicable: online", _set("choices.format", "online"), NOT_APPLICABLE),
    ],
    "people-prepared": [
        ("met: interpreters are not counted", _unchanged, MET),
        ("not met: one came unprepared", _set("people.1.prep_visit", None), NOT_MET),
        (
            "not met: prepared only after the day",
            _set("people.1.prep_visit", HELD + timedelta(days=1)),
            NOT_MET,
        ),
        (
            "not recorded: attendance not taken",
            lambda m: [setattr(p, "attendance", None) for p in m.people],
            NOT_RECORDED,
        ),
        ("not recorded: not held", _not_held, NOT_RECORDED),
    ],
    "reports-shared": [
        ("met", _unchanged, MET),
        ("not met: shared on the day", _set("info_sharing.0.shared", HELD), NOT_MET),
        ("not met: never shared, meeting held", _set("info_sharing.0.shared", None), NOT_MET),
        (
            "not recorded: not shared yet, before the day",
            _all(_not_held, _set("info_sharing.0.shared", None)),
            NOT_RECORDED,
        ),
        ("not applicable: no reports", _set("info_sharing", []), NOT_APPLICABLE),
    ],
    "nothing-new-on-day": [
        ("met", _unchanged, MET),
        ("not met", _set("record.new_information_on_day", True), NOT_MET),
        ("not recorded", _set("record.new_information_on_day", None), NOT_RECORDED),
    ],
    "interpreters-booked": [
        ("met", _unchanged, MET),
        ("not met: not booked", _set("people.0.needs.interpreter_booked", False), NOT_MET),
        ("not recorded: booking unknown", _set("people.0.needs.interpreter_booked", None), NOT_RECORDED),
        ("not applicable: nobody needs one", _set("people.0.needs", Needs()), NOT_APPLICABLE),
        (
            "not applicable: the one who needs it declined",
            _set("people.0.invitation", "declined"),
            NOT_APPLICABLE,
        ),
    ],
    "child-participation": [
        ("met", _unchanged, MET),
        ("not met: second child undecided", _add_child(), NOT_MET),
        ("not met: not taking part, no reason", _set("children.0.participation", "not-taking-part"), NOT_MET),
        ("not recorded: no child", _set("children", []), NOT_RECORDED),
        (
            "not recorded: undecided before the day",
            _all(_not_held, _set("children.0.participation", None)),
            NOT_RECORDED,
        ),
    ],
    "child-met-before": [
        ("met", _unchanged, MET),
        (
            "not met: first met after the day",
            _set("children.0.met_before", HELD + timedelta(days=2)),
            NOT_MET,
        ),
        ("not recorded: no date", _set("children.0.met_before", None), NOT_RECORDED),
    ],
    "child-advocate-offered": [
        ("met: accepted", _unchanged, MET),
        ("met: declined is still offered", _set("children.0.advocate_offer", "declined"), MET),
        ("not recorded", _set("children.0.advocate_offer", None), NOT_RECORDED),
        ("not recorded: no child", _set("children", []), NOT_RECORDED),
    ],
    "child-views": [
        ("met", _unchanged, MET),
        ("met: consent refused is still asked", _set("children.0.views_consent", False), MET),
        ("not met: no views, meeting held", _set("children.0.views", ""), NOT_MET),
        ("not recorded: consent not asked", _set("children.0.views_consent", None), NOT_RECORDED),
        (
            "not recorded: no views yet, before the day",
            _all(_not_held, _set("children.0.views", "")),
            NOT_RECORDED,
        ),
        (
            "not applicable: not taking part, with a reason",
            _all(
                _set("children.0.participation", "not-taking-part"),
                _set("children.0.participation_reason", "a baby"),
                _set("children.0.views", ""),
            ),
            NOT_APPLICABLE,
        ),
    ],
    "bottom-lines-before": [
        ("met", _unchanged, MET),
        ("not met: none, meeting held", _set("referral.bottom_lines", []), NOT_MET),
        (
            # Present now is not enough: they were first written on the day.
            "not met: first written on the day",
            _set("first_filled", {"referral.bottom_lines": HELD}),
            NOT_MET,
        ),
        ("not recorded: not known when they were written", _set("first_filled", {}), NOT_RECORDED),
        (
            "not recorded: none yet, before the day",
            _all(_not_held, _set("referral.bottom_lines", [" "])),
            NOT_RECORDED,
        ),
    ],
    "family-time-held": [
        ("met", _unchanged, MET),
        (
            "not met: ended without it",
            _all(_set("record.family_time_start", None), _set("record.family_time_end", None)),
            NOT_MET,
        ),
        ("not recorded: end missing", _set("record.family_time_end", None), NOT_RECORDED),
        ("not recorded: not held", _not_held, NOT_RECORDED),
        ("not applicable: family unity meeting", _set("kind", "family-unity"), NOT_APPLICABLE),
    ],
    "family-time-private": [
        ("met", _unchanged, MET),
        ("not met: a professional stayed", _set("record.non_family_in_family_time", True), NOT_MET),
        ("not recorded", _set("record.non_family_in_family_time", None), NOT_RECORDED),
        (
            "not applicable: no family time held",
            _all(_set("record.family_time_start", None), _set("record.family_time_end", None)),
            NOT_APPLICABLE,
        ),
        ("not applicable: family unity meeting", _set("kind", "family-unity"), NOT_APPLICABLE),
    ],
    "authority-present": [
        ("met", _unchanged, MET),
        ("not met", _set("record.authority_present", False), NOT_MET),
        ("not recorded", _set("record.authority_present", None), NOT_RECORDED),
    ],
    "plan-agreed": [
        ("met", _unchanged, MET),
        ("met: with changes", _set("plan.response.decision", "agreed-with-changes"), MET),
        ("not met", _set("plan.response.decision", "not-agreed"), NOT_MET),
        ("not recorded", _set("plan.response.decision", None), NOT_RECORDED),
    ],
    "plan-complete": [
        ("met", _unchanged, MET),
        ("not met: an action without a date", _set("plan.actions.0.by_when", None), NOT_MET),
        ("not met: no contingency", _set("plan.contingency", ""), NOT_MET),
        ("not met: no named professional", _set("plan.professional_lead", ""), NOT_MET),
        ("not met: bottom line not checked", _set("plan.bottom_line_checks", []), NOT_MET),
        (
            "not recorded: no plan",
            _all(_set("plan.actions", []), _set("plan.family_words", "")),
            NOT_RECORDED,
        ),
    ],
    "plan-sent": [
        ("met: two days later", _unchanged, MET),
        ("not met: three weeks later", _set("plan.sent_on", HELD + timedelta(days=21)), NOT_MET),
        ("not recorded: no date sent", _set("plan.sent_on", None), NOT_RECORDED),
        ("not recorded: not held", _not_held, NOT_RECORDED),
    ],
    "help-given": [
        ("met", _unchanged, MET),
        ("not met: partly", _set("plan.actions.0.support_delivered", "partly"), NOT_MET),
        ("not recorded", _set("plan.actions.0.support_delivered", None), NOT_RECORDED),
        ("not applicable: none promised", _set("plan.actions.0.support_from", ""), NOT_APPLICABLE),
    ],
    "review-on-time": [
        ("met", _unchanged, MET),
        ("not met: held late", _set("follow_up.reviews.0.held", HELD + timedelta(days=50)), NOT_MET),
        ("not met: overdue, not held", _set("follow_up.reviews.0.held", None), NOT_MET),
        (
            "not recorded: not due yet",
            _all(
                _set("follow_up.reviews.0.held", None),
                _set("follow_up.reviews.0.scheduled", TODAY + timedelta(days=5)),
            ),
            NOT_RECORDED,
        ),
        (
            "not recorded: no review date",
            _all(_set("follow_up.reviews", []), _set("plan.review_date", None)),
            NOT_RECORDED,
        ),
    ],
    "network-widened": [
        ("met: Nan came", _unchanged, MET),
        ("not met: Nan did not come", _set("people.0.attendance", "absent"), NOT_MET),
        ("not met: only a parent came", _set("people.0.role", "parent"), NOT_MET),
        ("not recorded: not held", _not_held, NOT_RECORDED),
        (
            "not recorded: no attendance",
            lambda m: [setattr(p, "attendance", None) for p in m.people],
            NOT_RECORDED,
        ),
    ],
}

TABLE = [
    pytest.param(marker_id, change, expected, id=f"{marker_id}: {name}")
    for marker_id, rows in CASES.items()
    for name, change, expected in rows
]


def test_every_marker_has_cases_for_met_and_not_recorded() -> None:
    assert set(CASES) == set(MARKER_IDS)
    for marker_id, rows in CASES.items():
        statuses = {expected for _name, _change, expected in rows}
        assert {MET, NOT_RECORDED} <= statuses, marker_id


@pytest.mark.parametrize(("marker_id", "change", "expected"), TABLE)
def test_marker(marker_id: str, change: Change, expected: str) -> None:
    meeting = delivered_meeting()
    change(meeting)
    marker = fidelity_profile(meeting, small_guide(), TODAY).marker(marker_id)
    assert marker.status == expected, marker.reason
    assert marker.reason


def test_the_delivered_meeting_meets_every_marker() -> None:
    profile = fidelity_profile(delivered_meeting(), small_guide(), TODAY)
    assert {m.id: m.status for m in profile.markers} == dict.fromkeys(MARKER_IDS, MET)
    assert profile.counts() == {MET: len(MARKER_IDS), NOT_MET: 0, NOT_RECORDED: 0, NOT_APPLICABLE: 0}


def test_an_empty_meeting_is_never_guessed_as_not_met() -> None:
    """A fresh referral has missing facts, not failures."""
    meeting = Meeting(
        children=[Child(name="Ada")], people=[Person(name="Gran", needs=Needs(interpreter=True))]
    )
    profile = fidelity_profile(meeting, small_guide(), TODAY)
    assert NOT_MET not in {m.status for m in profile.markers}


def test_values_are_the_counted_days_and_minutes() -> None:
    profile = fidelity_profile(delivered_meeting(), small_guide(), TODAY)
    assert profile.marker("first-contact").value == 1
    assert profile.marker("referral-to-meeting").value == 30
    assert profile.marker("family-time-held").value == 65
    assert profile.marker("plan-sent").value == 2


def test_grid_excludes_not_applicable_steps_and_shows_them() -> None:
    m = delivered_meeting()
    m.steps = {
        "p1": StepState(status="done"),
        "p2": StepState(status="na"),
        "p3": StepState(status="todo"),
        "m1": StepState(status="done"),
    }
    profile = fidelity_profile(m, small_guide(), TODAY)
    child = profile.cell("preparation", "child")
    assert (child.done, child.applicable, child.not_applicable) == (0, 1, 1)
    assert child.words() == "0/1 +1 n/a"
    assert profile.cell("preparation", "collaboration").words() == "1/1"
    assert profile.cell("preparation", "trust").words() == "1/1"
    # The statutory-only participation step does not apply to this voluntary meeting at all.
    assert profile.cell("preparation", "participation").words() == "–"
    assert profile.cell("meeting", "participation").words() == "1/1"
    assert profile.cell("follow_up", "collaboration").words() == "0/1"
    assert len(profile.grid) == 16


def test_grid_without_a_guide_is_empty_but_markers_still_count() -> None:
    profile = fidelity_profile(delivered_meeting(), None, TODAY)
    assert not profile.guide_available
    assert all(cell.words() == "–" for cell in profile.grid)
    assert profile.marker("plan-complete").status == MET


def test_many_children_combine_with_not_met_first() -> None:
    m = delivered_meeting()
    m.children.append(Child(name="Cy", met_before=None))
    m.children.append(Child(name="Di", met_before=HELD + timedelta(days=1)))
    marker = fidelity_profile(m, small_guide(), TODAY).marker("child-met-before")
    assert marker.status == NOT_MET
    assert marker.reason.startswith("1 of 3 children")


def test_late_review_counts_the_first_review_not_a_later_one() -> None:
    m = delivered_meeting()
    m.follow_up.reviews.append(Review(scheduled=HELD + timedelta(days=200)))
    assert fidelity_profile(m, small_guide(), TODAY).marker("review-on-time").status == MET


def test_help_marker_counts_each_promise() -> None:
    m = delivered_meeting()
    m.plan.actions.append(
        Action(what="x", who="y", by_when=HELD, support_from="School", support_delivered=None)
    )
    marker = fidelity_profile(m, small_guide(), TODAY).marker("help-given")
    assert (marker.status, marker.value) == (NOT_RECORDED, 1)
    m.people.append(Person(name="Aunt", needs=Needs(interpreter=True, interpreter_booked=False)))
    assert fidelity_profile(m, small_guide(), TODAY).marker("interpreters-booked").status == NOT_MET


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 3, 6)
    assert working_days_between(friday, friday + timedelta(days=3)) == 1  # to Monday
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday + timedelta(days=3), friday) == -1


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 60))
def test_working_days_never_exceed_calendar_days(start: date, days: int) -> None:
    end = start + timedelta(days=days)
    working = working_days_between(start, end)
    assert 0 <= working <= days
    assert working >= days * 5 // 7 - 2


def test_compact_grid_words_for_narrow_screens() -> None:
    m = delivered_meeting()
    m.steps = {"p2": StepState(status="na")}
    cell = fidelity_profile(m, small_guide(), TODAY).cell("preparation", "child")
    assert cell.words(compact=True) == "0/1+1na"


def test_network_widened_counts_who_came_beyond_the_parents_by_side() -> None:
    meeting = delivered_meeting()
    meeting.people[0].network.side = "father"
    meeting.people += [
        Person(name="Aunt", role="wider-family", attendance="present", network=NetworkPlace(side="mother")),
        Person(name="Dad", role="parent", attendance="present", network=NetworkPlace(side="father")),
        Person(name="Friend", role="friend-community", attendance="present"),
        Person(name="Cousin", role="wider-family", attendance="absent", network=NetworkPlace(side="father")),
    ]
    marker = fidelity_profile(meeting, small_guide(), TODAY).marker("network-widened")
    assert (marker.status, marker.value) == (MET, 3)
    assert marker.reason == (
        "3 beyond the parents took part: mother's side 1, father's side 1, both sides or not related 1"
    )

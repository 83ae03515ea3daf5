"""Steps the record ticks: one test per self-ticking bundled step, on a demo meeting."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from sdm_facilitator.demo import follow_up_meeting, preparing_meeting
from sdm_facilitator.domain.distribution import PaperSent
from sdm_facilitator.domain.evidence import compile_evidence
from sdm_facilitator.domain.meeting import AgendaItem, InfoShare, Meeting, Review, StepState
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.schedule import due_items
from sdm_facilitator.domain.step_progress import let_record_decide, step_progress, untick_from_record
from sdm_facilitator.guides.loader import GuideLibrary
from support.guide_library import bundled_library

TODAY = date(2026, 3, 10)
LIBRARY: GuideLibrary = bundled_library()

Change = Callable[[Meeting], None]


def _referral_empty(m: Meeting) -> None:
    m.referral.worries = m.referral.strengths = ""
    m.referral.bottom_lines = []


def _referral_filled(m: Meeting) -> None:
    m.referral.worries, m.referral.strengths = "Mum is unwell.", "Nana is close by."
    m.referral.bottom_lines = ["An adult is with the children every night."]


def _consent_unknown(m: Meeting) -> None:
    m.referral.consent_meeting = None
    m.info_sharing = [InfoShare(document="School report")]


def _consent_given(m: Meeting) -> None:
    m.referral.consent_meeting = True
    m.info_sharing = [InfoShare(document="School report", lawful_basis="public-task")]


def _exclusion_without_reason(m: Meeting) -> None:
    for person in m.people:
        person.invitation = "accepted"
    m.people[0].invitation, m.people[0].not_invited_reason = "not-invited", ""


def _exclusion_with_reason(m: Meeting) -> None:
    _exclusion_without_reason(m)
    m.people[0].not_invited_reason = "Recorded on the file; shared with the social worker only."


def _no_agenda(m: Meeting) -> None:
    m.agenda = []


def _agenda(m: Meeting) -> None:
    m.agenda = [AgendaItem("introductions", "Welcome", 15)]


def _advocate_not_offered(m: Meeting) -> None:
    m.children[0].advocate_offer = "accepted"
    m.children[1].advocate_offer = None


def _advocate_offered_to_all(m: Meeting) -> None:
    m.children[0].advocate_offer, m.children[1].advocate_offer = "accepted", "declined"


def _not_sent(m: Meeting) -> None:
    m.plan.sent_on = None
    # The professionals' version going out is not the family's plan being sent.
    m.papers_sent = [PaperSent(paper="plan-notes", recipient="the reviewing officer", on=TODAY)]


def _sent(m: Meeting) -> None:
    m.papers_sent.append(PaperSent(paper="plan", recipient="the family", on=TODAY))


def _no_named_people(m: Meeting) -> None:
    m.plan.family_keeper = ""


def _named_people(m: Meeting) -> None:
    m.plan.family_keeper, m.plan.professional_lead = "Nana", "Jo"


def _review_planned(m: Meeting) -> None:
    m.follow_up.reviews = [Review(scheduled=TODAY)]


def _review_held(m: Meeting) -> None:
    m.follow_up.reviews = [Review(scheduled=TODAY, held=TODAY)]


def _no_contingency(m: Meeting) -> None:
    m.plan.contingency = ""


def _contingency(m: Meeting) -> None:
    m.plan.contingency = "Nana has the children if Mum is back in hospital."


def _worries_only(m: Meeting) -> None:
    m.referral.worries, m.referral.strengths = "Mum is unwell.", ""


def _worries_and_strengths(m: Meeting) -> None:
    m.referral.worries, m.referral.strengths = "Mum is unwell.", "Nana is close by."


# The evidence of each bundled step -> (not shown yet, shown, where it comes from).
RECIPES: dict[str, tuple[Change, Change, str]] = {
    "referral.worries and referral.strengths and count(referral.bottom_lines) >= 1": (
        _referral_empty,
        _referral_filled,
        "the referral",
    ),
    "referral.worries and referral.strengths": (_worries_only, _worries_and_strengths, "the referral"),
    "referral.consent_meeting and every(info_sharing, lawful_basis)": (
        _consent_unknown,
        _consent_given,
        "the referral",
    ),
    'count(people) >= 1 and every(people, invitation != "suggested") and '
    'every(people, invitation != "not-invited" or not_invited_reason)': (
        _exclusion_without_reason,
        _exclusion_with_reason,
        "the people list",
    ),
    "count(agenda) >= 1": (_no_agenda, _agenda, "the agenda"),
    "count(children) >= 1 and every(children, advocate_offer)": (
        _advocate_not_offered,
        _advocate_offered_to_all,
        "the children",
    ),
    'plan.sent_on or any(papers_sent, paper == "plan")': (_not_sent, _sent, "the plan"),
    "plan.family_keeper and plan.professional_lead": (_no_named_people, _named_people, "the plan"),
    "any(follow_up.reviews, held)": (_review_planned, _review_held, "the follow-up"),
    "plan.contingency": (_no_contingency, _contingency, "the plan"),
}

SELF_TICKING = [
    (guide.id, step.id)
    for guide in LIBRARY.sorted_guides()
    for step in guide.steps
    if step.evidence is not None
]


def demo_for(guide_id: str) -> Meeting:
    """The demo family group conference being prepared, served by ``guide_id``, with two children."""
    meeting = preparing_meeting(LIBRARY, TODAY)
    meeting.guide_id = guide_id
    meeting.steps.clear()
    return meeting


def test_every_self_ticking_step_has_a_test_recipe() -> None:
    assert len(SELF_TICKING) >= 20
    sources = {LIBRARY.guides[g].step(s).evidence.source for g, s in SELF_TICKING}  # type: ignore[union-attr]
    assert sources <= set(RECIPES)


@pytest.mark.parametrize(("guide_id", "step_id"), SELF_TICKING)
def test_step_is_done_from_the_record_and_can_be_unticked(guide_id: str, step_id: str) -> None:
    step = LIBRARY.guides[guide_id].step(step_id)
    assert step is not None and step.evidence is not None and not step.needs_judgement
    unmet, met, source = RECIPES[step.evidence.source]
    meeting = demo_for(guide_id)
    unmet(meeting)
    before = step_progress(meeting, step)
    assert before.is_open and not before.from_record
    met(meeting)
    after = step_progress(meeting, step)
    assert after.status == "done" and after.from_record
    assert after.label() == f"done (from {source})"
    assert after.evidence == step.evidence_says
    assert meeting.steps.get(step.id) is None  # nothing is written: the record decides
    untick_from_record(meeting, step, "The exclusion is not agreed with the family yet.")
    unticked = step_progress(meeting, step)
    assert unticked.is_open and unticked.overruled
    assert meeting.steps[step.id].note == "The exclusion is not agreed with the family yet."
    let_record_decide(meeting, step)
    assert step_progress(meeting, step).from_record


def test_the_referral_step_is_no_longer_overdue_once_the_referral_is_filled_in() -> None:
    guide = LIBRARY.guides["fgc"]
    meeting = demo_for("fgc")
    _referral_empty(meeting)
    assert ("step", "prep-bottom-lines") in {(d.kind, d.ref) for d in due_items(meeting, guide)}
    _referral_filled(meeting)
    assert ("step", "prep-bottom-lines") not in {(d.kind, d.ref) for d in due_items(meeting, guide)}
    result = readiness(meeting, guide, TODAY)
    assert "prep-bottom-lines" not in {i.ref for i in result.items}


def test_the_review_step_closes_once_the_review_was_held() -> None:
    guide = LIBRARY.guides["fgc"]
    meeting = follow_up_meeting(LIBRARY, TODAY)
    meeting.steps.pop("fu-review-meeting", None)
    _review_planned(meeting)
    assert step_progress(meeting, guide.step("fu-review-meeting")).is_open  # type: ignore[arg-type]
    _review_held(meeting)
    assert step_progress(meeting, guide.step("fu-review-meeting")).label() == "done (from the follow-up)"  # type: ignore[arg-type]


def test_a_person_s_own_status_wins_over_the_record() -> None:
    step = LIBRARY.guides["fgc"].step("prep-agenda")
    assert step is not None
    meeting = demo_for("fgc")
    _agenda(meeting)
    meeting.steps[step.id] = StepState(status="na")
    assert step_progress(meeting, step).status == "na"
    assert not step_progress(meeting, step).from_record


def test_a_step_needing_judgement_is_never_ticked_by_the_record() -> None:
    step = LIBRARY.guides["fgc"].step("prep-stop-forced-marriage")
    assert step is not None and step.stop_and_check and step.evidence is None
    # Even a hand-made step carrying evidence is not ticked when it needs judgement.
    forced = dataclasses.replace(step, evidence=compile_evidence("referral.worries"))
    meeting = demo_for("fgc")
    meeting.risks = []  # not screened: only the risk screen could clear this step
    assert meeting.referral.worries
    assert step_progress(meeting, forced).is_open
    judged = dataclasses.replace(
        step, stop_and_check=False, judgement=True, evidence=compile_evidence("referral.worries")
    )
    assert step_progress(meeting, judged).is_open


def test_no_bundled_judgement_or_stop_step_has_evidence() -> None:
    for guide in LIBRARY.guides.values():
        for step in guide.steps:
            if step.needs_judgement:
                assert step.evidence is None, (guide.id, step.id)


# ---------------------------------------------------------------- answers remembered while summarising


def test_a_summary_works_out_each_step_once() -> None:
    """Issue 19: readiness, due dates and the fidelity grid each asked about every step, for every meeting."""
    from unittest import mock

    from sdm_facilitator.domain import step_progress as module
    from sdm_facilitator.domain.summary import summarise

    meeting = preparing_meeting(LIBRARY, TODAY)
    guide = LIBRARY.get(meeting.guide_id)
    with mock.patch.object(module, "_step_progress", wraps=module._step_progress) as worked_out:
        summarise(meeting, guide)
    asked = [call.args[1].id for call in worked_out.call_args_list]
    assert asked and len(asked) == len(set(asked))


def test_answers_are_remembered_only_inside_the_block() -> None:
    from sdm_facilitator.domain.step_progress import progress_remembered

    meeting = preparing_meeting(LIBRARY, TODAY)
    guide = LIBRARY.get(meeting.guide_id)
    assert guide is not None
    step = next(s for s in guide.steps if s.evidence is None)
    meeting.steps.pop(step.id, None)
    with progress_remembered():
        assert step_progress(meeting, step).status == "todo"
        meeting.step_state(step.id).status = "done"
        assert step_progress(meeting, step).status == "todo", "remembered: the meeting must not change inside"
    assert step_progress(meeting, step).status == "done"


# ---------------------------------------------------------------- stop-and-check steps: never one key


BUNDLED_STOP_STEPS = {
    "fgc": ("prep-stop-forced-marriage", "prep-stop-sexual-abuse"),
    "family-unity": ("fum-prep-stop-forced-marriage", "fum-prep-stop-sexual-abuse"),
    "cin-family-unity": ("cin-prep-stop-forced-marriage", "cin-prep-stop-sexual-abuse"),
    "cp-conference": ("cp-prep-stop-forced-marriage", "cp-prep-stop-sexual-abuse"),
    "review": ("rev-prep-stop-forced-marriage", "rev-prep-stop-sexual-abuse"),
}


@pytest.mark.parametrize("guide_id", sorted(BUNDLED_STOP_STEPS))
def test_bundled_stop_steps_name_the_risk_kind_they_are_about(guide_id: str) -> None:
    forced, sexual = (LIBRARY.guides[guide_id].step(i) for i in BUNDLED_STOP_STEPS[guide_id])
    assert forced is not None and forced.stop_and_check and forced.risk == "forced-marriage"
    assert sexual is not None and sexual.stop_and_check and sexual.risk == "sexual-abuse"


def test_a_risk_stop_step_takes_its_state_from_the_risk_screen_only() -> None:
    from sdm_facilitator.domain.risks import Risk
    from support.risk_helpers import advice

    step = LIBRARY.guides["fgc"].step("prep-stop-forced-marriage")
    assert step is not None
    meeting = demo_for("fgc")
    meeting.risks = []
    # A status set by a key (or typed into the file), even with a note, does not clear it.
    meeting.steps[step.id] = StepState(status="done", note="checked")
    assert step_progress(meeting, step).is_open
    meeting.steps[step.id] = StepState(status="na", note="no sign")
    assert step_progress(meeting, step).is_open
    risk = Risk(kind="forced-marriage", status="not-known")
    meeting.risks.append(risk)
    assert step_progress(meeting, step).is_open
    risk.advice = advice(by="Forced Marriage Unit")
    progress = step_progress(meeting, step)
    assert progress.status == "done" and progress.label() == "done (from the risk screen)"
    risk.advice.outcome = None
    assert step_progress(meeting, step).is_open
    risk.status = "not-present"
    assert step_progress(meeting, step).label() == "done (from the risk screen)"


def test_a_stop_step_without_a_risk_kind_needs_a_reason_to_clear() -> None:
    step = LIBRARY.guides["fgc"].step("prep-stop-sexual-abuse")
    assert step is not None
    plain = dataclasses.replace(step, risk=None)
    meeting = demo_for("fgc")
    for status in ("done", "na"):
        meeting.steps[plain.id] = StepState(status=status)
        assert step_progress(meeting, plain).is_open
        meeting.steps[plain.id] = StepState(status=status, note="  ")
        assert step_progress(meeting, plain).is_open
        meeting.steps[plain.id] = StepState(status=status, note="Police advised: no concern")
        assert step_progress(meeting, plain).status == status


def test_a_family_time_step_cannot_be_done_when_the_record_shows_none_was_held() -> None:
    m = follow_up_meeting(LIBRARY, TODAY)
    guide = LIBRARY.get(m.guide_id)
    assert guide is not None and m.record.ended is not None and m.record.family_time_start is None
    steps = guide.steps_for("family_time", m.context)
    assert steps
    # The Rahman demo no longer ticks them; a tick stored anyway (a key, an older file) does not count.
    assert all(step_progress(m, s).status == "todo" for s in steps)
    for step in steps:
        m.steps[step.id] = StepState(status="done")
    assert all(step_progress(m, s).status == "todo" for s in steps)
    m.steps[steps[0].id] = StepState(status="na")
    assert step_progress(m, steps[0]).status == "na"
    # With family time in the record, the ticks stand.
    m.record.family_time_start, m.record.family_time_end = m.record.started, m.record.ended
    assert step_progress(m, steps[1]).status == "done"

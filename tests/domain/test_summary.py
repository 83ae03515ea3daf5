"""Meeting summaries: the words they give on any day are the readiness panel's words."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.demo import early_meeting, follow_up_meeting, held_meeting, preparing_meeting
from sdm_facilitator.domain.closure import close_meeting, closure_words
from sdm_facilitator.domain.fidelity import fidelity_profile
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.readiness import readiness
from sdm_facilitator.domain.schedule import next_due
from sdm_facilitator.domain.summary import summarise
from support.guide_library import bundled_library

LIBRARY = bundled_library()
BUILDERS = (preparing_meeting, held_meeting, follow_up_meeting, early_meeting)


def _guide(meeting: Meeting):  # type: ignore[no-untyped-def]
    return LIBRARY.get(meeting.guide_id) or LIBRARY.for_kind(meeting.kind)


@settings(max_examples=80, deadline=None)
@given(
    build=st.sampled_from(BUILDERS),
    made_on=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    shown_after=st.integers(-400, 400),
    drop_review=st.booleans(),
    drop_date=st.booleans(),
    closed_after=st.none() | st.integers(0, 200),
)
def test_summary_words_match_readiness_on_any_day(
    build,
    made_on: date,
    shown_after: int,
    drop_review: bool,
    drop_date: bool,  # type: ignore[no-untyped-def]
    closed_after: int | None,
) -> None:
    meeting = build(LIBRARY, made_on)
    if drop_review:
        meeting.follow_up.reviews = []
    if drop_date:
        meeting.choices.when = None
    if closed_after is not None:
        close_meeting(meeting, "work-finished", made_on + timedelta(days=closed_after))
    guide = _guide(meeting)
    summary = summarise(meeting, guide)
    today = made_on + timedelta(days=shown_after)
    ready = readiness(meeting, guide, today)
    assert summary.readiness_words(today) == ready.summary()
    assert summary.when_words(today) == ready.when_words()
    assert summary.overdue_count(today) == len(ready.overdue)
    assert summary.fidelity_words(today) == fidelity_profile(meeting, guide, today).summary()
    assert summary.closure_words() == closure_words(meeting)
    due = next_due(meeting, guide)
    assert (summary.next_date, summary.next_item) == ((due.due, due.label) if due else (None, None))


def test_summary_holds_only_the_meetings_own_text() -> None:
    meeting = preparing_meeting(LIBRARY, date(2026, 3, 1))
    summary = summarise(meeting, _guide(meeting))
    assert summary.family_label == meeting.family_label
    assert summary.children == tuple(c.name for c in meeting.children)
    assert summary.people == len(meeting.people)


@settings(max_examples=40, deadline=None)
@given(build=st.sampled_from(BUILDERS), made_on=st.dates(date(2020, 1, 1), date(2030, 12, 31)))
def test_remembering_step_answers_changes_no_summary(build, made_on: date) -> None:  # type: ignore[no-untyped-def]
    from sdm_facilitator.domain import summary as summary_module

    meeting = build(LIBRARY, made_on)
    law = ProfileLaw()
    assert summarise(meeting, _guide(meeting)) == summary_module._summarise(meeting, _guide(meeting), law)


@settings(max_examples=40, deadline=None)
@given(
    build=st.sampled_from(BUILDERS),
    made_on=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    shown_after=st.integers(-400, 400),
)
def test_marker_counts_are_the_profiles_counts(build, made_on: date, shown_after: int) -> None:  # type: ignore[no-untyped-def]
    from sdm_facilitator.domain.fidelity import marker_counts

    meeting = build(LIBRARY, made_on)
    today = made_on + timedelta(days=shown_after)
    guide = _guide(meeting)
    assert marker_counts(meeting, guide, today) == fidelity_profile(meeting, guide, today).counts()
    assert marker_counts(meeting, None, today) == fidelity_profile(meeting, None, today).counts()

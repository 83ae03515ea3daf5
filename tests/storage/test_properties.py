"""Property tests: any text in any text field survives save and load exactly."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain import meeting as model
from sdm_facilitator.domain.meeting import Meeting, iter_meeting_texts
from sdm_facilitator.storage.store import MeetingStore
from support.strategies import any_text


def text_fields(cls: type) -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(cls)
        if f.type == "str" and "choices" not in f.metadata and f.name != "id"
    ]


def build(texts: list[str]) -> Meeting:
    """A meeting whose every free-text field (nested too) holds one of ``texts``."""
    it = itertools.cycle(texts)

    def fill(obj: object) -> object:
        for name in text_fields(type(obj)):
            setattr(obj, name, next(it))
        return obj

    m = fill(Meeting(kind="fgc"))
    assert isinstance(m, Meeting)
    fill(m.referral)
    m.referral.bottom_lines = [next(it), next(it)]
    m.children = [fill(model.Child())]  # type: ignore[list-item]
    m.people = [fill(model.Person(needs=fill(model.Needs())))]  # type: ignore[list-item,arg-type]
    fill(m.choices)
    m.steps = {"s": fill(model.StepState())}  # type: ignore[dict-item]
    m.info_sharing = [fill(model.InfoShare())]  # type: ignore[list-item]
    m.record.phases = [fill(model.PhaseRecord())]  # type: ignore[list-item]
    m.record.captures = [fill(model.Capture())]  # type: ignore[list-item]
    m.record.scales = [fill(model.ScaleAnswer())]  # type: ignore[list-item]
    fill(m.plan)
    m.plan.actions = [fill(model.Action(updates=[fill(model.ActionUpdate())]))]  # type: ignore[list-item,arg-type]
    m.plan.bottom_line_checks = [fill(model.BottomLineCheck())]  # type: ignore[list-item]
    fill(m.plan.response)
    m.follow_up.plan_changes = [fill(model.PlanChange())]  # type: ignore[list-item]
    m.follow_up.reviews = [fill(model.Review())]  # type: ignore[list-item]
    return m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(any_text, min_size=1, max_size=5))
def test_any_text_in_any_field_round_trips(tmp_path: Path, texts: list[str]) -> None:
    store = MeetingStore(tmp_path / "prop")
    meeting = build(texts)
    opened = store.create(meeting)
    store.close(opened)
    again = store.open(meeting.id, lock=False).meeting
    assert again == meeting
    assert list(iter_meeting_texts(again)) == list(iter_meeting_texts(meeting))
    store.path_for(meeting.id).unlink()

"""Feedback: the five statements, the reverse-scored one, and averages that leave declined feedback out."""

from __future__ import annotations

import pytest

from sdm_facilitator.domain.feedback import FACES, STATEMENT_FIELDS, STATEMENTS, averages
from sdm_facilitator.domain.meeting import Feedback


def test_five_statements_one_reverse_scored_each_with_a_child_version() -> None:
    assert len(STATEMENTS) == 5
    assert [s.field for s in STATEMENTS if s.reverse_scored] == ["judged"]
    assert all(s.child_text and s.child_text != s.family_text for s in STATEMENTS)
    assert set(FACES) <= {1, 2, 3, 4, 5}
    for name in STATEMENT_FIELDS:
        assert hasattr(Feedback(), name)


def test_averages_count_only_answers_given() -> None:
    items = [
        Feedback(understood_worries=5, judged=1),
        Feedback(understood_worries=2, judged=4, plan_ours=3),
        Feedback(status="declined"),
        Feedback(status="declined", understood_worries=1),  # a score on declined feedback is not counted
    ]
    result = {a.field: (a.mean, a.count) for a in averages(items)}
    assert result["understood_worries"] == (pytest.approx(3.5), 2)
    assert result["judged"] == (pytest.approx(2.5), 2)
    assert result["plan_ours"] == (3.0, 1)
    assert result["listened_to"] == (None, 0)

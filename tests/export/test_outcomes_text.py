"""The fidelity profile and the outcomes, feedback and closure as plain text, and ``show`` printing them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.domain.closure import close_meeting
from sdm_facilitator.domain.fidelity import MARKER_LABELS, fidelity_profile
from sdm_facilitator.domain.meeting import Feedback, OutcomePoint
from sdm_facilitator.export.fidelity_text import (
    fidelity_lines,
    fidelity_to_dict,
    grid_lines,
    meeting_fidelity_text,
)
from sdm_facilitator.export.outcomes_text import outcome_lines
from sdm_facilitator.storage.store import MeetingStore
from support.fidelity_fixtures import TODAY, delivered_meeting, small_guide


def test_grid_lines_fit_80_columns_and_show_not_applicable() -> None:
    m = delivered_meeting()
    m.steps["p2"] = m.step_state("p2")
    m.steps["p2"].status = "na"
    lines = list(grid_lines(fidelity_profile(m, small_guide(), TODAY)))
    assert len(lines) == 5 and all(len(line) <= 76 for line in lines)
    assert "0/1 +1 n/a" in lines[1]


def test_every_marker_has_a_line_with_its_status_and_reason() -> None:
    text = meeting_fidelity_text(delivered_meeting(), small_guide(), TODAY)
    for label in MARKER_LABELS.values():
        assert f"✓ {label}: met (" in text
    assert text.startswith("FIDELITY: 24 met · 0 not met · 0 not recorded · 0 n/a")
    data = fidelity_to_dict(fidelity_profile(delivered_meeting(), None, TODAY))
    assert data["guide_available"] is False and len(data["markers"]) == 24 and len(data["grid"]) == 16
    assert "not available" in "\n".join(fidelity_lines(fidelity_profile(delivered_meeting(), None, TODAY)))


def test_evidence_lines_show_typed_text_literally() -> None:
    m = delivered_meeting()
    m.children[0].outcomes.append(
        OutcomePoint(
            point="3-months",
            living="in-care",
            care_basis="interim-care-order",
            proceedings_issued=True,
            recorded_on=date(2026, 7, 1),
        )
    )
    m.feedback = [Feedback(judged=1, comment="[bold]thanks[/bold]\x1b[31m"), Feedback(status="declined")]
    close_meeting(m, "work-finished", date(2026, 8, 1), note="done \u202e")
    text = "\n".join(outcome_lines(m))
    assert "Closed after the meeting on 2026-08-01: The work is finished (done ⟨U+202E⟩)" in text
    assert (
        "3 months after the meeting (2026-07-01): In care (Interim care order); care proceedings issued: yes"
        in text
    )
    assert "“[bold]thanks[/bold]␛[31m”" in text
    assert "offered, declined" in text
    assert list(outcome_lines(delivered_meeting())) == []


def test_show_prints_the_fidelity_profile(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    store = MeetingStore(isolated_data_dir)
    store.ensure()
    meeting = delivered_meeting()
    store.close(store.create(meeting))
    assert main(["show", meeting.id]) == 0
    out = capsys.readouterr().out
    assert "FIDELITY: " in out and "The plan is complete: met" in out
    assert main(["show", meeting.id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {m["id"]: m["status"] for m in data["fidelity"]["markers"]}["plan-complete"] == "met"

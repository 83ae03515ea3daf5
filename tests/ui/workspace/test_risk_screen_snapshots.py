"""Snapshots of the risk screen at 100x30 and 80x24: advice with conditions, and forced marriage not known.

The cursor is on forced marriage, so the warning that a family meeting may be
the wrong tool (text from ``guides/risk-warnings.toml``) is in the picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risks import AdviceCondition, Risk
from support.app_helpers import FIXED_TODAY, save_meetings
from support.prep_fixtures import prep_app
from support.risk_helpers import advice, present
from ui.workspace.preparation.test_risk_screen import risk_meeting
from ui.workspace.test_preparation_snapshots import SIZE_IDS, SIZES, opener

pytestmark = pytest.mark.usefixtures("utc_local_time")


def screened_meeting() -> Meeting:
    m = risk_meeting()
    present(
        "domestic-abuse",
        m,
        at_risk=["p-kerry"],
        causing_harm=["p-mark"],
        source="Police report",
        screened_on=FIXED_TODAY,
        advice=advice(
            "go-ahead-with-conditions",
            conditions=[
                AdviceCondition(kind="separate-arrival", what="side door"),
                AdviceCondition(kind="not-in-room"),
            ],
        ),
    )
    m.risks.append(Risk(kind="forced-marriage", status="not-known", screened_on=FIXED_TODAY))
    m.risks.append(
        Risk(kind="sexual-abuse", status="not-present", screened_on=FIXED_TODAY, source="Social worker")
    )
    return m


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_risk_screen(snap_compare, isolated_data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    meeting = screened_meeting()
    save_meetings(isolated_data_dir, meeting)
    assert snap_compare(
        prep_app(isolated_data_dir), terminal_size=size, run_before=opener(meeting.id, "prep-risks", "down")
    )

"""Risk-screen records for tests: a fully screened meeting, and risks with advice."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risks import RISK_KINDS, AdviceCondition, Risk, RiskAdvice


def screen_all_not_present(meeting: Meeting, on: date | None = None) -> Meeting:
    """Every kind screened and not present: the risk screen adds nothing to readiness."""
    for kind in RISK_KINDS:
        if not any(r.kind == kind for r in meeting.risks):
            meeting.risks.append(
                Risk(
                    kind=kind,
                    name="No other harm" if kind == "other" else "",
                    status="not-present",
                    screened_on=on,
                )
            )
    return meeting


def advice(
    outcome: str = "go-ahead",
    *,
    on: date | None = date(2026, 3, 1),
    by: str = "Priya (IDVA)",
    conditions: list[AdviceCondition] | None = None,
    instead: str = "",
) -> RiskAdvice:
    """Advice recorded with who, when and what."""
    return RiskAdvice(
        by=by, role="IDVA", on=on, outcome=outcome, conditions=conditions or [], instead=instead
    )


def present(kind: str, meeting: Meeting, **kwargs: object) -> Risk:
    """Put ``kind`` on the screen as present (replacing its not-present entry) and return it."""
    meeting.risks = [r for r in meeting.risks if r.kind != kind]
    risk = Risk(kind=kind, status="present", **kwargs)  # type: ignore[arg-type]
    meeting.risks.append(risk)
    return risk

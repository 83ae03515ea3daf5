"""Checks for the step keys that make a guide follow the record.

Kept apart from the core table checks in ``validate`` so each can change on
its own: ``evidence`` (a tiny expression saying what in the record shows the
step is done, see ``domain.evidence``), ``evidence_says`` (the same in plain
words), ``judgement`` (only a person can say it is done),
``stop_and_check`` (the meeting waits until someone has checked),
``when_risk`` (the harms the step is for: shown only where the risk screen
has one of them present or not known) and ``risk`` (the risk-screen kind a
stop-and-check step is about; the risk screen, not a key press, then clears it).
"""

from __future__ import annotations

from typing import Any

from sdm_facilitator.domain.evidence import EvidenceError, compile_evidence
from sdm_facilitator.domain.risks import RISK_KINDS
from sdm_facilitator.guides.check_types import FieldFactory, KeyPath, ProblemSink

#: Harms a step or prompt may be for. "other" is named by the coordinator case by
#: case, so no guide can have words ready for it.
GUIDE_RISK_KINDS: tuple[str, ...] = tuple(kind for kind in RISK_KINDS if kind != "other")


def when_risk_field(field: FieldFactory, *, required: bool = False) -> Any:
    """The ``when_risk`` key: a list of risk kinds, each known, none twice."""
    return field(
        "choices",
        required=required,
        expect="a list of risk kinds",
        choices=GUIDE_RISK_KINDS,
        noun="risk kind",
    )


def extra_step_fields(field: FieldFactory) -> dict[str, Any]:
    """The optional step keys this module checks, in the core checker's terms."""
    return {
        "evidence": field("text", required=False, expect="an evidence expression in quotes"),
        "evidence_says": field("text", required=False, expect="the evidence in plain words, in quotes"),
        "judgement": field("bool", required=False, expect="true or false"),
        "stop_and_check": field("bool", required=False, expect="true or false"),
        "when_risk": when_risk_field(field),
        "risk": field("choice", required=False, expect="a risk kind", choices=RISK_KINDS, noun="risk kind"),
    }


def step_extras(checker: ProblemSink, data: dict[str, Any], path: KeyPath) -> dict[str, Any]:
    """Check the keys above and return them as :class:`Step` keyword arguments.

    Problems are added to ``checker``; the caller sees them by counting.
    """
    out: dict[str, Any] = {
        "judgement": data.get("judgement", False),
        "stop_and_check": data.get("stop_and_check", False),
        "evidence_says": data.get("evidence_says", ""),
        "when_risk": data.get("when_risk", ()),
        "risk": data.get("risk"),
    }
    if out["stop_and_check"] and "when_risk" in data:
        checker.add(
            path + ("when_risk",),
            "a stop_and_check step must show on every meeting until someone has checked; "
            "when_risk would hide it where the risk screen is not done: remove when_risk",
        )
    if "risk" in data and not out["stop_and_check"]:
        checker.add(
            path + ("risk",),
            "risk is for stop-and-check steps (stop_and_check = true): the risk screen clears them",
        )
    stage = data.get("stage")
    if out["stop_and_check"] and stage is not None and stage != "preparation":
        checker.add(
            path + ("stop_and_check",),
            f"stop_and_check is for preparation steps (checked before the day); this step's stage is '{stage}'",
        )
    if "evidence_says" in data and "evidence" not in data:
        checker.add(path + ("evidence_says",), "evidence_says needs an evidence expression beside it")
    if "evidence" not in data:
        return out
    if out["judgement"] or out["stop_and_check"]:
        which = "stop_and_check" if out["stop_and_check"] else "judgement"
        checker.add(
            path + ("evidence",),
            f"a step marked {which} = true needs a person's judgement, so the record must never tick it; "
            "remove evidence or the mark",
        )
        return out
    try:
        out["evidence"] = compile_evidence(data["evidence"])
    except EvidenceError as error:
        checker.add(path + ("evidence",), str(error))
    return out

"""The fidelity profile as plain text lines and as a plain dict.

One rendering for ``show``, the record export and anything else that prints
a meeting's fidelity, so the wording of the grid and markers is the same
everywhere. No markup: reasons are built from counts and dates, never from
text a person typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sdm_facilitator.domain.fidelity import FidelityProfile, fidelity_profile
from sdm_facilitator.domain.fidelity_status import STATUS_LABELS, STATUS_SYMBOLS
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.vocabulary import MECHANISMS, STAGES

#: Short heads for the grid, so it fits beside the workspace's side list at 80 columns.
MECHANISM_HEADS = {
    "collaboration": "Collab.",
    "trust": "Trust",
    "participation": "Particip.",
    "child": "Child",
}
STAGE_HEADS = {
    "preparation": "Preparation",
    "meeting": "Meeting",
    "family_time": "Family time",
    "follow_up": "Follow-up",
}


def grid_lines(profile: FidelityProfile) -> Iterator[str]:
    """The stage x mechanism grid as aligned text: steps done out of those that apply."""
    first = max(len(STAGE_HEADS[s]) for s in STAGES)
    widths = [
        max(len(MECHANISM_HEADS[m]), *(len(profile.cell(s, m).words()) for s in STAGES)) for m in MECHANISMS
    ]
    yield "  ".join(
        [" " * first, *(MECHANISM_HEADS[m].ljust(w) for m, w in zip(MECHANISMS, widths))]
    ).rstrip()
    for stage in STAGES:
        cells = [profile.cell(stage, m).words().ljust(w) for m, w in zip(MECHANISMS, widths)]
        yield "  ".join([STAGE_HEADS[stage].ljust(first), *cells]).rstrip()


def fidelity_lines(profile: FidelityProfile) -> Iterator[str]:
    """The whole profile: the grid (when the guide is known), then one line per marker."""
    yield f"FIDELITY: {profile.summary()}"
    if profile.guide_available:
        yield "Guide steps done out of those that apply (not applicable ones shown apart):"
        yield from (f"  {line}" for line in grid_lines(profile))
    else:
        yield "Guide steps: the meeting's guide is not available, so steps are not counted."
    for marker in profile.markers:
        yield f"  {STATUS_SYMBOLS[marker.status]} {marker.label}: {STATUS_LABELS[marker.status]} ({marker.reason})"


def meeting_fidelity_text(meeting: Meeting, guide: Guide | None, today: date) -> str:
    """The profile of one meeting as text: the plain function other exports call."""
    return "\n".join(fidelity_lines(fidelity_profile(meeting, guide, today))) + "\n"


def fidelity_to_dict(profile: FidelityProfile) -> dict[str, Any]:
    """The profile as plain data for JSON."""
    return {
        "summary": profile.counts(),
        "guide_available": profile.guide_available,
        "grid": [
            {
                "stage": c.stage,
                "mechanism": c.mechanism,
                "done": c.done,
                "applicable": c.applicable,
                "not_applicable": c.not_applicable,
            }
            for c in profile.grid
        ],
        "markers": [
            {"id": m.id, "label": m.label, "status": m.status, "reason": m.reason, "value": m.value}
            for m in profile.markers
        ],
    }

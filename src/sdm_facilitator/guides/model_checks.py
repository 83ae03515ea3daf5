"""Checks for the guide keys that describe the meeting model itself.

Most meeting models give the family private time to plan on its own; a
family unity meeting does not, by design: its facilitator stays throughout.
A guide says so with ``private_family_time = false`` and a
``facilitator_note`` explaining it, and may then have no private phase and no
family-time steps. ``vocabularies`` names the term sets (``terms.toml``) an
organisation may choose for the guide. Kept apart from ``validate`` so the core
checks and these can change independently.
"""

from __future__ import annotations

from typing import Any

from sdm_facilitator.guides.check_types import FieldFactory, ProblemSink


def extra_guide_fields(field: FieldFactory) -> dict[str, Any]:
    """The optional ``[guide]`` keys this module checks, in the core checker's terms."""
    return {
        "private_family_time": field("bool", required=False, expect="true or false"),
        "facilitator_note": field("text", required=False, expect="a sentence in quotes"),
        "vocabularies": field("texts", required=False, expect="a list of vocabulary ids in quotes"),
    }


def wants_private_phase(head: dict[str, Any] | None) -> bool:
    """Whether the guide's meeting has private family time (the default)."""
    return head is None or head.get("private_family_time", True) is not False


def check_meeting_model(checker: ProblemSink, head: dict[str, Any] | None, top: dict[str, Any]) -> None:
    """A guide without private family time: a note saying why, and nothing private in it."""
    if head is None:
        return
    if wants_private_phase(head):
        if "facilitator_note" in head:
            checker.add(
                ("guide", "facilitator_note"),
                "facilitator_note is for guides without private family time (private_family_time = false)",
            )
        return
    if "facilitator_note" not in head:
        checker.add(
            ("guide",),
            "missing required key 'facilitator_note': a guide without private family time says, "
            "in a sentence, that the facilitator stays throughout and why",
        )
    for index, raw in enumerate(top.get("phases") or []):
        if isinstance(raw, dict) and raw.get("private") is True:
            checker.add(
                ("phases", index, "private"),
                "this guide has no private family time (private_family_time = false), so no phase can be private",
            )
    for index, raw in enumerate(top.get("steps") or []):
        if isinstance(raw, dict) and raw.get("stage") == "family_time":
            checker.add(
                ("steps", index, "stage"),
                "this guide has no private family time (private_family_time = false), "
                "so no step can be for stage 'family_time'",
            )

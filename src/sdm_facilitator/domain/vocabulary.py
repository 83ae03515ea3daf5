"""The fixed vocabulary shared by guides, meetings and reports.

Keeping every allowed value in one module means a guide, a meeting file and a
report can never disagree about what "participation" or "family_time" means.
Values are plain strings because they are written to and read from TOML files
that people may edit by hand.
"""

from __future__ import annotations

STAGES: tuple[str, ...] = ("preparation", "meeting", "family_time", "follow_up")
STAGE_LABELS: dict[str, str] = {
    "preparation": "Preparation",
    "meeting": "The meeting",
    "family_time": "Private family time",
    "follow_up": "Follow-up",
}

MECHANISMS: tuple[str, ...] = ("collaboration", "trust", "participation", "child")
MECHANISM_LABELS: dict[str, str] = {
    "collaboration": "Collaboration and engagement",
    "trust": "Building trust and reducing shame",
    "participation": "Participation in decisions",
    "child": "Children and young people",
}

CONTEXTS: tuple[str, ...] = ("statutory", "voluntary")
CONTEXT_LABELS: dict[str, str] = {
    "statutory": "Statutory (child protection)",
    "voluntary": "Voluntary (child in need)",
}

MEETING_KINDS: tuple[str, ...] = (
    "fgc",
    "fgdm",
    "family-unity",
    "cp-conference",
    "cin-meeting",
    "review",
)
MEETING_KIND_LABELS: dict[str, str] = {
    "fgc": "Family group conference",
    "fgdm": "Family group decision-making",
    "family-unity": "Family unity meeting",
    "cp-conference": "Child protection conference (participative)",
    "cin-meeting": "Child in need meeting",
    "review": "Review of an earlier plan",
}

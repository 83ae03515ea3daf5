"""The fixed vocabulary shared by guides, meetings and reports.

Keeping every allowed value in one module means a guide, a meeting file and a
report can never disagree about what "participation" or "family_time" means.
Values are plain strings because they are written to and read from TOML files
that people may edit by hand.
"""

from __future__ import annotations

from sdm_facilitator.domain.labels import (
    CONTEXT_LABELS as CONTEXT_LABELS,
)
from sdm_facilitator.domain.labels import (
    MECHANISM_LABELS as MECHANISM_LABELS,
)
from sdm_facilitator.domain.labels import (
    MEETING_KIND_LABELS as MEETING_KIND_LABELS,
)
from sdm_facilitator.domain.labels import (
    STAGE_LABELS as STAGE_LABELS,
)

STAGES: tuple[str, ...] = ("preparation", "meeting", "family_time", "follow_up")

MECHANISMS: tuple[str, ...] = ("collaboration", "trust", "participation", "child")

CONTEXTS: tuple[str, ...] = ("statutory", "voluntary")

MEETING_KINDS: tuple[str, ...] = (
    "fgc",
    "fgdm",
    "family-unity",
    "cp-conference",
    "cin-meeting",
    "review",
)

"""Every section of the meeting workspace, in the order a meeting moves through them.

Preparation sections and the meeting/after sections live in their own modules
so each can grow without touching the workspace screen.
"""

from __future__ import annotations

from sdm_facilitator.ui.workspace.after_sections import AFTER_SECTIONS
from sdm_facilitator.ui.workspace.preparation.sections import PREPARATION_SECTIONS
from sdm_facilitator.ui.workspace.section import Section


def all_sections() -> list[Section]:
    """Every section, in the order a meeting moves through them."""
    return [*PREPARATION_SECTIONS, *AFTER_SECTIONS]

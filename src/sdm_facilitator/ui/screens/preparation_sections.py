"""Sections of the workspace used before the meeting (filled in by the preparation screens)."""

from __future__ import annotations

from sdm_facilitator.ui.sections import Section

PREPARATION_SECTIONS: list[Section] = []

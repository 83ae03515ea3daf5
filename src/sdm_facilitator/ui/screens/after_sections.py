"""Sections of the workspace used at and after the meeting (plan, follow-up)."""

from __future__ import annotations

from sdm_facilitator.ui.sections import Section

AFTER_SECTIONS: list[Section] = []

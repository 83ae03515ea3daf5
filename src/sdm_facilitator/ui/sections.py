"""The sections of the meeting workspace, gathered from the modules that own them.

Each section is a widget built for one open meeting. Preparation sections and
the meeting/after sections live in their own modules so each can grow without
touching the workspace screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from sdm_facilitator.ui.session import MeetingSession


@dataclass(frozen=True)
class Section:
    """One entry of the workspace's side list and the widget it shows."""

    id: str
    title: str
    build: Callable[[MeetingSession], Widget]
    group: str


def all_sections() -> list[Section]:
    """Every section, in the order a meeting moves through them."""
    from sdm_facilitator.ui.screens.after_sections import AFTER_SECTIONS
    from sdm_facilitator.ui.screens.preparation_sections import PREPARATION_SECTIONS

    return [*PREPARATION_SECTIONS, *AFTER_SECTIONS]

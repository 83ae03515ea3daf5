"""One entry of the meeting workspace's side list: the section and how to build it.

Kept apart from the list of sections (``catalogue``) so the modules that
define sections can import ``Section`` without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from sdm_facilitator.storage.session import MeetingSession


@dataclass(frozen=True)
class Section:
    """One entry of the workspace's side list and the widget it shows."""

    id: str
    title: str
    build: Callable[[MeetingSession], Widget]
    group: str

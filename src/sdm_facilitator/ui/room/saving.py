"""Saving straight away from screens pushed above the meeting workspace.

Times stamped in the room matter (when family time started, what was said
when), so the chair's view and the privacy screen save at once rather than
waiting for the workspace's debounce. The meeting workspace below them owns
the saved indicator, so saving goes through its ``flush`` when it is there.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from sdm_facilitator.storage.session import MeetingSession, SaveOutcome
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import SavesMeeting


def workspace_for(screen: Screen[Any], session: MeetingSession) -> SavesMeeting | None:
    """The meeting workspace holding ``session``, if it is in the screen stack."""
    for candidate in reversed(screen.app.screen_stack):
        if candidate is screen:
            continue
        if isinstance(candidate, SavesMeeting) and candidate.session is session:
            return candidate
    return None


def save_now(screen: Screen[Any], session: MeetingSession) -> SaveOutcome:
    """Mark the meeting changed and save it now; returns what happened."""
    session.mark_changed()
    workspace = workspace_for(screen, session)
    if workspace is not None:
        return workspace.flush()
    return session.save(now=sdm_app(screen).clock())

"""Messages shared between widgets and screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from sdm_facilitator.storage.session import SaveOutcome


class SaveFinished(Message):
    """A save written on the session's writer thread has finished: the workspace shows how it went.

    Posted from the writer thread (``post_message`` is thread-safe and never
    waits). Calling into the app and waiting for it instead would deadlock
    when the app is itself waiting for that save to finish (``ctrl+s`` while
    a save is being written).
    """

    def __init__(self, outcome: SaveOutcome) -> None:
        super().__init__()
        self.outcome = outcome


class MeetingEdited(Message):
    """A widget changed the open meeting; the meeting screen saves it soon.

    Posting a message (rather than saving in the widget) gives one place that
    debounces saves and shows the "saved" indicator.
    """

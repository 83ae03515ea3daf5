"""Messages shared between widgets and screens."""

from __future__ import annotations

from textual.message import Message


class MeetingEdited(Message):
    """A widget changed the open meeting; the meeting screen saves it soon.

    Posting a message (rather than saving in the widget) gives one place that
    debounces saves and shows the "saved" indicator.
    """

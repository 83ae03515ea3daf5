"""What screens, sections and dialogs promise each other, declared once.

The app, the workspace and the room call a small number of methods on
whatever screen or section is in front: save it, ask whether text is still
being typed, offer its commands to the palette. Those promises are written
here as Protocols (checked by mypy where the type is known, and with
``isinstance`` where a screen is only known to be *some* screen), so nobody
has to find a method by its name at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from sdm_facilitator.storage.drafts import DraftField
    from sdm_facilitator.ui.session import MeetingSession, SaveOutcome


@runtime_checkable
class SavesMeeting(Protocol):
    """A screen that holds an open meeting and saves it when asked (the workspace, the room)."""

    session: MeetingSession

    def flush(self) -> SaveOutcome:
        """Save now if anything changed, and show the outcome."""
        ...


@runtime_checkable
class HoldsTypedText(Protocol):
    """A dialog with boxes a person types into, whose text is not in the meeting until it is added.

    If the app is stopped (SIGHUP, SIGTERM) while it is open, what was typed is
    kept as a draft of the meeting (``ui/dialogs/drafts.py``) and put back into
    the same dialog the next time it opens.
    """

    def unsaved_text(self) -> bool:
        """Whether something typed here would be lost if the dialog closed now."""
        ...

    def draft_dialog(self) -> str:
        """Which dialog this is, the same from one run to the next (``capture``, ``form:<title>``)."""
        ...

    def draft_title(self) -> str:
        """The dialog's title as the person saw it, shown when the draft is offered back."""
        ...

    def typed_fields(self) -> list[DraftField]:
        """Every box, with its label and its text exactly as typed."""
        ...

    def restore_typed(self, values: Mapping[str, str]) -> None:
        """Put a draft's text back into the boxes (keys as ``typed_fields`` gave them)."""
        ...


@runtime_checkable
class HasPendingValues(Protocol):
    """A widget whose latest typed values may still wait in a change event."""

    def apply_pending(self) -> None:
        """Write values typed a moment ago into the meeting before it is saved."""
        ...


@runtime_checkable
class OffersCommands(Protocol):
    """A screen or section with commands of its own for the command palette."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The commands, each named as its key is."""
        ...


class MayBlockQuit:
    """A screen that can refuse ctrl+q while it shows (private family time, its crash notice).

    A class attribute by default; an instance may set it when it depends on what is shown.
    """

    blocks_quit: bool = False


class LockScreen:
    """The passphrase screen of an encrypted store: no palette commands that reach the data."""

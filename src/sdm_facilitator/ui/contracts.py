"""What screens, sections and dialogs promise each other, declared once.

The app, the workspace and the room call a small number of methods on
whatever screen or section is in front: save it, ask whether text is still
being typed, offer its commands to the palette. Those promises are written
here as Protocols (checked by mypy where the type is known, and with
``isinstance`` where a screen is only known to be *some* screen), so nobody
has to find a method by its name at run time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from textual.app import SystemCommand
    from textual.widget import Widget

    from sdm_facilitator.domain.summary import MeetingSummary
    from sdm_facilitator.guides.loader import GuideLibrary
    from sdm_facilitator.storage.drafts import DraftField
    from sdm_facilitator.storage.index import IndexScan, SummaryIndex
    from sdm_facilitator.storage.session import MeetingSession, SaveOutcome
    from sdm_facilitator.storage.store import MeetingStore
    from sdm_facilitator.ui.workspace.section import Section


class AppServices(Protocol):
    """What screens and widgets use of the running app: its store, guides, clock and a few moves.

    Declared here rather than imported from ``ui/app.py`` so that a screen
    depends on what it uses, not on the app that imports every screen.
    ``ui/app_access.sdm_app`` gives it, typed, from any widget.
    """

    data_dir: Path
    demo: bool
    store: MeetingStore
    library: GuideLibrary
    store_generation: int
    sub_title: str

    def clock(self) -> datetime:
        """Now, from the app's clock (fixed in tests)."""
        ...

    def today(self) -> date:
        """Today's date in local time, from the app's clock."""
        ...

    def note_store_changed(self) -> None:
        """Files changed other than by saving the open meeting: lists must look again."""
        ...

    def summary_index(self) -> SummaryIndex:
        """The summary index of the current store."""
        ...

    def open_meeting(self, meeting_id: str) -> None:
        """Open a meeting in the workspace."""
        ...

    def meeting_closed(self, session: MeetingSession) -> None:
        """A meeting was saved and closed: the home screen and the index get its new summary."""
        ...

    def take_closed_meetings(self) -> list[tuple[MeetingSummary, str]]:
        """The summaries of meetings closed since the home screen last looked."""
        ...

    def take_start_scan(self, index: SummaryIndex) -> IndexScan | None:
        """The look at ``index``'s folder taken at start, once: the home screen's first list reads it."""
        ...

    def flush_all(self) -> list[str]:
        """Save every open meeting now; the reasons for any that could not be saved."""
        ...


@runtime_checkable
class SavesMeeting(Protocol):
    """A screen that holds an open meeting and saves it when asked (the workspace, the room)."""

    session: MeetingSession

    def flush(self) -> SaveOutcome:
        """Save now if anything changed, and show the outcome."""
        ...


@runtime_checkable
class ShowsSections(Protocol):
    """The meeting workspace, as other screens see it: its sections, and a way to bring one forward."""

    sections: list[Section]

    def show_section(self, section_id: str, focus_ref: str = "", *, enter: bool = True) -> Awaitable[None]:
        """Bring a section forward (going into it unless ``enter`` is false); await to know it is done."""
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


@runtime_checkable
class RefreshesFromMeeting(Protocol):
    """A workspace section that shows the meeting and can show it again after another part changed it."""

    def refresh_from_meeting(self) -> None:
        """Show what the record holds now; fields keep what is being typed."""
        ...


@runtime_checkable
class FocusesFirst(Protocol):
    """A section that knows which of its widgets a person going into it should land on."""

    def first_focus_target(self) -> Widget | None:
        """The widget a person going into the section starts at (the workspace focuses and scrolls)."""
        ...


@runtime_checkable
class FocusesStep(Protocol):
    """A section whose rows can be reached by a reference (a guide step's id)."""

    def focus_step(self, step_id: str) -> None:
        """Move to and focus the row of ``step_id``."""
        ...


class MayBlockQuit:
    """A screen that can refuse ctrl+q while it shows (private family time, its crash notice).

    A class attribute by default; an instance may set it when it depends on what is shown.
    """

    blocks_quit: bool = False


class LockScreen:
    """The passphrase screen of an encrypted store: no palette commands that reach the data."""

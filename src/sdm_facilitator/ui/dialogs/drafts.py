"""Text typed into an open dialog survives the app being stopped: kept as a draft, offered back whole.

``keep_drafts`` runs when the terminal window closes (SIGHUP) or the computer
shuts down (SIGTERM): every open dialog holding typed text (``HoldsTypedText``)
is written as a draft of the meeting beneath it (``storage/drafts.py``; sealed
in an encrypted store). The dialog's meaning is not settled until the person
presses Enter or ctrl+s, so nothing is added to the meeting on their behalf.

The draft comes back in two places:

- the next time the meeting opens, :class:`DraftsNotice` shows every draft
  whole ("Restored what you were typing when the app closed on ..."), to keep
  (it waits in its dialog) or discard;
- the next time the same dialog opens (:class:`RestoresDraft`), its boxes hold
  the draft's text. Adding it, or discarding it with Escape, removes the draft.

ctrl+q and Escape keep their "not saved" questions: a draft is only for when
nobody was there to answer them.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from sdm_facilitator.storage.drafts import Draft, DraftError, forget_draft, keep_draft, read_drafts
from sdm_facilitator.ui.contracts import HoldsTypedText, SavesMeeting
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.widgets.literal import literal

if TYPE_CHECKING:
    from textual.app import App

    from sdm_facilitator.storage.session import MeetingSession

#: What a person reads when a draft comes back.
RESTORED = "Restored what you were typing when the app closed on {when}."
NOT_KEPT = "What you typed in an open dialog could not be kept: {reason}."


def closed_on(saved: datetime) -> str:
    """``Mon 07 Dec 2026 at 01:23``, in local time."""
    return f"{saved.astimezone():%a %d %b %Y at %H:%M}"


def meeting_under(app: App[Any], dialog: Screen[Any] | None = None) -> MeetingSession | None:
    """The open meeting of the screens beneath ``dialog`` (or beneath the top, without it)."""
    stack = list(app.screen_stack)
    end = stack.index(dialog) if dialog is not None and dialog in stack else len(stack)
    for screen in reversed(stack[:end]):
        if isinstance(screen, SavesMeeting):
            return screen.session
    return None


def keep_drafts(app: App[Any]) -> list[str]:
    """Write every open dialog's typed text as a draft of its meeting; the reasons for any that failed."""
    problems: list[str] = []
    for screen in app.screen_stack:
        if not (isinstance(screen, HoldsTypedText) and screen.unsaved_text()):
            continue
        session = meeting_under(app, screen)
        if session is None or session.read_only:
            problems.append(NOT_KEPT.format(reason="no meeting is open for editing"))
            continue
        draft = Draft(
            screen.draft_dialog(),
            screen.draft_title(),
            tuple(screen.typed_fields()),
            app.clock(),  # type: ignore[attr-defined]
        )
        try:
            keep_draft(app.store, session.meeting.id, draft)  # type: ignore[attr-defined]
        except Exception as error:  # a stopping app reports what failed, and never raises
            reason = error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
            problems.append(NOT_KEPT.format(reason=reason))
    return problems


class RestoresDraft:
    """Mixin for a dialog that is ``HoldsTypedText``: its draft comes back when it opens.

    Call ``offer_draft()`` at the end of ``on_mount``, once the boxes hold what
    they open with. Put it before ``ModalScreen`` in the bases.
    """

    _draft_meeting: str | None = None
    _restored: Draft | None = None

    def offer_draft(self) -> None:
        dialog: Any = self
        session = meeting_under(dialog.app, dialog)
        if session is None or session.read_only:
            return
        self._draft_meeting = session.meeting.id
        try:
            drafts = read_drafts(dialog.app.store, session.meeting.id)
        except DraftError as error:
            dialog.app.notify(
                f"A draft kept for this meeting cannot be read: {error}", severity="warning", markup=False
            )
            return
        for draft in drafts:
            if draft.dialog == dialog.draft_dialog():
                dialog.restore_typed(draft.values())
                self._restored = draft
                dialog.app.notify(
                    RESTORED.format(when=closed_on(draft.saved)),
                    title="Draft restored",
                    timeout=15,
                    markup=False,
                )
                return

    def dismiss(self, result: Any = None) -> Any:
        """Closing after the draft came back (added, or discarded when asked) removes the draft."""
        if self._restored is not None and self._draft_meeting is not None:
            dialog: Any = self
            with contextlib.suppress(OSError, DraftError):
                forget_draft(dialog.app.store, self._draft_meeting, self._restored.dialog)
            self._restored = None
        return super().dismiss(result)  # type: ignore[misc]


class DraftsNotice(ModalScreen[None]):
    """Shown when a meeting opens with drafts: each whole, to keep for its dialog or to discard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "keep", "Keep"),
        Binding("d", "discard", "Discard"),
    ]

    def __init__(self, meeting_id: str, drafts: list[Draft]) -> None:
        super().__init__(classes="confirm-screen")
        self.meeting_id = meeting_id
        self.drafts = drafts

    def compose(self) -> ComposeResult:
        latest = max(d.saved for d in self.drafts)
        with Vertical(classes="dialog confirm"):
            yield Static(
                literal(RESTORED.format(when=closed_on(latest))),
                classes="confirm-question",
                id="drafts-title",
            )
            with VerticalScroll(id="drafts-body"):
                for draft in self.drafts:
                    lines = [f"{draft.title}:"]
                    lines += [f"  {f.label}: {f.text}" for f in draft.fields if f.text.strip()]
                    yield Static(literal("\n".join(lines)), classes="confirm-detail draft-text")
            yield Static(
                literal("Keep: it comes back when you open that dialog again. Discard: it is removed."),
                classes="confirm-detail",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Keep (Enter)"), id="drafts-keep", variant="primary")
                yield Button(Content("Discard (d)"), id="drafts-discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#drafts-keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "drafts-discard":
            self.action_discard()
        else:
            self.action_keep()

    def action_keep(self) -> None:
        self.dismiss(None)

    def action_discard(self) -> None:
        """Discard every draft, after asking (it is text someone typed)."""

        def answered(discard: bool | None) -> None:
            if not discard:
                return
            store = self.app.store  # type: ignore[attr-defined]
            with contextlib.suppress(OSError, DraftError):
                for draft in self.drafts:
                    forget_draft(store, self.meeting_id, draft.dialog)
            self.dismiss(None)

        self.app.push_screen(
            Confirm("Discard what you typed?", "The drafts are removed.", yes="Discard", no="Keep them"),
            callback=answered,
        )


def offer_drafts(app: App[Any], session: MeetingSession) -> None:
    """When a meeting opens: show its drafts, if it has any and can be edited, once its screen is up."""
    if session.read_only:
        return
    try:
        drafts = read_drafts(app.store, session.meeting.id)  # type: ignore[attr-defined]
    except DraftError as error:
        app.notify(f"A draft kept for this meeting cannot be read: {error}", severity="warning", markup=False)
        return
    if not drafts:
        return

    def show() -> None:
        # Only over the meeting itself: never over the privacy screen of private family time
        # (a restart mid family time opens straight into it), whose family may be looking.
        top = app.screen
        if isinstance(top, SavesMeeting) and top.session is session:
            app.push_screen(DraftsNotice(session.meeting.id, drafts))

    app.call_later(show)

"""Deleting a meeting from the app: the question first, then every trace of it.

One flow for the meetings list and the retention review, so both ask the
same way: a closed meeting needs a yes that names the family label; a meeting
whose work is not closed needs the word ``delete`` typed as well, and so does
a meeting whose file cannot be read (damaged, or not valid): whether its work
is closed is unknown, but it can still be removed by the id in its file name.
The files go through ``storage/deletion.py``, the same code as
``sdm-facilitator delete``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.store import StoreError
from sdm_facilitator.ui.app_access import sdm_app

DELETE_WORD = "delete"
WHAT_GOES = (
    "This removes its file, its copies and temporary files, its lock and the exports the app wrote in the "
    "data folder. Copies in a sync folder or a backup, and papers saved elsewhere, are not reached."
)


def _label(meeting: Meeting) -> str:
    return one_line(meeting.family_label, 60) or "(no family label)"


def _remove(app: App[Any], meetings: Sequence[tuple[str, str]]) -> int:
    """Delete each (meeting id, label); the number removed."""
    from sdm_facilitator.storage.deletion import delete_meeting

    removed = 0
    for meeting_id, label in meetings:
        try:
            delete_meeting(sdm_app(app).store, meeting_id, sdm_app(app).summary_index())
        except StoreError as error:
            app.notify(str(error), title=f"Not deleted: {label}", severity="error", markup=False)
            continue
        removed += 1
    if removed:
        sdm_app(app).note_store_changed()
    return removed


def confirm_and_delete(app: App[Any], meeting: Meeting, done: Callable[[bool], None]) -> None:
    """Ask, then delete ``meeting``; ``done(True)`` once it is gone."""
    from sdm_facilitator.ui.dialogs.confirm import Confirm
    from sdm_facilitator.ui.dialogs.typed_confirm import TypedConfirm

    label = _label(meeting)

    def answered(yes: bool | None) -> None:
        if not yes:
            done(False)
            return
        gone = _remove(app, [(meeting.id, label)]) == 1
        if gone:
            app.notify(f"Deleted the meeting for {label}.", markup=False)
        done(gone)

    if meeting.closure.is_closed:
        app.push_screen(
            Confirm(f"Delete the meeting for {label} for good?", WHAT_GOES, yes="Delete", no="Keep"), answered
        )
    else:
        app.push_screen(
            TypedConfirm(
                f"The meeting for {label} is not closed. Delete it for good?", WHAT_GOES, DELETE_WORD
            ),
            answered,
        )


def confirm_and_delete_unreadable(
    app: App[Any], meeting_id: str, file_name: str, reason: str, done: Callable[[bool], None]
) -> None:
    """Ask (the word typed), then delete the meeting whose file cannot be read, by its id."""
    from sdm_facilitator.ui.dialogs.typed_confirm import TypedConfirm

    label = f"in {one_line(file_name, 80)}"

    def answered(yes: bool | None) -> None:
        if not yes:
            done(False)
            return
        gone = _remove(app, [(meeting_id, label)]) == 1
        if gone:
            app.notify(f"Deleted the meeting {label}.", markup=False)
        done(gone)

    app.push_screen(
        TypedConfirm(
            f"The meeting {label} cannot be read ({one_line(reason, 160)}), so whether its work is closed "
            "is unknown. Delete it for good?",
            WHAT_GOES,
            DELETE_WORD,
        ),
        answered,
    )


def confirm_and_delete_all(app: App[Any], meetings: Sequence[Meeting], done: Callable[[int], None]) -> None:
    """Ask once for every listed meeting, then delete them all; ``done(number removed)``."""
    from sdm_facilitator.ui.dialogs.confirm import Confirm

    def answered(yes: bool | None) -> None:
        removed = _remove(app, [(m.id, _label(m)) for m in meetings]) if yes else 0
        if removed:
            app.notify(f"Deleted {removed} meetings.", markup=False)
        done(removed)

    names = ", ".join(_label(m) for m in meetings[:5]) + (" …" if len(meetings) > 5 else "")
    app.push_screen(
        Confirm(
            f"Delete all {len(meetings)} listed meetings for good?",
            f"{names}\n\n{WHAT_GOES}",
            yes="Delete all",
            no="Keep",
        ),
        answered,
    )

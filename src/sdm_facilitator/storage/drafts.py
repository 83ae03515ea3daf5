"""Drafts: text typed into a dialog that was still open when the app was stopped.

When the terminal window closes (SIGHUP) or the computer shuts down (SIGTERM)
with a dialog open, what was typed in it has not been added to the meeting:
the dialog's meaning is not settled until the person presses Enter or ctrl+s.
It is kept instead as a *draft* beside the meeting file (``.<meeting id>.draft``
in the meetings folder), and offered back, whole, the next time that dialog
or the meeting opens, where the person can use it or discard it.

A draft file goes through the store's own ``encode_file_bytes`` and
``decode_file_bytes``, so in an encrypted store it is sealed like the meeting
(record id ``draft``; the meeting id inside is checked on reading). Deleting
the meeting deletes its draft (``storage/deletion.py``); encrypting or
decrypting the store converts it with the meeting files.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.caches import DRAFT_SUFFIX
from sdm_facilitator.storage.codec import is_safe_id

if TYPE_CHECKING:
    from sdm_facilitator.storage.store import MeetingStore

#: The record id sealed into a draft file in an encrypted store.
DRAFT_RECORD_ID = "draft"
DRAFT_FORMAT = 1


@dataclass(frozen=True)
class DraftField:
    """One box of the dialog: its key, the label a person saw, and the text exactly as typed."""

    key: str
    label: str
    text: str


@dataclass(frozen=True)
class Draft:
    """What was typed into one dialog of a meeting when the app was stopped."""

    dialog: str  # which dialog, stable across runs (``capture``, ``form:Update: ...``)
    title: str  # the dialog's title as the person saw it
    fields: tuple[DraftField, ...]
    saved: datetime

    def values(self) -> dict[str, str]:
        return {f.key: f.text for f in self.fields}


class DraftError(Exception):
    """A draft file could not be read (damaged, or sealed under another key); the reason only."""


def is_draft_file(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(DRAFT_SUFFIX)


def draft_path(store: MeetingStore, meeting_id: str) -> Path:
    if not is_safe_id(meeting_id):
        raise ValueError("not a meeting id")
    return store.folder / f".{meeting_id}{DRAFT_SUFFIX}"


def draft_files(folder: Path) -> list[Path]:
    """Every draft file in the meetings folder."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_draft_file(p) and p.is_file())


def _to_bytes(meeting_id: str, drafts: list[Draft]) -> bytes:
    data: dict[str, Any] = {
        "format": DRAFT_FORMAT,
        "meeting": meeting_id,
        "drafts": [
            {
                "dialog": d.dialog,
                "title": d.title,
                "saved": d.saved,
                "fields": [{"key": f.key, "label": f.label, "text": f.text} for f in d.fields],
            }
            for d in drafts
        ],
    }
    return tomli_w.dumps(data).encode("utf-8")


def _from_bytes(meeting_id: str, plain: bytes) -> list[Draft]:
    try:
        data = toml_reading.loads(plain.decode("utf-8"))
        if data.get("meeting") != meeting_id:
            raise DraftError("it belongs to another meeting")
        return [
            Draft(
                str(d["dialog"]),
                str(d["title"]),
                tuple(DraftField(str(f["key"]), str(f["label"]), str(f["text"])) for f in d["fields"]),
                d["saved"],
            )
            for d in data.get("drafts", [])
        ]
    except (UnicodeDecodeError, toml_reading.TOMLDecodeError, KeyError, TypeError) as error:
        raise DraftError(f"it is damaged ({type(error).__name__})") from None


def read_drafts(store: MeetingStore, meeting_id: str) -> list[Draft]:
    """The drafts kept for ``meeting_id`` (none when there is no draft file).

    Raises ``DraftError`` (with a reason and nothing of the content) when the
    file is there but cannot be read; it is left as it is.
    """
    path = draft_path(store, meeting_id)
    try:
        data, _ = store.read_bytes(path)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DraftError(error.strerror or type(error).__name__) from None
    try:
        plain = store.decode_file_bytes(data, path, DRAFT_RECORD_ID)
    except Exception as error:  # UnreadableMeetingError, StoreLocked: their text holds no content
        raise DraftError(str(error)) from None
    return _from_bytes(meeting_id, plain)


def _write(store: MeetingStore, meeting_id: str, drafts: list[Draft]) -> None:
    path = draft_path(store, meeting_id)
    if not drafts:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return
    error = atomic_write_bytes(path, store.encode_file_bytes(_to_bytes(meeting_id, drafts), DRAFT_RECORD_ID))
    if error is not None:
        raise error


def keep_draft(store: MeetingStore, meeting_id: str, draft: Draft) -> None:
    """Write ``draft`` for the meeting, replacing an older draft of the same dialog.

    Raises ``OSError`` (or ``StoreError``) when it cannot be written. A draft
    file that cannot be read is never overwritten: the new draft fails instead.
    """
    kept = [d for d in read_drafts(store, meeting_id) if d.dialog != draft.dialog]
    _write(store, meeting_id, [*kept, draft])


def forget_draft(store: MeetingStore, meeting_id: str, dialog: str) -> None:
    """Remove the draft of one dialog (it was used or discarded); the file goes with the last one."""
    drafts = read_drafts(store, meeting_id)
    kept = [d for d in drafts if d.dialog != dialog]
    if len(kept) != len(drafts):
        _write(store, meeting_id, kept)

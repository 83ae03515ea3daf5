"""Handing meetings over between laptops: what goes into a handover file, and adding it on the other side.

The sender's side (``hand_over``) writes the file first and only then marks
its own copies as handed over (read-only, ``domain/handover.py``): a failure
part-way leaves the meetings as they were, never marked as gone while no file
holds them. The receiver's side (``read_contents`` then ``add_meetings``)
checks everything (the file opens, every meeting reads and validates, no id
is already here) before it writes anything, so a refused file writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sdm_facilitator import __version__
from sdm_facilitator.domain.handover import Handover, file_name_problem, handed_away_reason
from sdm_facilitator.domain.meeting import Meeting, new_meeting_id, utc_now
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.codec import CodecError, meeting_to_toml
from sdm_facilitator.storage.handover_file import SUFFIX
from sdm_facilitator.storage.store import (
    MeetingStore,
    OpenMeeting,
    StoreError,
    UnreadableMeetingError,
    parse_meeting_bytes,
)

PAYLOAD_FORMAT = 1


class HandoverError(StoreError):
    """A handover that cannot be made or added; one line for the person, nothing changed."""


@dataclass
class HandoverContents:
    """What a handover file holds, once opened: shown to the receiver before anything is added."""

    meetings: list[Meeting]
    by: str
    to: str
    on: datetime | None
    app_version: str = ""


@dataclass
class HandoverResult:
    """What ``hand_over`` did: the file written and the meetings in it."""

    path: Path
    meeting_ids: list[str] = field(default_factory=list)


def meeting_names(meeting: Meeting) -> list[str]:
    """The names in a meeting a handover file's name must not carry."""
    return [
        meeting.family_label,
        *(child.name for child in meeting.children),
        *(person.name for person in meeting.people),
    ]


def target_path(output: Path, now: datetime) -> Path:
    """The handover file's path: ``output`` itself, or a name saying nothing about the family in a folder."""
    if output.is_dir():
        import secrets

        return output / f"handover-{now.strftime('%Y-%m-%d')}-{secrets.token_hex(3)}{SUFFIX}"
    return output


def linked_reviews(store: MeetingStore, meeting_id: str) -> list[str]:
    """The ids of the review meetings that review ``meeting_id``'s plan."""
    listing = store.list_meetings()
    return sorted(m.meeting.id for m in listing.meetings if m.meeting.reviews_meeting_id == meeting_id)


def payload(meetings: list[Meeting], handover: Handover) -> bytes:
    """The plaintext sealed into a handover file: the meetings as their own TOML text."""
    return json.dumps(
        {
            "format": PAYLOAD_FORMAT,
            "app_version": __version__,
            "by": handover.by,
            "to": handover.to,
            "on": handover.on.isoformat() if handover.on else "",
            "meetings": [meeting_to_toml(meeting) for meeting in meetings],
        },
        ensure_ascii=False,
    ).encode("utf-8")


def hand_over(
    store: MeetingStore,
    meeting_ids: list[str],
    *,
    by: str,
    to: str,
    output: Path,
    seal: Callable[[bytes], bytes],
    now: datetime | None = None,
) -> HandoverResult:
    """Write one handover file holding ``meeting_ids``, then mark the copies here as handed over.

    ``seal`` turns the plaintext into the file's bytes (a passphrase or a
    colleague's key, ``handover_file.py``). Every meeting is opened with its
    lock first, so a meeting open in the app is refused before anything is written.
    """
    opened: list[OpenMeeting] = []
    try:
        for meeting_id in meeting_ids:
            opened.append(store.open(meeting_id))
        return hand_over_opened(store, opened, by=by, to=to, output=output, seal=seal, now=now)
    finally:
        for one in opened:
            store.close(one)


def hand_over_opened(
    store: MeetingStore,
    opened: list[OpenMeeting],
    *,
    by: str,
    to: str,
    output: Path,
    seal: Callable[[bytes], bytes],
    now: datetime | None = None,
) -> HandoverResult:
    """``hand_over`` for meetings already open for editing here (the app's open meeting and its reviews).

    Each is left open, read-only from now on, with the reason saying where it went.
    """
    now = now or utc_now()
    refused = store.writes_refused()
    if refused is not None:
        raise HandoverError(refused)
    for one in opened:
        if one.read_only_reason:
            raise HandoverError(f"{one.meeting.id} cannot be handed over: {one.read_only_reason}")
    path = target_path(output, now)
    for one in opened:
        problem = file_name_problem(path.name, meeting_names(one.meeting))
        if problem is not None:
            raise HandoverError(problem)
    if path.exists():
        raise HandoverError(f"{path.name} already exists; choose a new file name. Nothing was written")
    handover = Handover(by=by, to=to, on=now, file_name=path.name)
    for one in opened:
        one.meeting.handovers.append(handover)
    try:
        data = seal(payload([one.meeting for one in opened], handover))
        atomic_write_bytes(path, data)
    except BaseException as error:
        # Whatever stopped it (a full disk, a key the sealing refuses, the extra not installed),
        # no meeting may go on saying it was handed over: the record is taken back first.
        for one in opened:
            one.meeting.handovers.pop()
        if not isinstance(error, (OSError, CodecError)):
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise HandoverError(
            f"the handover file could not be written ({reason}); nothing was changed"
        ) from None
    for one in opened:
        store.save(one, now=now)
        one.read_only_reason = handed_away_reason(one.meeting.handovers)
    return HandoverResult(path, [one.meeting.id for one in opened])


def read_contents(plaintext: bytes, source_name: str) -> HandoverContents:
    """The meetings of an opened handover file, each read and checked as a meeting file is."""
    try:
        raw = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HandoverError("the handover file's contents are damaged; nothing was added") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("meetings"), list):
        raise HandoverError("the handover file's contents are damaged; nothing was added")
    if raw.get("format") != PAYLOAD_FORMAT:
        raise HandoverError(
            f"this handover file was made by another version of sdm-facilitator ({raw.get('app_version')!s:.20}); "
            "use the same version on both laptops. Nothing was added"
        )
    meetings = []
    for number, text in enumerate(raw["meetings"], 1):
        if not isinstance(text, str):
            raise HandoverError("the handover file's contents are damaged; nothing was added")
        try:
            meeting, from_future = parse_meeting_bytes(
                text.encode("utf-8"), Path(f"{source_name} (meeting {number})")
            )
        except UnreadableMeetingError as error:
            raise HandoverError(f"cannot read {error.unreadable}; nothing was added") from None
        if from_future:
            raise HandoverError(
                "this handover file holds a meeting saved by a newer version of sdm-facilitator; "
                "update the app to add it. Nothing was added"
            )
        meetings.append(meeting)
    try:
        on = datetime.fromisoformat(raw["on"]) if raw.get("on") else None
    except (TypeError, ValueError):
        on = None
    return HandoverContents(
        meetings, str(raw.get("by", "")), str(raw.get("to", "")), on, str(raw.get("app_version", ""))
    )


def duplicates(store: MeetingStore, contents: HandoverContents) -> list[str]:
    """The ids in ``contents`` that already have a meeting here."""
    return [m.id for m in contents.meetings if store.path_for(m.id).exists()]


def _give_new_ids(meetings: list[Meeting], ids: list[str]) -> None:
    """New ids for ``ids`` (to keep both copies), with the links between the handed-over meetings kept."""
    renamed = {old: new_meeting_id() for old in ids}
    for meeting in meetings:
        meeting.id = renamed.get(meeting.id, meeting.id)
        meeting.reviews_meeting_id = renamed.get(meeting.reviews_meeting_id, meeting.reviews_meeting_id)
        for review in meeting.follow_up.reviews:
            review.meeting_id = renamed.get(review.meeting_id, review.meeting_id)


def add_meetings(
    store: MeetingStore, contents: HandoverContents, *, keep_both: bool = False, now: datetime | None = None
) -> list[str]:
    """Add the handed-over meetings to ``store``, as received now; returns their ids here.

    A meeting id already here is refused (nothing added) unless ``keep_both``:
    then the arriving meeting gets a new id. If a write fails part-way, the
    meetings already added by this call are removed again.
    """
    refused = store.writes_refused()
    if refused is not None:
        raise HandoverError(refused)
    taken = duplicates(store, contents)
    if taken and not keep_both:
        raise HandoverError(
            f"a meeting with id {', '.join(taken)} is already here (the sender's own copy, or imported before); "
            "nothing was added. Use --keep-both to add it as a second meeting"
        )
    if taken:
        _give_new_ids(contents.meetings, taken)
    received = now or utc_now()
    for meeting in contents.meetings:
        if meeting.handovers:
            meeting.handovers[-1].received_on = received
    added: list[OpenMeeting] = []
    try:
        for meeting in contents.meetings:
            one = store.create(meeting)
            store.close(one)
            added.append(one)
    except StoreError:
        for one in added:
            one.path.unlink(missing_ok=True)
        raise
    return [one.meeting.id for one in added]

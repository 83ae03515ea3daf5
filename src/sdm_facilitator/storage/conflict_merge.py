"""A conflict copy compared with its meeting field by field, merged by choosing per field, then removed.

A sync engine that finds one meeting changed on two laptops keeps both: the
file, and a copy beside it (Syncthing ``<id>.sync-conflict-<date>-<time>-<device>.toml``,
OneDrive ``<id>-<COMPUTER>.toml``, Dropbox ``<id> (... conflicted copy ...).toml``,
and the app's own ``<id> (conflict copy saved ...).toml``). The store lists
every such file as a copy of the meeting it holds (``store.list_meetings``).
Here the two are compared as data, not as text: each field that differs is one
``FieldDifference`` (items of a list, such as a child or an action, are matched
by their id, so a child added on one laptop and an action done on the other are
two separate differences), the person chooses per field, and the meeting file
is written with the choices and the copy removed. Nothing is lost that was not
chosen away.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.codec import meeting_from_dict, to_dict
from sdm_facilitator.storage.store import MeetingStore, ReadOnlyError, StoreError, parse_meeting_bytes

#: Fields every save changes: never a difference to choose.
_IGNORED = frozenset({"updated"})
_NAME_KEYS = ("name", "what", "text", "document", "agency", "kind", "point")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class ItemKey:
    """One item of a list of records (a child, a person, an action), by its id."""

    id: str
    label: str


Path_ = tuple[str | ItemKey, ...]


@dataclass(frozen=True)
class FieldDifference:
    """One field (or one whole list item) that differs between the meeting file and the copy."""

    path: Path_
    ours: Any
    theirs: Any

    @property
    def label(self) -> str:
        """Where it is, in words: "children › Ottoline › views"."""
        return " › ".join(
            part.label if isinstance(part, ItemKey) else part.replace("_", " ") for part in self.path
        )


def value_words(value: Any, limit: int = 60) -> str:
    """A value on one line for the comparison ("(empty)" when the field is not there)."""
    if value is MISSING or value in ("", [], {}, None):
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        text = ", ".join(f"{k}: {value_words(v, 30)}" for k, v in value.items() if k != "id")
    elif isinstance(value, list):
        text = "; ".join(value_words(v, 30) for v in value)
    elif isinstance(value, datetime):
        text = value.astimezone().strftime("%Y-%m-%d %H:%M")
    else:
        text = str(value)
    return one_line(text, limit)


def _item_label(item: dict[str, Any]) -> str:
    for key in _NAME_KEYS:
        if isinstance(item.get(key), str) and item[key].strip():
            return one_line(item[key], 30)
    return str(item.get("id", "?"))


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(i, dict) and isinstance(i.get("id"), str) for i in value
    )


def _union(first: list[Any], second: list[Any]) -> list[Any]:
    """Both sequences' keys once each, a key only in ``second`` placed after the key before it there
    (so fields stay in the model's order, and an item added on one laptop where it was added)."""
    out = list(first)
    for index, key in enumerate(second):
        if key not in out:
            out.insert(out.index(second[index - 1]) + 1 if index else 0, key)
    return out


def _diff(ours: Any, theirs: Any, path: Path_, out: list[FieldDifference]) -> None:
    if ours == theirs:
        return
    if isinstance(ours, dict) or isinstance(theirs, dict):
        if (ours is MISSING or isinstance(ours, dict)) and (theirs is MISSING or isinstance(theirs, dict)):
            a = {} if ours is MISSING else ours
            b = {} if theirs is MISSING else theirs
            for key in _union(list(a), list(b)):
                if not path and key in _IGNORED:
                    continue
                _diff(a.get(key, MISSING), b.get(key, MISSING), (*path, key), out)
            return
    if (ours is MISSING or _is_records(ours)) and (theirs is MISSING or _is_records(theirs)):
        a_items = {i["id"]: i for i in ([] if ours is MISSING else ours)}
        b_items = {i["id"]: i for i in ([] if theirs is MISSING else theirs)}
        for item_id in _union(list(a_items), list(b_items)):
            a, b = a_items.get(item_id, MISSING), b_items.get(item_id, MISSING)
            key = ItemKey(item_id, _item_label(a if a is not MISSING else b))
            if a is MISSING or b is MISSING:
                out.append(FieldDifference((*path, key), a, b))
            else:
                _diff(a, b, (*path, key), out)
        return
    out.append(FieldDifference(path, ours, theirs))


def differences(ours: Meeting, theirs: Meeting) -> list[FieldDifference]:
    """Every field that differs between the meeting file (``ours``) and the copy (``theirs``)."""
    out: list[FieldDifference] = []
    _diff(to_dict(ours), to_dict(theirs), (), out)
    return out


def _take(data: dict[str, Any], difference: FieldDifference) -> None:
    """Put the copy's value of one difference into ``data`` (a meeting's ``to_dict``)."""
    parts = difference.path
    container: Any = data
    for index, part in enumerate(parts[:-1]):
        if isinstance(part, ItemKey):
            container = next(item for item in container if item.get("id") == part.id)
        else:
            container = container.setdefault(part, [] if isinstance(parts[index + 1], ItemKey) else {})
    last = parts[-1]
    if isinstance(last, ItemKey):
        position = next((i for i, item in enumerate(container) if item.get("id") == last.id), None)
        if position is not None:
            del container[position]
        if difference.theirs is not MISSING:
            container.insert(len(container) if position is None else position, difference.theirs)
    elif difference.theirs is MISSING:
        container.pop(last, None)
    else:
        container[last] = difference.theirs


def merged(ours: Meeting, theirs: Meeting, take_theirs: list[FieldDifference]) -> Meeting:
    """The meeting file with the copy's value taken for each difference in ``take_theirs``."""
    data = to_dict(ours)
    for difference in take_theirs:
        _take(data, difference)
    return meeting_from_dict(data)


def read_copy(store: MeetingStore, path: Path) -> Meeting:
    """The meeting a conflict copy holds (decrypted in an encrypted store)."""
    data, _stat = store.read_meeting_bytes(path)
    meeting, _future = parse_meeting_bytes(store.decode_file_bytes(data, path), path)
    return meeting


def resolve_conflict(
    store: MeetingStore, copy_path: Path, choose: list[bool] | None = None, *, now: datetime | None = None
) -> Meeting:
    """Write the meeting with, per difference, the copy's value where ``choose`` says so; remove the copy.

    ``choose`` lines up with ``differences(meeting, copy)``; None keeps the meeting
    file's value everywhere. The meeting is opened with its lock, so one open in
    the app (here or, by its marker, on another laptop) is refused and nothing changes.
    """
    theirs = read_copy(store, copy_path)
    opened = store.open(theirs.id)
    try:
        if opened.read_only_reason:
            raise ReadOnlyError(opened.read_only_reason)
        found = differences(opened.meeting, theirs)
        picks = choose if choose is not None else [False] * len(found)
        if len(picks) != len(found):
            raise StoreError("the meeting or the copy changed since they were compared; compare them again")
        opened.meeting = merged(opened.meeting, theirs, [d for d, pick in zip(found, picks) if pick])
        store.save(opened, now=now)
    finally:
        store.close(opened)
    os.unlink(copy_path)
    with contextlib.suppress(OSError):
        from sdm_facilitator.storage.atomic import fsync_dir

        fsync_dir(copy_path.parent)
    return opened.meeting

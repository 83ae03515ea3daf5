"""The meeting decoder as it was before issue 19: ``typing`` reflection for every value.

Kept verbatim as the oracle for ``tests/storage/test_codec_equivalence.py``:
the decoders built once per dataclass in ``storage/codec.py`` must give
exactly what this gives, the same meeting or the same error, for any input.
Not used by the app.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.codec import (
    _TYPE_WORDS,
    CodecError,
    _check_header,
    _check_meeting_id,
    _check_unique_ids,
    _check_year,
    _describe,
)

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _decode(tp: Any, value: Any, path: str, meta: typing.Mapping[str, Any]) -> Any:
    tp, _optional = _unwrap_optional(tp)
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise CodecError(path, f"expected a table, found {_describe(value)}")
        return from_dict(tp, value, path)  # type: ignore[arg-type]
    if origin is list:
        if not isinstance(value, list):
            raise CodecError(path, f"expected a list, found {_describe(value)}")
        (item_type,) = get_args(tp)
        # A list of choices checks each item (added with the first such lists: ways, audiences).
        item_meta = {"choices": meta["choices"]} if "choices" in meta else {}
        items = [_decode(item_type, v, f"{path}[{i}]", item_meta) for i, v in enumerate(value)]
        _check_unique_ids(items, path)
        return items
    if origin is dict:
        if not isinstance(value, dict):
            raise CodecError(path, f"expected a table, found {_describe(value)}")
        _key_type, item_type = get_args(tp)
        if item_type is Any:
            return value
        return {k: _decode(item_type, v, f"{path}.{k}", {}) for k, v in value.items()}
    if tp is datetime:
        if not isinstance(value, datetime):
            raise CodecError(path, f"expected {_TYPE_WORDS[datetime]}, found {_describe(value)}")
        # Timestamps are moments (with a zone); the family's chosen time is wall-clock
        # time (without one). Mixing them would make comparisons fail later.
        if meta.get("local") and value.tzinfo is not None:
            raise CodecError(
                path, "expected a local date and time without a time zone, such as 2026-03-01T10:00:00"
            )
        if not meta.get("local") and value.tzinfo is None:
            raise CodecError(path, "expected a date and time with a time zone, such as 2026-03-01T10:00:00Z")
        return _check_year(value, path)
    if tp is date:
        if not isinstance(value, date) or isinstance(value, datetime):
            raise CodecError(path, f"expected {_TYPE_WORDS[date]}, found {_describe(value)}")
        return _check_year(value, path)
    if tp is bool:
        if not isinstance(value, bool):
            raise CodecError(path, f"expected {_TYPE_WORDS[bool]}, found {_describe(value)}")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise CodecError(path, f"expected {_TYPE_WORDS[int]}, found {_describe(value)}")
        low, high = meta.get("min"), meta.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            raise CodecError(path, f"must be between {low} and {high}")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise CodecError(path, f"expected {_TYPE_WORDS[str]}, found {_describe(value)}")
        allowed = meta.get("choices")
        if allowed is not None and value not in allowed:
            raise CodecError(path, f"unknown value; expected one of {', '.join(allowed)}")
        return value
    if tp is Any:
        return value
    raise CodecError(path, f"unsupported field type {tp!r}")  # a programming error, named clearly


def from_dict(cls: type[T], data: dict[str, Any], path: str = "") -> T:
    """Build ``cls`` from a plain dict, checking every field; unknown keys go to ``extra``."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key, value in data.items():
        f = fields.get(key)
        if f is None or key == "extra":
            extra[key] = value
            continue
        field_path = f"{path}.{key}" if path else key
        kwargs[key] = _decode(hints[key], value, field_path, f.metadata)
    if "extra" in fields:
        kwargs["extra"] = extra
    return cls(**kwargs)


def meeting_from_dict(data: dict[str, Any], *, allow_future: bool = False) -> Meeting:
    """``codec.meeting_from_dict`` as it was."""
    _check_header(data, allow_future=allow_future)
    meeting = from_dict(Meeting, data)
    _check_meeting_id(meeting.id)
    return meeting


def check_meeting_fields(data: dict[str, Any], fields: dict[str, Any]) -> None:
    """Run the load checks on some top-level ``fields`` of a meeting's ``data``, building nothing.

    The same checks as ``meeting_from_dict``, field by field (each field is
    checked on its own there too), so a save can check only what changed.
    """
    if "schema_version" in fields or "id" in fields or "kind" in fields:
        _check_header(data, allow_future=True)
    hints = _hints(Meeting)
    known = _meeting_fields()
    for key, value in fields.items():
        f = known.get(key)
        if f is not None and key != "extra":
            _decode(hints[key], value, key, f.metadata)
    if "id" in fields:
        _check_meeting_id(fields["id"])


@cache
def _meeting_fields() -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(Meeting)}

"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import SCHEMA_VERSION, Meeting
from sdm_facilitator.domain.vocabulary import MEETING_KINDS

# Any text a person could type or paste: every code point except lone
# surrogates (which no keyboard or UTF-8 file can produce).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)

HOSTILE_TEXTS = [
    "[/]",
    "[/x]",
    "[b",
    "[@click=app.quit]x[/]",
    "[link=https://example.org]x[/link]",
    "list[int]",
    "trailing backslash \\",
    "emoji 👨‍👩‍👧 ❤️",
    "مرحبا بالعائلة",
    "x" * 10_000,
]


# ---------------------------------------------------------------- meeting files as parsed TOML
#
# Tables shaped like a parsed meeting file, built from the model's own type hints so
# that every dataclass and field is covered, including fields added later. With
# ``faults=True`` any value may instead be of the wrong type, out of range, an unknown
# choice, a zoned time where a local one belongs (and back), a year out of range, a
# malformed or repeated entry id, and any table may carry keys the model does not know.

_ENTRY_IDS = ("a", "b", "p-1", "c_2", "1bad", "has space", "")
_YEARS = st.sampled_from((1899, 1900, 1999, 2026, 2200, 2201))
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def _junk() -> st.SearchStrategy[Any]:
    """Any value TOML can hold, of any type."""
    scalars = st.one_of(
        _TEXT,
        st.integers(-(2**63), 2**63 - 1),
        st.booleans(),
        st.floats(allow_nan=False),
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.just(UTC)),
        st.times(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=2) | st.dictionaries(_TEXT, inner, max_size=2),
        max_leaves=4,
    )


#: In a faulty table, about one value in this many is faulty: few enough that a fault deep
#: inside is often the first one the decoder meets.
_FAULT_ONE_IN = 25


def _draw(
    draw: st.DrawFn, valid: st.SearchStrategy[Any], faulty: st.SearchStrategy[Any], faults: bool
) -> Any:
    """A valid value, or now and then (``faults``) one from ``faulty``."""
    if faults and draw(st.integers(0, _FAULT_ONE_IN - 1)) == 0:
        return draw(st.one_of(faulty, _junk()))
    return draw(valid)


def _dates(faults: bool) -> st.SearchStrategy[date]:
    if not faults:
        return st.dates(date(1900, 1, 1), date(2200, 12, 31))
    return st.builds(lambda y, d: d.replace(year=y), _YEARS, st.dates(date(2001, 1, 1), date(2001, 12, 31)))


def _datetimes(local: bool, faults: bool) -> st.SearchStrategy[datetime]:
    zone: st.SearchStrategy[timezone | None] = st.none() if local else st.just(UTC)
    if faults:
        zone = st.sampled_from((None, UTC, timezone(timedelta(hours=-5))))
    moments = st.datetimes(datetime(1900, 1, 2), datetime(2200, 12, 30), timezones=zone)
    if faults:
        # The 28th at the latest, so moving a 29 February to any year is still a date.
        return st.builds(lambda y, m: m.replace(year=y, day=min(m.day, 28)), _YEARS, moments)
    return moments


def _unwrap(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return tp


def _draw_value(draw: st.DrawFn, tp: Any, meta: Mapping[str, Any], faults: bool) -> Any:
    """A value for a field of type ``tp`` (with its dataclass metadata ``meta``)."""
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if faults and draw(st.integers(0, _FAULT_ONE_IN - 1)) == 0:
            return draw(_junk())
        return _draw_table(draw, tp, faults)  # type: ignore[arg-type]
    if origin is list:
        if faults and draw(st.integers(0, _FAULT_ONE_IN - 1)) == 0:
            return draw(_junk())
        item = typing.get_args(tp)[0]
        item_meta = {"choices": meta["choices"]} if "choices" in meta else {}
        items = [_draw_value(draw, item, item_meta, faults) for _ in range(draw(st.integers(0, 3)))]
        if not faults and items and isinstance(items[0], dict) and "id" in items[0]:
            # Entries of a valid list have ids of their own.
            items = list({entry["id"]: entry for entry in items}.values())
        return items
    if origin is dict:
        if faults and draw(st.integers(0, _FAULT_ONE_IN - 1)) == 0:
            return draw(_junk())
        item = typing.get_args(tp)[1]
        keys = draw(st.lists(st.sampled_from(("a", "b-c", "d_e")), max_size=3, unique=True))
        return {key: draw(_junk()) if item is Any else _draw_value(draw, item, {}, faults) for key in keys}
    if tp is datetime:
        local = bool(meta.get("local"))
        return _draw(draw, _datetimes(local, False), _datetimes(local, True), faults)
    if tp is date:
        return _draw(draw, _dates(False), _dates(True), faults)
    if tp is bool:
        return _draw(draw, st.booleans(), st.integers(0, 1), faults)
    if tp is int:
        low, high = meta.get("min", -1000), meta.get("max", 1000)
        wrong = st.sampled_from((low - 1, high + 1)) | st.booleans() | st.floats(low, high)
        return _draw(draw, st.integers(low, high), wrong, faults)
    if tp is str:
        allowed = meta.get("choices")
        if allowed is not None:
            return _draw(draw, st.sampled_from(allowed), st.just("not-a-choice"), faults)
        return _draw(draw, _TEXT, st.integers() | st.booleans(), faults)
    return draw(_junk())


def _draw_table(draw: st.DrawFn, cls: type, faults: bool) -> dict[str, Any]:
    """A table for dataclass ``cls``: some of its fields, and (``faults``) now and then keys it does not know."""
    hints = typing.get_type_hints(cls)
    table: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name == "extra":
            continue
        if f.name == "id":
            ids = _ENTRY_IDS if faults else ("a", "b", "p-1", "c_2")
            table["id"] = _draw(draw, st.sampled_from(ids[:4]), st.sampled_from(ids[4:]), faults)
        elif draw(st.booleans()):
            table[f.name] = _draw_value(draw, hints[f.name], f.metadata, faults)
    if faults and draw(st.integers(0, _FAULT_ONE_IN - 1)) == 0:
        table[draw(st.sampled_from(("not_in_the_model", "extra")))] = draw(_junk())
    # Keys in any order, as a hand-edited file may have them.
    order = draw(st.permutations(list(table)))
    return {key: table[key] for key in order}


@st.composite
def meeting_tables(draw: st.DrawFn, *, faults: bool) -> dict[str, Any]:
    """A parsed meeting file: valid throughout, or (``faults``) with a wrong value here and there.

    ``id``, ``kind``, ``created`` and ``updated`` are always there (``created`` and
    ``updated`` default to the time of reading, which two reads would not share).
    """
    body = _draw_table(draw, Meeting, faults)
    body.pop("schema_version", None)
    body["id"] = _draw(draw, st.sampled_from(("20260101-abc", "m_1")), st.just("bad id!"), faults)
    body["kind"] = _draw(draw, st.sampled_from(MEETING_KINDS), st.just("not-a-kind"), faults)
    for moment in ("created", "updated"):
        body[moment] = _draw(draw, _datetimes(False, False), _datetimes(False, True), faults)
    if draw(st.booleans()):
        body["schema_version"] = _draw(draw, st.integers(1, SCHEMA_VERSION + 1), st.integers(-1, 0), faults)
    return body

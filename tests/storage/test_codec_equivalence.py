"""The decoders built once per dataclass give exactly what the reflecting decoder gave.

Issue 19: decoding went from ``typing`` reflection for every value to decoders
worked out once per dataclass field. The old decoder is kept in
``tests/codec_reference.py`` as the oracle: for any parsed meeting file, valid
or faulty anywhere, both must give the same meeting (equal, and with the same
repr, so ``True`` can never stand for ``1``) or the same error, with the same
path and message.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import tomllib
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings

import support.codec_reference as codec_reference
from sdm_facilitator.domain import conference, distribution, risks
from sdm_facilitator.domain import meeting as model
from sdm_facilitator.storage import codec
from sdm_facilitator.storage.codec import CodecError
from support.hypothesis_budget import examples
from support.strategies import meeting_tables


@contextmanager
def same_new_ids() -> Iterator[None]:
    """Entries without an id get a fresh random one; the same sequence for both decoders here."""
    counter = itertools.count()

    def numbered(prefix: str = "") -> str:
        return f"{prefix}{next(counter)}"

    with (
        mock.patch.object(model, "new_id", numbered),
        mock.patch.object(risks, "new_id", numbered),
        mock.patch.object(conference, "new_id", numbered),
        mock.patch.object(distribution, "new_id", numbered),
    ):
        yield


def outcome(decode: Callable[[dict[str, Any]], Any], data: dict[str, Any]) -> tuple[Any, ...]:
    """What ``decode`` makes of ``data``: the meeting (and its repr), or the error it raised."""
    with same_new_ids():
        try:
            result = decode(copy.deepcopy(data))
        except CodecError as error:
            return ("error", type(error), error.path, error.message, str(error))
    return ("meeting", result, repr(result))


def both(data: dict[str, Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    return (
        outcome(lambda d: codec_reference.meeting_from_dict(d, allow_future=True), data),
        outcome(lambda d: codec.meeting_from_dict(d, allow_future=True), data),
    )


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=meeting_tables(faults=False))
def test_any_valid_meeting_decodes_to_exactly_the_same_meeting(data: dict[str, Any]) -> None:
    old, new = both(data)
    assert old[0] == "meeting", old
    assert new == old


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=meeting_tables(faults=True))
def test_any_faulty_meeting_gives_the_same_error_or_the_same_meeting(data: dict[str, Any]) -> None:
    old, new = both(data)
    assert new == old


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=meeting_tables(faults=True))
def test_the_save_checks_refuse_what_they_refused(data: dict[str, Any]) -> None:
    """``check_meeting_fields`` (run on every save) decodes through the same decoders."""

    def checked(check: Callable[[dict[str, Any], dict[str, Any]], None]) -> tuple[Any, ...]:
        try:
            check(copy.deepcopy(data), copy.deepcopy(data))
        except CodecError as error:
            return (type(error), error.path, error.message)
        return ("accepted",)

    assert checked(codec.check_meeting_fields) == checked(codec_reference.check_meeting_fields)


#: Every kind of value a file can hold, right or wrong for one field or another.
ANY_VALUES: list[Any] = [
    "x",
    "not-a-choice",
    "",
    7,
    -1,
    0,
    26,
    601,
    True,
    1.5,
    [],
    ["x"],
    [{}],
    {},
    {"k": {}},
    date(2026, 3, 1),
    date(1899, 12, 31),
    date(2201, 1, 1),
    time(10, 0),
    datetime(2026, 3, 1, 10, 0),
    datetime(1899, 3, 1, 10, 0),
    datetime(2026, 3, 1, 10, 0, tzinfo=UTC),
    datetime(1999, 3, 1, 10, 0, tzinfo=UTC),
    datetime(2201, 3, 1, 10, 0, tzinfo=UTC),
]


Place = Callable[[Any], dict[str, Any]]


def _at(name: str) -> Place:
    return lambda value: {name: value}


def _in_table(name: str, place: Place) -> Place:
    return lambda value: {name: place(value)}


def _in_list(name: str, place: Place) -> Place:
    return lambda value: {name: [{"id": "a", **place(value)}]}


def _in_dict(name: str, place: Place) -> Place:
    return lambda value: {name: {"k": place(value)}}


def field_paths(cls: type) -> Iterator[tuple[str, Place]]:
    """Every field reachable from ``cls``, with a function placing one value there in a table."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name == "extra":
            continue
        name = f.name
        yield name, _at(name)
        tp = hints[name]
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = inner[0] if len(inner) == 1 and typing.get_origin(tp) is not list else tp
        origin = typing.get_origin(tp)
        if dataclasses.is_dataclass(tp):
            for path, place in field_paths(tp):  # type: ignore[arg-type]
                yield f"{name}.{path}", _in_table(name, place)
        elif origin is list and dataclasses.is_dataclass(typing.get_args(tp)[0]):
            for path, place in field_paths(typing.get_args(tp)[0]):
                yield f"{name}[0].{path}", _in_list(name, place)
        elif origin is dict and dataclasses.is_dataclass(typing.get_args(tp)[1]):
            for path, place in field_paths(typing.get_args(tp)[1]):
                yield f"{name}.k.{path}", _in_dict(name, place)


HEADER = {"id": "m1", "kind": "fgc", "created": datetime(2026, 1, 1, tzinfo=UTC)}


@pytest.mark.parametrize("path", [path for path, _place in field_paths(model.Meeting)])
def test_every_field_takes_and_refuses_exactly_what_it_did(path: str) -> None:
    """Each field of the model, one at a time, holding each kind of value: the same outcome as before."""
    place = dict(field_paths(model.Meeting))[path]
    for value in ANY_VALUES:
        data = {**HEADER, "updated": HEADER["created"], **place(value)}
        old, new = both(data)
        assert new == old, (path, value)


BAD_FILES = {
    "wrong type": (
        'id = "m1"\nkind = "fgc"\nfamily_label = 3\n',
        "family_label: expected text, found a whole number",
    ),
    "nested wrong type": (
        'id = "m1"\nkind = "fgc"\n[[children]]\nid = "c1"\nage = "seven"\n',
        "children[0].age: expected a whole number, found text",
    ),
    "out of range": (
        'id = "m1"\nkind = "fgc"\n[[children]]\nid = "c1"\nage = 99\n',
        "children[0].age: must be between 0 and 25",
    ),
    "unknown choice": (
        'id = "m1"\nkind = "fgc"\n[[people]]\nid = "p1"\nrole = "boss"\n',
        "people[0].role: unknown value; expected one of " + ", ".join(model.ROLE_CHOICES),
    ),
    "repeated id": (
        'id = "m1"\nkind = "fgc"\n[[people]]\nid = "p1"\n[[people]]\nid = "p1"\n',
        "people[1].id: the same id as people[0]; each entry needs its own",
    ),
    "zoned local time": (
        'id = "m1"\nkind = "fgc"\n[choices]\nwhen = 2026-03-01T10:00:00Z\n',
        "choices.when: expected a local date and time without a time zone, such as 2026-03-01T10:00:00",
    ),
    "table expected": ('id = "m1"\nkind = "fgc"\nplan = "none"\n', "plan: expected a table, found text"),
    "step table": (
        'id = "m1"\nkind = "fgc"\n[steps.prep]\nstatus = "maybe"\n',
        "steps.prep.status: unknown value; expected one of todo, done, na",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_refused_with_the_words_they_always_had(name: str) -> None:
    text, message = BAD_FILES[name]
    data = tomllib.loads(text)
    old, new = both(data)
    assert new == old
    assert new[0] == "error" and new[4] == message


def test_unknown_keys_are_kept_where_they_were_found() -> None:
    data = tomllib.loads(
        'id = "m1"\nkind = "fgc"\nnew_thing = 1\n[plan]\nlater = "x"\n[[people]]\nid = "p1"\nmood = 2\n'
    )
    old, new = both(data)
    assert new == old
    meeting = new[1]
    assert meeting.extra == {"new_thing": 1}
    assert meeting.plan.extra == {"later": "x"}
    assert meeting.people[0].extra == {"mood": 2}


def test_reading_a_meeting_does_no_type_reflection_once_its_decoders_are_built() -> None:
    """The point of issue 19's decoders: ``typing`` is asked once per dataclass, never per value."""
    text = (
        'id = "m1"\nkind = "fgc"\ncreated = 2026-01-01T09:00:00Z\nupdated = 2026-01-01T09:00:00Z\n'
        '[[children]]\nid = "c1"\nage = 7\n[[people]]\nid = "p1"\nrole = "parent"\n[steps.prep]\nstatus = "done"\n'
    )
    first = codec.meeting_from_dict(tomllib.loads(text))
    refuse = mock.Mock(side_effect=AssertionError("type reflection while decoding"))
    with (
        mock.patch.object(codec, "get_origin", refuse),
        mock.patch.object(codec, "get_args", refuse),
        mock.patch.object(typing, "get_type_hints", refuse),
        mock.patch.object(dataclasses, "fields", refuse),
    ):
        again = codec.meeting_from_dict(tomllib.loads(text))
    assert again == first
    assert refuse.call_count == 0

"""Meeting <-> plain dict <-> TOML text.

One generic, type-hint driven codec serves every dataclass in the meeting
model, so a new field needs no codec code. Decoding checks types, ranges and
allowed values and names the exact field on failure (``people[2].age: ...``),
because hand-edited files must never produce a traceback or a silently changed
value. Keys this version does not know are kept in each object's ``extra`` and
written back unchanged.

Encoding (``toml_writing``: long notes as literal strings, which read fast)
always parses its own output back (``toml_reading``) and compares it with what
was meant, so a file the app writes is proven to read back the same.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import threading
import types
import typing
from collections.abc import Callable, Collection
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.meeting import SCHEMA_VERSION, Meeting
from sdm_facilitator.storage import limits, toml_writing
from sdm_facilitator.storage.limits import TextCounts, save_problem, values_below

T = TypeVar("T")


class CodecError(ValueError):
    """A value in a meeting that cannot be read or written, naming its field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class FutureSchemaError(CodecError):
    """The file was written by a newer version of the app."""


# ---------------------------------------------------------------- encoding


def to_dict(obj: Any) -> Any:
    """A dataclass as a plain dict, leaving out unset values.

    Unset means None, empty text, an empty list or an empty table: omitting
    them keeps files short and avoids placeholders that could change meaning.
    ``False`` and ``0`` are real answers and are kept. Every save snapshots
    the whole meeting with this while the person waits (a large meeting has
    tens of thousands of values), so each class's fields are looked up once.
    """
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    if kind is list:
        return [v if type(v) in _PLAIN else to_dict(v) for v in obj]
    if kind is dict:
        return {k: v if type(v) in _PLAIN else to_dict(v) for k, v in obj.items()}
    plan = _FIELD_PLANS.get(kind)
    if plan is None:
        if not (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
            if isinstance(obj, list):
                return [to_dict(v) for v in obj]
            if isinstance(obj, dict):
                return {k: to_dict(v) for k, v in obj.items()}
            return obj
        plan = _FIELD_PLANS.setdefault(kind, _field_plan(kind))
    fields, read_all = plan
    out: dict[str, Any] = {}
    for (name, omit_default, default), value in zip(fields, read_all(obj)):
        if type(value) not in _PLAIN:
            value = to_dict(value)
        if omit_default and value == default:
            continue
        # Most values are non-empty text: truthiness settles them; 0 and False are kept as answers.
        if value or not (value is None or value == "" or value == [] or value == {}):
            out[name] = value
    for key, value in getattr(obj, "extra", {}).items():
        out.setdefault(key, value)
    return out


#: Values ``to_dict`` returns as they are.
_PLAIN = frozenset({str, int, bool, float, date, datetime, type(None)})
_FieldPlan = tuple[tuple[tuple[str, bool, Any], ...], Callable[[Any], tuple[Any, ...]]]
#: Per dataclass: (field name, whether an equal-to-default value is left out, the default) for each
#: field but ``extra``, and one function reading all of them at once (a getattr a field cost a
#: large meeting's save several milliseconds).
_FIELD_PLANS: dict[type, _FieldPlan] = {}


def _field_plan(cls: type) -> _FieldPlan:
    fields = tuple(
        (f.name, bool(f.metadata.get("omit_default")), f.default)
        for f in dataclasses.fields(cls)
        if f.name != "extra"
    )
    names = [name for name, _omit, _default in fields]
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return fields, lambda obj: (one(obj),)
    return fields, operator.attrgetter(*names) if names else (lambda obj: ())


def _check_encodable(value: Any, path: str) -> None:
    """Reject text TOML files cannot hold (lone surrogates) before writing."""
    if isinstance(value, str):
        for index, char in enumerate(value):
            if 0xD800 <= ord(char) <= 0xDFFF:
                raise CodecError(
                    path,
                    f"contains a character that cannot be saved (U+{ord(char):04X} at position {index}); "
                    "please retype that part",
                )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_encodable(key, path)
            _check_encodable(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_encodable(item, f"{path}[{i}]")


# Text TOML files cannot hold: lone surrogates. One search of the written text
# finds them; the walk above runs only then, to name the field.
_UNSAVEABLE = re.compile("[\ud800-\udfff]")


def dumps_checked(data: dict[str, Any]) -> str:
    """TOML text that is proven to read back as exactly ``data``."""
    return _checked(data, lambda: toml_writing.dumps(data))


def _checked(data: dict[str, Any], write: Callable[[], str], within: dict[str, Any] | None = None) -> str:
    """The text ``write`` makes of ``data``, once it has been read back as exactly ``data``.

    ``within`` is the section ``data`` is a part of, to name the field of a text that cannot be saved.
    """
    named = data if within is None else within
    try:
        text = write()
    except (TypeError, ValueError) as error:
        _check_encodable(named, "")
        raise CodecError("", f"cannot be written as TOML: {error}") from None
    except RecursionError:
        raise CodecError("", "nested too deeply to be written") from None
    if _UNSAVEABLE.search(text):
        _check_encodable(named, "")
    try:
        if toml_reading.loads(text) == data:
            return text
    except toml_reading.TOMLDecodeError:
        pass
    _check_encodable(named, "")
    raise CodecError("", "the file would not read back exactly as saved (a date or time may be out of range)")


@dataclasses.dataclass
class SectionCache:
    """The last checked text of each section of one meeting, so a save re-checks only what changed.

    A section is a top-level table or list (``referral``, ``people``,
    ``record``...). Its text is reused only while its value is equal to the
    value that text was proven to hold; comparing is far cheaper than writing,
    reading back and validating it again. A changed section is written a part
    at a time (a header and the plain values under it: one person, one action,
    one phase of the record), and each part whose values did not change keeps
    its checked text, so one edited note is written and read back alone.
    """

    #: Section -> the value its text was proven to hold, that text, and how many values the section
    #: holds below it (``limits.values_below``; None: over a limit).
    sections: dict[str, tuple[Any, str, int | None]] = dataclasses.field(default_factory=dict)
    #: (section, header, how many times that header came before in the section) -> values, checked text.
    parts: dict[tuple[str, str, int], tuple[dict[str, Any], str]] = dataclasses.field(default_factory=dict)
    #: The load limits' counts of each section's text and of each part's (``limits.TextCounts``).
    counts: dict[Any, TextCounts] = dataclasses.field(default_factory=dict)

    def counts_of(self, key: Any, text: str) -> TextCounts:
        found = self.counts.get(key)
        if found is None:
            found = self.counts[key] = TextCounts.of(text)
        return found


def meeting_data_to_toml(data: dict[str, Any], cache: SectionCache | None = None) -> str:
    """A meeting's data (``to_dict`` of it) as TOML, proven to read back exactly and to pass the load checks.

    The plain values are written together; each table or list is written,
    read back and validated on its own, and one unchanged since ``cache`` last
    saw it is not written or checked again. The parts are laid out as one
    TOML document would be: plain keys and inline lists first, then the parts
    under their own ``[header]``. Validating on the way out means the app can
    never write a file that it would then refuse to open (for example a date
    out of range, or a file over the size limit: the same limits as loading).
    """
    text, counts, within = _meeting_text(data, cache)
    refuse_unopenable(data, text, counts, data_within_limits=within)
    return text


def meeting_data_to_bytes(data: dict[str, Any], cache: SectionCache | None = None) -> bytes:
    """``meeting_data_to_toml`` as the UTF-8 bytes a save writes, encoded once (the size limit reads them)."""
    text, counts, within = _meeting_text(data, cache)
    encoded = text.encode("utf-8")
    refuse_unopenable(data, text, counts, size=len(encoded), data_within_limits=within)
    return encoded


def _meeting_text(data: dict[str, Any], cache: SectionCache | None) -> tuple[str, TextCounts, bool]:
    """The checked text, its load-limit counts, and whether its values were counted within the limits."""
    plain = {key: value for key, value in data.items() if not isinstance(value, (dict, list))}
    check_meeting_fields(data, plain)
    inline = [dumps_checked(plain)]
    counts = [TextCounts.of(inline[0])]
    headed: list[str] = []
    cache = SectionCache() if cache is None else cache
    seen = cache.sections
    # The root, each top-level value, and each section's values below it (as ``limits.data_problem`` counts).
    values: int | None = 1 + len(data)
    for key, value in data.items():
        if key in plain:
            continue
        known = seen.get(key)
        if known is None or known[0] != value:
            check_meeting_fields(data, {key: value})
            known = seen[key] = (value, _section_text(key, value, cache), values_below(value, 1))
        _value, text, below = known
        (headed if text.startswith("[") else inline).append(text)
        counts.append(cache.counts[key])
        values = None if values is None or below is None else values + below
    gone = {key for key in seen if key not in data or key in plain}
    for key in gone:
        del seen[key]
    for part_key in [part_key for part_key in cache.parts if part_key[0] in gone]:
        del cache.parts[part_key]
    for count_key in [
        count_key for count_key in cache.counts if count_key not in seen and count_key not in cache.parts
    ]:
        del cache.counts[count_key]
    text = "\n".join(part for part in ["".join(inline), *headed] if part)
    return text, TextCounts.total(counts), values is not None and values <= limits.MAX_VALUES


def _section_text(key: str, value: Any, cache: SectionCache) -> str:
    """One changed section's checked text, a part at a time, reusing the text of each unchanged part."""
    section = {key: value}
    texts: list[str] = []
    used: dict[tuple[str, str, int], None] = {}  # in order
    counts: dict[str, int] = {}
    try:
        found = list(toml_writing.parts(section))
    except (TypeError, ValueError) as error:  # a value TOML cannot hold
        _check_encodable(section, "")
        raise CodecError("", f"cannot be written as TOML: {error}") from None
    except RecursionError:
        raise CodecError("", "nested too deeply to be written") from None
    for part in found:
        if not part.header and not part.literals:
            continue  # a table written only through its sub-tables: no text of its own
        part_key = (key, part.header, counts.get(part.header, 0))
        counts[part.header] = part_key[2] + 1
        used[part_key] = None
        known = cache.parts.get(part_key)
        if known is None or known[0] != part.literals:
            write = functools.partial(toml_writing.part_text, part)
            known = (part.literals, _checked(part.standalone(), write, section))
            cache.parts[part_key] = known
            cache.counts.pop(part_key, None)
        texts.append(known[1])
    for stale in [part_key for part_key in cache.parts if part_key[0] == key and part_key not in used]:
        del cache.parts[stale]
    # The parts' texts each end in a line break, so their counts add up to the section's.
    cache.counts[key] = TextCounts.total(
        cache.counts_of(part_key, cache.parts[part_key][1]) for part_key in used
    )
    return "\n".join(texts)


def meeting_to_toml(meeting: Meeting) -> str:
    """The meeting as TOML text, checked to read back exactly and to pass the load checks."""
    return meeting_data_to_toml(to_dict(meeting))


def refuse_unopenable(
    data: dict[str, Any],
    text: str,
    counts: TextCounts | None = None,
    *,
    size: int | None = None,
    data_within_limits: bool = False,
) -> None:
    """Raise if the load limits would refuse ``text``: never save what cannot be opened.

    ``counts``, ``size`` and ``data_within_limits`` are what the caller already knows (``limits.save_problem``).
    """
    problem = save_problem(data, text, counts, size=size, data_within_limits=data_within_limits)
    if problem is not None:
        raise CodecError("", problem)


# ---------------------------------------------------------------- decoding

_TYPE_WORDS: dict[type, str] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    date: "a date such as 2026-03-01",
    datetime: "a date and time such as 2026-03-01T10:00:00",
    list: "a list",
    dict: "a table",
}


def _describe(value: Any) -> str:
    """How a found value is described in an error message (type, not content).

    Messages never quote the value itself: it may be personal data and error
    messages can end up in reports.
    """
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time of day"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


#: Turns one value read from a file into a field's value, or raises ``CodecError`` naming ``path``.
Decoder = Callable[[Any, str], Any]


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _expect(kind: type, value: Any, path: str) -> CodecError:
    return CodecError(path, f"expected {_TYPE_WORDS[kind]}, found {_describe(value)}")


def _decoder(tp: Any, meta: typing.Mapping[str, Any]) -> Decoder:
    """The decoder for a field of type ``tp`` with ``meta`` (its dataclass field metadata).

    Worked out once per field from its type hint, so reading a file does no
    type reflection: a meeting has hundreds of values and a first look at a
    store reads thousands of meetings. ``None`` is not a value TOML can hold,
    so an optional field decodes as its inner type.
    """
    tp, _optional = _unwrap_optional(tp)
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return _table_decoder(tp)  # type: ignore[arg-type]
    if origin is list:
        # A list of choices (``ways = ["in-person", "phone"]``) checks each item against them.
        item_meta = {"choices": meta["choices"]} if "choices" in meta else {}
        return _list_decoder(_decoder(get_args(tp)[0], item_meta))
    if origin is dict:
        _key_type, item_type = get_args(tp)
        return _dict_decoder(None if item_type is Any else _decoder(item_type, {}))
    if tp is datetime:
        return _datetime_decoder(bool(meta.get("local")))
    if tp is date:
        return _decode_date
    if tp is bool:
        return _decode_bool
    if tp is int:
        return _int_decoder(meta.get("min"), meta.get("max"))
    if tp is str:
        allowed = meta.get("choices")
        return _decode_str if allowed is None else _choice_decoder(allowed)
    if tp is Any:
        return _decode_any

    def unsupported(value: Any, path: str) -> Any:
        raise CodecError(path, f"unsupported field type {tp!r}")  # a programming error, named clearly

    return unsupported


def _table_decoder(cls: type) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise CodecError(path, f"expected a table, found {_describe(value)}")
        return _builder(cls)(value, path)

    return decode


def _list_decoder(item: Decoder) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, list):
            raise CodecError(path, f"expected a list, found {_describe(value)}")
        items = [item(v, f"{path}[{i}]") for i, v in enumerate(value)]
        _check_unique_ids(items, path)
        return items

    return decode


def _dict_decoder(item: Decoder | None) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise CodecError(path, f"expected a table, found {_describe(value)}")
        if item is None:
            return value
        return {k: item(v, f"{path}.{k}") for k, v in value.items()}

    return decode


def _datetime_decoder(local: bool) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, datetime):
            raise _expect(datetime, value, path)
        # Timestamps are moments (with a zone); the family's chosen time is wall-clock
        # time (without one). Mixing them would make comparisons fail later.
        if local and value.tzinfo is not None:
            raise CodecError(
                path, "expected a local date and time without a time zone, such as 2026-03-01T10:00:00"
            )
        if not local and value.tzinfo is None:
            raise CodecError(path, "expected a date and time with a time zone, such as 2026-03-01T10:00:00Z")
        return _check_year(value, path)

    return decode


def _decode_date(value: Any, path: str) -> Any:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _expect(date, value, path)
    return _check_year(value, path)


def _decode_bool(value: Any, path: str) -> Any:
    if not isinstance(value, bool):
        raise _expect(bool, value, path)
    return value


def _int_decoder(low: int | None, high: int | None) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _expect(int, value, path)
        if (low is not None and value < low) or (high is not None and value > high):
            raise CodecError(path, f"must be between {low} and {high}")
        return value

    return decode


def _decode_str(value: Any, path: str) -> Any:
    if not isinstance(value, str):
        raise _expect(str, value, path)
    return value


def _choice_decoder(allowed: Collection[str]) -> Decoder:
    def decode(value: Any, path: str) -> Any:
        if not isinstance(value, str):
            raise _expect(str, value, path)
        if value not in allowed:
            raise CodecError(path, f"unknown value; expected one of {', '.join(allowed)}")
        return value

    return decode


def _decode_any(value: Any, path: str) -> Any:
    return value


#: A dataclass's fields by name: each field's decoder, and its path suffix (``.name``).
_Fields = dict[str, tuple[Decoder, str]]
#: Builds a dataclass from a table, given the table's path.
_Builder = Callable[[dict[str, Any], str], Any]
_builders: dict[type, _Builder] = {}
_builders_lock = threading.RLock()


def _builder(cls: type) -> _Builder:
    """The function that builds ``cls`` from a table, made on first use and kept."""
    found = _builders.get(cls)
    if found is not None:
        return found
    with _builders_lock:
        found = _builders.get(cls)
        if found is not None:
            return found
        fields: _Fields = {}
        build = _make_builder(cls, fields, has_extra=any(f.name == "extra" for f in dataclasses.fields(cls)))
        # Published before its fields are filled in, so a dataclass that contains itself finds it.
        _builders[cls] = build
        fields.update(_field_decoders(cls))
        return build


def _make_builder(cls: type, fields: _Fields, *, has_extra: bool) -> _Builder:
    def build(data: dict[str, Any], path: str) -> Any:
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in data.items():
            found = fields.get(key)
            if found is None:
                extra[key] = value
                continue
            decode, suffix = found
            kwargs[key] = decode(value, path + suffix if path else key)
        if has_extra:
            kwargs["extra"] = extra
        return cls(**kwargs)

    return build


def _field_decoders(cls: type) -> _Fields:
    """Each field of ``cls`` but ``extra`` (which holds unknown keys): its decoder and path suffix."""
    hints = typing.get_type_hints(cls)
    return {
        f.name: (_decoder(hints[f.name], f.metadata), f".{f.name}")
        for f in dataclasses.fields(cls)
        if f.name != "extra"
    }


MIN_YEAR, MAX_YEAR = 1900, 2200
# Ids of entries inside a meeting (people, children, actions...) also name
# widgets on screen, so they follow the same rule as widget ids.
_ENTRY_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")


def _check_year(value: date, path: str) -> Any:
    """Refuse dates no meeting can have; far-off years overflow date arithmetic later."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise CodecError(path, f"must be a year between {MIN_YEAR} and {MAX_YEAR}")
    return value


def _check_unique_ids(items: list[Any], path: str) -> None:
    """Entries are found by id, so each must be well-formed and used only once in its list."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        entry_id = getattr(item, "id", None)
        if not isinstance(entry_id, str) or not dataclasses.is_dataclass(item):
            continue
        if not _ENTRY_ID.fullmatch(entry_id):
            raise CodecError(
                f"{path}[{index}].id", "must start with a letter and use only letters, digits, '-' or '_'"
            )
        if entry_id in seen:
            raise CodecError(
                f"{path}[{index}].id", f"the same id as {path}[{seen[entry_id]}]; each entry needs its own"
            )
        seen[entry_id] = index


def from_dict(cls: type[T], data: dict[str, Any], path: str = "") -> T:
    """Build ``cls`` from a plain dict, checking every field; unknown keys go to ``extra``."""
    return _builder(cls)(data, path)  # type: ignore[no-any-return]


def _check_header(data: dict[str, Any], *, allow_future: bool) -> None:
    """The schema version and the keys every meeting file needs."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise CodecError("schema_version", f"expected a whole number, found {_describe(version)}")
    if version < 1:
        raise CodecError(
            "schema_version",
            f"must be a whole number from 1 (this version writes {SCHEMA_VERSION}); found {version}",
        )
    if version > SCHEMA_VERSION and not allow_future:
        raise FutureSchemaError(
            "schema_version",
            f"written by a newer version of sdm-facilitator (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); update the app to edit it",
        )
    for required in ("id", "kind"):
        if required not in data:
            raise CodecError(required, "missing; every meeting file needs it")


def _check_meeting_id(meeting_id: Any) -> None:
    if not is_safe_id(meeting_id):
        raise CodecError("id", "must be letters, digits, '-' or '_' only (it names the file)")


def meeting_from_dict(data: dict[str, Any], *, allow_future: bool = False) -> Meeting:
    """A meeting from parsed TOML, refusing files from a newer schema.

    A newer file must not be half-understood and then saved over: unless
    ``allow_future`` is given (the store then opens it read-only) it raises
    ``FutureSchemaError``.
    """
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
    known = _meeting_field_decoders()
    for key, value in fields.items():
        found = known.get(key)
        if found is not None:
            found[0](value, key)
    if "id" in fields:
        _check_meeting_id(fields["id"])


@cache
def _meeting_field_decoders() -> _Fields:
    return _field_decoders(Meeting)


def is_safe_id(value: str) -> bool:
    """Ids become file names, so only a small safe alphabet is allowed."""
    return 0 < len(value) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)

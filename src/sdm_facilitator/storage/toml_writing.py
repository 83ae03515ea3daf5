"""Writing TOML text: the layout ``tomli_w`` gives, with long notes as literal strings.

A TOML reader goes through a basic string (three double quotes) one character at a
time, looking for escapes; a literal string (three single quotes) has none, so it
finds the closing quotes with one search. Opening a 1.3 MB meeting of long
notes spent about 0.2 s in that character loop, and ``tomli_w`` spent as
long again writing them the same way. So a text of several lines is written
as a multi-line literal string wherever TOML allows it (no control characters
but tab and line break, no ``'''``, not ending in a quote), and as an escaped
basic string only where it must be; one-line texts stay basic strings as
before. Escaping works on runs of text (``re.sub``), not character by
character.

The rest of the layout is ``tomli_w``'s with ``multiline_strings=True``
(plain keys first, then ``[tables]`` and ``[[arrays of tables]]``; short
tables in a list written inline; lists one item a line), so files look as
they did. Every caller still reads its own output back and compares it with
what it meant (``codec.dumps_checked``): this module only writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

_INDENT = "    "
#: ``tomli_w``'s line length for a table written inline inside a list.
_MAX_INLINE_LENGTH = 100
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
#: What a multi-line literal string cannot hold but ``'''``: control characters but tab and line break.
_NOT_LITERAL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
#: What a one-line basic string must escape.
_BASIC_ESCAPED = re.compile('["\\\\\x00-\x08\x0a-\x1f\x7f]')
#: What a multi-line basic string must escape (line breaks stay as they are).
_MULTILINE_ESCAPED = re.compile('["\\\\\x00-\x08\x0b-\x1f\x7f]')
_SHORT_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def format_string(text: str, *, multiline: bool = True) -> str:
    """``text`` as a TOML string: a multi-line literal string where it can be, else a basic string.

    The line break after the opening quotes is not part of the
    text in TOML, so a text that itself starts with a line break keeps it.
    """
    if multiline and "\n" in text:
        if not text.endswith("'") and "'''" not in text and _NOT_LITERAL.search(text) is None:
            return "'''\n" + text + "'''"
        return '"""\n' + _MULTILINE_ESCAPED.sub(_escape, text) + '"""'
    return '"' + _BASIC_ESCAPED.sub(_escape, text) + '"'


def format_key(key: str) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a table key must be text, not {type(key).__qualname__}")
    return key if _BARE_KEY.fullmatch(key) else format_string(key, multiline=False)


class _Writer:
    """One document's writing: inline tables are rendered once (the list check renders them too)."""

    def __init__(self) -> None:
        self._inline: dict[int, str] = {}

    def value(self, obj: object, level: int = 0) -> str:
        if isinstance(obj, bool):
            return "true" if obj else "false"
        if isinstance(obj, str):
            return format_string(obj)
        if isinstance(obj, (int, float, date, datetime)):
            return str(obj)
        if isinstance(obj, time):
            if obj.tzinfo:
                raise ValueError("TOML does not support offset times")
            return str(obj)
        if isinstance(obj, (list, tuple)):
            return self.array(obj, level)
        if isinstance(obj, Mapping):
            return self.inline_table(obj)
        raise TypeError(f"Object of type '{type(obj).__qualname__}' is not TOML serializable")

    def array(self, items: list[Any] | tuple[Any, ...], level: int) -> str:
        if not items:
            return "[]"
        inner = _INDENT * (level + 1)
        body = ",\n".join(inner + self.value(item, level + 1) for item in items)
        return f"[\n{body},\n{_INDENT * level}]"

    def inline_table(self, table: Mapping[str, Any]) -> str:
        found = self._inline.get(id(table))
        if found is None:
            parts = ", ".join(f"{format_key(k)} = {self.value(v)}" for k, v in table.items())
            found = "{ " + parts + " }" if parts else "{}"
            self._inline[id(table)] = found
        return found

    def fits_inline(self, table: Mapping[str, Any]) -> bool:
        # A text longer than the line cannot fit (writing only adds quotes and escapes): a person's
        # long notes need not be rendered inline just to be measured.
        if any(isinstance(value, str) and len(value) > _MAX_INLINE_LENGTH for value in table.values()):
            return False
        rendered = f"{_INDENT}{self.inline_table(table)},"
        return len(rendered) <= _MAX_INLINE_LENGTH and "\n" not in rendered

    def is_table_list(self, value: Any) -> bool:
        """A non-empty list of tables too long to write inline: written as ``[[name]]`` tables."""
        return (
            isinstance(value, (list, tuple))
            and bool(value)
            and all(isinstance(item, Mapping) for item in value)
            and not all(self.fits_inline(item) for item in value)
        )

    def parts(
        self, table: Mapping[str, Any], name: str = "", where: tuple[str, ...] = (), *, in_list: bool = False
    ) -> Iterator[Part]:
        """The parts of ``table`` in document order: its own header and plain values, then each sub-table's."""
        literals: dict[str, Any] = {}
        tables: list[tuple[str, Any, bool]] = []
        for key, value in table.items():
            if isinstance(value, Mapping):
                tables.append((key, value, False))
            elif self.is_table_list(value):
                tables.extend((key, item, True) for item in value)
            else:
                literals[key] = value
        header = ""
        if in_list or (name and (literals or not tables)):
            header = f"[[{name}]]" if in_list else f"[{name}]"
        yield Part(header, where, in_list, literals)
        for key, value, listed in tables:
            part = format_key(key)
            yield from self.parts(value, f"{name}.{part}" if name else part, (*where, key), in_list=listed)

    def text(self, part: Part) -> str:
        lines = [f"{part.header}\n"] if part.header else []
        lines += [f"{format_key(key)} = {self.value(value)}\n" for key, value in part.literals.items()]
        return "".join(lines)


@dataclass(frozen=True)
class Part:
    """One header of a document and the plain values under it (sub-tables are parts of their own).

    A document is its parts' texts, the non-empty ones joined by a blank
    line. Each part can be written, and read back, on its own: ``standalone``
    is what its text alone reads as.
    """

    #: ``[name]``, ``[[name]]`` for a table of a list, or "" (the document's top, or a table written
    #: only through its sub-tables).
    header: str
    #: The keys from the top of the document to this table.
    where: tuple[str, ...]
    in_list: bool
    literals: dict[str, Any]

    def standalone(self) -> dict[str, Any]:
        """What the text of this part alone reads as: its values under its keys."""
        value: Any = [self.literals] if self.in_list else self.literals
        for key in reversed(self.where):
            value = {key: value}
        return dict(value)


def parts(data: Mapping[str, Any]) -> Iterator[Part]:
    """The parts of a document, in order (see ``Part``)."""
    return _Writer().parts(data)


def part_text(part: Part) -> str:
    """The text of one part: its header line and one line a plain value."""
    return _Writer().text(part)


def dumps(data: Mapping[str, Any]) -> str:
    """``data`` as a TOML document."""
    writer = _Writer()
    return "\n".join(text for part in writer.parts(data) if (text := writer.text(part)))

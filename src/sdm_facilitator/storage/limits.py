"""Every limit a meeting file must keep, checked the same way at save and at load.

A limit that only the reader applies lets the app save a meeting it then
refuses to open (4.5 MB pasted into the worries saved "✓" and the meeting
dropped out of the list). So the save path runs exactly these checks on what
it is about to write, and refuses with words that say what to change, before
anything touches the disk; the load path runs them on what it read.

The checks on text run before ``tomllib`` sees it, because the parser's cost
for some shapes (very many dotted key parts, millions of tiny values) is far
out of proportion to the file size. They are linear and, for ordinary files,
only count characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import Any

#: The largest meeting file, in bytes. A real meeting is a few tens of kilobytes.
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Dots in one line outside strings and comments (``a.b.c... = 1``): tomllib's
#: time is quadratic in the parts of one dotted key.
MAX_DOTS_PER_LINE = 100
#: Dots in the whole file outside strings and comments. A meeting uses one per
#: step table header (``[steps.prep-consent]``) and a few in times.
MAX_DOTTED_PARTS = 20_000
#: Values (every text, number, date, list item and table) in one meeting.
MAX_VALUES = 100_000
#: Tables and lists inside each other.
MAX_NESTING = 32
#: Python refuses to turn longer digit strings into numbers.
MAX_INT_DIGITS = 4300


@dataclass(frozen=True)
class LimitProblem:
    """Which limit a file or meeting goes over, in words for the person, and where."""

    message: str
    line: int | None = None
    field: str = ""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def size_problem(size: int) -> LimitProblem | None:
    """A file of ``size`` bytes is over the limit."""
    if size <= MAX_FILE_BYTES:
        return None
    return LimitProblem(
        f"too large ({size:,} bytes, {_megabytes(size)}; a meeting file is at most "
        f"{MAX_FILE_BYTES:,} bytes, {_megabytes(MAX_FILE_BYTES)})"
    )


# ---------------------------------------------------------------- text, before parsing

_OPENER = re.compile(r"""\"\"\"|'''|["'#]""")
# Each is the rest of a string after its opener, written as runs of ordinary characters (one
# repeat of a character class, which the regex engine scans quickly) broken only by an escape
# or a lone quote: a 2 MB note is matched in milliseconds, not one alternation per character.
_BASIC_REST = re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_ML_BASIC_REST = re.compile(r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*""""{0,2}', re.S)
_ML_LITERAL_REST = re.compile(r"[^']*(?:'(?!'')[^']*)*''''{0,2}", re.S)
_LITERAL_REST = re.compile(r"[^'\n]*'")
_REST_OF = {'"""': _ML_BASIC_REST, "'''": _ML_LITERAL_REST, '"': _BASIC_REST, "'": _LITERAL_REST}


def outside_strings(text: str) -> str:
    """``text`` with strings and comments blanked, keeping its line breaks.

    A linear scan, only as exact as needed to count what belongs to keys and
    values: invalid TOML is left for ``tomllib`` to reject.
    """
    parts: list[str] = []
    pos = 0
    end = len(text)
    while pos < end:
        found = _OPENER.search(text, pos)
        if found is None:
            parts.append(text[pos:])
            break
        parts.append(text[pos : found.start()])
        token, after = found.group(), found.end()
        if token == "#":
            newline = text.find("\n", after)
            pos = end if newline < 0 else newline
            continue
        rest = _REST_OF[token].match(text, after)
        if rest is not None:
            stop = rest.end()
        elif len(token) == 3:
            stop = end  # unterminated: the rest of the file is inside it
        else:
            newline = text.find("\n", after)
            stop = end if newline < 0 else newline
        parts.append("S" + "\n" * text.count("\n", found.start(), stop))
        pos = stop
    return "".join(parts)


_LONG_NUMBER = re.compile(rf"[0-9_]{{{MAX_INT_DIGITS + 1},}}")
_KEY_AT_LINE_START = re.compile(r"\s*([A-Za-z0-9_.\"' -]+?)\s*=")


def key_on_line(text: str, line: int) -> str:
    """The key assigned on 1-based ``line`` (``age`` in ``age = 7``), or "" when none."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    match = _KEY_AT_LINE_START.match(lines[line - 1])
    return match.group(1).replace('"', "").replace("'", "").strip() if match else ""


@dataclass(frozen=True)
class TextCounts:
    """The raw counts ``text_problem`` starts from, which add up over pieces of text ending in line breaks.

    A save keeps them with the text of each part of the file it did not
    change, so checking a 1.3 MB meeting does not count every character again.
    """

    dots: int
    values: int
    #: The most dots in one line (the whole count where that is at most ``MAX_DOTS_PER_LINE``).
    most_dots_in_a_line: int

    @classmethod
    def of(cls, text: str) -> TextCounts:
        dots = text.count(".")
        # No line can hold more dots than the whole text: most texts need no split into lines.
        in_a_line = max(map(str.count, text.split("\n"), repeat("."))) if dots > MAX_DOTS_PER_LINE else dots
        return cls(dots, text.count("=") + text.count(","), in_a_line)

    @classmethod
    def total(cls, counts: Iterable[TextCounts]) -> TextCounts:
        """The counts of texts (each ending in a line break) put one after another."""
        dots = values = in_a_line = 0
        for part in counts:
            dots += part.dots
            values += part.values
            in_a_line = max(in_a_line, part.most_dots_in_a_line)
        return cls(dots, values, in_a_line)


def text_problem(text: str, counts: TextCounts | None = None) -> LimitProblem | None:
    """Why TOML ``text`` is too costly to parse (with its line), or None when fine.

    Cheap for ordinary files: the string-aware scan runs only when a raw count
    (which also counts dots and commas inside notes) is already over a limit.
    ``counts`` are those of ``text`` where the caller already has them.
    """
    raw = TextCounts.of(text) if counts is None else counts
    needs_scan = (
        raw.dots > MAX_DOTTED_PARTS or raw.values > MAX_VALUES or raw.most_dots_in_a_line > MAX_DOTS_PER_LINE
    )
    if not needs_scan:
        return None
    bare = outside_strings(text)
    for number, line in enumerate(bare.split("\n"), 1):
        if line.count(".") > MAX_DOTS_PER_LINE:
            return LimitProblem(f"a key or table name has more than {MAX_DOTS_PER_LINE} dotted parts", number)
    if bare.count(".") > MAX_DOTTED_PARTS:
        return LimitProblem(
            f"more than {MAX_DOTTED_PARTS:,} dotted key parts in one file; a meeting needs far fewer"
        )
    if bare.count("=") + bare.count(",") > MAX_VALUES:
        return LimitProblem(f"more than {MAX_VALUES:,} values in one file; a meeting needs far fewer")
    return None


def long_number_problem(text: str) -> LimitProblem | None:
    """The field and line of a number too long for Python to read, or None.

    Only called once the parser has refused the file (such a number cannot be
    written by the app, only dropped in), so ordinary loads never pay for it.
    """
    bare = outside_strings(text)
    long_number = _LONG_NUMBER.search(bare)
    if long_number is None:
        return None
    line = bare.count("\n", 0, long_number.start()) + 1
    return LimitProblem(
        f"a number with more than {MAX_INT_DIGITS:,} digits; expected a whole number such as 7",
        line,
        key_on_line(text, line),
    )


# ---------------------------------------------------------------- parsed data


def data_problem(data: Any) -> LimitProblem | None:
    """Where parsed (or about to be written) data nests too deep or holds too many values.

    Unknown keys are kept and written back, so a value nested hundreds of
    levels deep would load and then fail on every save (recursion limits in
    the writer): refused at load instead, naming where. Iterative, so it
    cannot hit the recursion limit itself. Every file read is checked, so the
    common case (within the limits) is a count without paths; only data over a
    limit is walked again to name where.
    """
    if _within_limits(data):
        return None
    return _data_problem_at(data)


def _within_limits(data: Any) -> bool:
    """Whether ``data`` holds at most ``MAX_VALUES`` values nested at most ``MAX_NESTING`` deep."""
    if not isinstance(data, (dict, list)):
        return True
    below = values_below(data, 0)
    return below is not None and 1 + below <= MAX_VALUES


def values_below(value: dict[Any, Any] | list[Any], depth: int) -> int | None:
    """How many values ``value`` (itself at ``depth``) holds at every level below it.

    None when one of them is nested deeper than ``MAX_NESTING`` or there are
    more than ``MAX_VALUES``. A save counts each changed section of a meeting
    with this and keeps the count of each unchanged one, so the whole meeting
    is not walked again for one edited note.
    """
    count = 0
    stack: list[tuple[Any, int]] = [(value, depth)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            return None
        children = value.values() if isinstance(value, dict) else value
        count += len(children)
        if count > MAX_VALUES:
            return None
        inner = depth + 1
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, inner))
            elif inner > MAX_NESTING:
                return None
    return count


def _data_problem_at(data: Any) -> LimitProblem | None:
    """``data_problem`` naming the field, for data already known to be over a limit."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    count = 0
    while stack:
        value, path, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return LimitProblem(f"more than {MAX_VALUES:,} values in one meeting; a meeting needs far fewer")
        if depth > MAX_NESTING:
            return LimitProblem(f"nested more than {MAX_NESTING} levels deep", field=path or "the file")
        if isinstance(value, dict):
            stack.extend((v, f"{path}.{k}" if path else str(k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


def longest_text(data: Any) -> tuple[str, int]:
    """The field holding the longest text and its length, to tell a person what to shorten."""
    best = ("", 0)
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if len(value) > best[1]:
                best = (path, len(value))
        elif isinstance(value, dict):
            stack.extend((v, f"{path}.{k}" if path else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(value))
    return best


def save_problem(
    data: dict[str, Any],
    text: str,
    counts: TextCounts | None = None,
    *,
    size: int | None = None,
    data_within_limits: bool = False,
) -> str | None:
    """Why the meeting about to be saved as ``text`` could not be opened again, or None.

    The message says what to change; the caller keeps the meeting (and what
    was typed) as it is. ``counts`` are ``TextCounts`` of ``text``, ``size``
    its length in UTF-8 bytes, and ``data_within_limits`` says ``data`` was
    already counted within the nesting and value limits, where the caller has
    them (a save of a 1.3 MB meeting would otherwise encode and walk it all again).
    """
    problem = size_problem(len(text.encode("utf-8")) if size is None else size)
    if problem is not None:
        field, length = longest_text(data)
        advice = (
            f" The longest text is in {field} ({length:,} characters): shorten it, or keep that part "
            "in a separate document and note where it is."
            if field
            else ""
        )
        return f"The meeting is {problem.message}, so it could not be opened again.{advice}"
    problem = (None if data_within_limits else data_problem(data)) or text_problem(text, counts)
    if problem is not None:
        where = f"{problem.field}: " if problem.field else ""
        return f"The meeting could not be opened again once saved: {where}{problem.message}."
    return None

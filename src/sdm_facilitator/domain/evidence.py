"""A tiny, safe language for what in the record shows a guide step is done.

A guide step may say, as data, which facts of the meeting record show it is
done, for example::

    referral.worries and referral.strengths and count(referral.bottom_lines) >= 1
    every(people, invitation != "not-invited" or not_invited_reason)
    any(follow_up.reviews, held)

The language is deliberately small, so a guide author cannot write anything
that runs code and a checker can say exactly what is wrong:

* field paths into the meeting (``referral.worries``, ``plan.sent_on``);
  a bare path is a **presence** test (text that is not blank, a date or
  number that is set, a yes/no that is yes, a list that is not empty);
* ``count(list)``, ``count(list, condition)``, ``any(list, condition)`` and
  ``every(list, condition)``, where paths inside the condition are fields of
  each item;
* comparisons ``== != < <= > >=`` between numbers, and ``==``/``!=`` between
  a text or choice field and a quoted value (a choice must be one it allows);
* ``and``, ``or``, ``not`` and parentheses.

Nothing is evaluated with ``eval``: the text is tokenised, parsed into a small
tree and type-checked against the meeting model's dataclasses, so an unknown
field or a wrong type is a clear message before the guide is ever used.
Pure Python: no Textual or Rich import.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Union

from sdm_facilitator.domain import meeting as model

__all__ = [
    "EvidenceError",
    "Expression",
    "compile_evidence",
    "source_label",
]

#: Longest expression accepted: a guide step needs a line or two, not a program.
MAX_EXPRESSION_CHARS = 400
#: Deepest nesting of parentheses and conditions; keeps checking and evaluation cheap.
MAX_DEPTH = 12

#: What a person reads after "done (from ...)": the part of the record a path starts in.
_SOURCE_LABELS: dict[str, str] = {
    "referral": "the referral",
    "people": "the people list",
    "children": "the children",
    "choices": "the family's choices",
    "info_sharing": "the information sharing",
    "agenda": "the agenda",
    "record": "the meeting record",
    "plan": "the plan",
    "follow_up": "the follow-up",
    "closure": "the closure record",
}
#: Fields a step can never depend on: bookkeeping, or the step states themselves.
_HIDDEN_FIELDS = frozenset({"extra", "steps", "id", "schema_version", "created", "updated", "guide_id"})


class EvidenceError(ValueError):
    """An expression that cannot be used, with the column where it went wrong."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        if self.column is None:
            return self.message
        return f"{self.message} (at character {self.column})"


# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class _Type:
    """What a field holds, as far as the language cares."""

    kind: str  # text | choice | yesno | number | date | list | record
    choices: tuple[str, ...] = ()
    item: _Type | None = None  # for lists
    record: type | None = None  # for records and lists of records

    def word(self) -> str:
        if self.kind == "list" and self.item is not None and self.item.kind == "record":
            return "a list of records"
        return {
            "text": "text",
            "choice": "a choice",
            "yesno": "a yes/no",
            "number": "a number",
            "date": "a date",
            "list": "a list of text",
            "record": "a group of fields",
        }[self.kind]


_NUMBER = _Type("number")
_YESNO = _Type("yesno")


def _type_of(annotation: Any, metadata: Any) -> _Type | None:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(inner) != 1:
            return None
        annotation = inner[0]
        origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item_type = _type_of(item, {})
        return (
            _Type("list", item=item_type, record=item_type.record if item_type else None)
            if item_type
            else None
        )
    if annotation is str:
        found = metadata.get("choices") if metadata else None
        return _Type("choice", choices=tuple(found)) if found else _Type("text")
    if annotation is bool:
        return _YESNO
    if annotation is int:
        return _NUMBER
    if annotation in (date, datetime):
        return _Type("date")
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _Type("record", record=annotation)
    return None


@functools.cache
def _fields_of(record: type) -> dict[str, _Type]:
    """The usable fields of a model dataclass, by name."""
    # The module's names as locals too: a field called ``date`` must not hide the type.
    hints = typing.get_type_hints(record, vars(model), vars(model))
    found: dict[str, _Type] = {}
    for f in dataclasses.fields(record):
        if f.name in _HIDDEN_FIELDS:
            continue
        field_type = _type_of(hints[f.name], f.metadata)
        if field_type is not None:
            found[f.name] = field_type
    return found


# --------------------------------------------------------------------------- tokens


_TOKEN_RE = re.compile(
    r"""\s*(?:
        (?P<number>\d+)
      | (?P<string>"[^"\\\n]*")
      | (?P<op>==|!=|<=|>=|<|>)
      | (?P<punct>[(),])
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
_FUNCTIONS = frozenset({"count", "any", "every"})


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    column: int  # 1-based


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN_RE.match(text, position)
        if match is None or match.end() == position:
            column = position + len(text[position:]) - len(text[position:].lstrip()) + 1
            raise EvidenceError(f"unexpected character {text[column - 1]!r}", column)
        kind = match.lastgroup or ""
        value = match.group(kind)
        out.append(_Token(kind, value, match.start(kind) + 1))
        position = match.end()
    return out


# --------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class _Node:
    """One part of a checked expression; ``type`` is what it evaluates to."""

    op: str  # path | literal | count | any | every | cmp | and | or | not | present
    type: _Type
    args: tuple[Any, ...] = ()


class _Parser:
    """Recursive descent over the tokens, checking types as it goes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.position = 0
        self.scopes: list[tuple[type, str]] = [(model.Meeting, "")]
        self.depth = 0

    # -- helpers

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise EvidenceError("the expression ends too soon", len(self.text) + 1)
        self.position += 1
        return token

    def expect(self, text: str) -> _Token:
        token = self.peek()
        if token is None or token.text != text:
            column = token.column if token else len(self.text) + 1
            found = f"'{token.text}'" if token else "the end"
            raise EvidenceError(f"expected '{text}', found {found}", column)
        return self.take()

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise EvidenceError(f"the expression nests more than {MAX_DEPTH} levels deep")

    # -- grammar

    def parse(self) -> _Node:
        if not self.tokens:
            raise EvidenceError("the expression is empty")
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            raise EvidenceError(f"unexpected '{token.text}'", token.column)
        return self.as_condition(node, 1)

    def chain(self, word: str, part: Callable[[], _Node]) -> _Node:
        """``part (word part)*``: one node for a run of ``and`` or of ``or``."""
        parts = [part()]
        while (token := self.peek()) is not None and token.text == word:
            self.take()
            parts.append(part())
        return (
            parts[0] if len(parts) == 1 else _Node(word, _YESNO, tuple(self.as_condition(p) for p in parts))
        )

    def or_expr(self) -> _Node:
        return self.chain("or", self.and_expr)

    def and_expr(self) -> _Node:
        return self.chain("and", self.not_expr)

    def not_expr(self) -> _Node:
        token = self.peek()
        if token is not None and token.text == "not":
            self.take()
            self.deeper()
            inner = self.not_expr()
            self.depth -= 1
            return _Node("not", _YESNO, (self.as_condition(inner),))
        return self.comparison()

    def comparison(self) -> _Node:
        left_token = self.peek()
        left = self.term()
        token = self.peek()
        if token is None or token.kind != "op":
            return left
        self.take()
        right_token = self.peek()
        right = self.term()
        self.check_comparison(left, token, right, left_token, right_token)
        return _Node("cmp", _YESNO, (token.text, left, right))

    def term(self) -> _Node:
        token = self.take()
        if token.kind == "number":
            return _Node("literal", _NUMBER, (int(token.text),))
        if token.kind == "string":
            return _Node("literal", _Type("text"), (token.text[1:-1],))
        if token.text in ("true", "false"):
            return _Node("literal", _YESNO, (token.text == "true",))
        if token.text == "(":
            self.deeper()
            inner = self.or_expr()
            self.expect(")")
            self.depth -= 1
            return inner
        if token.kind == "name" and token.text in _FUNCTIONS:
            return self.function(token)
        if token.kind == "name" and token.text not in _KEYWORDS:
            return self.path(token)
        raise EvidenceError(f"unexpected '{token.text}'", token.column)

    def function(self, name: _Token) -> _Node:
        self.expect("(")
        list_token = self.take()
        if list_token.kind != "name" or list_token.text in _KEYWORDS | _FUNCTIONS:
            raise EvidenceError(f"{name.text}() needs a list field first", list_token.column)
        target = self.path(list_token)
        if target.type.kind != "list":
            raise EvidenceError(
                f"{name.text}() needs a list; '{list_token.text}' is {target.type.word()}",
                list_token.column,
            )
        condition: _Node | None = None
        token = self.peek()
        if token is not None and token.text == ",":
            self.take()
            item = target.type.item
            if item is None or item.kind != "record":
                raise EvidenceError(
                    f"'{list_token.text}' is a list of text; a condition needs a list of records",
                    token.column,
                )
            assert item.record is not None
            self.deeper()
            self.scopes.append((item.record, list_token.text))
            condition = self.as_condition(self.or_expr())
            self.scopes.pop()
            self.depth -= 1
        elif name.text != "count":
            raise EvidenceError(
                f"{name.text}() needs a condition after the list, such as {name.text}(people, prep_visit)",
                name.column,
            )
        self.expect(")")
        result = _NUMBER if name.text == "count" else _YESNO
        return _Node(name.text, result, (target, condition))

    def path(self, token: _Token) -> _Node:
        record, where = self.scopes[-1]
        parts = token.text.split(".")
        field_type: _Type | None = None
        for index, part in enumerate(parts):
            if index and (field_type is None or field_type.kind != "record"):
                so_far = ".".join(parts[:index])
                kind = field_type.word() if field_type else "a field"
                raise EvidenceError(f"'{so_far}' is {kind}, so it has no field '{part}'", token.column)
            current = record if index == 0 else field_type.record  # type: ignore[union-attr]
            assert current is not None
            fields = _fields_of(current)
            if part not in fields:
                inside = ".".join(parts[:index]) or (f"each item of '{where}'" if where else "the meeting")
                close = difflib.get_close_matches(part, list(fields), n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; known fields: {', '.join(sorted(fields))}"
                )
                raise EvidenceError(f"unknown field '{part}' in {inside}{hint}", token.column)
            field_type = fields[part]
        assert field_type is not None
        return _Node("path", field_type, (tuple(parts), token.text))

    # -- checks

    def as_condition(self, node: _Node, column: int | None = None) -> _Node:
        """A node used as true/false: a path becomes a presence test; numbers are refused."""
        if node.op == "path":
            if node.type.kind == "record":
                raise EvidenceError(f"'{node.args[1]}' is a group of fields; name one of its fields", column)
            return _Node("present", _YESNO, (node,))
        if node.type.kind != "yesno":
            raise EvidenceError(
                f"{node.type.word()} cannot stand alone as a condition; compare it, such as count(...) >= 1",
                column,
            )
        return node

    def check_comparison(
        self, left: _Node, op: _Token, right: _Node, left_token: _Token | None, right_token: _Token | None
    ) -> None:
        kinds = (left.type.kind, right.type.kind)
        if kinds == ("number", "number"):
            return
        field, literal = (left, right) if right.op == "literal" else (right, left)
        if literal.op != "literal" or field.op not in ("path", "count", "any", "every"):
            raise EvidenceError(
                "compare a field with a value, such as plan.review_date or count(people) >= 2", op.column
            )
        if field.type.kind in ("text", "choice") and literal.type.kind == "text":
            if op.text not in ("==", "!="):
                raise EvidenceError(f"text can only be compared with == or !=, not {op.text}", op.column)
            value = literal.args[0]
            if field.type.kind == "choice" and value not in field.type.choices:
                raise EvidenceError(
                    f"'{value}' is not a choice of '{field.args[1]}'; expected one of "
                    f"{', '.join(field.type.choices)}",
                    _column_of(right_token if literal is right else left_token, op),
                )
            return
        if field.type.kind == "yesno" and literal.type.kind == "yesno" and op.text in ("==", "!="):
            return
        name = field.args[1] if field.op == "path" else f"{field.op}()"
        raise EvidenceError(
            f"cannot compare '{name}' ({field.type.word()}) with {literal.type.word()} using {op.text}",
            op.column,
        )


# --------------------------------------------------------------------------- evaluation


def _get(target: Any, parts: tuple[str, ...]) -> Any:
    for part in parts:
        target = getattr(target, part)
    return target


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool):
        return value
    if isinstance(value, list):
        return any(_present(item) if isinstance(item, str) else True for item in value)
    return value is not None


_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _evaluate(node: _Node, scope: Any) -> Any:
    op = node.op
    if op == "literal":
        return node.args[0]
    if op == "path":
        return _get(scope, node.args[0])
    if op == "present":
        return _present(_evaluate(node.args[0], scope))
    if op == "not":
        return not _evaluate(node.args[0], scope)
    if op == "and":
        return all(_evaluate(part, scope) for part in node.args)
    if op == "or":
        return any(_evaluate(part, scope) for part in node.args)
    if op == "cmp":
        symbol, left, right = node.args
        a, b = _evaluate(left, scope), _evaluate(right, scope)
        if symbol not in ("==", "!=") and (a is None or b is None):
            return False
        return bool(_COMPARE[symbol](a, b))
    target, condition = node.args
    items = _evaluate(target, scope)
    if condition is None:
        return sum(1 for item in items if (_present(item) if isinstance(item, str) else True))
    results = [bool(_evaluate(condition, item)) for item in items]
    if op == "count":
        return sum(results)
    if op == "any":
        return any(results)
    return all(results)  # every: true for an empty list, so combine it with a count


def _column_of(token: _Token | None, fallback: _Token) -> int:
    """Where to point in an error: at ``token``, or at ``fallback`` when there is none."""
    return (token or fallback).column


def _first_root(node: _Node) -> str | None:
    if node.op == "path":
        return str(node.args[0][0])
    for arg in node.args:
        if isinstance(arg, _Node):
            root = _first_root(arg)
            if root is not None:
                return root
    return None


@dataclass(frozen=True)
class Expression:
    """A checked evidence expression, ready to evaluate against any meeting."""

    source: str
    _tree: _Node

    def holds(self, meeting: model.Meeting) -> bool:
        """True when the record shows what the expression asks for."""
        return bool(_evaluate(self._tree, meeting))

    @property
    def root(self) -> str:
        """The part of the record the expression reads first, such as ``referral``."""
        return _first_root(self._tree) or ""


def compile_evidence(text: str) -> Expression:
    """Parse and type-check ``text``; raise :class:`EvidenceError` saying what is wrong."""
    if not isinstance(text, str):
        raise EvidenceError("expected the expression as text in quotes")
    source = " ".join(text.split())
    if len(source) > MAX_EXPRESSION_CHARS:
        raise EvidenceError(
            f"the expression is {len(source)} characters long; keep it to {MAX_EXPRESSION_CHARS}"
        )
    return Expression(source, _Parser(source).parse())


def source_label(expression: Expression) -> str:
    """Where the evidence comes from, for "done (from the referral)"."""
    return _SOURCE_LABELS.get(expression.root, "the record")

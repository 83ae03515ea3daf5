"""Strict, kind checking of guide and language files.

Every problem becomes one :class:`GuideProblem` naming the file, the key path
(``steps[3].stage``: list positions count from 1, so ``steps[3]`` is the third
``[[steps]]`` block), the line where it can be found and what is expected.
Checking never raises on bad input: a file that cannot be used is reported,
not crashed on.

``tomllib`` reports lines only for syntax errors, so :class:`Locator` finds the
line of a key by scanning the text: the nth ``[[steps]]`` header, then the key
inside that block.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.guide import (
    FamilyQuestion,
    Guide,
    LanguageHint,
    Phase,
    Prompt,
    Step,
)
from sdm_facilitator.domain.safe_text import first_unsafe_character, one_line
from sdm_facilitator.domain.vocabulary import CONTEXTS, MECHANISMS, MEETING_KINDS, STAGES
from sdm_facilitator.guides.check_types import KeyPath, PathSeg
from sdm_facilitator.guides.hint_checks import check_not_matching, extra_hint_fields, hint_extras
from sdm_facilitator.guides.model_checks import check_meeting_model, extra_guide_fields, wants_private_phase
from sdm_facilitator.guides.step_checks import extra_step_fields, step_extras, when_risk_field

#: Longest prompt a chair is expected to read at a glance.
MAX_PROMPT_CHARS = 90
MIN_PROMPTS, MAX_PROMPTS = 2, 5
#: Prompts for one harm in one phase: a chair reads them on top of the phase's own.
MAX_RISK_PROMPTS = 3
HINT_CATEGORIES: tuple[str, ...] = ("blaming", "stigmatising", "excluding", "jargon")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class GuideProblem:
    """One thing wrong with one file, phrased for the person who will fix it."""

    file: Path
    key: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file.name
        if self.line is not None:
            where += f":{self.line}"
        if self.key:
            return f"{where}: {self.key}: {self.message}"
        return f"{where}: {self.message}"


def format_key(path: Iterable[PathSeg]) -> str:
    """``("steps", 2, "stage")`` -> ``steps[3].stage`` (positions count from 1)."""
    out = ""
    for seg in path:
        if isinstance(seg, int):
            out += f"[{seg + 1}]"
        else:
            out += f".{seg}" if out else seg
    return out


def hidden_character_problem(value: str) -> str | None:
    """What is wrong with text holding an invisible, control or direction character, or None.

    Checked before any folding of spaces: ``str.split()`` takes U+2028, U+2029 and some
    controls for spaces, so they would vanish unreported. Only a file's own line ends are ordinary.
    """
    hidden = first_unsafe_character(value.replace("\r\n", "\n"))
    if hidden is None:
        return None
    position, code = hidden
    return (
        f"contains an invisible, control or direction character (U+{code:04X} at position "
        f"{position + 1}); remove it: it could change how the text, or the terminal, looks"
    )


class KeyedFileError(ValueError):
    """A data file read whole is wrong at one key: the file's name, the key as a path, and what is wrong.

    The key is kept as a path (not words) so the loader can find its line in the file.
    """

    def __init__(self, name: str, key: KeyPath, message: str) -> None:
        super().__init__(f"{name}: {format_key(key)}: {message}")
        self.key = key
        self.message = message


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based line index
    name: str
    is_array: bool


_HEADER_RE = re.compile(r"^\s*(\[\[|\[)\s*([^\[\]]+?)\s*(\]\]|\])\s*(?:#.*)?$")


def _outside(name: str) -> Callable[[_Header], bool]:
    """A stop rule: the first header that is not inside the table ``name``."""
    return lambda header: not header.name.startswith(name + ".")


class Locator:
    """Finds the line of a key path in TOML text by scanning headers and keys.

    The text is scanned once: the headers are indexed by name and by line, so
    each lookup is a few binary searches rather than a rescan (which made
    checking a file with thousands of problems quadratic).
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[_Header] = []
        in_multiline: str | None = None
        for index, line in enumerate(self.lines):
            if in_multiline is None:
                match = _HEADER_RE.match(line)
                if match:
                    name = ".".join(part.strip().strip("\"'") for part in match.group(2).split("."))
                    self.headers.append(_Header(index, name, match.group(1) == "[["))
                    continue
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1 and in_multiline in (None, quote):
                    in_multiline = None if in_multiline == quote else quote
        self._header_lines = [header.index for header in self.headers]
        self._by_name: dict[str, list[_Header]] = {}
        for header in self.headers:
            self._by_name.setdefault(header.name, []).append(header)
        self._lines_by_name = {name: [h.index for h in same] for name, same in self._by_name.items()}

    def _headers_named(self, name: str, lo: int, hi: int) -> list[_Header]:
        """Headers called ``name`` whose line is in ``[lo, hi)``, in file order."""
        lines = self._lines_by_name.get(name, [])
        return self._by_name.get(name, [])[bisect.bisect_left(lines, lo) : bisect.bisect_left(lines, hi)]

    def _next_header(self, after: int, stop: Callable[[_Header], bool]) -> int:
        for position in range(bisect.bisect_right(self._header_lines, after), len(self.headers)):
            if stop(self.headers[position]):
                return self.headers[position].index
        return len(self.lines)

    def _find_key(self, key: str, lo: int, hi: int) -> int | None:
        pattern = re.compile(r"^\s*(?:%s|\"%s\"|'%s')\s*=" % ((re.escape(key),) * 3))
        for index in range(lo, min(hi, len(self.lines))):
            if pattern.match(self.lines[index]):
                return index
        return None

    def line_for(self, path: KeyPath) -> int | None:
        """1-based line of ``path``, or of the nearest enclosing table; None if unknown."""
        lo = 0
        hi = self.headers[0].index if self.headers else len(self.lines)
        scope_lo, scope_hi = 0, len(self.lines)
        prefix = ""
        best: int | None = None
        i = 0
        while i < len(path):
            seg = path[i]
            if isinstance(seg, int):
                i += 1
                continue
            name = f"{prefix}.{seg}" if prefix else seg
            nxt = path[i + 1] if i + 1 < len(path) else None
            found = self._headers_named(name, scope_lo, scope_hi)
            header: _Header | None = None
            if found and nxt is None:
                return found[0].index + 1  # the key path names a whole table or array of tables
            if found and isinstance(nxt, int) and all(h.is_array for h in found):
                if nxt >= len(found):
                    break
                header = found[nxt]
                step = 2
            elif found and not isinstance(nxt, int) and not found[0].is_array:
                header = found[0]
                step = 1
            if header is None:
                key_line = self._find_key(seg, lo, hi)
                if key_line is not None:
                    return key_line + 1
                break
            best = header.index
            lo = header.index + 1
            hi = self._next_header(header.index, lambda h: True)
            scope_lo = lo
            scope_hi = self._next_header(header.index, _outside(name))
            prefix = name
            i += step
        return best + 1 if best is not None else None


# --------------------------------------------------------------------------- checking


def _describe(value: Any) -> str:
    """How a TOML value looks to a person: its kind and a short sample."""
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, int):
        return f"a whole number ({value})"
    if isinstance(value, float):
        return f"a decimal number ({value})"
    if isinstance(value, str):
        sample = one_line(value, 30)
        return f'text ("{sample}")'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


@dataclass(frozen=True)
class _Field:
    kind: str  # text | int | bool | choice | choices | texts
    required: bool = True
    expect: str = ""
    choices: tuple[str, ...] = ()
    noun: str = ""  # "stage", "mechanism": used in "unknown stage 'x'"
    low: int = 0
    high: int = 10_000


_GUIDE_FIELDS: dict[str, _Field] = {
    "id": _Field("id", expect='a short id in quotes, such as "fgc"'),
    "title": _Field("text", expect="the guide's title in quotes"),
    "version": _Field("text", expect='a version in quotes, such as "1.0"'),
    "kinds": _Field("choices", expect="a list of meeting kinds", choices=MEETING_KINDS, noun="meeting kind"),
    "summary": _Field("text", expect="a one-paragraph summary in quotes"),
    "review_after_days": _Field("int", required=False, expect="a number of days", low=1, high=730),
    "scale_question": _Field("text", required=False, expect="the 0 to 10 scale question in quotes"),
}
_STEP_FIELDS: dict[str, _Field] = {
    "id": _Field("id", expect='a stable id in quotes, such as "prep-consent"'),
    "stage": _Field("choice", expect="a stage", choices=STAGES, noun="stage"),
    "mechanisms": _Field("choices", expect="a list of mechanisms", choices=MECHANISMS, noun="mechanism"),
    "contexts": _Field("choices", expect="a list of contexts", choices=CONTEXTS, noun="context"),
    "title": _Field("text", expect="a short title in quotes"),
    "why": _Field("text", expect="one to three sentences in quotes"),
    "how": _Field("texts", required=False, expect="a list of tips in quotes"),
    "days_before": _Field("int", required=False, expect="a number of days", low=0, high=365),
    "days_after": _Field("int", required=False, expect="a number of days", low=0, high=730),
}
_PHASE_FIELDS: dict[str, _Field] = {
    "id": _Field("id", expect='a stable id in quotes, such as "introductions"'),
    "name": _Field("text", expect="the phase's name in quotes"),
    "minutes": _Field("int", expect="a number of minutes", low=1, high=480),
    "private": _Field("bool", required=False, expect="true or false"),
    "prompts": _Field("tables", expect="2 to 5 [[phases.prompts]] tables"),
}
_PROMPT_FIELDS: dict[str, _Field] = {
    "text": _Field("text", expect="the prompt in quotes"),
    "mechanism": _Field("choice", expect="a mechanism", choices=MECHANISMS, noun="mechanism"),
}
_QUESTION_FIELDS: dict[str, _Field] = {
    "text": _Field("text", expect="the question in quotes"),
    "hint": _Field("text", required=False, expect="a hint in quotes"),
}
_TOP_FIELDS: dict[str, _Field] = {
    "guide": _Field("table", expect="a [guide] table"),
    "steps": _Field("tables", expect="[[steps]] tables"),
    "phases": _Field("tables", expect="[[phases]] tables"),
    "family_questions": _Field("tables", required=False, expect="[[family_questions]] tables"),
    "follow_up_prompts": _Field("tables", required=False, expect="[[follow_up_prompts]] tables"),
    "risk_prompts": _Field("tables", required=False, expect="[[risk_prompts]] tables"),
}
_HINT_FIELDS: dict[str, _Field] = {
    "phrase": _Field("text", expect="the word or phrase in quotes"),
    "variants": _Field("texts", required=False, expect="a list of other forms in quotes"),
    "category": _Field("choice", expect="a category", choices=HINT_CATEGORIES, noun="category"),
    "alternatives": _Field("texts", expect="a list of plainer alternatives in quotes"),
    "why": _Field("text", expect="one line in quotes"),
}
_LANGUAGE_TOP_FIELDS: dict[str, _Field] = {
    "hints": _Field("tables", expect="[[hints]] tables"),
}


#: Problems reported per file; a file with more is clearly not a guide yet, and
#: listing thousands (each with its line looked up) would only bury the first.
MAX_PROBLEMS = 100

_STEP_FIELDS.update(extra_step_fields(_Field))
#: A room prompt for particular harms, added to a phase where the risk screen has one in play.
_RISK_PROMPT_FIELDS: dict[str, _Field] = {
    "phase": _Field("id", expect='the id of one of this guide\'s phases, such as "introductions"'),
    "when_risk": when_risk_field(_Field, required=True),
    **_PROMPT_FIELDS,
}
_GUIDE_FIELDS.update(extra_guide_fields(_Field))
_HINT_FIELDS["not_matching"] = _Field(
    "texts", required=False, expect="a list of longer phrases this hint must not match, in quotes"
)
_HINT_FIELDS.update(extra_hint_fields(_Field))


class Checker:
    """Collects problems for one file while reading its data."""

    def __init__(self, file: Path, text: str) -> None:
        self.file = file
        self.locator = Locator(text)
        self.problems: list[GuideProblem] = []
        #: Problems found beyond ``MAX_PROBLEMS``: counted, not described.
        self.more = 0

    def add(self, path: KeyPath, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.problems.append(GuideProblem(self.file, format_key(path), self.locator.line_for(path), message))

    def found(self) -> int:
        """How many problems were found, including those not described."""
        return len(self.problems) + self.more

    def report(self) -> list[GuideProblem]:
        """The problems described, and one closing line saying how many more there were."""
        if not self.more:
            return self.problems
        return [*self.problems, GuideProblem(self.file, "", None, f"and {self.more} more problems")]

    # -- tables ---------------------------------------------------------------

    def table(self, value: Any, path: KeyPath, fields: dict[str, _Field], what: str) -> dict[str, Any] | None:
        """Check a table's keys and the type of each value; return the good values."""
        if not isinstance(value, dict):
            self.add(path, f"expected {what}, got {_describe(value)}")
            return None
        good: dict[str, Any] = {}
        allowed = ", ".join(sorted(fields))
        for key in value:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.add(path + (key,), f"unknown key; {hint}allowed keys are {allowed}")
        for key, spec in fields.items():
            if key not in value:
                if spec.required:
                    self.add(path, f"missing required key '{key}': expected {spec.expect}")
                continue
            checked = self.value(value[key], path + (key,), spec)
            if checked is not _BAD:
                good[key] = checked
        return good

    def tables(self, value: Any, path: KeyPath, what: str) -> list[Any]:
        """An array of tables; anything else is reported and treated as empty."""
        if not isinstance(value, list):
            self.add(path, f"expected {what}, got {_describe(value)}")
            return []
        return value

    # -- values ---------------------------------------------------------------

    def value(self, value: Any, path: KeyPath, spec: _Field) -> Any:
        kind = spec.kind
        if kind in ("text", "id"):
            if not isinstance(value, str):
                self.add(path, f"expected {spec.expect}, got {_describe(value)}")
                return _BAD
            # Authors wrap long text over several lines; a reader wants one paragraph.
            text = " ".join(value.split())
            if not text:
                self.add(path, "must not be empty")
                return _BAD
            hidden = hidden_character_problem(value)
            if hidden is not None:
                self.add(path, hidden)
                return _BAD
            if kind == "id" and not _ID_RE.match(text):
                self.add(
                    path,
                    f"'{text}' is not a usable id; use lowercase letters, digits and "
                    "single hyphens, such as 'prep-consent'",
                )
                return _BAD
            return text
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.add(path, f"expected a whole number, got {_describe(value)}")
                return _BAD
            if not spec.low <= value <= spec.high:
                self.add(path, f"expected a whole number from {spec.low} to {spec.high}, got {value}")
                return _BAD
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self.add(path, f"expected true or false, got {_describe(value)}")
                return _BAD
            return value
        if kind == "choice":
            if not isinstance(value, str):
                self.add(
                    path,
                    f"expected {spec.noun} in quotes, one of {', '.join(spec.choices)}; "
                    f"got {_describe(value)}",
                )
                return _BAD
            if value not in spec.choices:
                self.add(
                    path,
                    f"unknown {spec.noun} '{one_line(value, 40)}'; expected one of {', '.join(spec.choices)}",
                )
                return _BAD
            return value
        if kind in ("choices", "texts"):
            if not isinstance(value, list):
                example = f'["{spec.choices[0]}"]' if kind == "choices" else '["first", "second"]'
                self.add(
                    path,
                    f"expected {spec.expect} in square brackets, such as {example}; got {_describe(value)}",
                )
                return _BAD
            if not value and (kind == "choices" or spec.required):
                what = f"one {spec.noun}" if kind == "choices" else "one item"
                self.add(path, f"must list at least {what}")
                return _BAD
            items: list[str] = []
            ok = True
            for index, item in enumerate(value):
                item_spec = (
                    _Field("choice", expect=spec.expect, choices=spec.choices, noun=spec.noun)
                    if kind == "choices"
                    else _Field("text", expect="text in quotes")
                )
                checked = self.value(item, path + (index,), item_spec)
                if checked is _BAD:
                    ok = False
                    continue
                if kind == "choices" and checked in items:
                    self.add(path + (index,), f"'{checked}' is listed twice")
                    ok = False
                    continue
                items.append(checked)
            return tuple(items) if ok else _BAD
        if kind == "table":
            return value  # checked by the caller
        if kind == "tables":
            return value
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


class _Bad:
    """Marker for a value that was reported and must not be used."""

    def __repr__(self) -> str:  # pragma: no cover
        return "<bad>"


_BAD: Any = _Bad()


# --------------------------------------------------------------------------- guides


def _prompt(checker: Checker, raw: Any, path: KeyPath) -> Prompt | None:
    data = checker.table(raw, path, _PROMPT_FIELDS, "a prompt table with text and mechanism")
    if data is None or len(data) < len(_PROMPT_FIELDS):
        return None
    text = data["text"]
    if len(text) > MAX_PROMPT_CHARS:
        checker.add(
            path + ("text",),
            f"prompt is {len(text)} characters long; keep it to {MAX_PROMPT_CHARS} or fewer "
            "so a chair can read it at a glance",
        )
        return None
    return Prompt(text=text, mechanism=data["mechanism"])


def _risk_prompts(checker: Checker, top: dict[str, Any]) -> dict[str, list[Prompt]]:
    """``[[risk_prompts]]``: each for a phase of this guide, a few per harm and phase."""
    phase_ids = [raw.get("id") for raw in top.get("phases") or [] if isinstance(raw, dict)]
    found: dict[str, list[Prompt]] = {}
    per_kind: dict[tuple[str, str], int] = {}
    raw_prompts = checker.tables(top.get("risk_prompts", []), ("risk_prompts",), "[[risk_prompts]] tables")
    for index, raw in enumerate(raw_prompts):
        path: KeyPath = ("risk_prompts", index)
        before = checker.found()
        data = checker.table(raw, path, _RISK_PROMPT_FIELDS, "a [[risk_prompts]] table")
        if data is None or checker.found() > before:
            continue
        phase = data["phase"]
        if phase not in phase_ids:
            known = ", ".join(str(p) for p in phase_ids if isinstance(p, str)) or "none"
            checker.add(path + ("phase",), f"unknown phase '{phase}'; this guide's phases are {known}")
            continue
        text = data["text"]
        if len(text) > MAX_PROMPT_CHARS:
            checker.add(
                path + ("text",),
                f"prompt is {len(text)} characters long; keep it to {MAX_PROMPT_CHARS} or fewer "
                "so a chair can read it at a glance",
            )
            continue
        for kind in data["when_risk"]:
            per_kind[(phase, kind)] = per_kind.get((phase, kind), 0) + 1
            if per_kind[(phase, kind)] == MAX_RISK_PROMPTS + 1:
                checker.add(
                    path,
                    f"more than {MAX_RISK_PROMPTS} prompts for '{kind}' in phase '{phase}'; "
                    "a chair reads them on top of the phase's own, so keep the few that matter most",
                )
        found.setdefault(phase, []).append(
            Prompt(text=text, mechanism=data["mechanism"], when_risk=data["when_risk"])
        )
    return found


def _note_unique_id(checker: Checker, what: str, value: Any, path: KeyPath, seen: dict[str, KeyPath]) -> None:
    """Meetings refer to steps and phases by id, so an id may appear only once in a guide."""
    if not isinstance(value, str):
        return  # a missing or mistyped id has its own message
    if value in seen:
        checker.add(
            path + ("id",), f"duplicate {what} id '{value}'; it is already used by {format_key(seen[value])}"
        )
    else:
        seen[value] = path


def _step(checker: Checker, raw: Any, path: KeyPath, seen: dict[str, KeyPath]) -> Step | None:
    before = checker.found()
    data = checker.table(raw, path, _STEP_FIELDS, "a [[steps]] table")
    if data is None:
        return None
    _note_unique_id(checker, "step", data.get("id"), path, seen)
    stage = data.get("stage")
    if stage is not None:
        if "days_before" in data and stage != "preparation":
            checker.add(
                path + ("days_before",),
                f"days_before is only for preparation steps; this step's stage is '{stage}'",
            )
        if "days_after" in data and stage != "follow_up":
            checker.add(
                path + ("days_after",),
                f"days_after is only for follow_up steps; this step's stage is '{stage}'",
            )
    extras = step_extras(checker, data, path)
    if checker.found() > before:
        return None
    return Step(
        id=data["id"],
        stage=data["stage"],
        mechanisms=data["mechanisms"],
        contexts=data["contexts"],
        title=data["title"],
        why=data["why"],
        how=data.get("how", ()),
        days_before=data.get("days_before"),
        days_after=data.get("days_after"),
        **extras,
    )


def _phase(checker: Checker, raw: Any, path: KeyPath, seen: dict[str, KeyPath]) -> Phase | None:
    before = checker.found()
    data = checker.table(raw, path, _PHASE_FIELDS, "a [[phases]] table")
    if data is None:
        return None
    _note_unique_id(checker, "phase", data.get("id"), path, seen)
    prompts: list[Prompt] = []
    if "prompts" in data:
        raw_prompts = checker.tables(data["prompts"], path + ("prompts",), "[[phases.prompts]] tables")
        for index, raw_prompt in enumerate(raw_prompts):
            prompt = _prompt(checker, raw_prompt, path + ("prompts", index))
            if prompt is not None:
                prompts.append(prompt)
        if isinstance(data["prompts"], list) and not (MIN_PROMPTS <= len(raw_prompts) <= MAX_PROMPTS):
            checker.add(
                path + ("prompts",),
                f"a phase needs {MIN_PROMPTS} to {MAX_PROMPTS} prompts; found {len(raw_prompts)}",
            )
    if checker.found() > before:
        return None
    return Phase(
        id=data["id"],
        name=data["name"],
        minutes=data["minutes"],
        prompts=tuple(prompts),
        private=data.get("private", False),
    )


def parse_guide(
    data: Any, file: Path, text: str, *, bundled: bool
) -> tuple[Guide | None, list[GuideProblem]]:
    """Turn parsed TOML into a :class:`Guide`, or report every problem found."""
    checker = Checker(file, text)
    top = checker.table(data, (), _TOP_FIELDS, "a guide")
    if top is None:  # pragma: no cover - tomllib always gives a table
        return None, checker.report()

    head = None
    if "guide" in top:
        head = checker.table(top["guide"], ("guide",), _GUIDE_FIELDS, "a [guide] table")

    steps: list[Step] = []
    if "steps" in top:
        raw_steps = checker.tables(top["steps"], ("steps",), "[[steps]] tables")
        seen: dict[str, KeyPath] = {}
        for index, raw in enumerate(raw_steps):
            step = _step(checker, raw, ("steps", index), seen)
            if step is not None:
                steps.append(step)
        if isinstance(top["steps"], list) and not raw_steps:
            checker.add(("steps",), "a guide needs at least one [[steps]] table")

    phases: list[Phase] = []
    if "phases" in top:
        raw_phases = checker.tables(top["phases"], ("phases",), "[[phases]] tables")
        seen_phases: dict[str, KeyPath] = {}
        private_seen = 0
        for index, raw in enumerate(raw_phases):
            phase = _phase(checker, raw, ("phases", index), seen_phases)
            if phase is not None:
                phases.append(phase)
            if isinstance(raw, dict) and raw.get("private") is True:
                private_seen += 1
                if private_seen == 2:
                    checker.add(
                        ("phases", index, "private"),
                        "only one phase can be private family time (private = true)",
                    )
        if isinstance(top["phases"], list) and raw_phases and private_seen == 0 and wants_private_phase(head):
            checker.add(
                ("phases",),
                "one phase must be private family time: add private = true to it",
            )
        if isinstance(top["phases"], list) and not raw_phases:
            checker.add(("phases",), "a guide needs at least one [[phases]] table")

    check_meeting_model(checker, head, top)
    risk_prompts = _risk_prompts(checker, top)
    phases = [dataclasses.replace(p, risk_prompts=tuple(risk_prompts.get(p.id, ()))) for p in phases]

    questions: list[FamilyQuestion] = []
    for index, raw in enumerate(
        checker.tables(top.get("family_questions", []), ("family_questions",), "[[family_questions]] tables")
    ):
        question = checker.table(
            raw, ("family_questions", index), _QUESTION_FIELDS, "a [[family_questions]] table"
        )
        if question is not None and "text" in question:
            questions.append(FamilyQuestion(text=question["text"], hint=question.get("hint", "")))

    follow_ups: list[Prompt] = []
    for index, raw in enumerate(
        checker.tables(
            top.get("follow_up_prompts", []), ("follow_up_prompts",), "[[follow_up_prompts]] tables"
        )
    ):
        prompt = _prompt(checker, raw, ("follow_up_prompts", index))
        if prompt is not None:
            follow_ups.append(prompt)

    if checker.found() or head is None:
        return None, checker.report()
    guide = Guide(
        id=head["id"],
        title=head["title"],
        version=head["version"],
        kinds=head["kinds"],
        summary=head["summary"],
        steps=tuple(steps),
        phases=tuple(phases),
        family_questions=tuple(questions),
        follow_up_prompts=tuple(follow_ups),
        review_after_days=head.get("review_after_days", 90),
        private_family_time=wants_private_phase(head),
        facilitator_note=head.get("facilitator_note", ""),
        vocabularies=head.get("vocabularies", ()),
        scale_question=head.get("scale_question", ""),
        source=file,
        bundled=bundled,
    )
    return guide, []


# --------------------------------------------------------------------------- language


def phrase_key(phrase: str) -> str:
    """How phrases are compared: case, hyphens and runs of spaces do not matter."""
    return " ".join(re.split(r"[\s\-]+", phrase.strip().lower()))


def parse_language(data: Any, file: Path, text: str) -> tuple[tuple[LanguageHint, ...], list[GuideProblem]]:
    """Turn parsed TOML into language hints; hints with problems are left out."""
    checker = Checker(file, text)
    top = checker.table(data, (), _LANGUAGE_TOP_FIELDS, "a language file")
    hints: list[LanguageHint] = []
    if not top or "hints" not in top:
        return (), checker.report()
    seen: dict[str, KeyPath] = {}
    for index, raw in enumerate(checker.tables(top["hints"], ("hints",), "[[hints]] tables")):
        path: KeyPath = ("hints", index)
        before = checker.found()
        hint = checker.table(raw, path, _HINT_FIELDS, "a [[hints]] table")
        extras: dict[str, Any] = {}
        if hint is not None and checker.found() == before:
            check_not_matching(checker, hint, path)
            extras = hint_extras(checker, hint, path)
        if hint is None or checker.found() > before:
            continue
        forms = [("phrase", hint["phrase"])] + [
            (index_, v) for index_, v in enumerate(hint.get("variants", ()))
        ]
        clash = False
        for where, form in forms:
            key = phrase_key(form)
            if key in seen:
                at: KeyPath = path + (("phrase",) if where == "phrase" else ("variants", where))
                checker.add(at, f"'{form}' is already listed at {format_key(seen[key])}")
                clash = True
        if clash:
            continue
        for _, form in forms:
            seen[phrase_key(form)] = path
        hints.append(
            LanguageHint(
                phrase=hint["phrase"],
                alternatives=hint["alternatives"],
                why=hint["why"],
                category=hint["category"],
                variants=hint.get("variants", ()),
                not_matching=hint.get("not_matching", ()),
                **extras,
            )
        )
    return tuple(hints), checker.report()

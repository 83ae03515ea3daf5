"""Reading and checking ``plan-checks.toml``: the words the plan safety check looks for.

The bundled file must give every list (``WORD_LISTS``); an organisation's own
``plan-checks.toml`` (in the user guides folder) may give only some, and each
list it gives replaces the bundled list of the same name. Problems are
reported like any guide problem: file, line, key and what was expected. A
list with a problem is not used (the bundled one stays), so a typing mistake
never switches a check off without a word.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.plan_check_words import WORD_LISTS, PlanCheckWords
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import Checker, GuideProblem, _Field, phrase_key

#: The file holding the plan safety check's words; it is not a guide.
PLAN_CHECKS_FILE = "plan-checks.toml"

_TABLE_FIELDS: dict[str, dict[str, _Field]] = {
    table: {name: _Field("texts", required=True, expect=f"a list of {what}") for name, what in lists.items()}
    for table, lists in WORD_LISTS.items()
}


def _top_fields(required: bool) -> dict[str, _Field]:
    fields = {table: _Field("table", required=required, expect=f"a [{table}] table") for table in WORD_LISTS}
    fields["relationships"] = _Field(
        "table", required=required, expect='a [relationships] table of name = ["word", ...] lists'
    )
    return fields


def parse_plan_checks(
    data: Any, file: Path, text: str, *, complete: bool
) -> tuple[dict[str, Any], list[GuideProblem]]:
    """The good lists in a plan-checks file (by field name of ``PlanCheckWords``), and every problem.

    ``complete`` (the bundled file) requires every table and list; an
    organisation's file may leave any out.
    """
    checker = Checker(file, text)
    found: dict[str, Any] = {}
    top = checker.table(data, (), _top_fields(complete), "a plan checks file")
    if top is None:  # pragma: no cover - tomllib always gives a table
        return found, checker.report()
    for table, lists in WORD_LISTS.items():
        if table not in top:
            continue
        fields = {name: replace(spec, required=complete) for name, spec in _TABLE_FIELDS[table].items()}
        good = checker.table(top[table], (table,), fields, f"a [{table}] table")
        for name in lists:
            if good is not None and name in good:
                if not good[name]:
                    checker.add((table, name), "must list at least one item")
                    continue
                phrases = _unique(checker, good[name], (table, name))
                if phrases is not None:
                    found[name] = phrases
    if "relationships" in top:
        groups = _relationships(checker, top["relationships"], ("relationships",))
        if groups is not None:
            found["relationships"] = groups
    return found, checker.report()


def _unique(checker: Checker, phrases: tuple[str, ...], path: KeyPath) -> tuple[str, ...] | None:
    """The phrases, or None (reported) when one is listed twice."""
    seen: set[str] = set()
    ok = True
    for index, phrase in enumerate(phrases):
        key = phrase_key(phrase)
        if key in seen:
            checker.add(path + (index,), f"'{phrase}' is listed twice")
            ok = False
        seen.add(key)
    return phrases if ok else None


def _relationships(checker: Checker, raw: Any, path: KeyPath) -> tuple[tuple[str, ...], ...] | None:
    if not isinstance(raw, dict):
        checker.add(path, 'expected a [relationships] table of name = ["word", ...] lists')
        return None
    before = checker.found()
    groups: list[tuple[str, ...]] = []
    owner: dict[str, str] = {}
    spec = _Field("texts", expect="a list of words for one relationship")
    for name, value in raw.items():
        words = checker.value(value, path + (name,), spec)
        if not isinstance(words, tuple):
            continue
        if not words:
            checker.add(path + (name,), "must list at least one word")
            continue
        for index, word in enumerate(words):
            key = phrase_key(word)
            if key in owner:
                checker.add(path + (name, index), f"'{word}' is already listed under '{owner[key]}'")
            owner.setdefault(key, name)
        groups.append(words)
    return tuple(groups) if checker.found() == before else None


def words_from(found: dict[str, Any], base: PlanCheckWords | None = None) -> PlanCheckWords:
    """``base`` (or nothing) with each list in ``found`` put in place of its own."""
    return replace(base or PlanCheckWords(), **found)

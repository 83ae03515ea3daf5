"""Reading and checking ``child-plan-wording.toml``: the sentences of a child's own plan.

Every band must be there with every pattern, no other key is allowed, a
pattern may use only the names in braces its key allows, and the
jurisdiction named must have helplines. Problems are reported like any guide
problem: file, line, key and what was expected, so a misspelt key or
``{nmae}`` is named instead of reaching a child's paper. The bundled file
always exists; an organisation may put its own in its guides folder, which
replaces the bundled one whole (as ``conference-wording.toml`` does); a user
file with problems is not used, the bundled words are. The loader reads the
file (``guides.loader.load_child_plan_wording``, ``load_library``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdm_facilitator.domain.child_plan_wording import (
    BAND_PATTERNS,
    BANDS,
    OPTIONAL_PATTERNS,
    BandWording,
    ChildPlanWording,
    placeholders,
)
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import Checker, GuideProblem, _Field

#: The file holding a child's plan's words; it is not a guide.
CHILD_PLAN_WORDING_FILE = "child-plan-wording.toml"

_TOP_FIELDS: dict[str, _Field] = {
    "jurisdiction": _Field("id", expect='the id of one of the [helplines] lists, such as "uk"'),
    "helplines": _Field("table", expect="a [helplines] table: one list of lines per jurisdiction"),
    "family_words": _Field("table", expect='a [family_words] table, such as mum = "Mum"'),
    "bands": _Field("table", expect="a [bands.under-8], [bands.8-12] and [bands.13-plus] table"),
}
_BAND_FIELDS: dict[str, _Field] = {
    "mum_and_dad": _Field("bool", expect="true or false"),
    **{key: _Field("text", expect="a sentence pattern in quotes") for key in BAND_PATTERNS},
    **{key: _Field("text", required=False, expect="a heading in quotes") for key in OPTIONAL_PATTERNS},
}
_ALLOWED_NAMES = {**BAND_PATTERNS, **OPTIONAL_PATTERNS}


def _check_names(checker: Checker, path: KeyPath, key: str, pattern: str) -> None:
    """Each ``{name}`` in a pattern must be one its key allows; a stray brace is named too."""
    allowed = _ALLOWED_NAMES[key]
    for name in placeholders(pattern):
        if name not in allowed:
            offer = ", ".join(f"{{{n}}}" for n in allowed) or "none"
            checker.add(path, f"unknown name {{{name}}} in the pattern; this key may use: {offer}")
    bare = pattern
    for name in placeholders(pattern):
        bare = bare.replace(f"{{{name}}}", "", 1)
    if "{" in bare or "}" in bare:
        checker.add(path, "a brace that does not enclose a name; write names as {name}")


def _helplines(checker: Checker, value: Any) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    if not isinstance(value, dict):
        return found
    spec = _Field("texts", expect="a list of helplines in quotes, one line each")
    for jurisdiction, lines in value.items():
        checked = checker.value(lines, ("helplines", jurisdiction), spec)
        if isinstance(checked, tuple):
            found[jurisdiction] = checked
    return found


def _family_words(checker: Checker, value: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    if not isinstance(value, dict):
        return found
    spec = _Field("text", expect="what a young child calls them, in quotes")
    for word, called in value.items():
        checked = checker.value(called, ("family_words", word), spec)
        if isinstance(checked, str):
            found[word.casefold()] = checked
    return found


def _band(checker: Checker, value: Any, band: str) -> BandWording | None:
    # One segment: the file's header is [bands.<band>], and the line finder looks headers up whole.
    path: KeyPath = (f"bands.{band}",)
    found = checker.table(value, path, _BAND_FIELDS, f"a [bands.{band}] table")
    if found is None:
        return None
    patterns: dict[str, str] = {}
    for key in _ALLOWED_NAMES:
        if isinstance(found.get(key), str):
            _check_names(checker, (*path, key), key, found[key])
            patterns[key] = found[key]
    return BandWording(patterns, bool(found.get("mum_and_dad", False)))


def parse_child_plan_wording(
    data: Any, file: Path, text: str
) -> tuple[ChildPlanWording | None, list[GuideProblem]]:
    """The wording in ``data``, or None and every problem found."""
    checker = Checker(file, text)
    top = checker.table(data, (), _TOP_FIELDS, "a child plan wording file") or {}
    helplines = _helplines(checker, top.get("helplines"))
    family_words = _family_words(checker, top.get("family_words"))
    jurisdiction = top.get("jurisdiction")
    if isinstance(jurisdiction, str) and "helplines" in top and jurisdiction not in helplines:
        known = ", ".join(helplines) or "none"
        checker.add(("jurisdiction",), f"no [helplines] list for '{jurisdiction}'; lists: {known}")
    bands: dict[str, BandWording] = {}
    raw_bands = top.get("bands")
    if isinstance(raw_bands, dict):
        for band in raw_bands:
            if band not in BANDS:
                checker.add((f"bands.{band}",), f"unknown age band; the bands are {', '.join(BANDS)}")
        for band in BANDS:
            if band not in raw_bands:
                checker.add(("bands",), f"missing required band '{band}': expected a [bands.{band}] table")
                continue
            wording = _band(checker, raw_bands[band], band)
            if wording is not None:
                bands[band] = wording
    problems = checker.report()
    if problems or not isinstance(jurisdiction, str):
        return None, problems
    return ChildPlanWording(bands, helplines, jurisdiction, family_words), []

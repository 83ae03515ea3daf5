"""Reading and checking jurisdiction profiles (``jurisdictions/*.toml`` beside the guides).

The app ships England, Wales and the United States; an organisation may add
its own profile, or replace a bundled one, by putting ``<id>.toml`` in
``jurisdictions/`` in its guides folder. Problems are reported like any
guide problem: file, line, key and what was expected. A profile with
problems is not used, and nothing of another profile is put in its place:
the guides then say, at each reference, that the profile does not say it.

Each file::

    [profile]
    id = "wales"                 # the file's name without .toml
    title = "Wales"
    vocabulary = "us-fgdm"       # optional: a terms.toml vocabulary its guides use
    helplines_key = "uk"         # the helplines data other papers use

    [law]                        # what guides name as {law.key}; "" = does not apply here
    [helplines]                  # {helpline.key}: child, emergency
    [timescales]                 # core_group_working_days, first_review_months, review_interval_months
    [legal_stages]               # early_help, child_in_need, ... -> this jurisdiction's name
    [harm_categories]            # code -> words, for a conference's categories
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sdm_facilitator.domain.jurisdiction import JurisdictionProfile, Timescales
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES
from sdm_facilitator.domain.safe_text import first_unsafe_character
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import Checker, GuideProblem, _Field

#: The folder inside a guides folder holding the profiles.
JURISDICTIONS_DIR = "jurisdictions"
#: Profiles read from one folder: a handful of jurisdictions, not a library.
MAX_PROFILES = 50
_KEY = re.compile(r"^[a-z0-9_]+$")

_TOP_FIELDS: dict[str, _Field] = {
    "profile": _Field("table", expect="a [profile] table with id and title"),
    "law": _Field("table", required=False, expect='a [law] table of key = "words" pairs'),
    "helplines": _Field("table", required=False, expect='a [helplines] table of key = "words" pairs'),
    "timescales": _Field("table", required=False, expect="a [timescales] table of numbers"),
    "legal_stages": _Field("table", required=False, expect='a [legal_stages] table of code = "name" pairs'),
    "harm_categories": _Field(
        "table", required=False, expect='a [harm_categories] table of code = "words" pairs'
    ),
}
_PROFILE_FIELDS: dict[str, _Field] = {
    "id": _Field("id", expect='the profile\'s id in quotes, such as "wales"'),
    "title": _Field("text", expect='the jurisdiction\'s name in quotes, such as "Wales"'),
    "vocabulary": _Field("text", required=False, expect='a vocabulary id from terms.toml, or ""'),
    "helplines_key": _Field("id", required=False, expect='the helplines data key, such as "uk"'),
}
_TIMESCALE_FIELDS: dict[str, _Field] = {
    "core_group_working_days": _Field("int", expect="a number of working days", low=1, high=60),
    "first_review_months": _Field("int", expect="a number of months", low=1, high=12),
    "review_interval_months": _Field("int", expect="a number of months", low=1, high=12),
}
#: The longest piece of law one reference may put into a guide line.
MAX_PIECE_CHARS = 800


def _pieces(checker: Checker, raw: Any, path: KeyPath, allowed: tuple[str, ...] = ()) -> dict[str, str]:
    """A table of ``key = "words"``: keys lowercase with underscores (or from ``allowed``), words one line."""
    if not isinstance(raw, dict):
        return {}
    found: dict[str, str] = {}
    for key, value in raw.items():
        where = path + (key,)
        if allowed and key not in allowed:
            checker.add(where, f"unknown code; expected one of {', '.join(allowed)}")
            continue
        if not _KEY.match(key):
            checker.add(where, "a key is lowercase letters, digits and underscores, such as legal_advice")
            continue
        if not isinstance(value, str):
            checker.add(where, 'expected words in quotes (or "" where this does not apply here)')
            continue
        if first_unsafe_character(value.replace("\r\n", "\n")) is not None:
            checker.add(where, "contains an invisible, control or direction character; remove it")
            continue
        if len(value) > MAX_PIECE_CHARS:
            checker.add(
                where, f"is longer than {MAX_PIECE_CHARS} characters; a guide line is a sentence or two"
            )
            continue
        if "{" in value or "}" in value:
            checker.add(where, "must not hold { or }: a profile's words are put into guides as they are")
            continue
        found[key] = " ".join(value.split())
    return found


def parse_profile(data: Any, file: Path, text: str) -> tuple[JurisdictionProfile | None, list[GuideProblem]]:
    """The profile in ``data``, or None and every problem found."""
    checker = Checker(file, text)
    top = checker.table(data, (), _TOP_FIELDS, "a jurisdiction profile")
    if top is None or "profile" not in top:
        return None, checker.report()
    head = checker.table(top["profile"], ("profile",), _PROFILE_FIELDS, "a [profile] table")
    if head is not None and "id" in head and head["id"] != file.stem:
        checker.add(("profile", "id"), f"the id must be the file's name, '{file.stem}'")
    timescales = None
    if "timescales" in top:
        found = checker.table(top["timescales"], ("timescales",), _TIMESCALE_FIELDS, "a [timescales] table")
        if found is not None and len(found) == len(_TIMESCALE_FIELDS):
            timescales = Timescales(**found)
    profile = JurisdictionProfile(
        id=(head or {}).get("id", ""),
        title=(head or {}).get("title", ""),
        vocabulary=(head or {}).get("vocabulary", ""),
        helplines_key=(head or {}).get("helplines_key", ""),
        law=_pieces(checker, top.get("law"), ("law",)),
        helplines=_pieces(checker, top.get("helplines"), ("helplines",)),
        legal_stages=_pieces(checker, top.get("legal_stages"), ("legal_stages",), LEGAL_STAGE_CHOICES),
        harm_categories=_pieces(checker, top.get("harm_categories"), ("harm_categories",)),
        timescales=timescales,
    )
    problems = checker.report()
    return (None, problems) if problems else (profile, [])


def profile_files(folder: Path) -> list[Path]:
    """The profile files in a ``jurisdictions`` folder, in name order, within the cap."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.is_dir())[:MAX_PROFILES]

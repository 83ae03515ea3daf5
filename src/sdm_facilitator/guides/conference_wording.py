"""Reading and checking ``conference-wording.toml``: the words of the parents' decision letter.

The bundled file always exists; an organisation may put its own in its guides
folder, which replaces the bundled one whole. Every decision, alternative and
category the model knows must have its sentence (a category only some profiles name,
such as Wales's financial abuse, may have one), and no other key is allowed,
so a misspelt key is named rather than silently left out of a letter.
Problems are reported like any guide problem: file, line, key and what was
expected. A user file with problems is not used; the bundled words are.
The loader reads the file (``guides.loader.load_conference_wording``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdm_facilitator.domain.conference_wording import (
    OPTIONAL_WORDING_KEYS,
    WORDING_TABLES,
    ConferenceWording,
)
from sdm_facilitator.guides.validate import Checker, GuideProblem, _Field

#: The file holding the letter's words; it is not a guide.
CONFERENCE_WORDING_FILE = "conference-wording.toml"

_SENTENCE = _Field("text", expect="a plain sentence or two in quotes")
_MAY_HAVE_SENTENCE = _Field("text", required=False, expect="a plain sentence or two in quotes")
_TOP_FIELDS: dict[str, _Field] = {
    name: _Field("table", expect=f"a [{name}] table of sentences") for name in WORDING_TABLES
}


def parse_conference_wording(
    data: Any, file: Path, text: str
) -> tuple[ConferenceWording | None, list[GuideProblem]]:
    """The wording in ``data``, or None and every problem found."""
    checker = Checker(file, text)
    top = checker.table(data, (), _TOP_FIELDS, "a conference wording file")
    tables: dict[str, dict[str, str]] = {}
    for name, keys in WORDING_TABLES.items():
        if top is None or name not in top:
            continue
        optional = OPTIONAL_WORDING_KEYS.get(name, ())
        fields = dict.fromkeys(keys, _SENTENCE) | dict.fromkeys(optional, _MAY_HAVE_SENTENCE)
        found = checker.table(top[name], (name,), fields, f"a [{name}] table")
        if found is not None:
            tables[name] = {key: str(found[key]) for key in (*keys, *optional) if key in found}
    problems = checker.report()
    if problems:
        return None, problems
    return ConferenceWording(**tables), []

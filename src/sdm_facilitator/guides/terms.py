"""Reading and checking ``terms.toml``: the vocabularies an organisation may choose.

The bundled ``terms.toml`` defines vocabularies; an organisation's own
``terms.toml`` (in the user guides folder) may add more and chooses one with
``use = "id"``. A guide lists the vocabularies that suit it
(``vocabularies = ["us-fgdm"]`` in ``[guide]``); the chosen one is applied to
those guides only. Problems are reported like any guide problem: file, line,
key and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.terminology import Vocabulary
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import Checker, GuideProblem, Locator, _Field, format_key
from sdm_facilitator.storage.files import read_small_file

#: The file holding vocabularies; it is not a guide.
TERMS_FILE = "terms.toml"
# The loader's limit for a guide file (not imported: the loader imports this module).
_MAX_GUIDE_BYTES = 1_000_000

_TOP_FIELDS: dict[str, _Field] = {
    "use": _Field("id", required=False, expect='the id of the vocabulary to use, such as "us-fgdm"'),
    "vocabularies": _Field("tables", required=False, expect="[[vocabularies]] tables"),
}
_VOCABULARY_FIELDS: dict[str, _Field] = {
    "id": _Field("id", expect='a short id in quotes, such as "us-fgdm"'),
    "title": _Field("text", expect="a title in quotes"),
    "terms": _Field("table", expect='a [vocabularies.terms] table of "term" = "word" pairs'),
}


def parse_terms(data: Any, file: Path, text: str) -> tuple[list[Vocabulary], str, list[GuideProblem]]:
    """Vocabularies defined in a terms file, the one it chooses (or ""), and problems."""
    checker = Checker(file, text)
    top = checker.table(data, (), _TOP_FIELDS, "a terms file")
    vocabularies: list[Vocabulary] = []
    if top is None:  # pragma: no cover - tomllib always gives a table
        return vocabularies, "", checker.report()
    seen: dict[str, KeyPath] = {}
    for index, raw in enumerate(
        checker.tables(top.get("vocabularies", []), ("vocabularies",), "[[vocabularies]] tables")
    ):
        path: KeyPath = ("vocabularies", index)
        before = checker.found()
        head = checker.table(raw, path, _VOCABULARY_FIELDS, "a [[vocabularies]] table")
        if head is None or checker.found() > before:
            continue
        terms = _terms(checker, head["terms"], path + ("terms",))
        if head["id"] in seen:
            checker.add(
                path + ("id",),
                f"vocabulary id '{head['id']}' is already used by {format_key(seen[head['id']])}",
            )
            continue
        seen[head["id"]] = path
        if checker.found() == before:
            vocabularies.append(Vocabulary(head["id"], head["title"], terms))
    return vocabularies, top.get("use", ""), checker.report()


def _terms(checker: Checker, raw: Any, path: KeyPath) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        checker.add(path, 'expected a [vocabularies.terms] table of "term" = "word" pairs')
        return ()
    if not raw:
        checker.add(path, "must list at least one term")
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for term, word in raw.items():
        key = " ".join(term.lower().split())
        if not key:
            checker.add(path + (term,), "a term must not be empty")
            continue
        if not isinstance(word, str) or not word.strip():
            checker.add(path + (term,), f"expected the organisation's word for '{term}' in quotes")
            continue
        if key in seen:
            checker.add(path + (term,), f"'{term}' is listed twice")
            continue
        seen.add(key)
        pairs.append((" ".join(term.split()), " ".join(word.split())))
    return tuple(pairs)


def use_problem(file: Path, text: str, chosen: str, known: dict[str, Vocabulary]) -> GuideProblem | None:
    """A ``use`` naming a vocabulary nobody defined."""
    if not chosen or chosen in known:
        return None
    names = ", ".join(sorted(known)) or "none"
    return GuideProblem(
        file,
        "use",
        Locator(text).line_for(("use",)),
        f"unknown vocabulary '{chosen}'; known vocabularies: {names}",
    )


def guide_vocabulary_problems(guide: Guide, known: dict[str, Vocabulary]) -> list[GuideProblem]:
    """A guide listing a vocabulary that no terms file defines."""
    problems: list[GuideProblem] = []
    if all(name in known for name in guide.vocabularies):
        return problems
    try:
        # Read again only to find line numbers, pipe-safe like the first read (a pipe swapped in
        # since would otherwise hang here).
        raw = read_small_file(guide.source, _MAX_GUIDE_BYTES) if guide.source else b""
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):  # the file changed since it was read: no line to give
        text = ""
    locator = Locator(text)
    for index, name in enumerate(guide.vocabularies):
        if name not in known:
            path: KeyPath = ("guide", "vocabularies", index)
            names = ", ".join(sorted(known)) or "none"
            problems.append(
                GuideProblem(
                    guide.source or Path("?"),
                    format_key(path),
                    locator.line_for(path),
                    f"unknown vocabulary '{name}'; known vocabularies: {names}",
                )
            )
    return problems

"""Warnings the risk screen shows beside a kind of harm: practice knowledge kept as data, not code.

The bundled text lives in ``guides/risk-warnings.toml`` beside the guides, so it
can be reworded without touching Python. An organisation's own
``risk-warnings.toml`` in its guides folder gives its warnings kind by kind and
status by status: where it gives one (its own helplines and procedures, another
country's numbers) the bundled one gives way, and everywhere it does not, the
bundled warning stays, so a file about one harm, or about one status of it,
never silences a warning for another. The file is checked when it is read:
a mistake names the file, the line, the key and the problem, and a warning is
never shown half-read (a file with a problem is not used at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sdm_facilitator.domain.risk_warning import RiskWarning as RiskWarning
from sdm_facilitator.domain.risks import RISK_KINDS, RISK_STATUS_CHOICES
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import KeyedFileError, hidden_character_problem

#: The file holding the risk screen's warnings; it is not a guide.
RISK_WARNINGS_FILE = "risk-warnings.toml"
_KEYS = ("kind", "statuses", "text", "title")


class RiskWarningsError(KeyedFileError):
    """The warnings file is wrong: the file, the key and what is wrong."""


def _warning(table: Any, name: str, index: int) -> RiskWarning:
    where: KeyPath = ("warnings", index)
    if not isinstance(table, dict):
        raise RiskWarningsError(name, where, "expected a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise RiskWarningsError(
            name, (*where, unknown[0]), f"unknown key; allowed keys are {', '.join(_KEYS)}"
        )
    kind = table.get("kind")
    if kind not in RISK_KINDS:
        raise RiskWarningsError(
            name, (*where, "kind"), f"unknown risk kind {kind!r}; expected one of {', '.join(RISK_KINDS)}"
        )
    statuses = table.get("statuses")
    if not isinstance(statuses, list) or not statuses or any(s not in RISK_STATUS_CHOICES for s in statuses):
        raise RiskWarningsError(
            name, (*where, "statuses"), f"expected a list of statuses from {', '.join(RISK_STATUS_CHOICES)}"
        )
    for key in ("title", "text"):
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise RiskWarningsError(name, (*where, key), "expected text in quotes")
        hidden = hidden_character_problem(value)
        if hidden is not None:
            raise RiskWarningsError(name, (*where, key), hidden)
    if "\n" in table["title"].strip():
        raise RiskWarningsError(name, (*where, "title"), "expected one line: the text goes under text")
    return RiskWarning(kind, tuple(statuses), table["title"].strip(), " ".join(table["text"].split()))


def parse_warnings(data: dict[str, Any], name: str) -> tuple[RiskWarning, ...]:
    """Check and build the warnings of a parsed file; raise naming the file and key on a mistake."""
    unknown = sorted(set(data) - {"warnings"})
    if unknown:
        raise RiskWarningsError(name, (unknown[0],), "unknown key; the file holds [[warnings]] tables only")
    tables = data.get("warnings")
    if not isinstance(tables, list):
        raise RiskWarningsError(name, ("warnings",), "expected [[warnings]] tables")
    return tuple(_warning(table, name, index) for index, table in enumerate(tables))


def with_own_warnings(bundled: Sequence[RiskWarning], own: Sequence[RiskWarning]) -> tuple[RiskWarning, ...]:
    """The organisation's warnings where it gives one, and the bundled ones everywhere else.

    By kind and status: an organisation's warning for a kind while it is present
    replaces the bundled one there, and the bundled warning still shows while the
    kind is not known unless the organisation gives one for that too. Replacing
    by kind alone let a file narrow a warning silently, and "not known" is the
    most dangerous case: the risk unknown, the meeting still being planned.
    """
    covered = {(warning.kind, status) for warning in own for status in warning.statuses}
    kept = []
    for warning in bundled:
        statuses = tuple(s for s in warning.statuses if (warning.kind, s) not in covered)
        if statuses:
            kept.append(replace(warning, statuses=statuses))
    return (*kept, *own)


def warnings_for(warnings: Sequence[RiskWarning], kind: str, status: str) -> list[RiskWarning]:
    """The warnings to show for a kind of harm in ``status``."""
    return [w for w in warnings if w.kind == kind and status in w.statuses]

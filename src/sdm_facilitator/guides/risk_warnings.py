"""Warnings the risk screen shows beside a kind of harm: practice knowledge kept as data, not code.

The bundled text lives in ``guides/risk-warnings.toml`` beside the guides, so it
can be reworded without touching Python. An organisation's own
``risk-warnings.toml`` in its guides folder gives its warnings kind by kind: a
kind it names shows the organisation's warnings in place of the bundled ones
(its own helplines and procedures, another country's numbers), and every kind
it does not name keeps the bundled warnings, so a file about one kind of harm
never silences the warning for another. The file is checked when it is read:
a mistake names the file, the line, the key and the problem, and a warning is
never shown half-read (a file with a problem is not used at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sdm_facilitator.domain.risks import RISK_KINDS, RISK_STATUS_CHOICES
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import KeyedFileError

#: The file holding the risk screen's warnings; it is not a guide.
RISK_WARNINGS_FILE = "risk-warnings.toml"
_KEYS = ("kind", "statuses", "text", "title")


class RiskWarningsError(KeyedFileError):
    """The warnings file is wrong: the file, the key and what is wrong."""


@dataclass(frozen=True)
class RiskWarning:
    """A warning for one kind of harm, shown while its status is one of ``statuses``."""

    kind: str
    statuses: tuple[str, ...]
    title: str
    text: str


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
    """The organisation's warnings for the kinds it names, and the bundled ones for every other kind."""
    named = {warning.kind for warning in own}
    return (*(w for w in bundled if w.kind not in named), *own)


def warnings_for(warnings: Sequence[RiskWarning], kind: str, status: str) -> list[RiskWarning]:
    """The warnings to show for a kind of harm in ``status``."""
    return [w for w in warnings if w.kind == kind and status in w.statuses]

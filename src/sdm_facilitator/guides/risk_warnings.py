"""Warnings the risk screen shows beside a kind of harm: practice knowledge kept as data, not code.

The text lives in ``risk_warnings.toml`` next to this module (bundled with the
app, like the guides), so it can be reworded without touching Python. The file
is checked when it is read: a mistake names the file, the key and the problem,
and a warning is never shown half-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.risks import RISK_KINDS, RISK_STATUS_CHOICES

WARNINGS_FILE = Path(__file__).with_name("risk_warnings.toml")


class RiskWarningsError(ValueError):
    """The warnings file is wrong: says which file, which key and what is wrong."""


@dataclass(frozen=True)
class RiskWarning:
    """A warning for one kind of harm, shown while its status is one of ``statuses``."""

    kind: str
    statuses: tuple[str, ...]
    title: str
    text: str


def parse_warnings(data: dict[str, Any], name: str) -> tuple[RiskWarning, ...]:
    """Check and build the warnings of a parsed file; raise naming the file and key on a mistake."""
    tables = data.get("warnings")
    if not isinstance(tables, list):
        raise RiskWarningsError(f"{name}: warnings: expected [[warnings]] tables")
    found = []
    for index, table in enumerate(tables, 1):
        where = f"{name}: warnings[{index}]"
        if not isinstance(table, dict):
            raise RiskWarningsError(f"{where}: expected a table")
        unknown = sorted(set(table) - {"kind", "statuses", "title", "text"})
        if unknown:
            raise RiskWarningsError(
                f"{where}.{unknown[0]}: unknown key; allowed keys are kind, statuses, text, title"
            )
        kind = table.get("kind")
        if kind not in RISK_KINDS:
            raise RiskWarningsError(
                f"{where}.kind: unknown risk kind {kind!r}; expected one of {', '.join(RISK_KINDS)}"
            )
        statuses = table.get("statuses")
        if (
            not isinstance(statuses, list)
            or not statuses
            or any(s not in RISK_STATUS_CHOICES for s in statuses)
        ):
            raise RiskWarningsError(
                f"{where}.statuses: expected a list of statuses from {', '.join(RISK_STATUS_CHOICES)}"
            )
        for key in ("title", "text"):
            value = table.get(key)
            if not isinstance(value, str) or not value.strip():
                raise RiskWarningsError(f"{where}.{key}: expected text in quotes")
        found.append(
            RiskWarning(kind, tuple(statuses), table["title"].strip(), " ".join(table["text"].split()))
        )
    return tuple(found)


@cache
def bundled_warnings() -> tuple[RiskWarning, ...]:
    """The warnings the app ships with, read once."""
    data = toml_reading.loads(WARNINGS_FILE.read_text(encoding="utf-8"))
    return parse_warnings(data, WARNINGS_FILE.name)


def warnings_for(kind: str, status: str) -> list[RiskWarning]:
    """The warnings to show for a kind of harm in ``status``."""
    return [w for w in bundled_warnings() if w.kind == kind and status in w.statuses]

"""How many people beyond the parents a network should reach, and prompts for finding them: data, not code.

The text lives in ``network_finding.toml`` next to this module (bundled with
the app, like the risk warnings), so it can be reworded without touching
Python. The file is checked when it is read: a mistake names the file, the
key and the problem, and nothing is shown half-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.network_missing import RULES

FINDING_FILE = Path(__file__).with_name("network_finding.toml")
MAX_BEYOND_PARENTS = 50


class NetworkFindingError(ValueError):
    """The file is wrong: says which file, which key and what is wrong."""


@dataclass(frozen=True)
class NetworkFinding:
    """The guide's N (people beyond the parents) and its prompts, by the rule they belong to."""

    beyond_parents: int
    prompts: dict[str, tuple[str, ...]]


def parse_finding(data: dict[str, Any], name: str) -> NetworkFinding:
    """Check and build the finding guidance of a parsed file; raise naming the file and key on a mistake."""
    unknown = sorted(set(data) - {"beyond_parents", "prompts"})
    if unknown:
        raise NetworkFindingError(
            f"{name}: {unknown[0]}: unknown key; allowed keys are beyond_parents, prompts"
        )
    enough = data.get("beyond_parents")
    if isinstance(enough, bool) or not isinstance(enough, int) or not 1 <= enough <= MAX_BEYOND_PARENTS:
        raise NetworkFindingError(
            f"{name}: beyond_parents: expected a whole number from 1 to {MAX_BEYOND_PARENTS}"
        )
    tables = data.get("prompts")
    if not isinstance(tables, list):
        raise NetworkFindingError(f"{name}: prompts: expected [[prompts]] tables")
    prompts: dict[str, list[str]] = {}
    for index, table in enumerate(tables, 1):
        where = f"{name}: prompts[{index}]"
        if not isinstance(table, dict):
            raise NetworkFindingError(f"{where}: expected a table")
        extra = sorted(set(table) - {"rule", "text"})
        if extra:
            raise NetworkFindingError(f"{where}.{extra[0]}: unknown key; allowed keys are rule, text")
        rule = table.get("rule")
        if rule not in RULES:
            raise NetworkFindingError(
                f"{where}.rule: unknown rule {rule!r}; expected one of {', '.join(RULES)}"
            )
        text = table.get("text")
        if not isinstance(text, str) or not text.strip():
            raise NetworkFindingError(f"{where}.text: expected text in quotes")
        prompts.setdefault(rule, []).append(" ".join(text.split()))
    return NetworkFinding(enough, {rule: tuple(texts) for rule, texts in prompts.items()})


@cache
def bundled_finding() -> NetworkFinding:
    """The finding guidance the app ships with, read once."""
    data = toml_reading.loads(FINDING_FILE.read_text(encoding="utf-8"))
    return parse_finding(data, FINDING_FILE.name)

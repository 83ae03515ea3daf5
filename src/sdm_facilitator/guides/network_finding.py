"""How many people beyond the parents a network should reach, and prompts for finding them: data, not code.

The bundled words live in ``guides/network-finding.toml`` beside the guides, so
they can be reworded without touching Python, and an organisation's own
``network-finding.toml`` in its guides folder replaces them whole (as the
conference and child plan wordings do; ``guides.loader``). How many people a
network should reach may differ by kind of meeting (a conference gathers
fewer of the wider family than a family group conference), so the file gives
one number and, optionally, a number per kind. The file is checked when it is
read: a mistake names the file, the key and the problem, and nothing is shown
half-read.
"""

from __future__ import annotations

from typing import Any

from sdm_facilitator.domain.network_finding import NetworkFinding as NetworkFinding
from sdm_facilitator.domain.network_missing import RULES
from sdm_facilitator.domain.vocabulary import MEETING_KINDS
from sdm_facilitator.guides.check_types import KeyPath
from sdm_facilitator.guides.validate import KeyedFileError, hidden_character_problem

#: The file holding the network's finding guidance; it is not a guide.
NETWORK_FINDING_FILE = "network-finding.toml"
MAX_BEYOND_PARENTS = 50
_TOP_KEYS = ("beyond_parents", "beyond_parents_by_kind", "prompts")


class NetworkFindingError(KeyedFileError):
    """The network finding file is wrong: the file, the key and what is wrong."""


def _count(value: Any, name: str, key: KeyPath) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_BEYOND_PARENTS:
        raise NetworkFindingError(name, key, f"expected a whole number from 1 to {MAX_BEYOND_PARENTS}")
    return value


def _by_kind(raw: Any, name: str) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise NetworkFindingError(
            name, ("beyond_parents_by_kind",), "expected a table such as cp-conference = 4"
        )
    for kind in raw:
        if kind not in MEETING_KINDS:
            raise NetworkFindingError(
                name,
                ("beyond_parents_by_kind", kind),
                f"unknown kind of meeting; the kinds are {', '.join(MEETING_KINDS)}",
            )
    return {kind: _count(value, name, ("beyond_parents_by_kind", kind)) for kind, value in raw.items()}


def parse_finding(data: dict[str, Any], name: str) -> NetworkFinding:
    """Check and build the finding guidance of a parsed file; raise naming the file and key on a mistake."""
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise NetworkFindingError(
            name, (unknown[0],), f"unknown key; allowed keys are {', '.join(_TOP_KEYS)}"
        )
    enough = _count(data.get("beyond_parents"), name, ("beyond_parents",))
    by_kind = _by_kind(data.get("beyond_parents_by_kind"), name)
    tables = data.get("prompts")
    if not isinstance(tables, list):
        raise NetworkFindingError(name, ("prompts",), "expected [[prompts]] tables")
    prompts: dict[str, list[str]] = {}
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            raise NetworkFindingError(name, ("prompts", index), "expected a table")
        extra = sorted(set(table) - {"rule", "text"})
        if extra:
            raise NetworkFindingError(
                name, ("prompts", index, extra[0]), "unknown key; allowed keys are rule, text"
            )
        rule = table.get("rule")
        if rule not in RULES:
            raise NetworkFindingError(
                name, ("prompts", index, "rule"), f"unknown rule {rule!r}; expected one of {', '.join(RULES)}"
            )
        text = table.get("text")
        if not isinstance(text, str) or not text.strip():
            raise NetworkFindingError(name, ("prompts", index, "text"), "expected text in quotes")
        hidden = hidden_character_problem(text)
        if hidden is not None:
            raise NetworkFindingError(name, ("prompts", index, "text"), hidden)
        prompts.setdefault(rule, []).append(" ".join(text.split()))
    return NetworkFinding(enough, {rule: tuple(texts) for rule, texts in prompts.items()}, by_kind)

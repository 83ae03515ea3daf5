"""A warning for one kind of harm, as the guides give it: the checked guidance.

The data alone, apart from ``guides/risk_warnings.py``, which reads and checks the
file: the checked guide library is kept between starts, and reading it back then
needs this class and not the file checks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RiskWarning:
    """A warning for one kind of harm, shown while its status is one of ``statuses``."""

    kind: str
    statuses: tuple[str, ...]
    title: str
    text: str

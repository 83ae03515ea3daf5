"""The few types the guide checks share, kept apart so check modules never import each other in a circle.

``validate`` holds the core checker; the added checks (``step_checks``,
``model_checks``, ``hint_checks``) only need something to report problems to,
and a way to describe a field, which ``validate`` hands them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

PathSeg = str | int
KeyPath = tuple[PathSeg, ...]

#: Builds one field description in the core checker's terms (``validate._Field``).
FieldFactory = Callable[..., Any]


class ProblemSink(Protocol):
    """Where a check reports a problem: the key path and what is wrong."""

    def add(self, path: KeyPath, message: str) -> None: ...

"""How many people beyond the parents a network should reach, and its prompts: the checked guidance.

The data alone, apart from ``guides/network_finding.py``, which reads and checks
the file: the checked guide library is kept between starts, and reading it back
then needs this class and not the file checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NetworkFinding:
    """The guide's N (people beyond the parents), per kind where it says so, and its prompts by rule."""

    beyond_parents: int
    prompts: dict[str, tuple[str, ...]]
    #: A kind of meeting's own N, where the file gives one (``[beyond_parents_by_kind]``).
    by_kind: dict[str, int] = field(default_factory=dict)

    def enough_for(self, kind: str) -> int:
        """How many people beyond the parents a network of this kind of meeting should reach."""
        return self.by_kind.get(kind, self.beyond_parents)

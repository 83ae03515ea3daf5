"""One table of the service report and how a cell reads: shared by every table the report draws."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hidden:
    """A figure not shown because it is, or rests on, a count below the threshold."""

    words: str


Cell = str | int | float | Hidden | None


@dataclass(frozen=True)
class Table:
    """One section of the report: a title, column heads, rows, and which column to chart."""

    id: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # The column drawn as bars (a count, or a percentage when ``bar_max`` is 100).
    bar_column: int | None = None
    bar_max: float | None = None
    # Columns that are not counts (a per cent, a mean, a median, money) and the count columns
    # each rests on: hidden when one of those counts is small. Every other whole number is a count.
    derived: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def row_label(self, row: tuple[Cell, ...]) -> str:
        """A bar's label: the first cell, with the second when it is words too (kind and context)."""
        label = cell_text(row[0])
        if len(row) > 2 and isinstance(row[1], str) and self.bar_column != 1:
            label += f", {row[1]}"
        return label


def cell_text(value: Cell) -> str:
    """A cell as text: whole numbers plainly, other numbers to one decimal, missing as "-"."""
    if value is None:
        return "-"
    if isinstance(value, Hidden):
        return value.words
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return str(value)

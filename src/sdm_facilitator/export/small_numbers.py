"""Hiding small counts so that none can be worked out again from the figures that are shown.

Hiding a count below the threshold is not enough when the report also shows
what it adds up to: "Referrals 40, held 31, still open 7" gives away the 2
closed before the day however it is hidden. So the report declares which of
its counts add up to which (``Balance``: the left side's counts sum to the
right side's, in one table or across two), and after the small counts are
hidden, every hidden count that the shown ones still determine, by any
adding and subtracting of those balances, has a further count hidden beside
it (``_cover`` says which it picks), until none is determined. This is the complementary suppression statistical offices use
for published tables. Deciding "determined" is exact: the balances are
linear equations in the hidden counts, reduced with whole fractions, and a
count is determined when the reduced equations pin it alone.

Figures resting on counts (a per cent, a mean, a median) are hidden whenever
a count they rest on is hidden, small or not: a per cent beside its total
gives the count back.

Bounds are not protected: a hidden count is still known to lie between 0 and
the total it belongs to, as in every suppressed table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from sdm_facilitator.export.report_table import Cell, Hidden, Table

#: One cell of the report: the table's id, the row's index and the column's index.
CellRef = tuple[str, int, int]


@dataclass(frozen=True)
class Balance:
    """Counts that add up: the sum of ``left`` equals the sum of ``right``, always, by how they are counted."""

    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]

    @property
    def cells(self) -> tuple[CellRef, ...]:
        return (*self.left, *self.right)


def is_count(value: Cell) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def protect(tables: Sequence[Table], balances: Iterable[Balance], threshold: int) -> list[Table]:
    """The tables with small counts hidden, then enough others that no hidden count can be worked out.

    A count of 0 is shown (it picks out nobody) unless it must be hidden to protect another;
    the first column (a label) is never a count; a threshold of 1 or less hides nothing.
    """
    if threshold <= 1:
        return list(tables)
    values: dict[CellRef, Cell] = {}
    counts: set[CellRef] = set()
    for table in tables:
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                values[(table.id, r, c)] = value
                # The first column is a label; a derived column is a per cent or a mean, never a count.
                if c > 0 and c not in table.derived and is_count(value):
                    counts.add((table.id, r, c))
    small = {ref for ref in counts if 0 < values[ref] < threshold}  # type: ignore[operator]
    usable = [b for b in balances if all(ref in counts for ref in b.cells)]
    beside = _complements(small, usable, values)
    hidden = small | beside
    words = {ref: Hidden(f"fewer than {threshold}") for ref in small}
    words.update({ref: Hidden("not shown") for ref in beside})
    return [_hide(table, words, hidden) for table in tables]


def _complements(small: set[CellRef], balances: list[Balance], values: dict[CellRef, Cell]) -> set[CellRef]:
    """The counts to hide beside the small ones, so that no hidden count is determined by the rest."""
    order = {ref: n for n, ref in enumerate(values)}
    hidden = set(small)
    for group in _linked(balances):
        _cover(hidden, group, values, order)
    return hidden - small


def _linked(balances: list[Balance]) -> list[list[Balance]]:
    """The balances in groups that share no count: each group is worked out on its own (a table or two)."""
    parent: dict[CellRef, CellRef] = {}

    def root(ref: CellRef) -> CellRef:
        while parent.setdefault(ref, ref) != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    for balance in balances:
        first = root(balance.cells[0])
        for ref in balance.cells[1:]:
            parent[root(ref)] = first
    groups: dict[CellRef, list[Balance]] = {}
    for balance in balances:
        groups.setdefault(root(balance.cells[0]), []).append(balance)
    return list(groups.values())


def _cover(
    hidden: set[CellRef], balances: list[Balance], values: dict[CellRef, Cell], order: dict[CellRef, int]
) -> None:
    """Hide counts in ``balances`` until no hidden count in them is determined (``hidden`` grows in place).

    Each turn hides the one shown count, beside any exposed count, that leaves the fewest
    hidden counts determined; then one in a row, then a column, already holding hidden
    counts (so a small group pairs with one other group rather than spreading down whole
    columns); then a non-zero one, then the smallest: the least taken from the reader.
    """
    exposed = determined(hidden, balances)
    while exposed:
        candidates = set().union(*(_shown_beside(ref, hidden, balances) for ref in exposed))
        if not candidates:
            return  # nothing shown is left to hide beside them: they are as hidden as they can be
        scored = []
        for ref in candidates:
            after = determined(hidden | {ref}, balances)
            table, row, column = ref
            in_row = sum(1 for h in hidden if h[0] == table and h[1] == row)
            in_column = sum(1 for h in hidden if h[0] == table and h[2] == column)
            key = (len(after), -in_row, -in_column, values[ref] == 0, values[ref], order[ref])
            scored.append((key, ref, after))
        _, choice, exposed = min(scored, key=lambda item: item[0])
        hidden.add(choice)


def _shown_beside(target: CellRef, hidden: set[CellRef], balances: list[Balance]) -> set[CellRef]:
    """The shown counts in a balance with ``target``, or, if none, in the nearest balance linked to it."""
    reached = {target}
    frontier = {target}
    while frontier:
        near = [b for b in balances if frontier & set(b.cells)]
        shown = {ref for b in near for ref in b.cells if ref not in hidden}
        if shown:
            return shown
        frontier = {ref for b in near for ref in b.cells} - reached
        reached |= frontier
    return set()


def determined(hidden: set[CellRef], balances: Iterable[Balance]) -> set[CellRef]:
    """The hidden counts that the balances pin to one value, given every shown count."""
    unknowns = sorted({ref for b in balances for ref in b.cells if ref in hidden})
    index = {ref: n for n, ref in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for balance in balances:
        row = [Fraction(0)] * len(unknowns)
        for ref in balance.left:
            if ref in index:
                row[index[ref]] += 1
        for ref in balance.right:
            if ref in index:
                row[index[ref]] -= 1
        if any(row):
            rows.append(row)
    return {unknowns[column] for column in _pinned_columns(rows, len(unknowns))}


def _pinned_columns(rows: list[list[Fraction]], width: int) -> set[int]:
    """Reduce the rows to reduced row echelon form; the columns of rows with one non-zero entry."""
    pivot_row = 0
    for column in range(width):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r, row in enumerate(rows):
            if r != pivot_row and row[column] != 0:
                factor = row[column]
                rows[r] = [a - factor * b for a, b in zip(row, rows[pivot_row], strict=True)]
        pivot_row += 1
    pinned = set()
    for row in rows[:pivot_row]:
        nonzero = [c for c, value in enumerate(row) if value != 0]
        if len(nonzero) == 1:
            pinned.add(nonzero[0])
    return pinned


def _hide(table: Table, words: dict[CellRef, Hidden], hidden: set[CellRef]) -> Table:
    withheld = Hidden("not shown")
    rows = []
    for r, row in enumerate(table.rows):
        cells: list[Cell] = []
        for c, value in enumerate(row):
            ref = (table.id, r, c)
            if c in table.derived:
                rests_on_hidden = any((table.id, r, base) in hidden for base in table.derived[c])
                cells.append(withheld if rests_on_hidden and value is not None else value)
            else:
                cells.append(words.get(ref, value))
        rows.append(tuple(cells))
    return replace(table, rows=tuple(rows))


def balance_rows(table: Table, column: int, total_label: str) -> Balance | None:
    """Within one table: the rows above ``total_label`` add up to it, in ``column``."""
    labels = [row[0] for row in table.rows]
    if total_label not in labels:
        return None
    total = labels.index(total_label)
    parts = tuple((table.id, r, column) for r in range(len(table.rows)) if r != total)
    return Balance(parts, ((table.id, total, column),))


def balance_columns(table: Table, row: int, parts: Sequence[int], total: int) -> Balance:
    """Within one row: the ``parts`` columns add up to the ``total`` column."""
    return Balance(tuple((table.id, row, c) for c in parts), ((table.id, row, total),))

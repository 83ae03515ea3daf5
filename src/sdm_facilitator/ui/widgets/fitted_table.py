"""A row table whose columns fit the width it has, again after every resize.

Textual's ``DataTable`` sizes a column once, from its content, and keeps that
width: at 80 columns text is cut while at 100 columns space sits unused, and
a resize is not followed. Here each column says how it sizes (its content,
at most ``max_width``; or ``flex``: the spare width), and the table works the
widths out whenever its size or its rows change. A column that can be spared
(``drop``) is left out while the flex columns would be narrower than their
``min_width``, and comes back when there is room: the table keeps every
row's cells for that. The text of a cut cell ends in "…", and a
``RowDetail`` under the table shows the highlighted row's whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey, RowKey

from sdm_facilitator.ui.textual_internals import widths_changed


@dataclass(frozen=True)
class FitColumn:
    """How one column takes its width."""

    label: str
    key: str
    #: The column takes the spare width (shared with any other flex column).
    flex: bool = False
    #: A column sized by its content never grows past this (None: no limit).
    max_width: int | None = None
    #: A flex column never shrinks below this; the table scrolls sideways instead.
    min_width: int = 10
    #: Columns that can be spared go before a flex column is cut below this (or its content, if
    #: that is narrower); None: only when it would be under min_width.
    wanted_width: int | None = None
    #: A column that can be spared, left out (lowest first) while the others need its room.
    drop: int | None = None


@dataclass(frozen=True)
class _StoredRow:
    """A row as it was given, every column's cell, so a dropped column can come back."""

    cells: tuple[Any, ...]
    key: str | None
    height: int | None


def _cell_width(value: object) -> int:
    text = value.plain if isinstance(value, Text) else str(value)
    return max(cell_len(line) for line in text.split("\n"))


class RowDetail(Static):
    """The whole text of the highlighted row of the table above, which may cut it.

    ``describe`` gets the row's index and gives what to show, or None to hide
    the detail; the table calls it whenever its cursor or its rows change.
    """

    def __init__(self, describe: Callable[[int], Content | None], **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(**kwargs)
        self.add_class("row-detail")
        self.describe = describe

    def show_row(self, index: int | None) -> None:
        content = None if index is None else self.describe(index)
        self.display = content is not None
        if content is not None:
            self.update(content)


class FittedTable(DataTable[Any]):
    """A row-cursor table whose flex columns take the width left by the others.

    Rows are given with a cell for every column in ``columns``; the table
    shows the cells of the columns that fit.
    """

    # Never a sideways scrollbar: the columns are made to fit, and a scrollbar
    # that comes and goes with them changes the table's height, so the section
    # around it gains or loses its own scrollbar and the width changes again.
    DEFAULT_CSS = """
    FittedTable {
        overflow-x: hidden;
    }
    """

    def __init__(
        self, columns: Sequence[FitColumn], *, detail: RowDetail | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.fit_columns = tuple(columns)
        self.detail = detail
        self._fit_pending = False
        self._stored: list[_StoredRow] = []
        #: Each column's content width, kept during one ``fit`` only (the rows do not change within it).
        self._fitting_widths: dict[str, int] | None = None
        #: The columns on screen now (some may be dropped for want of room).
        self.shown_columns: tuple[FitColumn, ...] = self.fit_columns
        # Here, not on mount: rows may be added before the table is mounted.
        self._add_columns()

    def on_mount(self) -> None:
        self.fit()

    def on_resize(self, _event: events.Resize) -> None:
        self.fit()

    def watch_show_vertical_scrollbar(self, _shown: bool) -> None:
        """A scrollbar coming or going changes the width the columns have, without a resize."""
        self._fit_soon()

    # ------------------------------------------------------------ rows

    def add_row(
        self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None
    ) -> RowKey:
        """Add a row with one cell for each of ``fit_columns``, shown or not."""
        if label is not None:
            raise ValueError("a FittedTable has no row labels")
        if len(cells) != len(self.fit_columns):
            raise ValueError(
                f"{len(self.fit_columns)} cells are needed, one for each column, not {len(cells)}"
            )
        self._stored.append(_StoredRow(tuple(cells), key, height))
        row_key = super().add_row(*self._shown_cells(cells), height=height, key=key)
        self._fit_soon()
        return row_key

    def update_row(self, key: str, cells: Sequence[Any]) -> bool:
        """Put new cells in the row with ``key`` where it is (one row of thousands changed); False if none has it."""
        if len(cells) != len(self.fit_columns):
            raise ValueError(
                f"{len(self.fit_columns)} cells are needed, one for each column, not {len(cells)}"
            )
        place = next((i for i, stored in enumerate(self._stored) if stored.key == key), None)
        if place is None:
            return False
        self._stored[place] = replace(self._stored[place], cells=tuple(cells))
        for spec, cell in zip(self.fit_columns, cells):
            if spec in self.shown_columns:
                self.update_cell(key, spec.key, cell)
        self._fit_soon()
        return True

    def clear(self, columns: bool = False) -> FittedTable:
        if columns:
            raise ValueError("a FittedTable's columns are fixed when it is made")
        super().clear()
        self._stored.clear()
        self._fit_soon()
        return self

    def refill(
        self, rows: Sequence[Sequence[Any]], keys: Sequence[str] | None = None, *, height: int = 1
    ) -> None:
        """Show these rows instead, the cursor staying on the same row (by key when given), and its detail."""
        keep_key: str | None = None
        index = self.selected_index()
        if keys is not None and index is not None and index < len(self._stored):
            keep_key = self._stored[index].key
        super().clear()
        self._stored.clear()
        for number, cells in enumerate(rows):
            self.add_row(*cells, height=height, key=keys[number] if keys is not None else None)
        if self.row_count:
            row = min(index or 0, self.row_count - 1)
            if keep_key is not None and keys is not None and keep_key in keys:
                row = list(keys).index(keep_key)
            self.move_cursor(row=row)
        self.show_detail()

    def with_detail(self) -> Iterator[Widget]:
        """The table, then its detail under it: what a section composes."""
        yield self
        if self.detail is not None:
            yield self.detail

    def selected_index(self) -> int | None:
        """The highlighted row's index, or None when the table is empty."""
        if not self.row_count:
            return None
        return min(max(self.cursor_row, 0), self.row_count - 1)

    def show_detail(self) -> None:
        """Show the highlighted row's whole text under the table, if it has a detail."""
        if self.detail is not None:
            self.detail.show_row(self.selected_index())

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        # Not stopped: the screen or section may also follow the cursor.
        self.show_detail()

    # ------------------------------------------------------------ fitting

    def _shown_cells(self, cells: Sequence[Any]) -> list[Any]:
        return [cell for spec, cell in zip(self.fit_columns, cells) if spec in self.shown_columns]

    def _add_columns(self) -> None:
        for column in self.shown_columns:
            self.add_column(column.label, key=column.key)

    def _fit_soon(self) -> None:
        """Fit once after a batch of rows, not once per row."""
        if not self._fit_pending and self.is_mounted:
            self._fit_pending = True
            self.call_after_refresh(self.fit)

    def _content_width(self, spec: FitColumn) -> int:
        memo = self._fitting_widths
        if memo is not None and spec.key in memo:
            return memo[spec.key]
        index = self.fit_columns.index(spec)
        widths = [cell_len(spec.label)] + [_cell_width(row.cells[index]) for row in self._stored]
        width = max(widths)
        width = min(width, spec.max_width) if spec.max_width else width
        if memo is not None:
            memo[spec.key] = width
        return width

    def _widths(self, shown: Sequence[FitColumn], available: int) -> dict[str, int]:
        """Each shown column's width when ``available`` cells are there to share."""
        padding = 2 * self.cell_padding
        widths = {spec.key: self._content_width(spec) for spec in shown if not spec.flex}
        flex = [spec for spec in shown if spec.flex]
        spare = available - sum(w + padding for w in widths.values()) - padding * len(flex)
        # A flex column whose whole text fits in an even share takes just that; the others
        # share the rest (the last of them takes what an even split leaves over).
        wanting = list(flex)
        while len(wanting) > 1:
            fits = [spec for spec in wanting if self._content_width(spec) <= spare // len(wanting)]
            if not fits:
                break
            for spec in fits[: len(wanting) - 1]:
                widths[spec.key] = max(spec.min_width, self._content_width(spec))
                spare -= widths[spec.key]
                wanting.remove(spec)
        for number, spec in enumerate(wanting):
            share = spare // len(wanting) + (spare % len(wanting) if number == len(wanting) - 1 else 0)
            widths[spec.key] = max(spec.min_width, share)
        return widths

    def _squeezed(self, shown: Sequence[FitColumn], available: int) -> bool:
        """Whether these columns are wider than the table, or cut a flex column below what it wants."""
        padding = 2 * self.cell_padding
        widths = self._widths(shown, available)
        if sum(w + padding for w in widths.values()) > available:
            return True
        return any(
            widths[spec.key] < min(spec.wanted_width, self._content_width(spec))
            for spec in shown
            if spec.flex and spec.wanted_width
        )

    def _columns_that_fit(self, available: int) -> tuple[FitColumn, ...]:
        """Every column, less the ones that can be spared (lowest first) while the others need the room."""
        shown = list(self.fit_columns)
        droppable = sorted((spec for spec in shown if spec.drop is not None), key=lambda spec: spec.drop or 0)
        while droppable and self._squeezed(shown, available):
            shown.remove(droppable.pop(0))
        return tuple(shown)

    def fit(self) -> None:
        """Work out which columns show and every column's width for the table's width now."""
        self._fit_pending = False
        if not self.is_mounted or not self.columns:
            return
        available = self.scrollable_content_region.width
        # Each column's content is measured once a fit (trying which columns fit measured each
        # column up to a dozen times: 100 rows of the home screen cost 20 ms at start).
        self._fitting_widths = {}
        try:
            shown = self._columns_that_fit(available)
            if shown != self.shown_columns:
                self._show_columns(shown)
            widths = self._widths(self.shown_columns, available)
        finally:
            self._fitting_widths = None
        changed = False
        for spec in self.shown_columns:
            column = self.columns.get(ColumnKey(spec.key))
            if column is None:
                continue
            if column.auto_width or column.width != widths[spec.key]:
                column.auto_width = False
                column.width = widths[spec.key]
                changed = True
        if changed:
            widths_changed(self)

    def _show_columns(self, shown: tuple[FitColumn, ...]) -> None:
        """Put the table together again with these columns, every row and the cursor kept."""
        row = self.selected_index()
        self.shown_columns = shown
        super().clear(columns=True)
        self._add_columns()
        for stored in self._stored:
            super().add_row(*self._shown_cells(stored.cells), height=stored.height, key=stored.key)
        if row is not None:
            self.move_cursor(row=row)

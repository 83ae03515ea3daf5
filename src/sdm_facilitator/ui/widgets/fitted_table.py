"""A row table whose columns fit the width it has, again after every resize.

Textual's ``DataTable`` sizes a column once, from its content, and keeps that
width: at 80 columns text is cut while at 100 columns space sits unused, and
a resize is not followed. Here each column says how it sizes (its content,
at most ``max_width``; or ``flex``: the spare width), and the table works the
widths out whenever its size or its rows change. The text of a cut cell ends
in "…", and the section shows the highlighted row's whole text below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


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


def _cell_width(value: object) -> int:
    if isinstance(value, Text):
        return cell_len(value.plain)
    return cell_len(str(value))


class FittedTable(DataTable[Any]):
    """A row-cursor table whose flex columns take the width left by the others."""

    def __init__(self, columns: Sequence[FitColumn], **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.fit_columns = tuple(columns)
        self._fit_pending = False

    def on_mount(self) -> None:
        for column in self.fit_columns:
            self.add_column(column.label, key=column.key)
        self.fit()

    def on_resize(self, _event: events.Resize) -> None:
        self.fit()

    def add_row(self, *cells: Any, **kwargs: Any) -> RowKey:
        key = super().add_row(*cells, **kwargs)
        self._fit_soon()
        return key

    def clear(self, columns: bool = False) -> FittedTable:
        super().clear(columns)
        self._fit_soon()
        return self

    def _fit_soon(self) -> None:
        """Fit once after a batch of rows, not once per row."""
        if not self._fit_pending and self.is_mounted:
            self._fit_pending = True
            self.call_after_refresh(self.fit)

    def _content_width(self, spec: FitColumn) -> int:
        key = ColumnKey(spec.key)
        widths = [cell_len(spec.label)]
        if key in self.columns:
            widths += [_cell_width(value) for value in self.get_column(key)]
        return max(widths)

    def fit(self) -> None:
        """Work out every column's width for the table's width now."""
        self._fit_pending = False
        if not self.is_mounted or not self.columns:
            return
        padding = 2 * self.cell_padding
        available = self.scrollable_content_region.width
        widths: dict[str, int] = {}
        flex = [spec for spec in self.fit_columns if spec.flex]
        for spec in self.fit_columns:
            if not spec.flex:
                content = self._content_width(spec)
                widths[spec.key] = min(content, spec.max_width) if spec.max_width else content
        used = sum(w + padding for w in widths.values())
        if flex:
            share = (available - used) // len(flex) - padding
            for spec in flex:
                widths[spec.key] = max(spec.min_width, share)
        changed = False
        for spec in self.fit_columns:
            column = self.columns.get(ColumnKey(spec.key))
            if column is None:
                continue
            if column.auto_width or column.width != widths[spec.key]:
                column.auto_width = False
                column.width = widths[spec.key]
                changed = True
        if changed:
            # DataTable has no public way to re-width a column: its own
            # add_column sets these same two flags before the next render.
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

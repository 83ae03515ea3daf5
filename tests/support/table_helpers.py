"""What a table shows on screen: its drawn lines, and whether its columns use its whole width."""

from __future__ import annotations

from textual.widgets import DataTable


def drawn_lines(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    """The table's lines as they are drawn now, header first (only what is on screen)."""
    return [table.render_line(y).text for y in range(table.size.height)]


def columns_width(table: DataTable) -> int:  # type: ignore[type-arg]
    """The width the shown columns take, padding included."""
    return sum(column.get_render_width(table) for column in table.ordered_columns)


def fills_its_width(table: DataTable) -> bool:  # type: ignore[type-arg]
    """The columns take the table's whole width: nothing cut off sideways, no space left unused."""
    return columns_width(table) == table.scrollable_content_region.width


def column_keys(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(column.key.value) for column in table.ordered_columns]

"""A paper as plain text: for e-mail bodies, text messages and screen readers.

No escaping is needed in plain text, but control and bidirectional
characters are still made visible, as on screen.
"""

from __future__ import annotations

from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.export.paper_blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Note,
    PageBreak,
    Paper,
    Paragraph,
    Table,
)

#: Tables wider than this are written row by row instead of as columns.
MAX_TABLE_WIDTH = 100
_UNDERLINE = {1: "=", 2: "-"}


def _table_lines(table: Table) -> list[str]:
    rows = [tuple(one_line(cell) for cell in row) for row in table.rows]
    headers = tuple(one_line(h) for h in table.headers)
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    if sum(widths) + 2 * (len(widths) - 1) <= MAX_TABLE_WIDTH:

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

        return [line(headers), line(tuple("-" * w for w in widths)), *(line(r) for r in rows)]
    out: list[str] = []
    for row in rows:
        filled = [(h, cell) for h, cell in zip(headers, row) if cell]
        if filled:
            out.append(f"- {filled[0][0]}: {filled[0][1]}")
            out.extend(f"  {h}: {cell}" for h, cell in filled[1:])
    return out


def block_lines(block: Block) -> list[str]:
    """The text lines of one block."""
    if isinstance(block, Heading):
        text = one_line(block.text)
        mark = _UNDERLINE.get(block.level)
        return [text, mark * min(len(text), 78)] if mark else [text]
    if isinstance(block, Paragraph):
        shown = visible(block.text.replace("\r\n", "\n").replace("\r", "\n"))
        return [line.rstrip() for line in shown.strip("\n").split("\n")]
    if isinstance(block, Note):
        return [one_line(block.text)]
    if isinstance(block, Bullets):
        return [f"- {one_line(item)}" for item in block.items]
    if isinstance(block, Fields):
        return [f"{one_line(label)}: {one_line(value)}" for label, value in block.pairs]
    if isinstance(block, Table):
        return _table_lines(block)
    if isinstance(block, PageBreak):
        return ["-" * 40]
    raise TypeError(f"not a paper block: {type(block).__name__}")


def paper_to_text(paper: Paper) -> str:
    """The whole paper as plain text, blocks separated by blank lines."""
    parts = [block_lines(Heading(paper.title, 1)), [one_line(paper.header)]]
    parts.extend(block_lines(block) for block in paper.blocks)
    return "\n\n".join("\n".join(lines) for lines in parts if lines) + "\n"

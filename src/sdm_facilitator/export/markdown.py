"""A paper as Markdown, with every string escaped so it stays plain text.

Escaping is the whole point of this module: a line a person typed that
starts with ``#`` must not become a heading, ``|`` must not end a table cell,
``[x](javascript:...)`` must not become a link and ``<script>`` must not
become a tag, in this file or in the HTML made from it. Control and
bidirectional characters are made visible first, as the app does on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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

# Characters with a meaning anywhere in a line (CommonMark allows a backslash
# before any ASCII punctuation, so escaping more than needed is harmless).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
# Characters with a meaning only at the start of a line: lists, quotes,
# setext underlines, and ordered lists ("12." or "12)").
_LINE_START_SPECIAL = re.compile(r"^([-+=>])")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")


def escape_line(text: str) -> str:
    """One line of plain text as Markdown that renders to exactly that text.

    Leading and trailing spaces are dropped: four leading spaces would make a
    code block and two trailing ones a line break.
    """
    line = _INLINE_SPECIAL.sub(r"\\\1", text.strip())
    line = _LINE_START_SPECIAL.sub(r"\\\1", line)
    return _ORDERED_MARKER.sub(r"\1\\\2", line)


def escape_inline(text: str) -> str:
    """Any text folded onto one line (for headings, list items and table cells), escaped."""
    return escape_line(one_line(text))


def _paragraph_lines(text: str) -> list[str]:
    """Text as Markdown paragraphs: typed line breaks kept as hard breaks, blank lines as new paragraphs."""
    shown = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", shown):
        lines = [escape_line(line) for line in chunk.split("\n") if line.strip()]
        if lines:
            if out:
                out.append("")
            out.append("\\\n".join(lines))
    return out


def _table_lines(table: Table) -> Iterator[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape_inline(cell) for cell in cells) + " |"

    yield row(table.headers)
    yield "|" + "|".join(" --- " for _ in table.headers) + "|"
    for cells in table.rows:
        yield row(cells)


def block_lines(block: Block) -> list[str]:
    """The Markdown lines of one block."""
    if isinstance(block, Heading):
        return [f"{'#' * max(1, min(block.level, 6))} {escape_inline(block.text)}"]
    if isinstance(block, Paragraph):
        return _paragraph_lines(block.text)
    if isinstance(block, Note):
        return [f"*{escape_inline(block.text)}*"]
    if isinstance(block, Bullets):
        return [f"- {escape_inline(item)}" for item in block.items]
    if isinstance(block, Fields):
        return [f"- **{escape_inline(label)}:** {escape_inline(value)}" for label, value in block.pairs]
    if isinstance(block, Table):
        return list(_table_lines(block))
    if isinstance(block, PageBreak):
        return ["---"]
    raise TypeError(f"not a paper block: {type(block).__name__}")


def paper_to_markdown(paper: Paper) -> str:
    """The whole paper as one Markdown document."""
    parts = [block_lines(Heading(paper.title, 1)), [f"*{escape_inline(paper.header)}*"]]
    parts.extend(block_lines(block) for block in paper.blocks)
    return "\n\n".join("\n".join(lines) for lines in parts if lines) + "\n"

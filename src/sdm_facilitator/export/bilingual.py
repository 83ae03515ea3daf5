"""A paper in Welsh and English side by side, as Welsh public bodies publish.

The same paper is made twice by the same code, once with each translator,
so the two have the same blocks in the same order: block by block, the Welsh
comes first (on the left of a printed page, above in a text file) and the
English beside or after it. Where a block reads the same in both (a
person's own words, a name, a date in figures) it is printed once, across
the page, so nothing anyone typed is doubled.

- HTML: two columns, Welsh on the left, each column marked with its
  language (``lang="cy"``/``lang="en"``) so screen readers pronounce it.
  A table stands Welsh above English, each the page's full width: four
  columns in half a printed page broke words ("Decemb / er").
- Markdown and text: a heading as "Welsh / English" on one line, then each
  block in Welsh followed by the same block in English. Side-by-side columns
  in a text file break as soon as a line wraps, and a reader who wants one
  language reads every other block.

Every block still goes through the one-language renderers, so escaping is
exactly theirs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from sdm_facilitator.domain.contact_privacy import LeftOut
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export import markdown as md
from sdm_facilitator.export import paper_text as txt
from sdm_facilitator.export.html import css_string, markdown_to_html, print_css
from sdm_facilitator.export.paper_blocks import Block, Heading, PageBreak, Paper, Table

#: Between the Welsh and the English of a heading or a title on one line.
BETWEEN = " / "

_BILINGUAL_CSS = """
body.bilingual { max-width: 72rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; break-inside: avoid; }
.pair > div > :first-child { margin-top: 0.5rem; }
.pair.heading > div > :first-child { margin-top: 1.5rem; }
.both { break-inside: avoid; }
.pair.stacked { grid-template-columns: 1fr; }
"""
#: Between the parts of a page's header line ("The Hollins family · Tuesday 3 March 2026").
HEADER_PARTS = " · "


@dataclass
class BilingualPaper:
    """One paper made in Welsh (``welsh``) and in English (``english``)."""

    welsh: Paper
    english: Paper

    @property
    def title(self) -> str:
        return _joined(self.welsh.title, self.english.title)

    @property
    def header(self) -> str:
        """The header line, part by part: the family's name once, the date in both."""
        welsh, english = self.welsh.header.split(HEADER_PARTS), self.english.header.split(HEADER_PARTS)
        if len(welsh) != len(english):
            return _joined(self.welsh.header, self.english.header)
        return HEADER_PARTS.join(_joined(a, b) for a, b in zip(welsh, english, strict=True))

    @property
    def left_out(self) -> list[LeftOut]:
        """What the paper left out: the same in both languages, so the English's list."""
        return self.english.left_out

    def strings(self) -> list[str]:
        """The English paper's strings: the language hints are English phrases."""
        return self.english.strings()

    def pairs(self) -> list[tuple[Block, Block | None]]:
        """Each Welsh block with its English one, or None where both read the same.

        Two papers that do not match block for block (never, when one function
        made both) are given whole, the Welsh paper's blocks then the English's.
        """
        first, second = self.welsh.blocks, self.english.blocks
        if len(first) != len(second) or any(type(a) is not type(b) for a, b in zip(first, second)):
            whole: list[tuple[Block, Block | None]] = [
                (block, None) for block in (*first, PageBreak(), *second)
            ]
            return whole
        return [(a, None if a == b else b) for a, b in zip(first, second)]


def _joined(welsh: str, english: str) -> str:
    return welsh if welsh == english else f"{welsh}{BETWEEN}{english}"


def _block_lines(block: Block, other: Block | None, *, markdown: bool) -> list[list[str]]:
    """The lines of one pair: one group when it reads the same, or a heading joined on one line."""
    lines = md.block_lines if markdown else txt.block_lines
    if other is None:
        return [lines(block)]
    if isinstance(block, Heading) and isinstance(other, Heading):
        return [lines(Heading(_joined(block.text, other.text), block.level))]
    return [lines(block), lines(other)]


def bilingual_to_markdown(paper: BilingualPaper) -> str:
    """The paper as Markdown: each block in Welsh, then in English."""
    parts = [md.block_lines(Heading(paper.title, 1)), [f"*{md.escape_inline(paper.header)}*"]]
    for block, other in paper.pairs():
        parts.extend(_block_lines(block, other, markdown=True))
    return "\n\n".join("\n".join(lines) for lines in parts if lines) + "\n"


def bilingual_to_text(paper: BilingualPaper) -> str:
    """The paper as plain text: each block in Welsh, then in English."""
    parts = [txt.block_lines(Heading(paper.title, 1)), [one_line(paper.header)]]
    for block, other in paper.pairs():
        parts.extend(_block_lines(block, other, markdown=False))
    return "\n\n".join("\n".join(lines) for lines in parts if lines) + "\n"


def _html_block(block: Block) -> str:
    return markdown_to_html("\n".join(md.block_lines(block)) + "\n")


def bilingual_to_html(paper: BilingualPaper) -> str:
    """The paper as one HTML document: Welsh on the left, English on the right."""
    body: list[str] = []
    for block, other in paper.pairs():
        if isinstance(block, PageBreak):
            body.append(_html_block(block))
        elif other is None:
            body.append(f'<div class="both">\n{_html_block(block)}</div>\n')
        else:
            kind = (
                "pair heading"
                if isinstance(block, Heading)
                else "pair stacked"
                if isinstance(block, Table)
                else "pair"
            )
            body.append(
                f'<div class="{kind}">\n<div lang="cy">\n{_html_block(block)}</div>\n'
                f'<div lang="en">\n{_html_block(other)}</div>\n</div>\n'
            )
    title = (
        f'<div class="pair heading">\n<div lang="cy">\n{_html_block(Heading(paper.welsh.title, 1))}</div>\n'
        f'<div lang="en">\n{_html_block(Heading(paper.english.title, 1))}</div>\n</div>\n'
    )
    header = f"<p><em>{html.escape(one_line(paper.header))}</em></p>\n"
    running_header = (
        f"@page {{ @top-left {{ content: {css_string(paper.header)}; font-size: 9pt; color: #444; }} }}"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="cy">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(one_line(paper.title))}</title>\n"
        f"<style>\n{print_css()}{_BILINGUAL_CSS}{running_header}\n</style>\n"
        "</head>\n"
        '<body class="bilingual">\n'
        f"<main>\n{title}{header}{''.join(body)}</main>\n"
        "</body>\n"
        "</html>\n"
    )

"""A paper as one self-contained HTML file, made from its Markdown.

markdown-it-py turns the escaped Markdown into HTML with raw HTML switched
off and every link refused (a paper never links anywhere), so even text that
slipped past escaping could not become a tag or a ``javascript:`` link. The
page carries its own print styles (A4 and US Letter, page numbers, no table
row split across pages) and nothing to fetch: no scripts, fonts or images.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files

from markdown_it import MarkdownIt

from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.markdown import paper_to_markdown
from sdm_facilitator.export.paper_blocks import Paper


def _refuse_link(url: str) -> bool:
    """Papers contain no links; refuse every one, ``javascript:`` and ``data:`` included."""
    return False


@cache
def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    # markdown-it-py's documented hook for refusing links is to replace this method.
    md.validateLink = _refuse_link  # type: ignore[method-assign]
    return md


def markdown_to_html(markdown: str) -> str:
    """The HTML body for Markdown: raw HTML shown as text, links refused."""
    html: str = _renderer().render(markdown)
    return html


@cache
def print_css() -> str:
    """The inline stylesheet for every paper."""
    return files("sdm_facilitator.export").joinpath("print.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: everything but letters, digits and spaces hex-escaped.

    Each escape ends with the space CSS reads as its end, so a real space after it is kept.

    The running page header holds the family label; escaping this much means
    it can neither end the string nor the ``<style>`` element.
    """
    out = []
    for ch in one_line(text):
        out.append(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x} ")
    return '"' + "".join(out) + '"'


def paper_to_html(paper: Paper) -> str:
    """The whole paper as one HTML document, ready to open, print or save as PDF."""
    body = markdown_to_html(paper_to_markdown(paper))
    running_header = (
        f"@page {{ @top-left {{ content: {css_string(paper.header)}; font-size: 9pt; color: #444; }} }}"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(paper.lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(one_line(paper.title))}</title>\n"
        f"<style>\n{print_css()}{running_header}\n</style>\n"
        "</head>\n"
        "<body>\n"
        f"<main>\n{body}</main>\n"
        "</body>\n"
        "</html>\n"
    )

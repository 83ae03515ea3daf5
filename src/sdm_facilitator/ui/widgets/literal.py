"""Showing user text literally: never parsed as markup, control characters made visible."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from sdm_facilitator.domain.safe_text import one_line, visible


def literal(text: str) -> Content:
    """User text as Textual content: brackets, ``[bold]`` and emoji shown as typed."""
    return Content(visible(text))


def literal_line(text: str, limit: int | None = None) -> Content:
    """User text on one line, shortened at ``limit``, for lists and titles."""
    return Content(one_line(text, limit))


def literal_cell(text: str, limit: int | None = None) -> Text:
    """User text for a DataTable cell (a Rich ``Text``, which is never parsed).

    A cell narrower than the text ends it in "…", so a cut is always visible.
    """
    return Text(one_line(text, limit), overflow="ellipsis", no_wrap=True)

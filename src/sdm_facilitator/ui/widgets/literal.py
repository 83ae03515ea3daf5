"""Showing user text literally: never parsed as markup, control characters made visible."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from sdm_facilitator.domain.safe_text import one_line, visible

# ``visible`` has already replaced every control code Textual would strip (bell, backspace, vertical
# tab, form feed, carriage return) with a visible symbol, so Textual's own pass is skipped: it runs
# ``str.translate`` with a mapping, which for text outside Latin-1 (Arabic, Polish, emoji) looks up
# every character one by one (268 readiness items of a large meeting cost 0.1 s to open).


def literal(text: str) -> Content:
    """User text as Textual content: brackets, ``[bold]`` and emoji shown as typed."""
    return Content(visible(text), strip_control_codes=False)


def literal_line(text: str, limit: int | None = None) -> Content:
    """User text on one line, shortened at ``limit``, for lists and titles."""
    return Content(one_line(text, limit), strip_control_codes=False)


def literal_parts(*parts: str | tuple[str, str]) -> Content:
    """Pieces of one line, each a text or (text, style), with every text already passed through
    ``one_line`` or ``visible`` or written by the app itself (see above)."""
    return Content.assemble(*parts, strip_control_codes=False)


def literal_cell(text: str, limit: int | None = None) -> Text:
    """User text for a DataTable cell (a Rich ``Text``, which is never parsed).

    A cell narrower than the text ends it in "…", so a cut is always visible.
    """
    return Text(one_line(text, limit), overflow="ellipsis", no_wrap=True)

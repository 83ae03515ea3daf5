"""Welsh and English together on a family's screen, as the family's bilingual papers print them.

A family who chose Welsh and English sees every block twice, Welsh first.
Where the screen is wide enough (``SIDE_BY_SIDE_FROM`` columns) the two stand
side by side, Welsh on the left, like the two columns of a printed
bilingual paper. Narrower, as at 80 columns, they stand one above the other:
half of 76 usable columns would wrap a Welsh question (often 70 letters and
more) onto three lines in each column, so a family would read broken lines
twice over, while Welsh above English keeps each sentence whole for the same
height. The English is set in italics so the eye can keep to one language.
The layout is the screen's stylesheet's choice (a breakpoint class on the
screen), so the same widgets serve both widths and a resize needs no rebuild.

Short words (a heading, the title, the footer's keys) are joined on one
line instead, "Cymraeg / English", as the papers join their headings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.containers import Horizontal, Vertical
from textual.widget import Widget

from sdm_facilitator.domain.translation import Translator

#: From this width a bilingual screen shows its two languages side by side.
SIDE_BY_SIDE_FROM = 100
#: The screen classes for the two layouts (Textual breakpoints, set on every resize).
BREAKPOINTS: list[tuple[int, str]] = [(0, "-stacked"), (SIDE_BY_SIDE_FROM, "-side-by-side")]
#: Between the Welsh and the English of words joined on one line (as the papers' ``BETWEEN``).
BETWEEN = " / "


def joined(texts: Iterable[str]) -> str:
    """Each language's words on one line, the same words once: "Welsh / English"."""
    return BETWEEN.join(dict.fromkeys(text for text in texts if text))


def language_class(tr: Translator) -> str:
    """The class that marks a column's language (``in-cy``, ``in-en``): the stylesheet sets the English apart."""
    return f"in-{tr.lang}"


class LanguagePair(Horizontal):
    """One block in each language, Welsh first: side by side on a wide screen, else Welsh above English."""

    DEFAULT_CLASSES = "language-pair"

    def __init__(
        self, columns: Sequence[tuple[Translator, Sequence[Widget]]], *, id: str | None = None
    ) -> None:
        super().__init__(
            *(Vertical(*widgets, classes=f"in-language {language_class(tr)}") for tr, widgets in columns),
            id=id,
        )

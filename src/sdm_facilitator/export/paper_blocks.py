"""A paper as a few plain blocks, built once and rendered to Markdown, HTML or text.

Every string in a block is plain text: a person's words and the app's own
labels alike. Only the renderers turn blocks into a format, and they escape
every string on the way, so nothing typed can ever become a heading, a link,
a table cell break or a tag, whatever it contains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sdm_facilitator.domain.contact_privacy import LeftOut


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 is the paper's (or a part's) title."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Running text; line breaks a person typed are kept."""

    text: str


@dataclass(frozen=True)
class Note:
    """A kind line about something missing ("The review date is not set yet.")."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A list of short items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label and value pairs, one a line ("Venue: the church hall")."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """Rows under column headers; cells are one line each."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageBreak:
    """Where a printed paper starts a new page (one child's plan after another's)."""


Block = Heading | Paragraph | Note | Bullets | Fields | Table | PageBreak


@dataclass
class Paper:
    """One paper: what it is, whom it is about, and its blocks in order.

    ``header`` is the line printed at the top of each page (the family label
    and the date), ``lang`` the language of the app's own words.
    """

    title: str
    header: str
    blocks: list[Block] = field(default_factory=list)
    lang: str = "en"
    #: What the paper left out because someone is at risk, for the coordinator (never printed).
    left_out: list[LeftOut] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def section(self, heading: str, body: Sequence[Block], *, missing: str = "") -> None:
        """A heading with its body, or with a kind note when there is nothing to say."""
        if body:
            self.add(Heading(heading), *body)
        elif missing:
            self.add(Heading(heading), Note(missing))

    def strings(self) -> list[str]:
        """Every piece of text in the paper, for the language check and for tests."""
        found: list[str] = [self.title, self.header]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph, Note)):
                found.append(block.text)
            elif isinstance(block, Bullets):
                found.extend(block.items)
            elif isinstance(block, Fields):
                found.extend(text for pair in block.pairs for text in pair)
            elif isinstance(block, Table):
                found.extend(block.headers)
                found.extend(cell for row in block.rows for cell in row)
        return found


def paragraph_or_note(text: str, missing: str) -> list[Block]:
    """The text as a paragraph, or the kind note when nothing was written."""
    return [Paragraph(text)] if text.strip() else [Note(missing)]

"""The family's network drawn in the terminal: boxes, household frames, marks; arrows move along it.

Drawn from ``domain.network_layout`` (the paper draws from the same layout).
Every mark is a symbol, never colour alone: the status symbol in each box,
double lines round a child, a heavy frame round the highlighted person, a
rounded frame round a household, and a symbol for how the relationship is for
the child. Names are the coordinator's typing: folded onto one line and cut by
terminal cells (wide characters and emoji take two), never read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.widget import Widget

from sdm_facilitator.domain.family_network import found_through_words
from sdm_facilitator.domain.labels import (
    BOND_LABELS,
    CONTACT_LABELS,
    RELATION_LABELS,
    SIDE_LABELS,
)
from sdm_facilitator.domain.network_layout import (
    COLUMN_WORDS,
    FULL_WIDTH_ROWS,
    ROW_WORDS,
    STATUS_SYMBOLS,
    STATUS_WORDS,
    Box,
    NetworkLayout,
    Node,
)
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.network_svg import fit

#: How the relationship is for the child, as a symbol in the box (the ecomap's line).
BOND_SYMBOLS = {"supportive": "━", "mixed": "┄", "stressful": "≈", "broken": "╳"}
SHORT_RELATIONS = {
    "parent": "Parent",
    "step-parent": "Step-parent",
    "parent-partner": "Parent's partner",
    "grandparent": "Grandparent",
    "great-grandparent": "Great-grandparent",
    "aunt-uncle": "Aunt or uncle",
    "sibling": "Sibling",
    "half-sibling": "Half-sibling",
    "cousin": "Cousin",
}


def legend_text() -> str:
    """What every mark means, for the line under the drawing."""
    marks = " · ".join(f"{STATUS_SYMBOLS[s]} {STATUS_WORDS[s]}" for s in STATUS_SYMBOLS)
    bonds = " ".join(f"{symbol} {word}" for word, symbol in BOND_SYMBOLS.items())
    return f"{marks} · ╔═╗ a child · ╭─╮ a household · for the child: {bonds} · † died"


def relation_words(node: Node) -> str:
    """The short words on a box's second line: the relation, or the role while none is recorded."""
    if node.is_child:
        return SHORT_RELATIONS.get(node.relation or "", "Child")
    if node.relation is not None:
        return SHORT_RELATIONS.get(node.relation, RELATION_LABELS.get(node.relation, node.relation))
    return "relation?"


class _Canvas:
    """A grid of terminal cells; a wide character fills its cell and leaves the next one empty."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.styles: list[list[str]] = [[""] * width for _ in range(height)]

    def put(self, x: int, y: int, text: str, style: str = "") -> None:
        if not 0 <= y < self.height:
            return
        for char in text:
            w = cell_len(char)
            if w == 0:
                continue
            if x + w > self.width:
                return
            if x >= 0:
                self.cells[y][x] = char
                self.styles[y][x] = style
                for extra in range(1, w):
                    self.cells[y][x + extra] = ""
                    self.styles[y][x + extra] = style
            x += w

    def frame(self, box: Box, corners: str, style: str = "") -> None:
        """Draw a frame round ``box``: ``corners`` is top-left, top-right, bottom-left, bottom-right, across, down."""
        tl, tr, bl, br, across, down = tuple(corners)
        right, bottom = box.x + box.w - 1, box.y + box.h - 1
        self.put(box.x, box.y, tl + across * (box.w - 2) + tr, style)
        self.put(box.x, bottom, bl + across * (box.w - 2) + br, style)
        for y in range(box.y + 1, bottom):
            self.put(box.x, y, down, style)
            self.put(right, y, down, style)

    def lines(self) -> list[Content]:
        out = []
        for row, styles in zip(self.cells, self.styles, strict=True):
            parts: list[tuple[str, str] | str] = []
            for char, style in zip(row, styles, strict=True):
                parts.append((char, style) if style else char)
            out.append(Content.assemble(*parts))
        return out


LIGHT = "┌┐└┘─│"
DOUBLE = "╔╗╚╝═║"
HEAVY = "┏┓┗┛━┃"
ROUNDED = "╭╮╰╯┄┆"


def draw(layout: NetworkLayout, cursor: str | None) -> list[Content]:
    """The drawing as lines of content: headings, row words, household frames, boxes."""
    canvas = _Canvas(max(layout.width, 1), max(layout.height, 1))
    for band in layout.columns:
        held = layout.in_column(band.column)
        canvas.put(band.x, 0, fit(COLUMN_WORDS[band.column], band.w), "bold")
        count = f"{len(held)} {'person' if len(held) == 1 else 'people'}" if held else "○ nobody yet"
        canvas.put(band.x, 1, fit(count, band.w), "italic" if not held else "dim")
    for row in layout.rows:
        words = ROW_WORDS[row.row]
        canvas.put(0, row.y, fit(words, layout.width), "dim italic" if row.row in FULL_WIDTH_ROWS else "dim")
    for household in layout.households:
        canvas.frame(household.box, ROUNDED, "dim")
        canvas.put(
            household.box.x + 2,
            household.box.y,
            fit(f" {one_line(household.name)} ", household.box.w - 4),
            "italic",
        )
    for node in layout.nodes:
        chosen = node.key == cursor
        style = "reverse bold" if chosen else ""
        canvas.frame(node.box, HEAVY if chosen else DOUBLE if node.is_child else LIGHT, style)
        inner = node.box.w - 2
        name = one_line(node.name) or "(no name yet)"
        canvas.put(
            node.box.x + 1, node.box.y + 1, fit(f"{node.symbol} {name}".ljust(inner), inner), style or "bold"
        )
        second = relation_words(node)
        if node.place.alive is False:
            second = f"† {second}"
        bond = BOND_SYMBOLS.get(node.place.bond or "")
        if bond:
            second = f"{fit(second, inner - 2)} {bond}"
        canvas.put(node.box.x + 1, node.box.y + 2, fit(second, inner).ljust(inner), style)
    return canvas.lines()


def node_words(node: Node, child_names: dict[str, str]) -> str:
    """One person or child in full, for the line under the drawing."""
    parts = [f"{node.symbol} {one_line(node.name) or '(no name yet)'}: {STATUS_WORDS[node.status]}"]
    relations = [
        f"{RELATION_LABELS[r.relation].lower()} of {child_names.get(r.child, 'a child no longer listed')}"
        for r in node.place.relations
    ]
    if relations:
        parts.append(", ".join(relations))
    elif not node.is_child:
        parts.append("how they are related is not recorded")
    place = node.place
    if place.side:
        parts.append(SIDE_LABELS[place.side].lower())
    if place.household.strip():
        parts.append(f"household: {one_line(place.household)}")
    if place.alive is False:
        parts.append("died")
    if place.contact:
        parts.append(f"contact: {CONTACT_LABELS[place.contact].lower()}")
    if place.bond:
        parts.append(f"for the child: {BOND_LABELS[place.bond].lower()}")
    if place.found_through:
        parts.append(f"found through {found_through_words(place.found_through)}")
    return " · ".join(parts)


class NetworkMap(Widget, can_focus=True):
    """The drawing; the arrows move between people as they sit in it, Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move('up')", "Up", show=False),
        Binding("down", "move('down')", "Down", show=False),
        Binding("left", "move('left')", "Left", show=False),
        Binding("right", "move('right')", "Right", show=False),
        Binding("enter", "open", "Open"),
    ]

    DEFAULT_CSS = """
    NetworkMap { width: auto; height: auto; }
    """

    class Moved(Message):
        """The highlight moved to another person or child."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    class Opened(Message):
        """Enter on a person or child: open their form."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.network: NetworkLayout | None = None
        self.highlighted: str | None = None
        self._lines: list[Content] = []

    def show(self, layout: NetworkLayout) -> None:
        """Draw ``layout``, keeping the highlight on the same person where they are still there."""
        self.network = layout
        if self.highlighted is None or layout.node(self.highlighted) is None:
            self.highlighted = layout.nodes[0].key if layout.nodes else None
        self._lines = draw(layout, self.highlighted)
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.network.width if self.network else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render(self) -> Content:
        return Content("\n").join(self._lines)

    def action_move(self, direction: str) -> None:
        if self.network is None or self.highlighted is None:
            return
        found = self.network.neighbour(self.highlighted, direction)
        if found is None:
            return
        self.select(found)

    def select(self, key: str) -> None:
        """Highlight ``key`` and bring it into view."""
        if self.network is None or self.network.node(key) is None:
            return
        self.highlighted = key
        self._lines = draw(self.network, key)
        self.refresh()
        self.post_message(self.Moved(key))
        self.call_after_refresh(self._bring_into_view)

    def _bring_into_view(self) -> None:
        node = self.network.node(self.highlighted) if self.network and self.highlighted else None
        if node is None:
            return
        box = node.box
        region = Region(box.x, box.y, box.w, box.h)
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.is_scrollable:
                offset = self.region.offset - ancestor.region.offset + ancestor.scroll_offset
                ancestor.scroll_to_region(region.translate(offset), animate=False, immediate=True)
                break

    def action_open(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Opened(self.highlighted))

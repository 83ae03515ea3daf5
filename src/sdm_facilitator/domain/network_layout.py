"""Where each person goes in the drawing of the family's network: pure geometry, no drawing.

The children sit in the middle column, the mother's side to the left and
the father's side to the right; generations are rows (great-grandparents at
the top, the children's own generation last), then a row for the people
around the family (friends, neighbours, community, professionals: the
ecomap) and a row for anyone whose relation is not recorded yet. People who
share a household and sit in the same row and column are boxed together.

Units are abstract grid cells (a terminal cell on screen; the paper scales
them), and every box is a rectangle that never overlaps another: the screen
(``ui/workspace/network.py``) and the paper (``export/network_paper.py``)
both draw from this one layout, so they always agree, and the arrow keys
move along it (:meth:`NetworkLayout.neighbour`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sdm_facilitator.domain.family_network import (
    OUTSIDE_FAMILY,
    PARENT_RELATIONS,
    NetworkPlace,
    generation_of,
)
from sdm_facilitator.domain.meeting import Child, Person
from sdm_facilitator.domain.network_words import COLUMN_WORDS as COLUMN_WORDS
from sdm_facilitator.domain.network_words import ROW_WORDS as ROW_WORDS
from sdm_facilitator.domain.network_words import STATUS_WORDS as STATUS_WORDS

MOTHER, MIDDLE, FATHER = "mother", "middle", "father"
COLUMNS = (MOTHER, MIDDLE, FATHER)

AROUND, NOT_PLACED = "around", "not-placed"
#: Rows from the top: generations (children's own is 0), then around the family, then not placed.
ROW_ORDER: tuple[int | str, ...] = (-3, -2, -1, 0, AROUND, NOT_PLACED)
FULL_WIDTH_ROWS = (AROUND,)
#: Lines above the first row: the column headings, then how many each column holds.
HEADING_LINES = 2

#: Status marks: never colour alone, so a symbol for each (the legend says what they mean).
CHILD, PREPARED, INVITED, NOT_YET, DECLINED, NOT_INVITED = (
    "child",
    "prepared",
    "invited",
    "not-yet",
    "declined",
    "not-invited",
)
STATUS_SYMBOLS = {
    CHILD: "★",
    PREPARED: "✓",
    INVITED: "•",
    NOT_YET: "?",
    DECLINED: "✗",
    NOT_INVITED: "–",
}


@dataclass(frozen=True)
class Box:
    """A rectangle on the grid: ``x``, ``y`` its top left, half-open to the right and below."""

    x: int
    y: int
    w: int
    h: int

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.x + other.w
            and other.x < self.x + self.w
            and self.y < other.y + other.h
            and other.y < self.y + self.h
        )

    def contains(self, other: Box) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.w <= self.x + self.w
            and other.y + other.h <= self.y + self.h
        )

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Node:
    """One person or child in the drawing, with the words the drawing shows."""

    key: str
    name: str
    is_child: bool
    status: str
    relation: str | None
    column: str
    row: int | str
    household: str
    place: NetworkPlace
    box: Box

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self.status]


@dataclass(frozen=True)
class Household:
    """A frame round the people of one household in one row and column, named in its top edge."""

    name: str
    box: Box
    members: tuple[str, ...]


@dataclass(frozen=True)
class RowBand:
    """One row of the drawing: its words on a line of their own at ``y``, its people below."""

    row: int | str
    y: int
    h: int


@dataclass(frozen=True)
class ColumnBand:
    """One column: its heading words at the top, its left edge and width."""

    column: str
    x: int
    w: int


@dataclass(frozen=True)
class Geometry:
    """Sizes in grid cells: a person's box, the gaps, and how many boxes go across in a column."""

    box_w: int = 18
    box_h: int = 4
    gap: int = 1
    column_gap: int = 2
    across: int = 1


@dataclass(frozen=True)
class NetworkLayout:
    """The whole drawing: people, household frames, row and column bands, and its size."""

    nodes: tuple[Node, ...]
    households: tuple[Household, ...]
    rows: tuple[RowBand, ...]
    columns: tuple[ColumnBand, ...]
    width: int
    height: int

    def node(self, key: str) -> Node | None:
        return next((n for n in self.nodes if n.key == key), None)

    def in_column(self, column: str) -> list[Node]:
        return [n for n in self.nodes if n.column == column and n.row not in FULL_WIDTH_ROWS]

    def neighbour(self, key: str, direction: str) -> str | None:
        """The person the arrow ``direction`` ("up", "down", "left", "right") leads to from ``key``.

        The nearest box whose centre lies that way, favouring boxes in line
        with this one, so the arrows follow the drawing as the eye does.
        """
        here = self.node(key)
        if here is None:
            return self.nodes[0].key if self.nodes else None
        hx, hy = here.box.centre
        best: tuple[float, str] | None = None
        for other in self.nodes:
            if other.key == key:
                continue
            ox, oy = other.box.centre
            along, across = {
                "right": (ox - hx, oy - hy),
                "left": (hx - ox, oy - hy),
                "down": (oy - hy, ox - hx),
                "up": (hy - oy, ox - hx),
            }[direction]
            if along <= 0:
                continue
            # Moving sideways, a row away counts for a lot; moving up or down, columns are wide.
            weight = 10.0 if direction in ("left", "right") else 0.5
            score = along + abs(across) * weight
            if best is None or score < best[0]:
                best = (score, other.key)
        return best[1] if best else None


# ------------------------------------------------------------------ who goes where


def person_status(person: Person) -> str:
    """The drawing's mark for a person's invitation and preparation."""
    if person.invitation == "declined":
        return DECLINED
    if person.invitation == "not-invited":
        return NOT_INVITED
    if person.invitation in ("suggested", "family-agreed"):
        return NOT_YET
    return PREPARED if person.prepared else INVITED


def _column(side: str | None) -> str:
    return {"mother": MOTHER, "father": FATHER}.get(side or "", MIDDLE)


def person_row(person: Person, child_ids: list[str]) -> tuple[int | str, str | None]:
    """The row a person goes in and the relation that put them there."""
    relation = person.network.closest_relation(child_ids)
    if relation in OUTSIDE_FAMILY:
        return AROUND, relation
    generation = generation_of(relation)
    if generation is not None:
        return generation, relation
    # Nothing recorded: the role says only what it says (a parent, a professional), never guessed further.
    if person.role == "parent":
        return -1, None
    if person.is_professional or person.role == "friend-community":
        return AROUND, None
    if person.role == "child":
        return 0, None
    return NOT_PLACED, None


def is_beyond_parents(person: Person, child_ids: list[str]) -> bool:
    """Someone in the network who is not a parent of the children (nor their partner) and not a professional."""
    if person.is_professional or person.role == "child":
        return False
    relation = person.network.closest_relation(child_ids)
    if relation is not None:
        return relation not in PARENT_RELATIONS and relation != "professional"
    return person.role != "parent"


@dataclass
class _Entry:
    key: str
    name: str
    is_child: bool
    status: str
    relation: str | None
    column: str
    row: int | str
    place: NetworkPlace


def _entries(children: Sequence[Child], people: Sequence[Person]) -> list[_Entry]:
    child_ids = [c.id for c in children]
    out = [
        _Entry(c.id, c.name, True, CHILD, c.network.closest_relation(child_ids), MIDDLE, 0, c.network)
        for c in children
    ]
    for person in people:
        row, relation = person_row(person, child_ids)
        column = MIDDLE if row in FULL_WIDTH_ROWS else _column(person.network.side)
        out.append(
            _Entry(
                person.id, person.name, False, person_status(person), relation, column, row, person.network
            )
        )
    return out


# ------------------------------------------------------------------ packing


@dataclass
class _Block:
    """A household (several people) or one person, packed as a unit."""

    household: str
    members: list[_Entry]
    cols: int
    w: int
    h: int


def _blocks(entries: list[_Entry], g: Geometry, across: int) -> list[_Block]:
    blocks: list[_Block] = []
    by_household: dict[str, _Block] = {}
    for entry in entries:
        name = " ".join(entry.place.household.split())
        if name and name in by_household:
            by_household[name].members.append(entry)
            continue
        block = _Block(name, [entry], 1, g.box_w, g.box_h)
        blocks.append(block)
        if name:
            by_household[name] = block
    for block in blocks:
        if not block.household:
            continue
        n = len(block.members)
        block.cols = max(1, min(n, across))
        lines = -(-n // block.cols)
        block.w = block.cols * g.box_w + (block.cols - 1) * g.gap + 2
        block.h = lines * g.box_h + 2
    return blocks


def _pack(blocks: list[_Block], limit: int, g: Geometry) -> tuple[list[tuple[_Block, int, int]], int, int]:
    """Shelf packing: blocks left to right, a new shelf when the next would pass ``limit``."""
    placed: list[tuple[_Block, int, int]] = []
    x = y = shelf_h = width = 0
    for block in blocks:
        if x and x + block.w > limit:
            y += shelf_h + g.gap
            x = shelf_h = 0
        placed.append((block, x, y))
        width = max(width, x + block.w)
        shelf_h = max(shelf_h, block.h)
        x += block.w + g.gap
    return placed, width, (y + shelf_h if placed else 0)


def network_layout(
    children: Sequence[Child], people: Sequence[Person], geometry: Geometry | None = None
) -> NetworkLayout:
    """Lay out ``children`` and ``people`` (already chosen by the caller: a paper may leave some out)."""
    g = geometry or Geometry()
    across = max(1, g.across)
    entries = _entries(children, people)
    household_w = across * g.box_w + (across - 1) * g.gap + 2
    column_limit = max(household_w, g.box_w)
    cells: dict[tuple[int | str, str], tuple[list[tuple[_Block, int, int]], int, int]] = {}
    column_w = dict.fromkeys(COLUMNS, g.box_w)
    rows = [row for row in ROW_ORDER if any(e.row == row for e in entries)]
    for row in rows:
        if row in FULL_WIDTH_ROWS:
            continue
        for column in COLUMNS:
            chosen = [e for e in entries if e.row == row and e.column == column]
            cells[(row, column)] = _pack(_blocks(chosen, g, across), column_limit, g)
            column_w[column] = max(column_w[column], cells[(row, column)][1])
    xs: dict[str, int] = {}
    x = 0
    for column in COLUMNS:
        xs[column] = x
        x += column_w[column] + g.column_gap
    total_w = x - g.column_gap
    for row in rows:
        if row in FULL_WIDTH_ROWS:
            chosen = [e for e in entries if e.row == row]
            cells[(row, MIDDLE)] = _pack(
                _blocks(chosen, g, max(across, total_w // (g.box_w + g.gap))), total_w, g
            )

    nodes: list[Node] = []
    households: list[Household] = []
    bands: list[RowBand] = []
    y = HEADING_LINES  # each column's heading, and a line saying who it holds
    for row in rows:
        top = y + 1  # the row's own words take a line
        height = 0
        for column in (MIDDLE,) if row in FULL_WIDTH_ROWS else COLUMNS:
            placed, _w, h = cells[(row, column)]
            left = 0 if row in FULL_WIDTH_ROWS else xs[column]
            height = max(height, h)
            for block, bx, by in placed:
                inner = 1 if block.household else 0
                for index, entry in enumerate(block.members):
                    col, line = index % block.cols, index // block.cols
                    box = Box(
                        left + bx + inner + col * (g.box_w + g.gap),
                        top + by + inner + line * g.box_h,
                        g.box_w,
                        g.box_h,
                    )
                    nodes.append(
                        Node(
                            entry.key,
                            entry.name,
                            entry.is_child,
                            entry.status,
                            entry.relation,
                            entry.column,
                            entry.row,
                            block.household,
                            entry.place,
                            box,
                        )
                    )
                if block.household:
                    households.append(
                        Household(
                            block.household,
                            Box(left + bx, top + by, block.w, block.h),
                            tuple(e.key for e in block.members),
                        )
                    )
        bands.append(RowBand(row, y, height + 1))
        y = top + height + g.gap
    columns = tuple(ColumnBand(c, xs[c], column_w[c]) for c in COLUMNS)
    return NetworkLayout(tuple(nodes), tuple(households), tuple(bands), columns, total_w, max(y, 1))

"""The network map on paper: the genogram and ecomap as an inline SVG, with the same people as a list.

Drawn from ``domain.network_layout``, the layout the Network section uses:
pure Python writing SVG text, nothing to install and no program to run, so
it works on any coordinator's laptop and a browser prints it. The HTML page
is self-contained (A4 landscape, the drawing scales with the page, so it
stays sharp at 200% zoom); the list under it says the same in words, for
screen readers and for the Markdown and text formats.

The family's version leaves out anyone not to be invited, every reason,
every address (no contact detail is ever drawn), and everyone the risk
screen names as at risk, whose household's name is left off too (it could
say where they live). ``include_notes`` gives the professionals' version:
everyone, with their invitation and why someone is not invited.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from typing import TypeVar

from rich.cells import cell_len

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import NAMELESS, LeftOut, at_risk_ids
from sdm_facilitator.domain.family_network import found_through_words
from sdm_facilitator.domain.labels import (
    BOND_LABELS,
    CONTACT_LABELS,
    INVITATION_LABELS,
    RELATION_LABELS,
    ROLE_LABELS,
    SIDE_LABELS,
)
from sdm_facilitator.domain.network_layout import (
    COLUMN_WORDS,
    FULL_WIDTH_ROWS,
    ROW_WORDS,
    STATUS_SYMBOLS,
    STATUS_WORDS,
    Geometry,
    NetworkLayout,
    Node,
    network_layout,
)
from sdm_facilitator.domain.network_missing import who_might_be_missing
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.facts import header_line
from sdm_facilitator.export.paper_blocks import Block, Bullets, Heading, Note, Paper, Paragraph, Table

#: The paper's grid: two boxes across in a column, each 20 cells wide.
PAPER_GEOMETRY = Geometry(box_w=20, box_h=4, gap=1, column_gap=2, across=2)
#: One grid cell in SVG units (px at 100%): wide enough for 12px text, 20 cells to a name.
CELL_X, CELL_Y = 8, 15
BOND_DASHES = {"supportive": "", "mixed": "8 4", "stressful": "2 3", "broken": "10 6"}
BOND_SYMBOLS = {"supportive": "━", "mixed": "┄", "stressful": "≈", "broken": "╳"}
#: Around a name: first-strong isolation, so right-to-left text cannot reorder what follows it.
FSI, PDI = "\u2068", "\u2069"
PAGE_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
body { max-width: 80rem; }
figure.network { margin: 0.5rem 0; }
figure.network svg { width: 100%; height: auto; display: block; }
figure.network figcaption { font-size: 0.85rem; color: #333; }
@media print, (min-width: 60rem) {
  main { display: grid; grid-template-columns: 5fr 3fr; column-gap: 1.5rem; align-items: start;
         grid-auto-flow: row dense; }
  main > * { grid-column: 2; }
  main > h1, main > p { grid-column: 1 / -1; }
  main > figure.network { grid-column: 1; grid-row: span 30; }
}
@media print {
  html { font-size: 8pt; line-height: 1.3; }
  body { padding: 0; }
  figure.network svg { max-height: 150mm; }
  h1 { font-size: 1.4rem; }
  h2 { margin: 0.3rem 0 0.2rem; }
  ul { margin: 0; padding-left: 1.2em; }
  p { margin: 0.2rem 0; }
  .legend { display: none; }
}
"""


_Entry = TypeVar("_Entry", m.Person, m.Child)


def network_title(meeting: m.Meeting) -> str:
    names = [one_line(c.name, 40) for c in meeting.children if c.name.strip()]
    if not names:
        return "The people around the children"
    if len(names) == 1:
        return f"The people around {names[0]}"
    return f"The people around {', '.join(names[:-1])} and {names[-1]}"


# ------------------------------------------------------------------ who is on which version


def chosen_people(
    meeting: m.Meeting, *, include_notes: bool
) -> tuple[list[m.Child], list[m.Person], list[LeftOut]]:
    """The children and people this version shows, and who was left out because they are at risk.

    The family's version: nobody not to be invited, nobody at risk, and no
    household name shared with someone at risk.
    """
    if include_notes:
        return list(meeting.children), list(meeting.people), []
    hidden = at_risk_ids(meeting)
    entries: list[m.Person | m.Child] = [*meeting.people, *meeting.children]
    hidden_homes = {
        " ".join(entry.network.household.split())
        for entry in entries
        if entry.id in hidden and entry.network.household.strip()
    }

    def without_home(entry: _Entry) -> _Entry:
        if " ".join(entry.network.household.split()) in hidden_homes:
            return dataclasses.replace(entry, network=dataclasses.replace(entry.network, household=""))
        return entry

    left_out = [
        LeftOut(p.name.strip() or NAMELESS, ("place on the network map",))
        for p in meeting.people
        if p.id in hidden and p.invitation != "not-invited"
    ]
    people = [without_home(p) for p in meeting.people if p.id not in hidden and p.invitation != "not-invited"]
    children = [without_home(c) for c in meeting.children]
    return children, people, left_out


# ------------------------------------------------------------------ the drawing


def _fit(text: str, cells: int) -> str:
    if cell_len(text) <= cells:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _name(text: str, cells: int) -> str:
    """A typed name for the drawing: one line, cut to fit, isolated, escaped."""
    return _esc(FSI + _fit(one_line(text) or "(no name yet)", cells) + PDI)


def _relation_words(node: Node) -> str:
    if node.relation is not None:
        return RELATION_LABELS.get(node.relation, node.relation)
    return "Child" if node.is_child else "Relation not recorded"


def network_svg(layout: NetworkLayout, title: str) -> str:
    """The drawing as one ``<svg>`` element, every piece of typed text escaped."""
    width, height = layout.width * CELL_X + 16, layout.height * CELL_Y + 58
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-8 0 {width} {height}" role="img" '
        f'aria-labelledby="network-svg-title" font-family="system-ui, sans-serif">',
        f'<title id="network-svg-title">{_esc(title)}</title>',
    ]
    children = [n for n in layout.nodes if n.is_child]
    if children:
        cx = sum(n.box.centre[0] for n in children) / len(children) * CELL_X
        cy = sum(n.box.centre[1] for n in children) / len(children) * CELL_Y
        for node in layout.nodes:
            bond = node.place.bond
            if node.is_child or bond is None:
                continue
            x, y = node.box.centre[0] * CELL_X, node.box.centre[1] * CELL_Y
            dash = f' stroke-dasharray="{BOND_DASHES[bond]}"' if BOND_DASHES[bond] else ""
            out.append(
                f'<line x1="{x:.0f}" y1="{y:.0f}" x2="{cx:.0f}" y2="{cy:.0f}" stroke="#555" '
                f'stroke-width="{3 if bond == "supportive" else 1.5}"{dash}/>'
            )
            if bond == "broken":
                mx, my = (x + cx) / 2, (y + cy) / 2
                out.append(
                    f'<text x="{mx:.0f}" y="{my + 5:.0f}" font-size="16" text-anchor="middle">╳</text>'
                )
    for band in layout.columns:
        held = layout.in_column(band.column)
        count = f"{len(held)} {'person' if len(held) == 1 else 'people'}" if held else "○ nobody yet"
        out.append(
            f'<text x="{band.x * CELL_X}" y="12" font-size="14" font-weight="bold">'
            f"{_esc(COLUMN_WORDS[band.column])}</text>"
            f'<text x="{band.x * CELL_X}" y="{CELL_Y + 12}" font-size="12" '
            f'font-style="{"italic" if not held else "normal"}">{_esc(count)}</text>'
        )
    for row in layout.rows:
        style = ' font-style="italic"' if row.row in FULL_WIDTH_ROWS else ""
        out.append(
            f'<text x="0" y="{row.y * CELL_Y + 12}" font-size="11" fill="#333"{style}>{_esc(ROW_WORDS[row.row])}</text>'
        )
    for household in layout.households:
        b = household.box
        out.append(
            f'<rect x="{b.x * CELL_X + 2}" y="{b.y * CELL_Y + 4}" width="{b.w * CELL_X - 4}" '
            f'height="{b.h * CELL_Y - 8}" rx="10" fill="none" stroke="#555" stroke-dasharray="4 3"/>'
            f'<text x="{b.x * CELL_X + 12}" y="{b.y * CELL_Y + 8}" font-size="11" font-style="italic" '
            f'stroke="#fff" stroke-width="4" paint-order="stroke">'
            f"{_name(household.name, b.w - 4)}</text>"
        )
    for node in layout.nodes:
        b = node.box
        x, y, w, h = b.x * CELL_X, b.y * CELL_Y, b.w * CELL_X, b.h * CELL_Y
        out.append(
            f'<rect x="{x + 2}" y="{y + 2}" width="{w - 4}" height="{h - 4}" rx="4" fill="#fff" '
            f'stroke="#111" stroke-width="{2.5 if node.is_child else 1}"/>'
        )
        if node.is_child:
            out.append(
                f'<rect x="{x + 5}" y="{y + 5}" width="{w - 10}" height="{h - 10}" rx="3" fill="none" '
                f'stroke="#111" stroke-width="1"/>'
            )
        second = _relation_words(node)
        if node.place.alive is False:
            second = f"† {second}"
        bond = BOND_SYMBOLS.get(node.place.bond or "")
        out.append(
            f'<text x="{x + 10}" y="{y + 24}" font-size="13" font-weight="bold">'
            f"{_esc(node.symbol)} {_name(node.name, b.w - 5)}</text>"
            f'<text x="{x + 10}" y="{y + 42}" font-size="11">{_esc(_fit(second, b.w - 5))}'
            f"{_esc(' ' + bond) if bond else ''}</text>"
        )
    # The legend, inside the drawing so a printed page keeps it beside what it explains.
    items = legend_items()
    marks = len(STATUS_SYMBOLS)
    lines = (items[:marks], items[marks : marks + 2], items[marks + 2 :])
    base = layout.height * CELL_Y + 14
    for index, line in enumerate(lines):
        out.append(f'<text x="0" y="{base + index * 15}" font-size="11">{_esc(" · ".join(line))}</text>')
    out.append("</svg>")
    return "\n".join(out)


# ------------------------------------------------------------------ the words


def legend_items() -> tuple[str, ...]:
    marks = tuple(f"{STATUS_SYMBOLS[s]} {STATUS_WORDS[s]}" for s in STATUS_SYMBOLS)
    bonds = ", ".join(f"{symbol} {BOND_LABELS[word].lower()}" for word, symbol in BOND_SYMBOLS.items())
    return (
        *marks,
        "a double frame: a child the meeting is about",
        "a dashed frame round several people: they live together",
        f"how the relationship is for the child (a line to the children, and its mark): {bonds}",
        "† has died",
    )


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _relations(entry: m.Person | m.Child, names: dict[str, str]) -> str:
    """The relation to each child; while none is recorded, their own words (or their role)."""
    by_relation: dict[str, list[str]] = {}
    for r in entry.network.relations:
        by_relation.setdefault(r.relation, []).append(names.get(r.child, "a child"))
    if by_relation:
        # "grandparent of Amara and Tobi"; "parent of Tobi; step-parent of Amara"
        return "; ".join(
            f"{RELATION_LABELS[relation].lower()} of {_and(who)}" for relation, who in by_relation.items()
        )
    if isinstance(entry, m.Person):
        return one_line(entry.relationship) or ROLE_LABELS.get(entry.role, entry.role)
    return "-"


def people_table(
    layout: NetworkLayout, children: Sequence[m.Child], people: Sequence[m.Person], *, include_notes: bool
) -> Table:
    """The same people as the drawing, in its order, as words."""
    names = {c.id: one_line(c.name, 40) or "a child" for c in children}
    by_id: dict[str, m.Person | m.Child] = {p.id: p for p in people} | {c.id: c for c in children}
    headers = ["Mark", "Name", "How they are related", "Side", "Household", "For the child"]
    if include_notes:
        headers += ["Invitation", "Why not invited"]
    rows = []
    for node in layout.nodes:
        entry = by_id[node.key]
        place = entry.network
        for_child = [BOND_LABELS[place.bond]] if place.bond else []
        if place.contact:
            for_child.append(CONTACT_LABELS[place.contact].lower())
        if place.alive is False:
            for_child.append("has died")
        if place.found_through:
            for_child.append(f"found through {found_through_words(place.found_through)}")
        row = [
            f"{node.symbol} {STATUS_WORDS[node.status]}",
            one_line(entry.name) or "(no name yet)",
            _relations(entry, names),
            SIDE_LABELS[place.side] if place.side else "-",
            one_line(place.household) or "-",
            ", ".join(for_child) or "-",
        ]
        if include_notes:
            if isinstance(entry, m.Person):
                row += [
                    INVITATION_LABELS.get(entry.invitation, entry.invitation),
                    one_line(entry.not_invited_reason) if entry.invitation == "not-invited" else "-",
                ]
            else:
                row += ["-", "-"]
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(rows))


def people_lines(
    layout: NetworkLayout, children: Sequence[m.Child], people: Sequence[m.Person]
) -> tuple[str, ...]:
    """The same people as the drawing, in its order, one line each: for the family's page and screen readers."""
    table = people_table(layout, children, people, include_notes=False)
    lines = []
    for mark, name, related, side, household, for_child in table.rows:
        details = [related]
        details += [side.lower()] if side != "-" else []
        details += [f"lives in {household}"] if household != "-" else []
        details += [for_child[0].lower() + for_child[1:]] if for_child != "-" else []
        lines.append(f"{name} ({mark}): {', '.join(details)}")
    return tuple(lines)


def network_parts(
    meeting: m.Meeting, *, include_notes: bool, enough: int, prompts: dict[str, tuple[str, ...]]
) -> tuple[Paper, str]:
    """The paper (for every format) and its drawing (for HTML)."""
    children, people, left_out = chosen_people(meeting, include_notes=include_notes)
    layout = network_layout(children, people, PAPER_GEOMETRY)
    title = network_title(meeting)
    paper = Paper(title + (" (professionals' version)" if include_notes else ""), header_line(meeting))
    paper.left_out = left_out
    paper.add(
        Paragraph(
            "The children are in the middle, the mother's side on the left, the father's side on the right, "
            "one generation to a row; friends, community and professionals are around the family. "
            "Who else could help?"
        )
    )
    blocks: list[Block] = (
        [people_table(layout, children, people, include_notes=True)]
        if include_notes
        else [Bullets(people_lines(layout, children, people))]
    )
    if not layout.nodes:
        blocks = [Note("Nobody is listed yet.")]
    paper.section("Who is in the network", blocks)
    paper.section("What the marks mean", [Paragraph(" · ".join(legend_items()))])
    if include_notes:
        found = who_might_be_missing(meeting, enough, prompts)
        items = tuple(item.words for item in found)
        paper.section(
            "Who might be missing",
            [Bullets(items)] if items else [],
            missing="Nothing obvious: every side of the family has people.",
        )
        asks = tuple(dict.fromkeys(p for item in found for p in item.prompts))
        if asks:
            paper.add(Heading("Ways to find them", 3), Bullets(asks))
    return paper, network_svg(layout, title)


def network_html(page: str, svg: str) -> str:
    """The paper's HTML page with the drawing above the list of people, and the landscape page styles."""
    figure = (
        '<figure class="network">\n'
        f"{svg}\n"
        "<figcaption>The same people are listed in words beside the drawing.</figcaption>\n"
        "</figure>\n"
    )
    page = page.replace("</style>", PAGE_CSS + "</style>", 1)
    # On paper the legend is printed inside the drawing; on screen it stays as words too.
    page = page.replace(
        "<h2>What the marks mean</h2>\n<p>",
        '<h2 class="legend">What the marks mean</h2>\n<p class="legend">',
        1,
    )
    return page.replace("<h2>", figure + "<h2>", 1)

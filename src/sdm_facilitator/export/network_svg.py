"""The network map's drawing as SVG markup, and the HTML page around it: markup only, no words of its own.

Every word the drawing shows (headings, counts, relation words, the legend)
is given to it already in the paper's language by ``network_paper`` as
``DrawingWords``, so the words pass through the translation layer there and
this module only places and escapes them. A heading or count is one line;
a relation word or a legend line may be two (Welsh above English on a
bilingual paper: the drawing cannot be doubled, so its words are).
People's names and households are drawn as typed: one line, cut to their
box, isolated so right-to-left text cannot reorder what follows, escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from rich.cells import cell_len

from sdm_facilitator.domain.network_layout import FULL_WIDTH_ROWS, Geometry, NetworkLayout, Node
from sdm_facilitator.domain.safe_text import one_line

#: The paper's grid: two boxes across in a column, each 20 cells wide.
PAPER_GEOMETRY = Geometry(box_w=20, box_h=4, gap=1, column_gap=2, across=2)
#: One grid cell in SVG units (px at 100%): wide enough for 12px text, 20 cells to a name.
CELL_X, CELL_Y = 8, 15
BOND_DASHES = {"supportive": "", "mixed": "8 4", "stressful": "2 3", "broken": "10 6"}
BOND_SYMBOLS = {"supportive": "━", "mixed": "┄", "stressful": "≈", "broken": "╳"}
#: Around a name: first-strong isolation, so right-to-left text cannot reorder what follows it.
FSI, PDI = "\u2068", "\u2069"
#: One line of the legend under the drawing, in SVG units.
LEGEND_LINE = 15
#: The widest a character of the legend's 11px text is taken to be, for breaking its lines to the drawing's width.
LEGEND_CHAR_PX = 6
#: Between the items of a legend line.
LEGEND_BETWEEN = " · "


def _print_css(drawing_height: str) -> str:
    """The printed page's small type and tight spacing, with the drawing at most ``drawing_height``."""
    return f"""
@media print {{
  html {{ font-size: 8pt; line-height: 1.3; }}
  body {{ padding: 0; }}
  figure.network svg {{ max-height: {drawing_height}; }}
  h1 {{ font-size: 1.4rem; }}
  h2 {{ margin: 0.3rem 0 0.2rem; }}
  ul {{ margin: 0; padding-left: 1.2em; }}
  p {{ margin: 0.2rem 0; }}
  .legend {{ display: none; }}
}}
"""


PAGE_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
body { max-width: 80rem; }
figure.network { margin: 0.5rem 0; }
figure.network svg { width: 100%; height: auto; display: block; }
figure.network figcaption { font-size: 0.85rem; color: #333; }
@media print, (min-width: 60rem) {
  main { display: grid; grid-template-columns: 9fr 7fr; column-gap: 1.5rem; align-items: start;
         grid-auto-flow: row dense; }
  main > * { grid-column: 2; }
  main > h1, main > p { grid-column: 1 / -1; }
  main > figure.network { grid-column: 1; grid-row: span 30; }
}""" + _print_css("150mm")
#: A bilingual page: the drawing across the landscape page first, then the words in two columns.
BILINGUAL_PAGE_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
body.bilingual { max-width: 80rem; }
figure.network { margin: 0.5rem 0; break-inside: avoid; }
figure.network svg { width: 100%; height: auto; display: block; }
figure.network figcaption { font-size: 0.85rem; color: #333; }""" + _print_css("135mm")


@dataclass(frozen=True)
class DrawingWords:
    """Every word the drawing shows, already in the paper's language (or languages)."""

    #: The drawing's title, for screen readers.
    title: str
    #: Each column's heading, by column.
    columns: dict[str, str]
    #: How many each column holds, by column ("" while it holds nobody: ``nobody`` is shown).
    counts: dict[str, str]
    nobody: str
    #: Each row's heading, by row.
    rows: dict[int | str, str]
    #: The second line(s) of each person's box (their relation, a dagger if they have died), by node key.
    relations: dict[str, tuple[str, ...]]
    #: What a box shows while nobody has typed a name.
    no_name: str
    #: The legend's lines, under the drawing.
    legend: tuple[str, ...]


@dataclass(frozen=True)
class NetworkDrawing:
    """The drawing, and the words the HTML page puts around it, in the paper's language (or both)."""

    svg: str
    #: Under the drawing.
    caption: str
    #: The legend section's heading as the page prints it (the Welsh on a bilingual page), to hide it on paper.
    legend_heading: str
    #: Whether the page is a bilingual paper's two columns.
    bilingual: bool = False


def fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells, with an ellipsis where it was cut."""
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


def _name(text: str, cells: int, no_name: str) -> str:
    """A typed name for the drawing: one line, cut to fit, isolated, escaped."""
    return _esc(FSI + fit(one_line(text) or no_name, cells) + PDI)


def network_svg(layout: NetworkLayout, words: DrawingWords) -> str:
    """The drawing as one ``<svg>`` element, every piece of typed text escaped."""
    legend = _legend_lines(words.legend, layout.width * CELL_X // LEGEND_CHAR_PX)
    width, height = layout.width * CELL_X + 16, layout.height * CELL_Y + len(legend) * LEGEND_LINE + 13
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-8 0 {width} {height}" role="img" '
        f'aria-labelledby="network-svg-title" font-family="system-ui, sans-serif">',
        f'<title id="network-svg-title">{_esc(words.title)}</title>',
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
        count = words.counts.get(band.column, "")
        out.append(
            f'<text x="{band.x * CELL_X}" y="12" font-size="14" font-weight="bold">'
            f"{_esc(words.columns[band.column])}</text>"
            f'<text x="{band.x * CELL_X}" y="{CELL_Y + 12}" font-size="12" '
            f'font-style="{"normal" if count else "italic"}">{_esc(count or words.nobody)}</text>'
        )
    for row in layout.rows:
        style = ' font-style="italic"' if row.row in FULL_WIDTH_ROWS else ""
        out.append(
            f'<text x="0" y="{row.y * CELL_Y + 12}" font-size="11" fill="#333"{style}>'
            f"{_esc(words.rows[row.row])}</text>"
        )
    for household in layout.households:
        b = household.box
        out.append(
            f'<rect x="{b.x * CELL_X + 2}" y="{b.y * CELL_Y + 4}" width="{b.w * CELL_X - 4}" '
            f'height="{b.h * CELL_Y - 8}" rx="10" fill="none" stroke="#555" stroke-dasharray="4 3"/>'
            f'<text x="{b.x * CELL_X + 12}" y="{b.y * CELL_Y + 8}" font-size="11" font-style="italic" '
            f'stroke="#fff" stroke-width="4" paint-order="stroke">'
            f"{_name(household.name, b.w - 4, words.no_name)}</text>"
        )
    for node in layout.nodes:
        out.extend(_box(node, words))
    # The legend, inside the drawing so a printed page keeps it beside what it explains.
    base = layout.height * CELL_Y + 14
    for index, line in enumerate(legend):
        out.append(f'<text x="0" y="{base + index * LEGEND_LINE}" font-size="11">{_esc(line)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _box(node: Node, words: DrawingWords) -> list[str]:
    """One person's box: a double frame for a child, the mark and name, then the relation line(s)."""
    b = node.box
    x, y, w, h = b.x * CELL_X, b.y * CELL_Y, b.w * CELL_X, b.h * CELL_Y
    out = [
        f'<rect x="{x + 2}" y="{y + 2}" width="{w - 4}" height="{h - 4}" rx="4" fill="#fff" '
        f'stroke="#111" stroke-width="{2.5 if node.is_child else 1}"/>'
    ]
    if node.is_child:
        out.append(
            f'<rect x="{x + 5}" y="{y + 5}" width="{w - 10}" height="{h - 10}" rx="3" fill="none" '
            f'stroke="#111" stroke-width="1"/>'
        )
    text = (
        f'<text x="{x + 10}" y="{y + 24}" font-size="13" font-weight="bold">'
        f"{_esc(node.symbol)} {_name(node.name, b.w - 5, words.no_name)}</text>"
    )
    lines = words.relations.get(node.key, ())
    # The bond's mark after the relation (on the first line), never cut off with it.
    bond = BOND_SYMBOLS.get(node.place.bond or "")
    mark = f"{_esc(' ' + bond)}" if bond else ""
    wrapped = len(lines) == 1 and cell_len(lines[0]) > b.w - 5
    if wrapped:
        # Too long for one line ("Hen fam-gu neu hen dad-cu"): two smaller lines, cut only if still too long.
        lines = _wrapped(lines[0], b.w - 3)
    if len(lines) == 1 and not wrapped:
        text += f'<text x="{x + 10}" y="{y + 42}" font-size="11">{_esc(fit(lines[0], b.w - 5))}{mark}</text>'
    else:
        # Two lines a little smaller, both inside the box: Welsh above English on a bilingual paper,
        # the mark after the Welsh; after the last line of words that were wrapped.
        marked = len(lines[:2]) - 1 if wrapped else 0
        for index, line in enumerate(lines[:2]):
            text += (
                f'<text x="{x + 10}" y="{y + 38 + index * 12}" font-size="10">'
                f"{_esc(fit(line, b.w - 3))}{mark if index == marked else ''}</text>"
            )
    out.append(text)
    return out


def _legend_lines(lines: tuple[str, ...], cells: int) -> list[str]:
    """The legend's lines, a line too wide for the drawing broken between its items (a Welsh line is longer)."""
    out: list[str] = []
    for line in lines:
        current = ""
        for item in line.split(LEGEND_BETWEEN):
            joined = current + LEGEND_BETWEEN + item if current else item
            if current and cell_len(joined) > cells:
                out.append(current)
                joined = item
            current = joined
        out.append(current)
    return out


def _wrapped(text: str, cells: int) -> tuple[str, ...]:
    """``text`` on at most two lines of ``cells``, broken between words where it can be."""
    first = ""
    words = text.split(" ")
    while words and cell_len((first + " " + words[0]).strip()) <= cells:
        first = (first + " " + words.pop(0)).strip()
    if not first:
        return (text,)
    return (first, " ".join(words)) if words else (first,)


def network_html(page: str, drawing: NetworkDrawing) -> str:
    """The paper's HTML page with the drawing put in: beside the list on a one-language page, above a bilingual one."""
    if drawing.bilingual:
        return _bilingual_page(page, drawing)
    figure = _figure(drawing)
    page = page.replace("</style>", PAGE_CSS + "</style>", 1)
    # On paper the legend is printed inside the drawing; on screen it stays as words too.
    heading = html.escape(drawing.legend_heading, quote=False)
    page = page.replace(
        f"<h2>{heading}</h2>\n<p>", f'<h2 class="legend">{heading}</h2>\n<p class="legend">', 1
    )
    return page.replace("<h2>", figure + "<h2>", 1)


def _figure(drawing: NetworkDrawing) -> str:
    return (
        f'<figure class="network">\n{drawing.svg}\n'
        f"<figcaption>{html.escape(drawing.caption, quote=False)}</figcaption>\n</figure>\n"
    )


def _bilingual_page(page: str, drawing: NetworkDrawing) -> str:
    """A bilingual paper's page: the drawing across the page before the first section.

    The two-column pairs follow the drawing at the page's full width. The
    legend's pair of headings (found by its Welsh) and
    the pair of paragraphs after it are hidden on paper, where the drawing
    carries the legend in both languages.
    """
    figure = _figure(drawing)
    page = page.replace("</style>", BILINGUAL_PAGE_CSS + "</style>", 1)
    pair = '<div class="pair heading">'
    first_section = page.find("<h2>")
    if first_section >= 0:
        at = page.rindex(pair, 0, first_section)
        page = page[:at] + figure + page[at:]
    else:
        page = page.replace("</main>", figure + "</main>", 1)
    heading = page.find(f"<h2>{html.escape(drawing.legend_heading, quote=False)}</h2>")
    if heading >= 0:
        at = page.rindex(pair, 0, heading)
        rest = page[at:].replace(pair, '<div class="pair heading legend">', 1)
        rest = rest.replace('<div class="pair">', '<div class="pair legend">', 1)
        page = page[:at] + rest
    return page

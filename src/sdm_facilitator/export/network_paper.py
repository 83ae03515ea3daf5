"""The network map on paper: the genogram and ecomap as an inline SVG, with the same people as a list.

Drawn from ``domain.network_layout``, the layout the Network section uses:
pure Python writing SVG text (``network_svg``), nothing to install and no
program to run, so it works on any coordinator's laptop and a browser prints
it. The HTML page is self-contained (A4 landscape, the drawing scales with
the page, so it stays sharp at 200% zoom); the list under it says the same
in words, for screen readers and for the Markdown and text formats.

The family's version leaves out anyone not to be invited, every reason,
every address (no contact detail is ever drawn), and everyone the risk
screen names as at risk, whose household's name is left off too (it could
say where they live). ``include_notes`` gives the professionals' version:
everyone, with their invitation and why someone is not invited.

Every word of it is asked of a ``Translator`` (``tr``), as the family's plan
is: headings, relation words, sides, the legend and the notes are messages
of the catalogue (keyed by their English, so a Welsh speaker corrects them in
``translations/cy.po``). People's names, households and their own words for
a relationship are printed as typed. On a bilingual paper the drawing is
made once with both languages' words (``also`` is the English): short words
joined "Cymraeg / English", longer ones Welsh above English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import NAMELESS, LeftOut, at_risk_ids
from sdm_facilitator.domain.labels import (
    BOND_LABELS,
    CONTACT_LABELS,
    FOUND_THROUGH_LABELS,
    INVITATION_LABELS,
    RELATION_LABELS,
    ROLE_LABELS,
    SIDE_LABELS,
)
from sdm_facilitator.domain.network_layout import STATUS_SYMBOLS, NetworkLayout, Node, network_layout
from sdm_facilitator.domain.network_missing import FEW_BEYOND_PARENTS, beyond_parents, who_might_be_missing
from sdm_facilitator.domain.network_words import COLUMN_WORDS, MISSING_WORDS, ROW_WORDS, STATUS_WORDS
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator
from sdm_facilitator.export.facts import header_line
from sdm_facilitator.export.network_svg import (
    BOND_SYMBOLS,
    PAPER_GEOMETRY,
    DrawingWords,
    NetworkDrawing,
    network_svg,
)
from sdm_facilitator.export.paper_blocks import Block, Bullets, Heading, Note, Paper, Paragraph, Table

#: Between the Welsh and the English of a short word in a bilingual drawing.
BETWEEN = " / "

_Entry = TypeVar("_Entry", m.Person, m.Child)


def network_title(meeting: m.Meeting, tr: Translator = ENGLISH) -> str:
    """The paper's title ("The people around Amara and Tobi") in ``tr``'s language."""
    names = [one_line(c.name, 40) for c in meeting.children if c.name.strip()]
    if not names:
        return tr("The people around the children")
    return tr("The people around {names}", names=tr.names_list(names))


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


# ------------------------------------------------------------------ the drawing's words


def _relation_words(node: Node, tr: Translator) -> str:
    if node.relation is not None:
        return tr.label(RELATION_LABELS, node.relation)
    return tr("Child") if node.is_child else tr("Relation not recorded")


def _box_line(node: Node, tr: Translator) -> str:
    """A box's second line: the relation, after a dagger for someone who has died (the drawing adds the bond's mark)."""
    line = _relation_words(node, tr)
    return "† " + line if node.place.alive is False else line


def _count_message(held: int) -> str:
    return "" if not held else N_("{count} person") if held == 1 else N_("{count} people")


def _legend_lines(tr: Translator) -> tuple[str, str, str]:
    """The legend in three lines: the status marks, the frames, the bonds and the dagger."""
    items = legend_items(tr)
    marks = len(STATUS_SYMBOLS)
    return (" · ".join(items[:marks]), " · ".join(items[marks : marks + 2]), " · ".join(items[marks + 2 :]))


def drawing_words(layout: NetworkLayout, title: str, tr: Translator, also: Translator | None) -> DrawingWords:
    """Every word the drawing shows, in ``tr``'s language, or in both when ``also`` (the English) is given.

    Headings and counts are short: joined "Cymraeg / English" on one line.
    A box's relation line and the legend's lines are long: Welsh above English.
    """

    def joined(message: str, **values: object) -> str:
        if not message:
            return ""
        first = tr(message, **values)
        second = also(message, **values) if also is not None else first
        return first if first == second else first + BETWEEN + second

    legend: tuple[str, ...] = _legend_lines(tr)
    if also is not None:
        english = _legend_lines(also)
        legend = tuple(line for pair in zip(legend, english, strict=True) for line in pair)
    relations = {
        node.key: tuple(dict.fromkeys(_box_line(node, t) for t in (tr, also) if t is not None))
        for node in layout.nodes
    }
    return DrawingWords(
        title=title,
        columns={band.column: joined(COLUMN_WORDS[band.column]) for band in layout.columns},
        counts={
            band.column: joined(_count_message(len(held)), count=len(held))
            for band in layout.columns
            for held in [layout.in_column(band.column)]
        },
        nobody=joined(N_("○ nobody yet")),
        rows={row.row: joined(ROW_WORDS[row.row]) for row in layout.rows},
        relations=relations,
        no_name=joined(N_("(no name yet)")),
        legend=legend,
    )


# ------------------------------------------------------------------ the words


def legend_items(tr: Translator = ENGLISH) -> tuple[str, ...]:
    """What each mark, frame and line of the drawing means."""
    marks = tuple(STATUS_SYMBOLS[s] + " " + tr(STATUS_WORDS[s]) for s in STATUS_SYMBOLS)
    bonds = ", ".join(
        symbol + " " + tr.label(BOND_LABELS, word).lower() for word, symbol in BOND_SYMBOLS.items()
    )
    return (
        *marks,
        tr("a double frame: a child the meeting is about"),
        tr("a dashed frame round several people: they live together"),
        tr(
            "how the relationship is for the child (a line to the children, and its mark): {bonds}",
            bonds=bonds,
        ),
        tr("† has died"),
    )


def _relations(entry: m.Person | m.Child, names: dict[str, str], tr: Translator) -> str:
    """The relation to each child; while none is recorded, their own words (or their role)."""
    by_relation: dict[str, list[str]] = {}
    for r in entry.network.relations:
        by_relation.setdefault(r.relation, []).append(names.get(r.child, tr("a child")))
    if by_relation:
        # "grandparent of Amara and Tobi"; "parent of Tobi; step-parent of Amara"
        return "; ".join(
            tr(
                "{relation} of {names}",
                relation=tr.label(RELATION_LABELS, relation).lower(),
                names=tr.names_list(who),
            )
            for relation, who in by_relation.items()
        )
    if isinstance(entry, m.Person):
        return one_line(entry.relationship) or tr.label(ROLE_LABELS, entry.role)
    return "-"


def _found_through(value: str, tr: Translator) -> str:
    """How someone was found, inside a sentence ("family finding"), in ``tr``'s language; a name keeps its capitals."""
    label = tr.label(FOUND_THROUGH_LABELS, value)
    return label[:1].lower() + label[1:]


def people_table(
    layout: NetworkLayout,
    children: Sequence[m.Child],
    people: Sequence[m.Person],
    *,
    include_notes: bool,
    tr: Translator = ENGLISH,
) -> Table:
    """The same people as the drawing, in its order, as words."""
    names = {c.id: one_line(c.name, 40) or tr("a child") for c in children}
    by_id: dict[str, m.Person | m.Child] = {p.id: p for p in people} | {c.id: c for c in children}
    headers = [
        tr("Mark"),
        tr("Name"),
        tr("How they are related"),
        tr("Side"),
        tr("Household"),
        tr("For the child"),
    ]
    if include_notes:
        headers += [tr("Invitation"), tr("Why not invited")]
    rows = []
    for node in layout.nodes:
        entry = by_id[node.key]
        place = entry.network
        for_child = [tr.label(BOND_LABELS, place.bond)] if place.bond else []
        if place.contact:
            for_child.append(tr.label(CONTACT_LABELS, place.contact).lower())
        if place.alive is False:
            for_child.append(tr("has died"))
        if place.found_through:
            for_child.append(tr("found through {how}", how=_found_through(place.found_through, tr)))
        row = [
            node.symbol + " " + tr(STATUS_WORDS[node.status]),
            one_line(entry.name) or tr("(no name yet)"),
            _relations(entry, names, tr),
            tr.label(SIDE_LABELS, place.side) if place.side else "-",
            one_line(place.household) or "-",
            ", ".join(for_child) or "-",
        ]
        if include_notes:
            if isinstance(entry, m.Person):
                row += [
                    tr.label(INVITATION_LABELS, entry.invitation),
                    one_line(entry.not_invited_reason) if entry.invitation == "not-invited" else "-",
                ]
            else:
                row += ["-", "-"]
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(rows))


def people_lines(
    layout: NetworkLayout, children: Sequence[m.Child], people: Sequence[m.Person], tr: Translator = ENGLISH
) -> tuple[str, ...]:
    """The same people as the drawing, in its order, one line each: for the family's page and screen readers."""
    table = people_table(layout, children, people, include_notes=False, tr=tr)
    lines = []
    for mark, name, related, side, household, for_child in table.rows:
        details = [related]
        details += [side.lower()] if side != "-" else []
        details += [tr("lives in {household}", household=household)] if household != "-" else []
        details += [for_child[0].lower() + for_child[1:]] if for_child != "-" else []
        lines.append(tr("{name} ({mark}): {details}", name=name, mark=mark, details=", ".join(details)))
    return tuple(lines)


def _missing_words(meeting: m.Meeting, rule: str, side: str | None, enough: int, tr: Translator) -> str:
    """A gap in the network in ``tr``'s language."""
    if rule == FEW_BEYOND_PARENTS:
        count = len(beyond_parents(meeting))
        if count == 1:
            return tr(
                "{count} person beyond the parents; the guide suggests at least {enough}.",
                count=count,
                enough=enough,
            )
        return tr(
            "{count} people beyond the parents; the guide suggests at least {enough}.",
            count=count,
            enough=enough,
        )
    return tr(MISSING_WORDS[(rule, side)])


def network_parts(
    meeting: m.Meeting,
    *,
    include_notes: bool,
    enough: int,
    prompts: dict[str, tuple[str, ...]],
    tr: Translator = ENGLISH,
    also: Translator | None = None,
) -> tuple[Paper, NetworkDrawing]:
    """The paper in ``tr``'s language (for every format) and its drawing (for HTML).

    ``also``: the English of a bilingual paper, whose drawing carries both languages.
    """
    children, people, left_out = chosen_people(meeting, include_notes=include_notes)
    layout = network_layout(children, people, PAPER_GEOMETRY)
    title = network_title(meeting, tr)
    shown = tr("{title} (professionals' version)", title=title) if include_notes else title
    paper = Paper(shown, header_line(meeting, tr))
    paper.left_out = left_out
    paper.add(
        Paragraph(
            tr(
                "The children are in the middle, the mother's side on the left, the father's side on the right, "
                "one generation to a row; friends, community and professionals are around the family. "
                "Who else could help?"
            )
        )
    )
    blocks: list[Block] = (
        [people_table(layout, children, people, include_notes=True, tr=tr)]
        if include_notes
        else [Bullets(people_lines(layout, children, people, tr))]
    )
    if not layout.nodes:
        blocks = [Note(tr("Nobody is listed yet."))]
    paper.section(tr("Who is in the network"), blocks)
    paper.section(tr("What the marks mean"), [Paragraph(" · ".join(legend_items(tr)))])
    if include_notes:
        found = who_might_be_missing(meeting, enough, prompts)
        items = tuple(_missing_words(meeting, item.rule, item.side, enough, tr) for item in found)
        paper.section(
            tr("Who might be missing"),
            [Bullets(items)] if items else [],
            missing=tr("Nothing obvious: every side of the family has people."),
        )
        asks = tuple(dict.fromkeys(tr(p) for item in found for p in item.prompts))
        if asks:
            paper.add(Heading(tr("Ways to find them"), 3), Bullets(asks))
    drawn_title = title if also is None else title + BETWEEN + network_title(meeting, also)
    if also is None:
        caption = tr("The same people are listed in words beside the drawing.")
    else:  # a bilingual page lists them under the drawing, in both languages
        under = N_("The same people are listed in words under the drawing, in Welsh and in English.")
        caption = tr(under) + BETWEEN + also(under)
    drawing = NetworkDrawing(
        network_svg(layout, drawing_words(layout, drawn_title, tr, also)),
        caption,
        tr("What the marks mean"),
        bilingual=also is not None,
    )
    return paper, drawing

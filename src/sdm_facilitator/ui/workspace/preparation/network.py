"""Network: the family drawn as a genogram and ecomap, and who might be missing from it.

The drawing (``network_map``) puts the children in the middle, the mother's
side and the father's side apart and generations in rows; arrows move
between people as they sit in it and Enter opens the person's form. Beside
it (below it, on a narrow screen) the "who might be missing" panel: Enter on
a finding adds someone there (on that side of the family, with the relation
the finding names) and opens their form. It reflows to the width it has.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.meeting import Child, Person
from sdm_facilitator.domain.network_layout import Geometry, network_layout
from sdm_facilitator.domain.network_missing import (
    NO_AUNT_UNCLE,
    NO_GRANDPARENT,
    Missing,
    who_might_be_missing,
)
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.guides.loader import bundled_finding
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.workspace.preparation.base import PrepSection
from sdm_facilitator.ui.workspace.preparation.network_fields import bind_network_place, network_place_fields
from sdm_facilitator.ui.workspace.preparation.network_map import NetworkMap, legend_text, node_words
from sdm_facilitator.ui.workspace.preparation.people import PersonEditor

#: Below this width (in cells) the missing panel goes under the drawing instead of beside it.
SIDE_BY_SIDE_WIDTH = 80
PANEL_WIDTH = 24
#: A finding's relation, set for every child on the person added from it.
FINDING_RELATIONS = {NO_GRANDPARENT: "grandparent", NO_AUNT_UNCLE: "aunt-uncle"}


def geometry_for(width: int) -> Geometry:
    """Box sizes that fit three columns into ``width`` cells (boxes no narrower than 12: it then scrolls sideways)."""
    column_gap, gap = 2, 1
    # A household's frame takes a cell each side of the boxes it holds.
    column = max(14, (width - 2 * column_gap) // 3)
    box_w = min(22, column - 2)
    across = max(1, (column - 2 + gap) // (box_w + gap))
    return Geometry(box_w=box_w, gap=gap, column_gap=column_gap, across=across)


class ChildNetworkEditor(EditorDialog):
    """A child's place in the network: brothers, sisters and half-siblings among the other children."""

    def __init__(self, child: Child, others: list[Child], on_edit, *, read_only: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(f"Child: {one_line(child.name, 40) or 'no name yet'}", on_edit, read_only=read_only)
        self.child = child
        self.others = others

    def body(self) -> ComposeResult:
        yield Static(Content("Their name, age and views are in the Children section."), classes="dialog-help")
        yield from network_place_fields(self.child.network, self.others, prefix="cn-net", offer=False)

    def on_mount(self) -> None:
        bind_network_place(self, self.child.network, self.others, prefix="cn-net")
        super().on_mount()


class NetworkSection(PrepSection):
    """The network drawing and the "who might be missing" panel."""

    BINDINGS = [Binding("a", "add_person", "Add")]

    def compose(self) -> ComposeResult:
        yield Static(
            Content("Arrows: move between people · enter: open their form · a: add someone on this side"),
            classes="section-help",
        )
        with Horizontal(id="network-body"):
            with Vertical(id="network-drawing"):
                yield NetworkMap(id="network-map")
                yield Static("", id="network-detail", markup=False)
                yield Static(Content(legend_text()), id="network-legend")
            with Vertical(id="network-missing"):
                yield Static(Content("Who might be missing"), classes="network-missing-title")
                yield OptionList(id="network-missing-list")
                yield Static("", id="network-prompts", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()
        super().on_mount()

    def on_resize(self, _event: events.Resize) -> None:
        self._reflow()

    def _drawing_width(self) -> int:
        width = self.scrollable_content_region.width
        return width - PANEL_WIDTH - 1 if width >= SIDE_BY_SIDE_WIDTH else width

    def _reflow(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        body = self.query_one("#network-body", Horizontal)
        body.set_class(width < SIDE_BY_SIDE_WIDTH, "-stacked")
        self._draw()

    def _draw(self) -> None:
        width = self._drawing_width()
        geometry = geometry_for(width if width > 0 else 60)
        layout = network_layout(self.meeting.children, self.meeting.people, geometry)
        self.query_one(NetworkMap).show(layout)
        self._show_detail()

    def refresh_from_meeting(self) -> None:
        self._draw()
        # The organisation's own finding guidance when it has a usable file, else the bundled one.
        finding = sdm_app(self).library.network_finding or bundled_finding()
        self.findings = who_might_be_missing(
            self.meeting, finding.enough_for(self.meeting.kind), finding.prompts
        )
        missing = self.query_one("#network-missing-list", OptionList)
        missing.clear_options()
        if not self.findings:
            missing.add_option(Option(Content("✓ Nothing obvious: every side has people."), disabled=True))
        for index, item in enumerate(self.findings):
            missing.add_option(Option(Content(f"○ {item.words}"), id=f"missing-{index}"))
        prompts = [prompt for item in self.findings for prompt in item.prompts]
        seen: list[str] = []
        for prompt in prompts:
            if prompt not in seen:
                seen.append(prompt)
        words = "\n\n".join(f"· {prompt}" for prompt in seen[:3])
        self.query_one("#network-prompts", Static).update(words)

    def _show_detail(self) -> None:
        network_map = self.query_one(NetworkMap)
        names = {c.id: one_line(c.name, 30) or "a child with no name yet" for c in self.meeting.children}
        node = (
            network_map.network.node(network_map.highlighted)
            if network_map.network and network_map.highlighted
            else None
        )
        self.query_one("#network-detail", Static).update(
            node_words(node, names) if node else "Nobody is listed yet."
        )

    @on(NetworkMap.Moved)
    def _moved(self, event: NetworkMap.Moved) -> None:
        event.stop()
        self._show_detail()

    @on(NetworkMap.Opened)
    def _opened(self, event: NetworkMap.Opened) -> None:
        event.stop()
        person = next((p for p in self.meeting.people if p.id == event.key), None)
        if person is not None:
            self._edit(person)
            return
        child = next((c for c in self.meeting.children if c.id == event.key), None)
        if child is not None:
            others = [c for c in self.meeting.children if c is not child]
            self.app.push_screen(
                ChildNetworkEditor(child, others, self.edited, read_only=self.read_only),
                lambda _result: self.refresh_from_meeting(),
            )

    @on(OptionList.OptionSelected, "#network-missing-list")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int((event.option.id or "missing-0").split("-")[1])
        if index < len(self.findings):
            self._add_for(self.findings[index])

    def _add_for(self, item: Missing) -> None:
        if self.read_only:
            self.app.bell()
            return
        person = Person(role="wider-family", invitation="suggested")
        person.network.side = item.side
        relation = FINDING_RELATIONS.get(item.rule)
        if relation is not None:
            for child in self.meeting.children:
                person.network.set_relation(child.id, relation)
        self._add(person)

    def action_add_person(self) -> None:
        """Add someone on the side of the family the highlight is on."""
        if self.read_only:
            self.app.bell()
            return
        network_map = self.query_one(NetworkMap)
        node = (
            network_map.network.node(network_map.highlighted)
            if network_map.network and network_map.highlighted
            else None
        )
        person = Person(role="wider-family", invitation="suggested")
        if node is not None and node.column in ("mother", "father"):
            person.network.side = node.column
        self._add(person)

    def _add(self, person: Person) -> None:
        self.meeting.people.append(person)
        self._edit(person, new=True)

    def _edit(self, person: Person, *, new: bool = False) -> None:
        def closed(_result: None) -> None:
            if new and not any((person.name.strip(), person.relationship.strip(), person.prep_notes.strip())):
                # Added and left empty: nothing to keep.
                self.meeting.people.remove(person)
                self.edited()
            self.refresh_from_meeting()
            network_map = self.query_one(NetworkMap)
            if person in self.meeting.people:
                network_map.select(person.id)
            network_map.focus()

        self.app.push_screen(
            PersonEditor(
                person,
                self.edited,
                read_only=self.read_only,
                guide=self.session.guide,
                children=self.meeting.children,
            ),
            closed,
        )

    def first_focus_target(self) -> Widget | None:
        return self.query_one(NetworkMap)

"""People: who is invited, who is prepared, what each person needs to take part.

The table lists everyone; ``a`` adds, ``enter`` edits, ``delete`` removes
(after asking). Under it, the network around the children grouped by role,
with ✓ prepared / ✗ not yet for each person.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Static

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.labels import SHOWN_AS_LABELS, WAY_LABELS
from sdm_facilitator.domain.meeting import (
    INVITATION_CHOICES,
    INVITATION_LABELS,
    ROLE_CHOICES,
    ROLE_LABELS,
    SHOWN_AS_CHOICES,
    Child,
    Meeting,
    Person,
)
from sdm_facilitator.domain.participation import WAY_CHOICES, taking_part_words
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    choice_list,
    choice_select,
    date_text,
    merge_choices,
    parse_date,
    set_attr,
    set_required_reason,
    show_reason_field,
    text_area,
    tri_bool,
    tri_select,
)
from sdm_facilitator.ui.widgets.literal import literal
from sdm_facilitator.ui.workspace.preparation.base import PrepSection
from sdm_facilitator.ui.workspace.preparation.network_fields import (
    bind_network_place,
    network_place_fields,
    show_offer,
    use_offer,
)

REASON_MISSING = "required: write the reason, agreed openly with the family where that is safe"

#: How the network view groups roles: the family decides who counts as family.
NETWORK_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Family", ("parent", "carer", "wider-family", "child")),
    ("Friends and community", ("friend-community", "other")),
    ("Professionals", ("professional", "advocate", "interpreter")),
)

SHORT_INVITATION = {
    "suggested": "suggested",
    "family-agreed": "family agreed",
    "invited": "invited",
    "accepted": "✓ accepted",
    "declined": "declined",
    "not-invited": "not invited",
}


SHORT_ROLES = {
    "child": "Child",
    "parent": "Parent",
    "carer": "Carer",
    "wider-family": "Wider family",
    "friend-community": "Friend",
    "professional": "Professional",
    "advocate": "Advocate",
    "interpreter": "Interpreter",
    "other": "Other",
}


def prepared_words(person: Person) -> str:
    """The Prepared cell: the visit's day, "not invited" for someone who will not be there, else "not yet"."""
    if person.prep_visit:
        return f"✓ {person.prep_visit:%d %b}"
    return "– not invited" if person.invitation == "not-invited" else "✗ not yet"


#: The person's name and who they are take the spare width; the needs go first when there is none.
PEOPLE_COLUMNS = (
    FitColumn("Person", "person", flex=True, min_width=16, wanted_width=26),
    FitColumn("Invitation", "invitation"),
    FitColumn("Prepared", "prepared"),
    FitColumn("Needs", "needs", max_width=24, drop=1),
)


def person_cells(person: Person) -> tuple[Text, Text, Text, Text]:
    """One person's row: name over role and relationship, the invitation, the preparation, the needs.

    An interpreter still to book sits under the invitation, which is never cut: it cannot wait.
    """
    who = Text(one_line(person.name) or "(no name yet)", style="bold", overflow="ellipsis", no_wrap=True)
    about = [SHORT_ROLES.get(person.role, person.role)]
    if person.relationship.strip():
        about.append(one_line(person.relationship))
    who.append("\n" + " · ".join(about), style="dim")
    invitation = Text(SHORT_INVITATION.get(person.invitation, person.invitation))
    if person.needs.interpreter:
        invitation.append("\n" + ("✓ interpreter" if person.needs.interpreter_booked else "✗ interpreter"))
    others = person.needs.summary(interpreter=False)
    needs = Text("\n".join(one_line(need) for need in others[:2]) or "-", overflow="ellipsis", no_wrap=True)
    return who, invitation, Text(prepared_words(person)), needs


def person_content(person: Person, guide: Guide | None = None) -> Content:
    """One person in full: who they are, the invitation (and why not), preparation, how they take part, every need."""
    parts: list[Content | str | tuple[str, str]] = [
        (visible(person.name) or "(no name yet)", "bold"),
        f" · {ROLE_LABELS.get(person.role, person.role)}",
    ]
    if person.relationship.strip():
        parts += [", ", literal(person.relationship)]
    parts.append(f"\nInvitation: {INVITATION_LABELS.get(person.invitation, person.invitation).lower()}")
    if person.invitation == "not-invited":
        reason = person.not_invited_reason
        parts += [" (why: ", literal(reason) if reason.strip() else "no reason written yet", ")"]
    visit = (
        f"preparation visit {person.prep_visit:%a %d %b %Y}"
        if person.prep_visit
        else "not invited, so no preparation"
        if person.invitation == "not-invited"
        else "not prepared yet"
    )
    parts.append(f" · {visit}")
    taking_part = taking_part_words(person.ways, person.phases, guide)
    if taking_part:
        parts.append(f"\nTakes part: {taking_part}")
    needs = person.needs.summary()
    parts += ["\nNeeds: ", literal(" · ".join(needs)) if needs else "none recorded"]
    return Content.assemble(*parts)


def network_content(meeting: Meeting) -> Content:
    """The network around the children, by role group, prepared or not."""
    children = [one_line(c.name, 30) + (f" ({c.age})" if c.age is not None else "") for c in meeting.children]
    title = "Network around " + (", ".join(children) if children else "the children")
    lines: list[Content] = [Content.styled(title, "bold")]
    for group, roles in NETWORK_GROUPS:
        people = [p for p in meeting.people if p.role in roles]
        if not people:
            lines.append(Content.assemble((f"{group}: ", "bold"), ("nobody yet", "italic")))
            continue
        expected = [p for p in people if p.expected]
        ready = sum(1 for p in expected if p.prepared)
        parts: list[Content | str | tuple[str, str]] = [
            (f"{group} ({ready} of {len(expected)} prepared): ", "bold")
        ]
        for index, person in enumerate(people):
            if index:
                parts.append(" · ")
            mark = "–" if not person.expected else "✓" if person.prepared else "✗"
            name = one_line(person.name, 30) or "(no name yet)"
            relation = f", {one_line(person.relationship, 30)}" if person.relationship.strip() else ""
            status = "" if person.prepared else " not prepared yet"
            if not person.expected:
                status = f" {SHORT_INVITATION[person.invitation]}"
            parts.append(Content.assemble(f"{mark} {name}{relation}", (status, "italic")))
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


class PersonEditor(EditorDialog):
    """Everything about one person, edited in place."""

    def __init__(  # type: ignore[no-untyped-def]
        self,
        person: Person,
        on_edit,
        *,
        read_only: bool = False,
        guide: Guide | None = None,
        children: list[Child] | None = None,
    ) -> None:
        title = f"Person: {one_line(person.name, 40)}" if person.name else "New person"
        super().__init__(title, on_edit, read_only=read_only)
        self.person = person
        # The meeting's children: the network group asks how the person is related to each.
        self.meeting_children = list(children or [])
        self.phase_options = [(one_line(p.name, 40), p.id) for p in guide.phases] if guide else []

    def body(self) -> ComposeResult:
        p = self.person
        yield Field("Name", Input(p.name, placeholder="as they would like to be called", id="pe-name"))
        yield Field("Role", choice_select(ROLE_CHOICES, ROLE_LABELS, p.role, id="pe-role", allow_blank=False))
        yield Field(
            "Relationship",
            Input(p.relationship, placeholder="to the children, e.g. grandmother", id="pe-relationship"),
            hints=True,
        )
        yield Field(
            "Invitation",
            choice_select(
                INVITATION_CHOICES, INVITATION_LABELS, p.invitation, id="pe-invitation", allow_blank=False
            ),
            help="The family decides who counts as family.",
        )
        yield Field(
            "Reason not to invite",
            Input(p.not_invited_reason, id="pe-reason"),
            hints=True,
            id="pe-reason-field",
            help="Agreed openly with the family where that is safe; where telling them would put "
            "someone at risk, record it here and share it only with those who need to know.",
        )
        yield Field(
            "Preparation visit",
            Input(date_text(p.prep_visit), placeholder=DATE_PLACEHOLDER, id="pe-prep-visit"),
            help="The day someone met them to prepare. Professionals are prepared too.",
        )
        yield Field("Preparation notes", text_area(p.prep_notes, id="pe-prep-notes"), hints=True)
        yield Field(
            "Ways they take part",
            choice_list([(WAY_LABELS[w], w) for w in WAY_CHOICES], p.ways, id="pe-ways"),
            help="Tick every way with space: in person for the start and by phone later, in writing...",
        )
        yield Field(
            "Parts of the meeting",
            choice_list(self.phase_options, p.phases, id="pe-phases"),
            help="None ticked: all of it.",
        )
        yield Static(Content("What they need to take part"), classes="dialog-subtitle")
        yield Field("Language", Input(p.needs.language, id="pe-language"))
        yield Field(
            "Interpreter needed",
            tri_select(p.needs.interpreter, id="pe-interpreter", prompt="Not decided yet"),
        )
        yield Field(
            "Interpreter booked",
            tri_select(p.needs.interpreter_booked, id="pe-interpreter-booked", prompt="Not booked yet"),
            help="A professional interpreter, never a relative or a child; for preparation visits too.",
        )
        yield Field(
            "Access",
            Input(p.needs.access, placeholder="e.g. step-free room, hearing loop", id="pe-access"),
            hints=True,
        )
        yield Field("Childcare", Input(p.needs.childcare, id="pe-childcare"), hints=True)
        yield Field("Travel", Input(p.needs.travel, id="pe-travel"), hints=True)
        yield Static(Content("How to reach them"), classes="dialog-subtitle")
        yield Field(
            "Address",
            Input(p.address, id="pe-address"),
            help="For invitations. While the risk screen names them as at risk, no paper for the "
            "family prints their address, phone, email, school or workplace.",
        )
        yield Field("Phone", Input(p.phone, id="pe-phone"))
        yield Field("Email", Input(p.email, id="pe-email"))
        yield Field("School or work", Input(p.school_or_work, id="pe-school-or-work"))
        yield Field(
            "Lives or stays at the venue",
            tri_select(p.lives_at_venue, id="pe-lives-at-venue", prompt="Not asked yet"),
            help="Then, while they are at risk, papers for the family leave the venue out.",
        )
        yield from network_place_fields(p.network, self.meeting_children, prefix="pe-net")
        yield from self._paper_fields()

    def _paper_fields(self) -> ComposeResult:
        """How the papers written for each reader name this person (a block of its own)."""
        p = self.person
        yield Static(Content("On the papers"), classes="dialog-subtitle")
        yield Field(
            "What the children call them",
            Input(p.child_calls, placeholder='e.g. "Mum", "Nana", "Uncle Jay"', id="pe-child-calls"),
            help="A child's own plan calls them this.",
        )
        yield Field(
            "On others' invitations",
            choice_select(
                SHOWN_AS_CHOICES, SHOWN_AS_LABELS, p.shown_as, id="pe-shown-as", prompt="Not asked yet"
            ),
            help="As they choose: their first name, or only their role. Not asked yet: role only.",
        )

    def on_mount(self) -> None:
        p, n = self.person, self.person.needs
        today = sdm_app(self).today()
        self.bind_field("pe-name", self._set_name)
        self.bind_field("pe-role", lambda v: set_attr(p, "role", v or p.role))
        self.bind_field("pe-relationship", lambda v: set_attr(p, "relationship", v))
        self.bind_field("pe-invitation", self._set_invitation)
        self.bind_field("pe-reason", self._set_reason)
        self.bind_field("pe-prep-visit", lambda v: set_attr(p, "prep_visit", parse_date(v, today)))
        self.bind_field("pe-prep-notes", lambda v: set_attr(p, "prep_notes", v))
        self.bind_field("pe-ways", lambda v: set_attr(p, "ways", merge_choices(list(WAY_CHOICES), p.ways, v)))
        phase_ids = [value for _label, value in self.phase_options]
        self.bind_field("pe-phases", lambda v: set_attr(p, "phases", merge_choices(phase_ids, p.phases, v)))
        self.bind_field("pe-language", lambda v: set_attr(n, "language", v))
        self.bind_field("pe-interpreter", lambda v: set_attr(n, "interpreter", tri_bool(v)))
        self.bind_field("pe-interpreter-booked", lambda v: set_attr(n, "interpreter_booked", tri_bool(v)))
        self.bind_field("pe-access", lambda v: set_attr(n, "access", v))
        self.bind_field("pe-childcare", lambda v: set_attr(n, "childcare", v))
        self.bind_field("pe-travel", lambda v: set_attr(n, "travel", v))
        self.bind_field("pe-address", lambda v: set_attr(p, "address", v))
        self.bind_field("pe-phone", lambda v: set_attr(p, "phone", v))
        self.bind_field("pe-email", lambda v: set_attr(p, "email", v))
        self.bind_field("pe-school-or-work", lambda v: set_attr(p, "school_or_work", v))
        self.bind_field("pe-lives-at-venue", lambda v: set_attr(p, "lives_at_venue", tri_bool(v)))
        self.bind_field("pe-child-calls", lambda v: set_attr(p, "child_calls", v))
        self.bind_field("pe-shown-as", lambda v: set_attr(p, "shown_as", v or None))
        bind_network_place(self, p.network, self.meeting_children, prefix="pe-net")
        self._show_network_offer()
        self._check_reason()
        super().on_mount()

    def _show_network_offer(self) -> None:
        show_offer(
            self, self.person.relationship, self.person.network, self.meeting_children, prefix="pe-net"
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id == "pe-relationship":
            self._show_network_offer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pe-net-offer-use":
            event.stop()
            if not self.read_only:
                use_offer(
                    self,
                    self,
                    self.person.relationship,
                    self.person.network,
                    self.meeting_children,
                    prefix="pe-net",
                )
            return
        super().on_button_pressed(event)

    def _set_name(self, value: str) -> bool:
        changed = set_attr(self.person, "name", value)
        if not value.strip():
            # Kept as typed (nothing is lost), but say what is missing.
            if changed:
                self.edited()
            raise ValueError("a name is needed, even a first name")
        return changed

    def _set_invitation(self, value: str | None) -> bool:
        changed = set_attr(self.person, "invitation", value or self.person.invitation)
        self._check_reason()
        return changed

    def _set_reason(self, value: str) -> bool:
        return set_required_reason(
            self,
            self.person,
            "not_invited_reason",
            value,
            required=self.person.invitation == "not-invited",
            message=REASON_MISSING,
        )

    def _check_reason(self) -> None:
        show_reason_field(
            self.query_one("#pe-reason-field", Field),
            needed=self.person.invitation == "not-invited",
            current=self.person.not_invited_reason,
            message=REASON_MISSING,
        )


class PeopleSection(PrepSection):
    """Everyone around the children, and the network by role."""

    BINDINGS = [
        Binding("a", "add_person", "Add"),
        Binding("e", "edit_person", "Edit"),
        Binding("delete,x", "remove_person", "Remove"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Everyone is prepared before the day, professionals included. "
                "a: add · enter: edit · delete: remove"
            ),
            classes="section-help",
        )
        yield from FittedTable(
            PEOPLE_COLUMNS, detail=RowDetail(self.person_words, id="people-detail"), id="people-table"
        ).with_detail()
        yield Static(
            Content("Nobody is listed yet. Press a to add the first person."),
            id="people-empty",
            classes="empty-note",
        )
        yield Static("", id="network", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()
        super().on_mount()

    def refresh_from_meeting(self) -> None:
        table = self.query_one("#people-table", FittedTable)
        people = self.meeting.people
        table.refill([person_cells(person) for person in people], [person.id for person in people], height=2)
        self.query_one("#people-empty").display = not people
        self.query_one("#network", Static).update(network_content(self.meeting))

    def person_words(self, index: int) -> Content | None:
        """Everything the table says of one person, uncut, under the table."""
        if index >= len(self.meeting.people):
            return None
        return person_content(self.meeting.people[index], self.session.guide)

    def first_focus_target(self) -> Widget | None:
        return self.query_one("#people-table", FittedTable)

    def _current(self) -> Person | None:
        index = self.query_one("#people-table", FittedTable).selected_index()
        people = self.meeting.people
        return people[index] if index is not None and index < len(people) else None

    def _edit(self, person: Person, *, new: bool = False) -> None:
        def closed(_result: None) -> None:
            if new and not any((person.name.strip(), person.relationship.strip(), person.prep_notes.strip())):
                # Added and left empty: nothing to keep.
                self.meeting.people.remove(person)
                self.edited()
            self.refresh_from_meeting()
            table = self.query_one("#people-table", FittedTable)
            if person in self.meeting.people:
                table.move_cursor(row=self.meeting.people.index(person))
                table.focus()

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

    def action_add_person(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        person = Person(invitation="suggested")
        self.meeting.people.append(person)
        self.refresh_from_meeting()
        self._edit(person, new=True)

    def action_edit_person(self) -> None:
        person = self._current()
        if person is not None:
            self._edit(person)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_person()

    def action_remove_person(self) -> None:
        person = self._current()
        if person is None or self.read_only:
            return
        name = one_line(person.name, 40) or "this person"

        def answered(yes: bool | None) -> None:
            if yes and person in self.meeting.people:
                self.meeting.people.remove(person)
                self.edited()
                self.refresh_from_meeting()

        self.app.push_screen(
            Confirm(f"Remove {name} from this meeting's list of people?", yes="Remove"), answered
        )

"""Children and young people: how each takes part, their views in their own words, who may hear them, advocate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from sdm_facilitator.domain.labels import ICWA_ANSWER_LABELS, VIEW_AUDIENCE_LABELS, WAY_LABELS
from sdm_facilitator.domain.legal_record_checks import shows_icwa
from sdm_facilitator.domain.legal_records import ICWA_ANSWER_CHOICES
from sdm_facilitator.domain.meeting import (
    ADVOCATE_OFFER_CHOICES,
    ADVOCATE_OFFER_LABELS,
    PARTICIPATION_CHOICES,
    PARTICIPATION_LABELS,
    Child,
)
from sdm_facilitator.domain.participation import WAY_CHOICES, child_ways
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.sharing import VIEW_AUDIENCE_CHOICES, view_audience
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.messages import MeetingEdited
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    FieldBinder,
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
from sdm_facilitator.ui.workspace.preparation.base import PrepSection

REASON_MISSING = "required: say why, in words the child would recognise"


def parse_age(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError("write the age in years, as a number (0 to 25)")
    age = int(value)
    if age > 25:
        raise ValueError("ages go up to 25 (care leavers)")
    return age


def child_heading(child: Child, index: int) -> str:
    name = one_line(child.name, 40) or f"Child {index}"
    return f"{name}, {child.age}" if child.age is not None else name


class ChildEditor(FieldBinder, Vertical):
    """One child's participation, edited in place."""

    def __init__(self, section: ChildrenSection, child: Child, index: int) -> None:
        super().__init__(classes="child-editor", id=f"child-{child.id}")
        self.section = section
        self.child = child
        self.index = index

    def compose(self) -> ComposeResult:
        c = self.child
        cid = c.id
        yield Static(Content(child_heading(c, self.index)), classes="child-heading")
        with Horizontal(classes="field-pair"):
            yield Field("Name", Input(c.name, id=f"{cid}-name"))
            yield Field("Age", Input("" if c.age is None else str(c.age), id=f"{cid}-age"), classes="narrow")
        yield Field(
            "How they take part",
            choice_select(
                PARTICIPATION_CHOICES, PARTICIPATION_LABELS, c.participation, id=f"{cid}-participation"
            ),
            help="Taking part is not the same as being in the room.",
        )
        yield Field(
            "Ways they take part",
            choice_list([(WAY_LABELS[w], w) for w in WAY_CHOICES], list(child_ways(c)), id=f"{cid}-ways"),
            help="Tick every way with space: a drawing and an advocate, in person and by phone.",
        )
        yield Field(
            "Parts of the meeting",
            choice_list(self.section.phase_options(), c.phases, id=f"{cid}-phases"),
            help="None ticked: all of it.",
        )
        yield Field(
            "Why they are not taking part",
            Input(c.participation_reason, id=f"{cid}-reason"),
            hints=True,
            id=f"{cid}-reason-field",
        )
        yield Field(
            "Their views, in their own words",
            text_area(c.views, id=f"{cid}-views", classes="tall"),
            help="Write exactly what they said or showed; do not tidy it up.",
            hints=True,
        )
        yield Field(
            "Agreed their views may be shared",
            tri_select(c.views_consent, id=f"{cid}-consent", prompt="Not asked yet"),
        )
        yield Field(
            "Who their views may be shared with",
            choice_list(
                [(VIEW_AUDIENCE_LABELS[a], a) for a in VIEW_AUDIENCE_CHOICES],
                list(view_audience(c)),
                id=f"{cid}-audience",
            ),
            help="Papers follow this: a view not shared with the family never reaches a family paper. "
            "None ticked: the chair only.",
        )
        yield Field(
            "Named people who may hear them",
            choice_list(self.section.people_options(), c.views_named, id=f"{cid}-named"),
            help="Used when Named people is ticked above.",
        )
        offer = choice_select(
            ADVOCATE_OFFER_CHOICES,
            ADVOCATE_OFFER_LABELS,
            c.advocate_offer,
            id=f"{cid}-advocate-offer",
            prompt="Not offered yet",
        )
        yield Field(
            "Independent advocate offered",
            offer,
            help="Offer one to every child; they may say no, and may keep them for family time.",
        )
        yield Field("Advocate", Input(c.advocate, placeholder="name, if they have one", id=f"{cid}-advocate"))
        yield Field(
            "Met before the day",
            Input(date_text(c.met_before), placeholder=DATE_PLACEHOLDER, id=f"{cid}-met"),
        )
        yield Field(
            "School",
            Input(c.school, id=f"{cid}-school"),
            help="Never on a paper for the family while the risk screen names the child as at risk.",
        )
        yield Field(
            "A grown-up they trust",
            Input(c.trusted_adult, placeholder="e.g. Nana, Mrs Evans at school", id=f"{cid}-trusted"),
            help='Their own plan ends "If you feel unsafe: tell ..."; empty: whoever keeps an eye on the plan.',
        )
        if shows_icwa(c, self.section.law):
            yield from self._icwa_fields()
        yield Button(
            Content(f"Remove {one_line(c.name, 30) or 'this child'} (ctrl+r)"), classes="remove-child"
        )

    def _icwa_fields(self) -> ComposeResult:
        """The Indian Child Welfare Act's inquiry for this child (the US profile, or once recorded)."""
        icwa, cid = self.child.icwa, self.child.id
        law = self.section.law_words("heritage_inquiry")
        yield Field(
            "ICWA inquiry made",
            tri_select(icwa.asked, id=f"{cid}-icwa-asked", prompt="Not recorded"),
            help=law
            or "Recorded here because it was recorded before; the chosen profile does not ask for it.",
        )
        yield Field(
            "What the inquiry found",
            choice_select(
                ICWA_ANSWER_CHOICES,
                ICWA_ANSWER_LABELS,
                icwa.answer,
                id=f"{cid}-icwa-answer",
                prompt="Not recorded",
            ),
        )
        yield Field("Tribe", Input(icwa.tribe, placeholder="the tribe's name", id=f"{cid}-icwa-tribe"))
        yield Field(
            "Tribe notified on",
            Input(date_text(icwa.tribe_notified), placeholder=DATE_PLACEHOLDER, id=f"{cid}-icwa-notified"),
        )

    def on_mount(self) -> None:
        c, cid = self.child, self.child.id
        today = sdm_app(self).today()
        self.bind_field(f"{cid}-name", self._set_name)
        self.bind_field(f"{cid}-age", lambda v: self._heading(set_attr(c, "age", parse_age(v))))
        self.bind_field(f"{cid}-participation", self._set_participation)
        self.bind_field(f"{cid}-reason", self._set_reason)
        self.bind_field(
            f"{cid}-ways", lambda v: set_attr(c, "ways", merge_choices(list(WAY_CHOICES), c.ways, v))
        )
        phase_ids = [value for _label, value in self.section.phase_options()]
        self.bind_field(
            f"{cid}-phases", lambda v: set_attr(c, "phases", merge_choices(phase_ids, c.phases, v))
        )
        self.bind_field(f"{cid}-audience", self._set_audience)
        person_ids = [value for _label, value in self.section.people_options()]
        self.bind_field(
            f"{cid}-named", lambda v: set_attr(c, "views_named", merge_choices(person_ids, c.views_named, v))
        )
        self.bind_field(f"{cid}-views", lambda v: set_attr(c, "views", v))
        self.bind_field(f"{cid}-consent", lambda v: set_attr(c, "views_consent", tri_bool(v)))
        self.bind_field(f"{cid}-advocate-offer", lambda v: set_attr(c, "advocate_offer", v or None))
        self.bind_field(f"{cid}-advocate", lambda v: set_attr(c, "advocate", v))
        self.bind_field(f"{cid}-met", lambda v: set_attr(c, "met_before", parse_date(v, today)))
        self.bind_field(f"{cid}-school", lambda v: set_attr(c, "school", v))
        self.bind_field(f"{cid}-trusted", lambda v: set_attr(c, "trusted_adult", v))
        icwa = c.icwa
        self.bind_field(f"{cid}-icwa-asked", lambda v: set_attr(icwa, "asked", tri_bool(v)))
        self.bind_field(f"{cid}-icwa-answer", lambda v: set_attr(icwa, "answer", v or None))
        self.bind_field(f"{cid}-icwa-tribe", lambda v: set_attr(icwa, "tribe", v))
        self.bind_field(
            f"{cid}-icwa-notified", lambda v: set_attr(icwa, "tribe_notified", parse_date(v, today))
        )
        self._check_reason()
        if self.section.read_only:
            self.query_one(".remove-child", Button).disabled = True

    def edited(self) -> None:
        if not self.section.read_only:
            self.post_message(MeetingEdited())

    def _heading(self, changed: bool) -> bool:
        self.query_one(".child-heading", Static).update(Content(child_heading(self.child, self.index)))
        return changed

    def _set_name(self, value: str) -> bool:
        changed = self._heading(set_attr(self.child, "name", value))
        self.query_one(".remove-child", Button).label = Content(
            f"Remove {one_line(value, 30) or 'this child'} (ctrl+r)"
        )
        return changed

    def _set_participation(self, value: str | None) -> bool:
        changed = set_attr(self.child, "participation", value)
        self._check_reason()
        return changed

    def _set_audience(self, value: list[str]) -> bool:
        """Nothing ticked means the chair only, written as such: an empty list would read as an old file's."""
        audience = merge_choices(list(VIEW_AUDIENCE_CHOICES), self.child.views_audience, value)
        return set_attr(self.child, "views_audience", audience or ["chair"])

    def _set_reason(self, value: str) -> bool:
        return set_required_reason(
            self,
            self.child,
            "participation_reason",
            value,
            required=self.child.participation == "not-taking-part",
            message=REASON_MISSING,
        )

    def _check_reason(self) -> None:
        show_reason_field(
            self.query_one(f"#{self.child.id}-reason-field", Field),
            needed=self.child.participation == "not-taking-part",
            current=self.child.participation_reason,
            message=REASON_MISSING,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("remove-child"):
            event.stop()
            self.section.remove_child(self)


class ChildrenSection(PrepSection):
    """Each child or young person, one block each."""

    BINDINGS = [
        Binding("ctrl+n", "add_child", "Add child"),
        Binding("ctrl+r", "remove_child", "Remove child"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Meet each child before the day. They can attend all or part, join remotely, speak "
                "through an advocate, or send a letter, drawing or recording. ctrl+n adds a child."
            ),
            classes="section-help",
        )
        yield Static(
            Content("No child is recorded yet. Press ctrl+n to add one."),
            id="children-empty",
            classes="empty-note",
        )
        for index, child in enumerate(self.meeting.children, 1):
            yield ChildEditor(self, child, index)
        yield Button(Content("+ Add a child or young person (ctrl+n)"), id="add-child")

    def on_mount(self) -> None:
        self._empty_note()
        super().on_mount()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-child":
            event.stop()
            self.run_worker(self.action_add_child())

    def phase_options(self) -> list[tuple[str, str]]:
        """The guide's phases as ``(name, id)``, for the parts of the meeting a child takes part in."""
        guide = self.session.guide
        return [(one_line(p.name, 40), p.id) for p in guide.phases] if guide is not None else []

    def people_options(self) -> list[tuple[str, str]]:
        """The people list as ``(name, id)``, for the named people who may hear a child's views."""
        return [(one_line(p.name, 40) or "(no name yet)", p.id) for p in self.meeting.people]

    def _empty_note(self) -> None:
        self.query_one("#children-empty").display = not self.meeting.children

    async def action_add_child(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        child = Child()
        self.meeting.children.append(child)
        editor = ChildEditor(self, child, len(self.meeting.children))
        await self.mount(editor, before=self.query_one("#add-child"))
        self._empty_note()
        self.post_message(MeetingEdited())
        editor.query_one(f"#{child.id}-name", Input).focus()

    def _focused_editor(self) -> ChildEditor | None:
        focused = self.screen.focused
        if focused is None:
            return None
        return next((a for a in focused.ancestors_with_self if isinstance(a, ChildEditor)), None)

    def action_remove_child(self) -> None:
        editor = self._focused_editor()
        if editor is None:
            self.app.notify("Move into a child's details first, then press ctrl+r.", markup=False)
            return
        self.remove_child(editor)

    def remove_child(self, editor: ChildEditor) -> None:
        if self.read_only:
            return
        name = one_line(editor.child.name, 40) or "this child"

        def answered(yes: bool | None) -> None:
            if yes and editor.child in self.meeting.children:
                self.meeting.children.remove(editor.child)
                editor.remove()
                self._empty_note()
                self.post_message(MeetingEdited())

        self.app.push_screen(
            Confirm(f"Remove {name} and everything written about them from this meeting?", yes="Remove"),
            answered,
        )

"""The new-meeting form: kind, context, family label, meeting date if known, children.

It names the guide the meeting will use as the kind changes, creates the
meeting file and hands the open meeting back to whoever asked. A wrong field
gets its message beside it; everything typed stays in the form.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Select, Static

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import new_meeting_id
from sdm_facilitator.domain.meeting_factory import create_meeting, default_context
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.vocabulary import CONTEXT_LABELS, CONTEXTS, MEETING_KIND_LABELS, MEETING_KINDS
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.storage.store import StoreError
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    choice_select,
    parse_date,
    parse_time,
)
from sdm_facilitator.ui.workspace.preparation.agenda import duration_words
from sdm_facilitator.ui.workspace.preparation.children import parse_age
from sdm_facilitator.ui.workspace.preparation.choices import NO_TIME

MAX_CHILD_ROWS = 12


def guide_words(guide: Guide | None, kind: str) -> str:
    """Which guide a new meeting of ``kind`` will follow, in one sentence."""
    if guide is None:
        return (
            f"No guide is available for a {MEETING_KIND_LABELS.get(kind, kind).lower()}: the meeting will "
            "have no steps or agenda until one is added. Run 'sdm-facilitator guides check' to see why."
        )
    prep = len(guide.steps_for("preparation"))
    return (
        f"Guide: {one_line(guide.title)} (version {one_line(guide.version)}). {prep} preparation steps and an agenda of "
        f"{len(guide.phases)} parts, {duration_words(guide.total_minutes)} in all."
    )


def context_note(guide: Guide | None, context: str | None) -> str:
    """A quiet word when ``guide`` has no preparation steps for ``context`` (empty when it has)."""
    if guide is None or not context or not guide.steps_for("preparation"):
        return ""
    if guide.steps_for("preparation", context):
        return ""
    covered = [CONTEXT_LABELS.get(c, c).lower() for c in CONTEXTS if guide.steps_for("preparation", c)]
    written_for = f"; it is written for {' and '.join(covered)} ones" if covered else ""
    return (
        f"Note: the guide has no steps for a {CONTEXT_LABELS.get(context, context).lower()} "
        f"meeting{written_for}. You can still create it."
    )


class ChildRow(Horizontal):
    """Name and age of one child on the form."""

    def __init__(self, number: int) -> None:
        super().__init__(classes="child-row", id=f"new-child-{number}")
        self.number = number

    def compose(self) -> ComposeResult:
        yield Field(
            f"Child {self.number}: first name",
            Input(id=f"new-child-{self.number}-name", placeholder="as they like to be called"),
        )
        yield Field(
            "Age",
            Input(id=f"new-child-{self.number}-age", placeholder="years", restrict=r"\d{0,2}"),
            classes="narrow",
        )


class NewMeetingScreen(Screen["MeetingSession | None"]):
    """A short form; ctrl+s creates the meeting and opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Create meeting"),
        Binding("ctrl+n", "add_child", "Another child"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.child_rows = 1
        self.previous_kind = "fgc"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="new-form"):
            yield Static(
                Content(
                    "A new meeting. Only the family label is needed now: everything else can be added "
                    "later. Tab moves between fields; ctrl+s creates the meeting."
                ),
                classes="section-help",
            )
            yield Field(
                "Kind of meeting",
                choice_select(MEETING_KINDS, MEETING_KIND_LABELS, "fgc", id="new-kind", allow_blank=False),
            )
            yield Static("", id="new-guide", markup=False)
            yield Field(
                "Context",
                choice_select(
                    CONTEXTS, CONTEXT_LABELS, default_context("fgc"), id="new-context", allow_blank=False
                ),
            )
            yield Static("", id="new-context-note", markup=False)
            yield Field(
                "Family label",
                Input(id="new-label", placeholder="e.g. Amara and the Okafor-Reid family"),
                help="How the family would like the meeting named. No case numbers.",
                hints=True,
            )
            with Horizontal(classes="field-pair"):
                yield Field("Meeting date, if known", Input(id="new-date", placeholder=DATE_PLACEHOLDER))
                yield Field("Time", Input(id="new-time", placeholder="HH:MM"), classes="narrow")
            yield Static(Content("Children and young people"), classes="form-subtitle")
            with Vertical(id="new-children"):
                yield ChildRow(1)
            yield Button(Content("+ Another child (ctrl+n)"), id="new-add-child")
            yield Static("", id="new-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Create meeting (ctrl+s)"), id="new-create", variant="primary")
                yield Button(Content("Cancel (Esc)"), id="new-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "New meeting"
        self._show_guide()
        self.query_one("#new-error").display = False
        self.query_one("#new-label", Input).focus()

    # ------------------------------------------------------------ live updates

    def _kind(self) -> str:
        value = self.query_one("#new-kind", Select).value
        return value if isinstance(value, str) else "fgc"

    def _show_guide(self) -> None:
        kind = self._kind()
        guide = sdm_app(self).library.for_kind(kind)
        self.query_one("#new-guide", Static).update(Content(guide_words(guide, kind)))
        self._show_context_note()

    def _show_context_note(self) -> None:
        """Say so, quietly, when the chosen guide has no steps for the chosen context."""
        guide = sdm_app(self).library.for_kind(self._kind())
        context = self.query_one("#new-context", Select).value
        note = context_note(guide, context if isinstance(context, str) else None)
        widget = self.query_one("#new-context-note", Static)
        widget.update(Content(note))
        widget.display = bool(note)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "new-context":
            self._show_context_note()
            return
        if event.select.id != "new-kind":
            return
        self._show_guide()
        # The context follows the kind (child protection conferences are statutory)
        # unless someone chose it by hand.
        context = self.query_one("#new-context", Select)
        kind = self._kind()
        if context.value == default_context(self.previous_kind):
            context.value = default_context(kind)
        self.previous_kind = kind
        self._show_context_note()

    def on_input_changed(self, event: Input.Changed) -> None:
        # A message about a field goes away as soon as it is changed.
        for ancestor in event.input.ancestors:
            if isinstance(ancestor, Field):
                if ancestor.error:
                    ancestor.set_error(None)
                break

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "new-create":
            self.action_create()
        elif event.button.id == "new-cancel":
            self.action_cancel()
        elif event.button.id == "new-add-child":
            self.run_worker(self.action_add_child())

    async def action_add_child(self) -> None:
        if self.child_rows >= MAX_CHILD_ROWS:
            self.notify("Add more children in the meeting's Children section.", markup=False)
            return
        self.child_rows += 1
        row = ChildRow(self.child_rows)
        await self.query_one("#new-children").mount(row)
        row.query_one(Input).focus()

    # ------------------------------------------------------------ creating

    def _field_of(self, widget_id: str) -> Field:
        widget = self.query_one(f"#{widget_id}")
        return next(a for a in widget.ancestors if isinstance(a, Field))

    def _fail(self, widget_id: str, message: str, problems: list[str]) -> None:
        self._field_of(widget_id).set_error(message)
        problems.append(widget_id)

    def action_create(self) -> None:
        problems: list[str] = []
        today = sdm_app(self).today()
        label = self.query_one("#new-label", Input).value
        if not label.strip():
            self._fail(
                "new-label", "a family label is needed, for example the children's first names", problems
            )
        when: datetime | None = None
        date_value = self.query_one("#new-date", Input).value
        time_value = self.query_one("#new-time", Input).value
        try:
            day = parse_date(date_value, today)
        except ValueError as error:
            day = None
            self._fail("new-date", str(error), problems)
        try:
            clock = parse_time(time_value)
        except ValueError as error:
            clock = None
            self._fail("new-time", str(error), problems)
        if day is not None:
            when = datetime.combine(day, clock or NO_TIME)
            if day < today:
                self._fail("new-date", "this date has passed: check the year, or leave it empty", problems)
        elif clock is not None:
            self._fail("new-time", "add the date too, or leave the time empty", problems)
        children: list[tuple[str, int | None]] = []
        for number in range(1, self.child_rows + 1):
            name = self.query_one(f"#new-child-{number}-name", Input).value
            try:
                age = parse_age(self.query_one(f"#new-child-{number}-age", Input).value)
            except ValueError as error:
                age = None
                self._fail(f"new-child-{number}-age", str(error), problems)
                continue
            if not name.strip():
                if age is not None:
                    self._fail(f"new-child-{number}-name", "add the child's name, or clear the age", problems)
                continue
            children.append((name, age))
        if problems:
            self._show_error(f"Please check the {'field' if len(problems) == 1 else 'fields'} marked ✗.")
            self.query_one(f"#{problems[0]}").focus()
            return
        context = self.query_one("#new-context", Select).value
        app = self.app
        meeting = create_meeting(
            sdm_app(app).library,
            kind=self._kind(),
            family_label=label.strip(),
            context=context if isinstance(context, str) else None,
            when=when,
            children=children,
        )
        now = sdm_app(app).clock()
        meeting.id = new_meeting_id(now)
        meeting.created = meeting.updated = now
        try:
            opened = sdm_app(app).store.create(meeting)
        except (StoreError, OSError) as error:
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
            self._show_error(
                f"The meeting could not be created: {reason}. Nothing you typed is lost; "
                "try again, or check the data folder."
            )
            return
        guide = sdm_app(app).library.get(meeting.guide_id) if meeting.guide_id else None
        if guide is not None:
            app.notify(f"Created, using the guide '{one_line(guide.title)}'.", markup=False)
        else:
            app.notify(
                "Created. No guide matches this kind of meeting, so it has no steps yet.", markup=False
            )
        self.dismiss(MeetingSession(sdm_app(app).store, opened, guide))

    def _show_error(self, message: str) -> None:
        error = self.query_one("#new-error", Static)
        error.update(Content(f"✗ {message}"))
        error.display = True

    def _typed_anything(self) -> bool:
        return any(i.value.strip() for i in self.query(Input))

    def action_cancel(self) -> None:
        if not self._typed_anything():
            self.dismiss(None)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                "Leave without creating this meeting? What you typed here will be lost.",
                yes="Leave",
                no="Keep editing",
            ),
            answered,
        )

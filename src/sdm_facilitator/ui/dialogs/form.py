"""Small keyboard-first dialogs for the plan and follow-up sections.

One form dialog serves every "add or change one thing" job (an action, an
update, a plan change, a review) so they all work the same way: tab between
fields, ctrl+s (or enter on the last one-line field) to save, escape to
cancel. Escape asks first when anything was typed or changed, so a stray key
never throws away a sentence written in the room. Values typed in come back
exactly as typed; dates are checked before the dialog closes and the reason is
shown inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, SelectionList, Static, TextArea

from sdm_facilitator.domain.plan_rules import PlanRuleError, parse_day
from sdm_facilitator.storage.drafts import DraftField
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm, ask_before_discarding
from sdm_facilitator.ui.dialogs.drafts import RestoresDraft
from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.hinted_text import HintLine
from sdm_facilitator.ui.widgets.literal import literal

FieldKind = Literal["text", "long", "date", "choice", "many"]


#: The widest a label gets (its box keeps the rest of the row); a longer one takes two lines.
LABEL_MOST = 27


@dataclass(frozen=True)
class FormField:
    """One field of a form: a one-line text, a longer text, a date, a choice, or several choices ("many").

    A "many" field's value is the list of chosen values; space ticks the highlighted one.
    """

    key: str
    label: str
    kind: FieldKind = "text"
    value: Any = None
    # For "choice" and "many": (label, value) pairs; labels are the app's own words or
    # names people typed, always shown literally.
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)
    required: bool = False
    placeholder: str = ""
    #: For "date": the day something already happened (an update, a review held), so a day
    #: after today is asked about before it is kept: usually a typing slip, sometimes right.
    happened: bool = False


def _draft_text(value: Any) -> str:
    """A field's value as a draft keeps it: several choices one a line."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


class FormDialog(HoldsEarlyKeys, RestoresDraft, ModalScreen[dict[str, Any] | None]):
    """A titled form; returns the values (dates parsed) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        *,
        intro: str = "",
        validate: Callable[[dict[str, Any]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.intro = intro
        self.validate = validate
        # What the fields held when the dialog opened, as the widgets hold it.
        self._initial: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog"):
            # The title and intro may quote user text: always literal.
            yield Static(literal(self.form_title), id="form-title", markup=False)
            if self.intro:
                yield Static(literal(self.intro), id="form-intro", markup=False)
            with VerticalScroll(id="form-fields", can_focus=False):
                for f in self.fields:
                    tall = (
                        " form-row-long" if f.kind == "long" else " form-row-many" if f.kind == "many" else ""
                    )
                    if not tall and len(self._label(f)) > LABEL_MOST:
                        # A long label wraps onto a second line rather than being cut where the box begins.
                        tall = " form-row-two-lines"
                    with Horizontal(classes="form-row" + tall):
                        yield Label(self._label(f), classes="form-label")
                        yield self._field_widget(f)
            yield Static("", id="form-error", markup=False)
            yield HintLine()
        yield Footer()

    @staticmethod
    def _label(f: FormField) -> str:
        return f.label + (" *" if f.required else "")

    def _field_widget(self, f: FormField) -> Input | TextArea | Select[str] | SelectionList[str]:
        widget_id = f"field-{f.key}"
        if f.kind == "many":
            chosen = set(f.value or ())
            return SelectionList[str](
                *((literal(label), value, value in chosen) for label, value in f.options),
                id=widget_id,
                compact=True,
            )
        if f.kind == "long":
            return TextArea(
                f.value or "",
                id=widget_id,
                soft_wrap=True,
                compact=True,
                tab_behavior="focus",
                placeholder=f.placeholder,
            )
        if f.kind == "choice":
            return Select(
                list(f.options),
                id=widget_id,
                allow_blank=False,
                value=f.value if f.value is not None else f.options[0][1],
                compact=True,
            )
        if f.kind == "date":
            value = f.value.isoformat() if isinstance(f.value, date) else (f.value or "")
            return Input(value, id=widget_id, placeholder=f.placeholder or "YYYY-MM-DD", compact=True)
        return Input(f.value or "", id=widget_id, placeholder=f.placeholder, compact=True)

    def on_mount(self) -> None:
        # Labels as wide as the longest one, so a required marker never wraps onto its own line.
        width = max([len(self._label(f)) for f in self.fields] + [12]) + 1
        for label in self.query(".form-label"):
            label.styles.width = min(width, LABEL_MOST + 1)
        self._initial = self._raw_values()
        if self.fields:
            self.query_one(f"#field-{self.fields[0].key}").focus()
        self.offer_draft()  # after _initial: restored text counts as typed, so Escape asks first

    def _raw_values(self) -> dict[str, Any]:
        """Each field's value exactly as its widget holds it (dates not parsed)."""
        raw: dict[str, Any] = {}
        for f in self.fields:
            widget = self.query_one(f"#field-{f.key}")
            if isinstance(widget, TextArea):
                raw[f.key] = widget.text
            elif isinstance(widget, Select):
                raw[f.key] = widget.value
            elif isinstance(widget, SelectionList):
                # In the order of the options, so the same choice compares equal however it was made.
                chosen = set(widget.selected)
                raw[f.key] = [value for _, value in f.options if value in chosen]
            else:
                assert isinstance(widget, Input)
                raw[f.key] = widget.value
        return raw

    def unsaved_text(self) -> bool:
        """True when something typed or changed here would be lost by closing now."""
        if self._initial is None or not self.is_mounted:
            return False
        return self._raw_values() != self._initial

    def draft_dialog(self) -> str:
        return f"form:{self.form_title}"

    def draft_title(self) -> str:
        return self.form_title

    def typed_fields(self) -> list[DraftField]:
        raw = self._raw_values()
        return [DraftField(f.key, f.label, _draft_text(raw[f.key])) for f in self.fields]

    def restore_typed(self, values: Mapping[str, str]) -> None:
        for f in self.fields:
            if f.key not in values:
                continue
            widget = self.query_one(f"#field-{f.key}")
            text = values[f.key]
            if isinstance(widget, TextArea):
                widget.text = text
            elif isinstance(widget, Select):
                if text in {value for _, value in f.options}:
                    widget.value = text
            elif isinstance(widget, SelectionList):
                widget.deselect_all()
                for value in text.split("\n"):
                    if value in {v for _, v in f.options}:
                        widget.select(value)
            else:
                assert isinstance(widget, Input)
                widget.value = text

    def values(self) -> dict[str, Any]:
        """The typed values, dates parsed (raises PlanRuleError naming the field)."""
        result: dict[str, Any] = {}
        raw = self._raw_values()
        for f in self.fields:
            value: Any = raw[f.key]
            if f.kind == "date":
                try:
                    value = parse_day(value, sdm_app(self).today())
                except PlanRuleError as error:
                    raise PlanRuleError(f"{f.label}: {error}") from None
            if f.required and (
                value is None or value == [] or (isinstance(value, str) and not value.strip())
            ):
                raise PlanRuleError(f"{f.label}: please fill this in.")
            result[f.key] = value
        return result

    def _show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(literal(message))

    def action_save(self) -> None:
        try:
            values = self.values()
        except PlanRuleError as error:
            self._show_error(str(error))
            return
        problem = self.validate(values) if self.validate else None
        if problem:
            self._show_error(problem)
            return
        today = sdm_app(self).today()
        future = [
            f for f in self.fields if f.happened and isinstance(values[f.key], date) and values[f.key] > today
        ]
        if not future:
            self.dismiss(values)
            return
        first = future[0]

        def answered(keep: bool | None) -> None:
            if keep:
                self.dismiss(values)
            else:  # back to the date, exactly as typed, to change it
                self.query_one(f"#field-{first.key}").focus()

        self.app.push_screen(
            Confirm(
                "That date is in the future: is it right?",
                f"{first.label}: {values[first.key]:%A %d %B %Y}. Today is {today:%A %d %B %Y}.",
                yes="Yes, keep it",
                no="Change it",
            ),
            answered,
        )

    def action_cancel(self) -> None:
        """Close without saving; ask first if that would lose what was typed."""
        ask_before_discarding(self)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _hints(self, event: Input.Changed | TextArea.Changed) -> None:
        """Language hints for the text field being written in (never dates or choices)."""
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        kinds = {f"field-{f.key}": f.kind for f in self.fields}
        if kinds.get(widget.id or "") in ("text", "long"):
            text = widget.value if isinstance(widget, Input) else widget.text
            self.query_one(HintLine).show_for(text)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, and saves from the last one."""
        event.stop()
        keys = [f"field-{f.key}" for f in self.fields]
        current = event.input.id
        if current in keys and keys.index(current) < len(keys) - 1:
            self.focus_next()
        else:
            self.action_save()

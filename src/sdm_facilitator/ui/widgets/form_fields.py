"""Form pieces shared by every editing screen: labelled fields, dates, yes/no answers.

A ``Field`` is a label, one input widget, and two quiet lines under it: a
validation message (✗, beside the field it is about) and language hints for
text that goes in the record. Invalid text stays in the input so nothing typed
is lost; only valid values are written to the meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from sdm_facilitator.domain.dates import DATE_PLACEHOLDER, parse_date, parse_time
from sdm_facilitator.ui.widgets.hinted_text import HintLine
from sdm_facilitator.ui.widgets.tick_list import TickList

__all__ = ["DATE_PLACEHOLDER", "parse_date", "parse_time"]  # re-exported for the editing screens


def date_text(value: date | None) -> str:
    """A stored date as the text an input shows."""
    return value.isoformat() if value else ""


def nice_date(value: date | datetime | None, *, weekday: bool = True) -> str:
    """A date for reading: 'Thu 12 Mar 2026'."""
    if value is None:
        return ""
    return value.strftime("%a %d %b %Y" if weekday else "%d %b %Y")


# ---------------------------------------------------------------- yes / no / not recorded

YES, NO = "yes", "no"
TRISTATE_OPTIONS = [("Yes", YES), ("No", NO)]


def tri_value(value: bool | None) -> str | object:
    """A stored yes/no/unknown as a Select value."""
    if value is None:
        return Select.NULL
    return YES if value else NO


def tri_bool(value: object) -> bool | None:
    """A Select value back to yes/no/unknown."""
    if value == YES:
        return True
    if value == NO:
        return False
    return None


def tri_select(value: bool | None, *, id: str | None = None, prompt: str = "Not recorded yet") -> Select[str]:
    """A Select for a yes/no answer that may not have been asked yet."""
    return Select(TRISTATE_OPTIONS, prompt=prompt, value=tri_value(value), id=id)  # type: ignore[arg-type]


def choice_select(
    choices: tuple[str, ...],
    labels: dict[str, str],
    value: str | None,
    *,
    id: str | None = None,
    prompt: str = "Not decided yet",
    allow_blank: bool = True,
) -> Select[str]:
    """A Select over one of the model's fixed choices, showing their labels."""
    options = [(labels.get(c, c), c) for c in choices]
    return Select(
        options,
        prompt=prompt,
        value=value if value in choices else Select.NULL,
        allow_blank=allow_blank,
        id=id,
    )


def choice_list(
    options: list[tuple[str, str]], values: list[str], *, id: str | None = None
) -> SelectionList[str]:
    """A list of ``(label, value)`` options where several may be ticked (space ticks one).

    For the model's list-of-choices fields (ways of taking part, phases,
    special categories). Values in ``values`` that are not offered are kept
    by the setter, never dropped: see ``merge_choices``.
    """
    chosen = set(values)
    # Labels may be names people typed: plain Content, never markup.
    return TickList(*((Content(label), value, value in chosen) for label, value in options), id=id)


def merge_choices(offered: list[str], current: list[str], ticked: list[str]) -> list[str]:
    """The new list when the ticks among ``offered`` change: others already there are kept, order is the offer's.

    A phase the guide no longer lists, or a value from a newer version, stays
    in the record even though it cannot be shown as a tick.
    """
    kept = [value for value in current if value not in offered]
    return kept + [value for value in offered if value in ticked]


# ---------------------------------------------------------------- a labelled field


class Field(Vertical):
    """A label, one input, a validation message and (for record text) language hints."""

    DEFAULT_CSS = """
    Field { height: auto; margin: 0 0 1 0; }
    Field > .field-label { color: $text; text-style: bold; }
    Field > .field-help { color: $text-muted; }
    Field > .field-error { color: $text-error; text-style: bold; display: none; }
    Field > .field-error.-shown { display: block; }
    """

    def __init__(
        self,
        label: str,
        widget: Widget,
        *,
        help: str = "",
        hints: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label_text = label
        self.widget = widget
        self.help_text = help
        self.hints = hints

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label_text), classes="field-label")
        if self.help_text:
            yield Static(Content(self.help_text), classes="field-help")
        yield self.widget
        yield Static("", classes="field-error", markup=False)
        if self.hints:
            yield HintLine()

    def on_mount(self) -> None:
        if self.hints:
            self.update_hints()

    def set_error(self, message: str | None) -> None:
        """Show (or clear) the validation message beside this field."""
        error = self.query_one(".field-error", Static)
        error.update(Content(f"✗ {message}") if message else "")
        error.set_class(bool(message), "-shown")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        return str(self.query_one(".field-error", Static).content)

    def update_hints(self) -> None:
        if not self.hints:
            return
        text = ""
        if isinstance(self.widget, Input):
            text = self.widget.value
        elif isinstance(self.widget, TextArea):
            text = self.widget.text
        self.query_one(HintLine).show_for(text)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.update_hints()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.update_hints()


def text_area(
    text: str, *, id: str | None = None, classes: str | None = None, compact: bool = False
) -> TextArea:
    """A soft-wrapped text box where Tab moves on, for notes and views."""
    area = TextArea(
        text,
        soft_wrap=True,
        tab_behavior="focus",
        show_line_numbers=False,
        id=id,
        classes=classes,
        compact=compact,
    )
    return area


# ---------------------------------------------------------------- binding fields to the record

Setter = Callable[[Any], bool]


class FieldBinder:
    """Mixin for a container of fields: writes valid values to the record as they are typed.

    ``bind_field(id, setter)`` registers a setter for the editor with that id. A
    setter takes the widget's value, writes it to the meeting and returns
    whether anything changed, or raises ``ValueError`` with a message that is
    shown beside the field (the typed text stays in the field). Subclasses
    implement ``edited()``.
    """

    _setters: dict[str, Setter]

    def _bound(self) -> dict[str, Setter]:
        """The setters bound so far (a mixin has no ``__init__`` of its own to make the dict in)."""
        bound: dict[str, Setter] = vars(self).setdefault("_setters", {})
        return bound

    def bind_field(self, widget_id: str, setter: Setter) -> None:
        self._bound()[widget_id] = setter

    if TYPE_CHECKING:
        # Given by the class this is mixed into (a section, a dialog); declared here for
        # the type checker only, so it never shadows theirs in the method order.
        def edited(self) -> None: ...

    def apply_value(self, widget: Widget, value: Any) -> bool:
        """Run the setter for ``widget``; show or clear its message. True when the record changed."""
        setter = self._bound().get(widget.id or "")
        if setter is None:
            return False
        field = next((a for a in widget.ancestors if isinstance(a, Field)), None)
        try:
            changed = setter(value)
        except ValueError as error:
            if field is not None:
                field.set_error(str(error))
            return False
        if field is not None:
            field.set_error(None)
        if changed:
            self.edited()
        return changed

    def apply_pending(self) -> None:
        """Write every bound field's current value now, without waiting for its change event.

        Quitting runs before queued change events are handled; calling this first
        means a name typed a moment before ctrl+q is still saved.
        """
        for widget_id in list(self._bound()):
            matches = self.query(f"#{widget_id}")  # type: ignore[attr-defined]
            if not matches:
                continue
            widget = matches.first()
            if isinstance(widget, Input):
                self.apply_value(widget, widget.value)
            elif isinstance(widget, TextArea):
                self.apply_value(widget, widget.text)
            elif isinstance(widget, Select):
                self.apply_value(widget, None if widget.value is Select.NULL else widget.value)
            elif isinstance(widget, Checkbox):
                self.apply_value(widget, widget.value)
            elif isinstance(widget, SelectionList):
                self.apply_value(widget, list(widget.selected))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.apply_value(event.input, event.value) or event.input.id in self._bound():
            event.stop()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.apply_value(event.text_area, event.text_area.text)

    def on_select_changed(self, event: Select.Changed) -> None:
        self.apply_value(event.select, None if event.value is Select.NULL else event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.apply_value(event.checkbox, event.value)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[Any]) -> None:
        self.apply_value(event.selection_list, list(event.selection_list.selected))


def set_required_reason(
    binder: FieldBinder, obj: object, name: str, value: str, *, required: bool, message: str
) -> bool:
    """Write a reason that some states require (e.g. "not to be invited").

    The text is written even when a required reason is empty, so nothing typed
    is held back; the message beside the field says what is missing.
    """
    changed = set_attr(obj, name, value)
    if required and not value.strip():
        if changed:
            binder.edited()
        raise ValueError(message)
    return changed


def show_reason_field(field: Field, *, needed: bool, current: str, message: str) -> None:
    """Show a reason field when it is needed (or already filled), with its message if missing."""
    field.display = needed or bool(current)
    field.set_error(message if needed and not current.strip() else None)


def set_attr(obj: object, name: str, value: Any) -> bool:
    """Set ``obj.name`` to ``value``; True when it changed."""
    if getattr(obj, name) == value:
        return False
    setattr(obj, name, value)
    return True

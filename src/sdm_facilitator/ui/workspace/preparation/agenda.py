"""The agenda: built from the guide's phases and lengths, editable, with the total time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from sdm_facilitator.domain.meeting import AgendaItem
from sdm_facilitator.domain.meeting_factory import agenda_from_guide
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import Field, set_attr
from sdm_facilitator.ui.workspace.preparation.base import PrepSection
from sdm_facilitator.ui.workspace.preparation.choices import NO_TIME

MAX_MINUTES = 600
STEP_MINUTES = 5
#: The footer shows the two length keys together, as one "5 min" pair.
FIVE_MINUTES = Binding.Group("5 min", compact=True)


def duration_words(minutes: int) -> str:
    """'2 h 45 min', '50 min'."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"


def parse_minutes(text: str) -> int:
    value = text.strip()
    if not value.isdigit():
        raise ValueError("write the length in whole minutes, for example 30")
    minutes = int(value)
    if minutes > MAX_MINUTES:
        raise ValueError(f"at most {MAX_MINUTES} minutes for one part")
    return minutes


class AgendaItemEditor(EditorDialog):
    """The name and length of one part of the meeting."""

    def __init__(self, item: AgendaItem, on_edit: Callable[[], None], *, read_only: bool = False) -> None:
        super().__init__(
            f"Agenda: {one_line(item.name, 40)}" if item.name else "New part of the meeting",
            on_edit,
            read_only=read_only,
        )
        self.item = item

    def body(self) -> ComposeResult:
        yield Field("Part of the meeting", Input(self.item.name, id="ag-name"), hints=True)
        yield Field("Minutes", Input(str(self.item.minutes), id="ag-minutes", restrict=r"\d*"))

    def on_mount(self) -> None:
        self.bind_field("ag-name", self._set_name)
        self.bind_field("ag-minutes", lambda v: set_attr(self.item, "minutes", parse_minutes(v)))
        super().on_mount()

    def _set_name(self, value: str) -> bool:
        changed = set_attr(self.item, "name", value)
        if not value.strip():
            if changed:
                self.edited()
            raise ValueError("give this part a name")
        return changed


class AgendaSection(PrepSection):
    """The planned parts of the meeting, in order, with their lengths."""

    BINDINGS = [
        Binding("plus,equals_sign", "adjust(5)", "+5 min", group=FIVE_MINUTES),
        Binding("minus", "adjust(-5)", "-5 min", group=FIVE_MINUTES),
        Binding("a", "add_item", "Add part"),
        Binding("e", "edit_item", "Edit"),
        Binding("shift+up", "move(-1)", "Move up", show=False),
        Binding("shift+down", "move(1)", "Move down", show=False),
        Binding("delete,x", "remove_item", "Remove", show=False),
        Binding("r", "reset", "From guide", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Planned from the guide; change it with the family. "
                "+/-: 5 minutes · shift+up/down: move · enter: edit · r: start again from the guide"
            ),
            classes="section-help",
        )
        table: DataTable[Text] = DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(
            Content("The agenda is empty. Press a to add a part, or r to start from the guide."),
            id="agenda-empty",
            classes="empty-note",
        )
        yield Static("", id="agenda-total", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()
        super().on_mount()

    def _private_ids(self) -> set[str]:
        guide = self.session.guide
        return {p.id for p in guide.phases if p.private} if guide else set()

    def refresh_from_meeting(self) -> None:
        table = self.query_one("#agenda-table", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        width = max(16, (self.size.width or 56) - 4 - 2 - 7 - 6 - 8)
        table.add_column("#")
        table.add_column("Part of the meeting", width=width)
        table.add_column("Minutes")
        table.add_column("Starts")
        agenda = self.meeting.agenda
        when = self.meeting.starts_at
        clock: datetime | None = when if when is not None and when.time() != NO_TIME else None
        private = self._private_ids()
        for index, item in enumerate(agenda, 1):
            name = one_line(item.name, width) or "(no name yet)"
            if item.phase_id in private and "private" not in name.lower():
                name = one_line(f"{name} (private family time)", width)
            table.add_row(
                Text(str(index)),
                Text(name),
                Text(f"{item.minutes:>3}"),
                Text(f"{clock:%H:%M}" if clock else "-"),
                key=f"{index}",
            )
            if clock is not None:
                clock += timedelta(minutes=item.minutes)
        if agenda:
            table.move_cursor(row=min(max(keep, 0), len(agenda) - 1))
        self.query_one("#agenda-empty").display = not agenda
        total = sum(i.minutes for i in agenda)
        words = f"Total time: {duration_words(total)}" if agenda else ""
        if agenda and clock is not None and when is not None:
            words += f" · {when:%H:%M} to {clock:%H:%M}"
        guide = self.session.guide
        if agenda and guide is not None and guide.total_minutes != total:
            words += f" (the guide plans {duration_words(guide.total_minutes)})"
        self.query_one("#agenda-total", Static).update(Content(words))

    def on_resize(self) -> None:
        # A resize can arrive before the section's widgets are composed (a busy machine).
        if self.is_mounted and self.children:
            self.refresh_from_meeting()

    def first_focus_target(self) -> Widget | None:
        return self.query_one("#agenda-table", DataTable)

    def _index(self) -> int | None:
        table = self.query_one("#agenda-table", DataTable)
        agenda = self.meeting.agenda
        if not agenda or table.cursor_row < 0:
            return None
        return min(table.cursor_row, len(agenda) - 1)

    def _changed(self, cursor: int | None = None) -> None:
        self.edited()
        self.refresh_from_meeting()
        if cursor is not None:
            self.query_one("#agenda-table", DataTable).move_cursor(row=cursor)

    def _editable(self) -> bool:
        if self.read_only:
            self.app.bell()
            return False
        return True

    def action_adjust(self, delta: int) -> None:
        index = self._index()
        if index is None or not self._editable():
            return
        item = self.meeting.agenda[index]
        item.minutes = max(0, min(MAX_MINUTES, item.minutes + delta))
        self._changed(index)

    def action_move(self, delta: int) -> None:
        index = self._index()
        if index is None or not self._editable():
            return
        target = index + delta
        agenda = self.meeting.agenda
        if 0 <= target < len(agenda):
            agenda[index], agenda[target] = agenda[target], agenda[index]
            self._changed(target)

    def _edit(self, item: AgendaItem, *, new: bool = False) -> None:
        def closed(_result: None) -> None:
            if new and not item.name.strip():
                self.meeting.agenda.remove(item)
                self.edited()
            self.refresh_from_meeting()
            if item in self.meeting.agenda:
                table = self.query_one("#agenda-table", DataTable)
                table.move_cursor(row=self.meeting.agenda.index(item))
                table.focus()

        self.app.push_screen(AgendaItemEditor(item, self.edited, read_only=self.read_only), closed)

    def action_edit_item(self) -> None:
        index = self._index()
        if index is not None:
            self._edit(self.meeting.agenda[index])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_item()

    def action_add_item(self) -> None:
        if not self._editable():
            return
        item = AgendaItem(phase_id="", name="", minutes=15)
        index = self._index()
        position = len(self.meeting.agenda) if index is None else index + 1
        self.meeting.agenda.insert(position, item)
        self._edit(item, new=True)

    def action_remove_item(self) -> None:
        index = self._index()
        if index is None or not self._editable():
            return
        item = self.meeting.agenda[index]

        def answered(yes: bool | None) -> None:
            if yes and item in self.meeting.agenda:
                self.meeting.agenda.remove(item)
                self._changed(max(0, index - 1))

        name = one_line(item.name, 40) or "this part"
        self.app.push_screen(Confirm(f"Remove “{name}” from the agenda?", yes="Remove"), answered)

    def action_reset(self) -> None:
        guide = self.session.guide
        if guide is None or not self._editable():
            self.app.notify("There is no guide for this meeting to take the agenda from.", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.meeting.agenda = agenda_from_guide(guide)
                self._changed(0)

        self.app.push_screen(
            Confirm(
                "Replace this agenda with the guide's parts and lengths? Your changes to it will be lost.",
                yes="Replace",
            ),
            answered,
        )

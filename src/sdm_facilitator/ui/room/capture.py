"""Small dialogs used in the room: capture, scale answer, who is here, confirm.

Each dialog returns its result to the chair's view, which stamps it with the
phase and time and saves. When names and notes are hidden (the screen can be
seen by others) typed text is masked as it is written. Escape closes a dialog
at once when nothing was typed, and asks first when typed text would be lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.validation import Integer
from textual.widgets import DataTable, Input, Label, Static

from sdm_facilitator.domain.guide import SCALE_WITHOUT_GUIDE
from sdm_facilitator.domain.meeting import (
    ATTENDANCE_CHOICES,
    CAPTURE_KINDS,
    CAPTURE_LABELS,
    ROLE_LABELS,
    Child,
    Meeting,
    Person,
)
from sdm_facilitator.domain.participation import child_ways, ways_words
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.drafts import DraftField
from sdm_facilitator.ui.dialogs.confirm import ask_before_discarding
from sdm_facilitator.ui.dialogs.drafts import RestoresDraft
from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.hinted_text import HintLine
from sdm_facilitator.ui.widgets.literal import literal_cell

#: One key per kind of capture, used by the chair's view and shown in the dialog.
CAPTURE_KEYS = {"note": "n", "worry": "w", "working-well": "g", "needs-to-happen": "t", "decision": "d"}


@dataclass(frozen=True)
class CaptureResult:
    kind: str
    text: str


@dataclass(frozen=True)
class ScaleResult:
    value: int
    who: str
    note: str


class CaptureDialog(HoldsEarlyKeys, RestoresDraft, ModalScreen[CaptureResult | None]):
    """Write one note, worry, working well, needs to happen or decision."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("up", "kind(-1)", "Kind", key_display="↑↓"),
        Binding("down", "kind(1)", "Kind", show=False),
    ]

    def __init__(self, kind: str = "note", *, masked: bool = False) -> None:
        super().__init__()
        self.kind = kind if kind in CAPTURE_KINDS else "note"
        self.masked = masked

    def compose(self) -> ComposeResult:
        with Vertical(classes="chair-dialog"):
            yield Static(id="capture-kinds")
            yield Input(
                placeholder="What was said, in plain words",
                password=self.masked,
                id="capture-text",
            )
            yield Static(id="capture-message", markup=False)
            yield HintLine()
            hint = "Enter: save · ↑↓: change kind · Escape: cancel"
            if self.masked:
                hint += "\nNames and notes are hidden: the text is masked as you type."
            yield Label(hint, classes="muted", markup=False)

    def on_mount(self) -> None:
        self._show_kinds()
        self.query_one("#capture-text", Input).focus()
        self.offer_draft()

    def _show_kinds(self) -> None:
        row = Text()
        for kind in CAPTURE_KINDS:
            chosen = kind == self.kind
            label = f"{'▶ ' if chosen else '  '}{CAPTURE_LABELS[kind]}"
            row.append(label, style="bold reverse" if chosen else "")
            row.append("  ")
        self.query_one("#capture-kinds", Static).update(row)

    def action_kind(self, step: int) -> None:
        index = (CAPTURE_KINDS.index(self.kind) + step) % len(CAPTURE_KINDS)
        self.kind = CAPTURE_KINDS[index]
        self._show_kinds()

    @on(Input.Changed, "#capture-text")
    def _hints(self, event: Input.Changed) -> None:
        # Hints quote the words typed, so none are shown while names and notes are hidden.
        if not self.masked:
            self.query_one(HintLine).show_for(event.value)

    @on(Input.Submitted, "#capture-text")
    def _save(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one("#capture-message", Static).update("Write something first, or press Escape.")
            return
        self.dismiss(CaptureResult(self.kind, text))

    def unsaved_text(self) -> bool:
        """True when text has been written that closing now would lose.

        Changing the kind alone loses nothing: a capture is its text.
        """
        if not self.is_mounted:
            return False
        return bool(self.query_one("#capture-text", Input).value.strip())

    def draft_dialog(self) -> str:
        return "capture"

    def draft_title(self) -> str:
        return "Capture in the room"

    def typed_fields(self) -> list[DraftField]:
        return [
            DraftField("kind", "Kind", self.kind),
            DraftField("text", CAPTURE_LABELS[self.kind], self.query_one("#capture-text", Input).value),
        ]

    def restore_typed(self, values: Mapping[str, str]) -> None:
        if values.get("kind") in CAPTURE_KINDS:
            self.kind = values["kind"]
            self._show_kinds()
        self.query_one("#capture-text", Input).value = values.get("text", "")

    def action_cancel(self) -> None:
        ask_before_discarding(self)


SCALE_FIELDS = (("value", "0 to 10"), ("who", "Who gave it"), ("note", "Why that number"))


class ScaleDialog(HoldsEarlyKeys, RestoresDraft, ModalScreen[ScaleResult | None]):
    """A 0 to 10 scaling answer and who gave it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, names: list[str], *, masked: bool = False, question: str = SCALE_WITHOUT_GUIDE
    ) -> None:
        super().__init__()
        self.names = names
        self.masked = masked
        # The guide's one wording of the scale (``domain.guide.scale_question``).
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="chair-dialog"):
            yield Label("Scaling answer", classes="section-title", markup=False)
            yield Label(self.question, id="scale-question", markup=False)
            yield Input(
                placeholder="0 to 10",
                type="integer",
                max_length=2,
                validators=[Integer(minimum=0, maximum=10)],
                id="scale-value",
            )
            yield Input(
                placeholder="Who gave it",
                password=self.masked,
                suggester=None if self.masked else SuggestFromList(self.names, case_sensitive=False),
                id="scale-who",
            )
            yield Input(placeholder="Why that number (optional)", password=self.masked, id="scale-note")
            yield Static(id="scale-message", markup=False)
            yield Label("Enter: next field, then save · Escape: cancel", classes="muted", markup=False)

    def on_mount(self) -> None:
        self.query_one("#scale-value", Input).focus()
        self.offer_draft()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = self.query_one("#scale-value", Input)
        who = self.query_one("#scale-who", Input)
        message = self.query_one("#scale-message", Static)
        if event.input.id != "scale-note":
            following = {"scale-value": who, "scale-who": self.query_one("#scale-note", Input)}
            following[event.input.id or ""].focus()
            return
        number = value.value.strip()
        if not number.isdigit() or not 0 <= int(number) <= 10:
            message.update("The answer is a whole number from 0 to 10.")
            value.focus()
            return
        if not who.value.strip():
            message.update("Say who gave the answer.")
            who.focus()
            return
        self.dismiss(ScaleResult(int(number), who.value.strip(), event.value.strip()))

    def unsaved_text(self) -> bool:
        """True when a number, a name or a reason has been typed that closing now would lose."""
        if not self.is_mounted:
            return False
        return any(
            field.value.strip()
            for field in self.query("#scale-value, #scale-who, #scale-note").results(Input)
        )

    def draft_dialog(self) -> str:
        return "scale"

    def draft_title(self) -> str:
        return "Scaling answer"

    def typed_fields(self) -> list[DraftField]:
        return [
            DraftField(key, label, self.query_one(f"#scale-{key}", Input).value)
            for key, label in SCALE_FIELDS
        ]

    def restore_typed(self, values: Mapping[str, str]) -> None:
        for key, _ in SCALE_FIELDS:
            self.query_one(f"#scale-{key}", Input).value = values.get(key, "")

    def action_cancel(self) -> None:
        ask_before_discarding(self)


#: A symbol and a word for each mark, so colour is never the only sign.
ATTENDANCE_MARKS: dict[str | None, str] = {
    None: "·  not marked",
    "present": "✓  here",
    "remote": "@  online",
    "phone": "☎  by phone",
    "part": "◐  part of it",
    "absent": "✗  not here",
}


#: Row keys for children start with this, so they never collide with a person's id.
CHILD_ROW = "child:"


def child_line(child: Child) -> str:
    """``Leo (13)``: a child's name and age for the list."""
    name = one_line(child.name or "(no name)", 24)
    return f"{name} ({child.age})" if child.age is not None else name


def child_role(child: Child) -> str:
    """``child · in person, in writing``: that it is a child, and the ways they take part."""
    ways = ways_words(child_ways(child))
    return f"child · {ways}" if ways else "child"


class PeopleDialog(HoldsEarlyKeys, ModalScreen[bool]):
    """Tick off who is here, children too. Returns True when anything changed.

    Only people still expected are listed: those who declined or are not to be
    invited are left out (a line says how many). Every child follows, with the
    ways they take part, and is marked like anyone else: here, online, by
    phone, for part of it, or not here.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("space", "cycle", "Change mark"),
        Binding("p", "mark_and_move('present')", "Here"),
        Binding("o", "mark_and_move('remote')", "Online"),
        Binding("r", "mark_and_move('remote')", "Online", show=False),
        Binding("b", "mark_and_move('phone')", "By phone"),
        Binding("t", "mark_and_move('part')", "Part"),
        Binding("a", "mark_and_move('absent')", "Not here"),
        Binding("x", "mark('')", "Clear", show=False),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.changed = False
        self.usual_note = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="chair-dialog wide"):
            yield Label("Who is here", classes="section-title", markup=False)
            yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="people-note", classes="muted", markup=False)
            yield Label(
                "p here · o online · b by phone · t part of it · a not here: marks the row and moves to the "
                "next person. space changes the mark and stays · x clears it · Escape: done",
                classes="muted",
                markup=False,
            )

    def on_mount(self) -> None:
        table = self.query_one("#people-table", DataTable)
        table.add_columns("Here", "Name", "Role")
        for person in self.meeting.people:
            if not person.expected:
                continue
            table.add_row(
                Text(self._mark(person.attendance)),
                literal_cell(person.name or "(no name)", 30),
                Text(one_line(ROLE_LABELS.get(person.role, person.role), 24)),
                key=person.id,
            )
        for child in self.meeting.children:
            table.add_row(
                Text(self._mark(child.attendance)),
                literal_cell(child_line(child), 30),
                Text(one_line(child_role(child), 40)),
                key=f"{CHILD_ROW}{child.id}",
            )
        left_out = sum(1 for person in self.meeting.people if not person.expected)
        self.usual_note = f"Not listed: {left_out} who declined or are not to be invited." if left_out else ""
        self._note(self.usual_note)
        table.focus()

    def _note(self, text: str) -> None:
        note = self.query_one("#people-note", Static)
        note.update(text)
        note.display = bool(text)

    @on(DataTable.RowHighlighted, "#people-table")
    def _moved(self) -> None:
        self._note(self.usual_note)

    @staticmethod
    def _mark(attendance: str | None) -> str:
        return ATTENDANCE_MARKS.get(attendance, f"?  {attendance}")

    def _selected(self) -> tuple[str, Person | Child] | None:
        """The highlighted row's key and the person or child on it."""
        table = self.query_one("#people-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        key = str(row_key.value)
        if key.startswith(CHILD_ROW):
            child = self.meeting.child(key.removeprefix(CHILD_ROW))
            return (key, child) if child is not None else None
        person = self.meeting.person(key)
        return (key, person) if person is not None else None

    def action_mark(self, attendance: str) -> None:
        selected = self._selected()
        if selected is None:
            return
        key, entry = selected
        entry.attendance = attendance or None
        self.changed = True
        table = self.query_one("#people-table", DataTable)
        table.update_cell(
            key, table.ordered_columns[0].key, Text(self._mark(entry.attendance)), update_width=True
        )

    def action_mark_and_move(self, attendance: str) -> None:
        """Mark the highlighted row and move on, so a room is marked one key per person."""
        if self._selected() is None:
            return
        self.action_mark(attendance)
        table = self.query_one("#people-table", DataTable)
        if table.cursor_row + 1 < table.row_count:
            table.move_cursor(row=table.cursor_row + 1)

    def action_cycle(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        current = selected[1].attendance
        order = [None, *ATTENDANCE_CHOICES]
        following = order[(order.index(current) + 1) % len(order)] if current in order else None
        self.action_mark(following or "")

    def action_close(self) -> None:
        self.dismiss(self.changed)


#: The word typed to end private family time; a family member cannot stumble into it.
END_WORD = "back"


class EndFamilyTimeDialog(ModalScreen[bool]):
    """Ending family time needs a typed word, so a stray key never shows case notes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "keep", "Keep family time going")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="chair-dialog"):
            yield Label(
                "Have the family called the professionals back?", classes="section-title", markup=False
            )
            yield Label(
                f"To end family time, type the word {END_WORD} and press Enter. "
                "Escape keeps family time going.",
                markup=False,
            )
            yield Input(placeholder=f"type {END_WORD}", max_length=20, id="end-word")
            yield Static(id="end-message", markup=False)

    def on_mount(self) -> None:
        self.query_one("#end-word", Input).focus()

    @on(Input.Submitted, "#end-word")
    def _check(self, event: Input.Submitted) -> None:
        if event.value.strip().lower() == END_WORD:
            self.dismiss(True)
        else:
            event.input.value = ""
            self.query_one("#end-message", Static).update(
                f"Family time is still going. Type {END_WORD} to end it, or press Escape."
            )

    def action_keep(self) -> None:
        self.dismiss(False)

"""In the room, a conference's decision record is opened from the phase it belongs to.

``r`` in the chair's view opens the part of the record the running phase is
about: the parents' and the child's views in the contribution phase, a new
agency view straight away in the agencies' views phase (the quick add), the
decision for each child (and dissent, and how to challenge) in the decision
phase, the lead practitioner, core group and dates in the last. The forms are
the Decision section's (``ui/workspace/decision_forms``), so what is recorded
in the room is the same ``Meeting.conference`` record.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.workspace.decision_rows import RecordRow, record_rows

#: The parts of the record each phase of the conference guide records (by phase id).
PHASE_PARTS: dict[str, tuple[str, ...]] = {
    "contributions": ("parent", "child-view"),
    "agency-views": ("agency",),
    "decision": ("decision", "dissent", "challenge"),
    "next-steps": ("lead", "core-group", "core-date", "review-date"),
}

#: The agencies' views phase adds a view at once: the chair is listening, not choosing.
QUICK_ADD = {"agency-views": "agency"}


def phase_rows(meeting: Meeting, phase_id: str, law: ProfileLaw | None = None) -> list[RecordRow]:
    """The parts of the record the phase is about, in the record's order ([] for other phases).

    ``law``: the chosen jurisdiction profile's timescales and categories.
    """
    kinds = PHASE_PARTS.get(phase_id, ())
    return [row for row in record_rows(meeting, law=law) if row.kind in kinds]


def row_choice(row: RecordRow) -> str:
    """The picker's value for a row: its kind and its ref."""
    return f"{row.kind}|{row.ref}"


class RecordPicker(ModalScreen[str | None]):
    """Which part of the record to open: one line each, what is recorded beside it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close")]

    def __init__(self, title: str, rows: list[RecordRow]) -> None:
        super().__init__()
        self.picker_title = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="record-picker"):
            yield Static(self.picker_title, id="record-picker-title", markup=False)
            options = []
            for row in self.rows:
                said = one_line(row.recorded, 40) if row.recorded else "not recorded"
                mark = " ⚠" if row.checks else ""
                # Names and words people typed: plain content, never markup.
                options.append(Option(Content(f"{row.part}{mark}: {said}"), id=row_choice(row)))
            yield OptionList(*options, id="record-picker-list")
            yield Static("Enter opens it · Escape closes", classes="muted", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#record-picker-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

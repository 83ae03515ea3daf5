"""The day: what happened at the meeting, readable (and correctable) after it.

Once the meeting has ended the chair's view only says so; this section is
where the record of the day can be read again: when each phase ran, whether
private family time was held and for how long (never what the family said),
everything captured in the room grouped by kind, and the 0 to 10 scaling
answers. A typing mistake in a capture or a scale answer can be corrected;
the time it was recorded at is kept, because the record says when it was said.

Built from ``domain.day_record``, the same structure the printed record of
the day reads, so the screen and the paper never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static

from sdm_facilitator.domain.day_record import DayRecord, day_record
from sdm_facilitator.domain.meeting import CAPTURE_KINDS, CAPTURE_LABELS, Capture, ScaleAnswer
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.record_section import RecordSection

KIND_OPTIONS: list[tuple[str, str]] = [(CAPTURE_LABELS[k], k) for k in CAPTURE_KINDS]


def clock(moment: datetime | None) -> str:
    """A stored time as the local hour and minute, or a dash when not recorded."""
    return f"{moment.astimezone():%H:%M}" if moment else "-"


def minutes_words(minutes: int | None) -> str:
    return "-" if minutes is None else f"{minutes} min"


def held_words(day: DayRecord) -> str:
    """One line saying whether and when the meeting was held."""
    if day.started is None:
        return "The meeting has not started yet: what is recorded in the room shows here."
    when = f"{day.started.astimezone():%a %d %b %Y}"
    if day.ended is None:
        return f"Started {when} at {clock(day.started)}; still running (the chair's view times it)."
    return f"Held {when}, {clock(day.started)} to {clock(day.ended)} ({minutes_words(day.minutes)})."


def family_time_words(day: DayRecord) -> str:
    """Whether private family time was held and its length: never what was said in it."""
    family = day.family_time
    if not family.held:
        return "Private family time: not held."
    added = f", {family.extra_minutes} min added" if family.extra_minutes else ""
    if family.ended is None:
        return f"Private family time: started {clock(family.started)}, still going{added}."
    return (
        f"Private family time: {clock(family.started)} to {clock(family.ended)}, "
        f"{minutes_words(family.minutes)}{added}. What the family said in it is theirs and is not recorded."
    )


class DayCapturesTable(FittedTable):
    """Everything captured in the room, grouped by kind; enter corrects the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,e", "correct", "Correct capture")]

    def __init__(self, section: TheDaySection, **kwargs: Any) -> None:
        super().__init__(
            [
                FitColumn("Kind", "kind"),
                FitColumn("Time", "at"),
                FitColumn("What was said", "text", flex=True),
            ],
            detail=RowDetail(section.capture_words, id="day-capture-detail"),
            **kwargs,
        )
        self.section = section

    def action_correct(self) -> None:
        self.section.correct_capture()


class DayScalesTable(FittedTable):
    """The 0 to 10 answers; enter corrects the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,e", "correct", "Correct answer")]

    def __init__(self, section: TheDaySection, **kwargs: Any) -> None:
        super().__init__(
            [
                FitColumn("Answer", "value"),
                FitColumn("Who", "who", max_width=24),
                FitColumn("Time", "at"),
                FitColumn("Note", "note", flex=True),
            ],
            detail=RowDetail(section.scale_words, id="day-scale-detail"),
            **kwargs,
        )
        self.section = section

    def action_correct(self) -> None:
        self.section.correct_scale()


class TheDaySection(RecordSection):
    """The record of the meeting's day: phases, family time, captures and scales."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session)
        self._captures: list[Capture] = []
        self._scales: list[ScaleAnswer] = []

    def compose(self) -> ComposeResult:
        yield Static("The day", classes="section-title", markup=False)
        yield Static(id="day-held", markup=False)
        yield Static(id="day-family-time", classes="muted", markup=False)
        yield Label("Phases", classes="plan-label")
        yield Static("No phase has started yet.", id="day-phases-empty", classes="muted", markup=False)
        yield FittedTable(
            [
                FitColumn("Phase", "phase", flex=True),
                FitColumn("From", "from"),
                FitColumn("To", "to"),
                FitColumn("Length", "length"),
            ],
            id="day-phases",
        )
        yield Label("Said in the room", classes="plan-label")
        yield Static(
            "Nothing was captured (c in the chair's view captures).",
            id="day-captures-empty",
            classes="muted",
            markup=False,
        )
        yield from DayCapturesTable(self, id="day-captures").with_detail()
        yield Label("Scaling answers (0 to 10)", classes="plan-label")
        yield Static(
            "No scaling answers (s in the chair's view asks for one).",
            id="day-scales-empty",
            classes="muted",
            markup=False,
        )
        yield from DayScalesTable(self, id="day-scales").with_detail()

    def on_mount(self) -> None:
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """The room may have recorded more since this section was last shown."""
        self.refresh_from_meeting()

    def first_focus_target(self) -> Widget | None:
        """Into the captures when there are any: what people come back to read."""
        self.refresh_from_meeting()
        for table_id, rows in (
            ("#day-captures", self._captures),
            ("#day-scales", self._scales),
            ("#day-phases", self.meeting.record.phases),
        ):
            if rows:
                return self.query_one(table_id, DataTable)
        return None

    def refresh_from_meeting(self) -> None:
        day = day_record(self.meeting, self.session.guide)
        self.query_one("#day-held", Static).update(held_words(day))
        self.query_one("#day-family-time", Static).update(family_time_words(day))
        self._fill_phases(day)
        self._captures = [c for group in day.groups for c in group.captures]
        self._scales = list(day.scales)
        self._fill_captures()
        self._fill_scales()

    # ------------------------------------------------------------ filling

    def _fill_phases(self, day: DayRecord) -> None:
        rows = []
        for phase in day.phases:
            planned = f" of {phase.planned_minutes}" if phase.planned_minutes else ""
            length = f"{phase.minutes}{planned} min" if phase.minutes is not None else "running"
            rows.append((literal_cell(phase.name), clock(phase.started), clock(phase.ended), length))
        table = self.query_one("#day-phases", FittedTable)
        table.refill(rows)
        table.display = bool(rows)
        self.query_one("#day-phases-empty", Static).display = not rows

    def _fill_captures(self) -> None:
        table = self.query_one("#day-captures", DayCapturesTable)
        rows = [
            (CAPTURE_LABELS.get(c.kind, c.kind), clock(c.at), literal_cell(c.text)) for c in self._captures
        ]
        table.refill(rows, [c.id for c in self._captures])
        table.display = bool(rows)
        self.query_one("#day-captures-empty", Static).display = not rows

    def _fill_scales(self) -> None:
        table = self.query_one("#day-scales", DayScalesTable)
        rows = [
            (f"{s.value}/10", literal_cell(s.who), clock(s.at), literal_cell(s.note)) for s in self._scales
        ]
        table.refill(rows, [s.id for s in self._scales])
        table.display = bool(rows)
        self.query_one("#day-scales-empty", Static).display = not rows

    # ------------------------------------------------------------ the whole text below each table

    def _phase_name(self, phase_id: str) -> str:
        item = next((a for a in self.meeting.agenda if a.phase_id == phase_id), None)
        return item.name if item and item.name else phase_id

    def _selected_capture(self) -> Capture | None:
        index = self.query_one("#day-captures", DayCapturesTable).selected_index()
        return self._captures[index] if index is not None and index < len(self._captures) else None

    def _selected_scale(self) -> ScaleAnswer | None:
        index = self.query_one("#day-scales", DayScalesTable).selected_index()
        return self._scales[index] if index is not None and index < len(self._scales) else None

    def _recorded_at(self, at: datetime | None, phase_id: str) -> str:
        where = f", {self._phase_name(phase_id)}" if phase_id else ""
        return f"Recorded at {clock(at)}{where} · enter: correct a typing mistake (the time stays)"

    def capture_words(self, index: int) -> Content | None:
        """The whole of one capture, under the captures table."""
        if index >= len(self._captures):
            return None
        capture = self._captures[index]
        return Content.assemble(
            (f"{CAPTURE_LABELS.get(capture.kind, capture.kind)}: ", "bold"),
            literal(capture.text) if capture.text.strip() else "(no words)",
            "\n",
            literal(self._recorded_at(capture.at, capture.phase_id)),
        )

    def scale_words(self, index: int) -> Content | None:
        """The whole of one scaling answer, under the answers table."""
        if index >= len(self._scales):
            return None
        scale = self._scales[index]
        parts: list[Content | str | tuple[str, str]] = [(f"{scale.value} out of 10", "bold"), " from "]
        parts.append(literal(scale.who) if scale.who.strip() else "(nobody named)")
        if scale.note.strip():
            parts += ["\n", literal(scale.note)]
        parts += ["\n", literal(self._recorded_at(scale.at, scale.phase_id))]
        return Content.assemble(*parts)

    # ------------------------------------------------------------ corrections

    def correct_capture(self) -> None:
        """Correct the words or the kind of the highlighted capture; its time is kept."""
        capture = self._selected_capture()
        if capture is None or not self.can_edit():
            return
        fields = [
            FormField("text", "What was said", "long", capture.text, required=True),
            FormField("kind", "Kind", "choice", capture.kind, KIND_OPTIONS),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            capture.text = values["text"]
            capture.kind = values["kind"]
            self.edited()

        self.app.push_screen(
            FormDialog(
                "Correct a capture", fields, intro=f"Recorded at {clock(capture.at)}: the time is kept."
            ),
            done,
        )

    def correct_scale(self) -> None:
        """Correct the highlighted scaling answer (value, who, note); its time is kept."""
        scale = self._selected_scale()
        if scale is None or not self.can_edit():
            return
        fields = [
            FormField("value", "Answer (0 to 10)", value=str(scale.value), required=True),
            FormField("who", "Who gave it", value=scale.who),
            FormField("note", "Note", "long", scale.note),
        ]

        def check(values: dict[str, Any]) -> str | None:
            text = str(values["value"]).strip()
            if not text.isdigit() or not 0 <= int(text) <= 10:
                return f"Answer: a whole number from 0 to 10, not “{visible(text)}”."
            return None

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            scale.value = int(str(values["value"]).strip())
            scale.who = values["who"]
            scale.note = values["note"]
            self.edited()

        self.app.push_screen(
            FormDialog(
                "Correct a scaling answer",
                fields,
                intro=f"Recorded at {clock(scale.at)}: the time is kept.",
                validate=check,
            ),
            done,
        )

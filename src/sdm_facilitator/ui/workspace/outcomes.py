"""The outcomes section: each child's outcome points, and the family's feedback.

Outcome points come at each held review and 3, 6 and 12 months after the
referral, held or not; a point that has come shows as due until it is recorded.
A child's times in care (``e``) and what the meeting cost (``c``) are recorded
here too: the report's days in care and cost per family come from them. Feedback is
optional and can be recorded as offered and declined. Recording either is a
short dialog (``o``, ``f``, ``y``, ``d``); nothing is ever removed here.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label, Static

from sdm_facilitator.domain.feedback import STATEMENTS
from sdm_facilitator.domain.meeting import OUTCOME_POINT_LABELS, Child
from sdm_facilitator.domain.outcomes import point_dates, recorded_point
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.outcomes_text import outcome_words
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.dialogs.care_dialogs import ask_care_episode, ask_cost, episodes_words
from sdm_facilitator.ui.dialogs.outcome_dialogs import ask_declined, ask_feedback, ask_outcome
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.record_section import RecordSection

POINT_SHORT = {"review": "review", "3-months": "3 months", "6-months": "6 months", "12-months": "12 months"}


def child_label(child: Child, index: int) -> str:
    return one_line(child.name, 24) if child.name.strip() else f"child {index + 1}"


class OutcomesTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("o,enter", "record_outcome", "Outcome", key_display="o")]

    def action_record_outcome(self) -> None:
        section = next(a for a in self.ancestors if isinstance(a, OutcomesSection))
        section.record_outcome()


class OutcomesSection(RecordSection):
    """Outcome points per child, then feedback."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "feedback('family')", "Family's view"),
        # In ? and the palette: the footer fits 80 columns.
        Binding("e", "care_episode", "Time in care", show=False),
        Binding("c", "cost", "Cost", show=False),
        # In ? and the palette: the footer fits 80 columns.
        Binding("y", "feedback('child')", "Child's view", show=False),
        Binding("d", "declined", "Declined", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session, classes="after-section outcomes-section")
        self._rows: list[tuple[int, str, date, str]] = []

    def compose(self) -> ComposeResult:
        yield Static("Outcomes and feedback", classes="section-title")
        yield Label("Each child's outcomes (o records one · e time in care · c cost)", classes="plan-label")
        yield Static(id="oc-empty", classes="muted", markup=False)
        yield OutcomesTable(id="oc-points", cursor_type="row", zebra_stripes=True)
        yield Static(id="oc-detail", classes="fu-detail", markup=False)
        yield Label("Feedback (f family · y child · d declined)", classes="plan-label")
        yield Static(id="oc-feedback-empty", classes="muted", markup=False)
        yield DataTable(id="oc-feedback", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        points = self.query_one("#oc-points", OutcomesTable)
        for label, key in (
            ("Child", "child"),
            ("Point", "point"),
            ("Date", "date"),
            ("Recorded", "recorded"),
        ):
            points.add_column(label, key=key)
        feedback = self.query_one("#oc-feedback", DataTable)
        for label, key in (
            ("From", "from"),
            ("Date", "date"),
            ("Scores: worries, heard, judged, ours, next", "answers"),
        ):
            feedback.add_column(label, key=key)
        self.refresh_from_meeting()

    def on_show(self) -> None:
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        self._refresh_points()
        self._refresh_feedback()

    def _refresh_points(self) -> None:
        m, today = self.meeting, self.today()
        table = self.query_one("#oc-points", OutcomesTable)
        keep = table.cursor_row if table.row_count else 0
        table.clear()
        self._rows = []
        for point, due, review_id in point_dates(m):
            for index, child in enumerate(m.children):
                recorded = recorded_point(child, point, review_id)
                if recorded is not None:
                    state = Text(one_line(outcome_words(recorded), 40))
                elif due <= today:
                    state = Text("✗ due, not recorded" if due < today else "due today", style="bold")
                else:
                    state = Text("not yet", style="dim")
                table.add_row(
                    literal_cell(child_label(child, index), 14),
                    Text(POINT_SHORT[point]),
                    Text(due.isoformat()),
                    state,
                )
                self._rows.append((index, point, due, review_id))
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        table.display = bool(self._rows)
        empty = self.query_one("#oc-empty", Static)
        empty.display = not self._rows
        if not m.children:
            empty.update("No child is recorded for this meeting.")
        else:
            empty.update(
                "Outcome points come at each review and 3, 6 and 12 months after the referral, "
                "whether or not the meeting was held."
            )
        self._show_point_detail()

    def _selected_point(self) -> tuple[int, str, date, str] | None:
        table = self.query_one("#oc-points", OutcomesTable)
        if not self._rows:
            return None
        return self._rows[min(max(table.cursor_row, 0), len(self._rows) - 1)]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "oc-points":
            self._show_point_detail()

    def _show_point_detail(self) -> None:
        detail = self.query_one("#oc-detail", Static)
        selected = self._selected_point()
        detail.display = selected is not None
        if selected is None:
            return
        index, point, due, review_id = selected
        child = self.meeting.children[index]
        recorded = recorded_point(child, point, review_id)
        words = outcome_words(recorded) if recorded else "not recorded yet: press o to record it"
        care = episodes_words(child)
        detail.update(
            literal(
                f"{child_label(child, index)}, {OUTCOME_POINT_LABELS[point].lower()} "
                f"({due.isoformat()}): {words}" + (f". {care[0].upper()}{care[1:]}" if care else "")
            )
        )

    def _refresh_feedback(self) -> None:
        table = self.query_one("#oc-feedback", DataTable)
        table.clear()
        items = self.meeting.feedback
        for item in items:
            who = "Child" if item.respondent == "child" else "Family"
            if item.status == "declined":
                answers = "offered, declined"
            else:
                answers = " ".join(str(getattr(item, s.field) or "-") for s in STATEMENTS)
            table.add_row(Text(who), Text(item.given_on.isoformat() if item.given_on else "-"), Text(answers))
        table.display = bool(items)
        empty = self.query_one("#oc-feedback-empty", Static)
        empty.display = not items
        empty.update("No feedback yet. It is optional: offer it after the meeting and after each review.")

    # ------------------------------------------------------------ recording

    def record_outcome(self) -> None:
        selected = self._selected_point()
        if selected is None or not self.can_edit():
            return
        index, point, _due, review_id = selected
        child = self.meeting.children[index]
        ask_outcome(self.app, child, child_label(child, index), point, review_id, self.edited)

    def action_care_episode(self) -> None:
        """Add a time in care for the highlighted row's child (e): days in care come from these."""
        selected = self._selected_point()
        if selected is None or not self.can_edit():
            return
        child = self.meeting.children[selected[0]]
        ask_care_episode(self.app, child, child_label(child, selected[0]), self.edited)

    def action_cost(self) -> None:
        """Record what the meeting cost (c)."""
        if self.can_edit():
            ask_cost(self.app, self.meeting, self.edited)

    def action_feedback(self, respondent: str) -> None:
        if self.can_edit():
            ask_feedback(self.app, self.meeting, respondent, self.edited)

    def action_declined(self) -> None:
        if self.can_edit():
            ask_declined(self.app, self.meeting, self.edited)

    def palette_commands(self) -> list[SystemCommand]:
        return [
            SystemCommand(
                "Outcomes: record the highlighted outcome point",
                "Where the child lives and what happened",
                self.record_outcome,
            ),
            SystemCommand(
                "Outcomes: feedback from a family member",
                "Five statements, 1 to 5",
                lambda: self.action_feedback("family"),
            ),
            SystemCommand(
                "Outcomes: feedback from a child",
                "The same in simpler words, three faces",
                lambda: self.action_feedback("child"),
            ),
            SystemCommand(
                "Outcomes: feedback offered, declined", "So it can be counted", self.action_declined
            ),
            SystemCommand(
                "Outcomes: a time in care for the highlighted child",
                "Entered, left, legal basis, placement: days in care come from these",
                self.action_care_episode,
            ),
            SystemCommand(
                "Outcomes: what the meeting cost",
                "Coordinator's hours by stage, interpreting, venue, food, travel",
                self.action_cost,
            ),
        ]

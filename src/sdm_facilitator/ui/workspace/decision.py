"""The Decision section: a child protection conference's statutory record, part by part.

Shown for ``cp-conference`` meetings only. One table holds every part of the
record in the order the conference reaches it (initial or review; each
agency's view on significant harm; each parent's view in their own words; each
child's view; the decision per child with its categories; the lead
practitioner and the core group; the first core group and the review
conference dates with the timescale warnings beside them; dissent; how the
parents can challenge). Enter changes the highlighted part in a form dialog
(the drafts machinery keeps what was typed); ``a`` adds an agency's view,
``n`` a dissent entry, ``x`` removes the highlighted one after asking, ``f``
marks an agency's view as not for the family, ``m`` records that the first
core group has met. What is still missing is listed under the table, in the
words the parents' letter and readiness use (``domain.conference_rules``).

The room's decision phase opens the same forms (``decision_forms``), so what
is recorded there is this record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.labels import CONFERENCE_STAGE_LABELS
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.decision_forms import (
    DecisionForms,
    RecordRow,
    challenge_default,
    chosen_law,
    record_rows,
)
from sdm_facilitator.ui.workspace.record_section import RecordSection


class DecisionTable(FittedTable):
    """Every part of the conference's record; the highlighted part shows whole below."""

    COLUMNS: ClassVar[tuple[FitColumn, ...]] = (
        FitColumn("Part", "part", max_width=22),
        FitColumn("Recorded", "recorded", flex=True, min_width=16),
        FitColumn("Check", "check", max_width=26, drop=1),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Change", key_display="⏎"),
        Binding("a", "add_view", "Agency view"),
        Binding("n", "add_dissent", "Dissent"),
        Binding("x", "remove", "Remove"),
        Binding("f", "not_for_family", "Not for family", show=False),
        Binding("m", "core_group_met", "Core group met", show=False),
    ]

    def __init__(self, section: DecisionSection, detail: RowDetail, **kwargs: Any) -> None:
        super().__init__(self.COLUMNS, detail=detail, **kwargs)
        self.section = section

    def action_edit(self) -> None:
        self.section.edit_selected()

    def action_add_view(self) -> None:
        self.section.add_agency_view()

    def action_add_dissent(self) -> None:
        self.section.add_dissent()

    def action_remove(self) -> None:
        self.section.remove_selected()

    def action_not_for_family(self) -> None:
        self.section.toggle_not_for_family()

    def action_core_group_met(self) -> None:
        self.section.toggle_core_group_met()


class DecisionSection(RecordSection):
    """The conference's decision record, recorded part by part from the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "run('add_agency_view')", "Agency view", show=False),
        Binding("n", "run('add_dissent')", "Dissent", show=False),
    ]

    _challenge_default = ""

    def compose(self) -> ComposeResult:
        yield Static("The conference's decision", classes="section-title")
        yield Static(id="dc-summary", classes="muted", markup=False)
        yield from DecisionTable(self, RowDetail(self.row_words, id="dc-detail"), id="dc-parts").with_detail()
        yield Static(id="dc-missing", classes="muted", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """People, children and the day may have changed in other sections."""
        self.refresh_from_meeting()

    @property
    def forms(self) -> DecisionForms:
        return DecisionForms(self.meeting, self.app, on_change=self.edited, today=self.today)

    def rows(self) -> list[RecordRow]:
        return record_rows(self.meeting, self._challenge_default, chosen_law(self))

    # ------------------------------------------------------------ showing

    def refresh_from_meeting(self) -> None:
        # Read once per redraw, not once per highlighted row: it is a file.
        self._challenge_default = challenge_default(self)
        rows = self.rows()
        table = self.query_one("#dc-parts", DecisionTable)
        table.refill(
            [(literal_cell(row.part), _recorded_cell(row), _check_cell(row)) for row in rows],
            [row.key for row in rows],
        )
        stage = rules.conference_stage(self.meeting) or "initial"
        law = chosen_law(self)
        missing = rules.missing_parts(self.meeting, law.timescales, categories_named=bool(law.categories))
        summary = f"{CONFERENCE_STAGE_LABELS.get(stage, stage)} · "
        summary += f"{len(missing)} to look at" if missing else "✓ every part recorded"
        summary += " · enter changes the highlighted part"
        self.query_one("#dc-summary", Static).update(summary)
        lines = ["Still to record or check:", *(f"• {check.text}" for check in missing)] if missing else []
        self.query_one("#dc-missing", Static).update(literal("\n".join(lines)))

    def row_words(self, index: int) -> Content | None:
        """The whole of one part of the record under the table, with its warnings."""
        rows = self.rows()
        if index >= len(rows):
            return None
        row = rows[index]
        parts: list[Content | str | tuple[str, str]] = [(row.part, "bold")]
        for line in row.detail:
            parts += ["\n", literal(line)]
        if row.default:
            parts += ["\n", (row.default, "dim")]
        for check in row.checks:
            parts += ["\n", (f"⚠ {check}", "bold")]
        if row.hint:
            parts += ["\n", (row.hint, "dim")]
        return Content.assemble(*parts)

    # ------------------------------------------------------------ keys

    def _selected(self) -> RecordRow | None:
        index = self.query_one("#dc-parts", DecisionTable).selected_index()
        rows = self.rows()
        return rows[index] if index is not None and index < len(rows) else None

    def action_run(self, method: str) -> None:
        """A section key pressed anywhere in the section (the table binds the same keys)."""
        actions: dict[str, Callable[[], None]] = {
            "add_agency_view": self.add_agency_view,
            "add_dissent": self.add_dissent,
        }
        actions[method]()

    def edit_selected(self) -> None:
        row = self._selected()
        if row is None or not self.can_edit():
            return
        self.forms.edit(row.kind, row.ref, self._challenge_default)

    def add_agency_view(self) -> None:
        if self.can_edit():
            self.forms.edit("agency", "")

    def add_dissent(self) -> None:
        if self.can_edit():
            self.forms.edit("dissent", "")

    def remove_selected(self) -> None:
        """Remove the highlighted agency view or dissent entry, after asking (someone wrote it)."""
        row = self._selected()
        if row is None or not self.can_edit():
            return
        conference = self.meeting.conference
        if row.kind == "agency" and row.ref:
            question = "Remove this agency's view?"
            items: list[Any] = conference.agency_views
        elif row.kind == "dissent" and row.ref:
            question = "Remove this dissent entry?"
            items = conference.dissent
        else:
            self.notify("Only an agency's view or a dissent entry can be removed.", markup=False)
            return
        found = next((item for item in items if item.id == row.ref), None)
        if found is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and found in items:
                items.remove(found)
                self.edited()

        self.app.push_screen(
            Confirm(question, "What was written there is removed.", default_yes=False), answered
        )

    def toggle_not_for_family(self) -> None:
        row = self._selected()
        if row is None or row.kind != "agency" or not row.ref or not self.can_edit():
            return
        view = next((v for v in self.meeting.conference.agency_views if v.id == row.ref), None)
        if view is not None:
            view.not_for_family = not view.not_for_family
            self.edited()

    def toggle_core_group_met(self) -> None:
        if not self.can_edit():
            return
        conference = self.meeting.conference
        if conference.core_group_first is None:
            self.notify("Set the first core group's date first.", markup=False)
            return
        conference.core_group_met = not conference.core_group_met
        self.edited()


def _recorded_cell(row: RecordRow) -> Text:
    if row.recorded:
        return literal_cell(row.recorded)
    return Text(one_line(row.empty), style="dim", overflow="ellipsis", no_wrap=True)


def _check_cell(row: RecordRow) -> Text:
    if not row.checks:
        return Text("")
    return Text("⚠ " + one_line(row.checks[0]), overflow="ellipsis", no_wrap=True)

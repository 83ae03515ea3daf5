"""The fidelity section: which parts of good practice this meeting had, at a glance.

A compact grid of guide steps done by stage and mechanism, then every
fidelity marker with ✓ met, ✗ not met, ? not recorded or – not applicable
and the reason it was decided. ``r`` records the facts only a person can
give (who chose the date, venue and food; the venue; the answers about the
day). Everything shown is computed by ``domain.fidelity``; nothing is typed
here except through that dialog.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label, Static

from sdm_facilitator.domain.fidelity import FidelityProfile, fidelity_profile
from sdm_facilitator.domain.fidelity_status import NOT_APPLICABLE, NOT_MET, STATUS_LABELS, STATUS_SYMBOLS
from sdm_facilitator.domain.vocabulary import MECHANISMS, STAGES
from sdm_facilitator.export.fidelity_text import MECHANISM_HEADS, STAGE_HEADS
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.outcome_dialogs import ask_facts
from sdm_facilitator.ui.widgets.literal import literal
from sdm_facilitator.ui.workspace.record_section import RecordSection


class FidelitySection(RecordSection):
    """The step grid and the markers of the open meeting."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "record_facts", "Record facts")]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session, classes="after-section fidelity-section")

    def profile(self) -> FidelityProfile:
        # A conference's review is due by the chosen jurisdiction profile's timescale.
        timescales = sdm_app(self).library.profile_law().timescales
        return fidelity_profile(self.meeting, self.session.guide, self.today(), timescales)

    def compose(self) -> ComposeResult:
        yield Static("How it was delivered", classes="section-title")
        yield Static(id="fid-summary", classes="muted", markup=False)
        yield Label("Guide steps done of those that apply", classes="plan-label")
        yield DataTable(id="fid-grid", cursor_type="none", zebra_stripes=True)
        yield Static(
            "+1na: one step marked not applicable, not counted",
            id="fid-legend",
            classes="muted",
            markup=False,
        )
        yield Static(id="fid-no-guide", classes="muted", markup=False)
        yield Label("Markers (r records what only you know)", classes="plan-label")
        yield DataTable(id="fid-markers", cursor_type="row", zebra_stripes=True)
        yield Static(id="fid-detail", classes="fu-detail", markup=False)

    def on_mount(self) -> None:
        grid = self.query_one("#fid-grid", DataTable)
        grid.add_column("Stage", key="stage")
        for mechanism in MECHANISMS:
            grid.add_column(MECHANISM_HEADS[mechanism], key=mechanism)
        markers = self.query_one("#fid-markers", DataTable)
        markers.add_column("", key="status")
        markers.add_column("Marker", key="marker")
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """Other sections change what the markers read."""
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        profile = self.profile()
        self.query_one("#fid-summary", Static).update(literal(profile.summary()))
        grid = self.query_one("#fid-grid", DataTable)
        grid.clear()
        for stage in STAGES:
            grid.add_row(
                Text(STAGE_HEADS[stage]),
                *(Text(profile.cell(stage, m).words(compact=True)) for m in MECHANISMS),
            )
        grid.display = profile.guide_available
        self.query_one("#fid-legend", Static).display = any(c.not_applicable for c in profile.grid)
        no_guide = self.query_one("#fid-no-guide", Static)
        no_guide.display = not profile.guide_available
        no_guide.update("The meeting's guide is not available, so its steps cannot be counted.")
        table = self.query_one("#fid-markers", DataTable)
        row = table.cursor_row if table.row_count else 0
        table.clear()
        for marker in profile.markers:
            style = "bold" if marker.status == NOT_MET else ("dim" if marker.status == NOT_APPLICABLE else "")
            table.add_row(
                Text(STATUS_SYMBOLS[marker.status], style=style),
                Text(marker.label, style=style),
                key=marker.id,
            )
        table.move_cursor(row=min(row, table.row_count - 1))
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "fid-markers":
            self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one("#fid-markers", DataTable)
        profile = self.profile()
        if not table.row_count:
            return
        marker = profile.markers[min(max(table.cursor_row, 0), len(profile.markers) - 1)]
        detail = f"{marker.label}: {STATUS_LABELS[marker.status]} ({marker.reason})"
        self.query_one("#fid-detail", Static).update(literal(detail))

    def action_record_facts(self) -> None:
        self.record_facts()

    def record_facts(self) -> None:
        if self.can_edit():
            ask_facts(self.app, self.meeting, self.edited)

    def palette_commands(self) -> list[SystemCommand]:
        return [
            SystemCommand(
                "Fidelity: record the facts the markers need",
                "Who chose the date, venue and food; the venue; the answers about the day",
                self.record_facts,
            )
        ]

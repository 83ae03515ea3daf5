"""The service report in the app: the same tables as ``sdm-facilitator report``, with bar charts.

Reading every meeting can take a moment with many files, so it runs in a
worker thread and shows how far it has got. Counts are drawn as bars in the
theme's colours; the figures come from the same ``report_tables`` as every
other format, so the screen and the printed report always agree. Nothing a
person typed appears here.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from sdm_facilitator.domain.report import ServiceReport, build_report
from sdm_facilitator.export.report_formats import text_table_lines
from sdm_facilitator.export.report_tables import Table, cell_text, filter_words, report_tables
from sdm_facilitator.storage.settings import evaluation_options, load_settings
from sdm_facilitator.ui.app_access import sdm_app

LABEL_WIDTH = 34
BAR_WIDTH = 28


def bar_lines(table: Table, width: int = BAR_WIDTH) -> list[Content]:
    """The table's chart column as labelled bars; the bar is drawn in the theme's primary colour."""
    assert table.bar_column is not None
    values = [row[table.bar_column] for row in table.rows]
    numbers = [float(v) if isinstance(v, (int, float)) else 0.0 for v in values]
    top = table.bar_max or max(numbers, default=0.0) or 1.0
    lines = []
    for row, number, value in zip(table.rows, numbers, values):
        label = table.row_label(row)
        label = label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"
        length = round(width * number / top)
        suffix = "%" if table.bar_max == 100 and value is not None else ""
        lines.append(
            Content.assemble(
                label.ljust(LABEL_WIDTH),
                " ",
                ("█" * length, "$primary"),
                ("░" * (width - length), "$panel"),
                f" {cell_text(value)}{suffix}",
            )
        )
    return lines


class ReportScreen(Screen[None]):
    """Every figure of the service report over all meetings in the data folder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f5", "reload", "Refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading meetings…", id="report-progress", markup=False)
        yield ScrollableContainer(id="report-body")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Service report"
        self.sub_title = "all meetings in this data folder"
        self.action_reload()

    def action_reload(self) -> None:
        progress = self.query_one("#report-progress", Static)
        progress.display = True
        self._read(progress)

    @work(thread=True, exclusive=True, group="report")
    def _read(self, progress: Static) -> None:
        """Read and count in a thread; widgets are only touched through ``call_from_thread``."""
        app = self.app

        def tell(done: int, total: int) -> None:
            if done == 1 or done == total or done % 25 == 0:
                app.call_from_thread(progress.update, f"Reading meetings {done} of {total}…")

        listing = sdm_app(app).store.list_meetings(progress=tell)
        library = sdm_app(app).library
        meetings = [opened.meeting for opened in listing.meetings]
        guides = {g: library.get(g) for g in {m.guide_id for m in meetings}}
        settings = load_settings(sdm_app(app).data_dir)[0]
        report = build_report(
            meetings,
            guides,
            sdm_app(app).today(),
            unreadable=len(listing.unreadable),
            options=evaluation_options(settings),
            small_number_threshold=settings.small_number_threshold,
            law=library.profile_law(),
        )
        app.call_from_thread(self._show, report)

    def _show(self, report: ServiceReport) -> None:
        self.query_one("#report-progress", Static).display = False
        body = self.query_one("#report-body", ScrollableContainer)
        body.remove_children()
        widgets = [Static(filter_words(report), classes="muted report-scope", markup=False)]
        for table in report_tables(report):
            widgets.append(Static(table.title, classes="plan-label"))
            if table.bar_column is not None and table.rows:
                widgets.append(Static(Content("\n").join(bar_lines(table)), classes="report-bars"))
            if table.bar_column is None or table.id in ("fidelity", "by-kind"):
                widgets.append(
                    Static(Content("\n".join(text_table_lines(table)[1:])), classes="report-table")
                )
        body.mount_all(widgets)
        body.focus()

    def palette_commands(self) -> list[SystemCommand]:
        return [SystemCommand("Report: read the meetings again", "f5", self.action_reload)]

"""The service report as a terminal table, CSV, JSON or one self-contained HTML page.

Every format draws the same :func:`report_tables`, except JSON, which gives
the report's own structure for programs. The HTML page needs nothing from
the network: styles are inline and the bar charts are inline SVG, so it can
be mailed or printed as it is.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from html import escape
from typing import Any

from sdm_facilitator.domain.report import ServiceReport
from sdm_facilitator.export.json_export import to_json
from sdm_facilitator.export.report_tables import Hidden, Table, cell_text, filter_words, report_tables

FORMATS = ("table", "csv", "json", "html")
TITLE = "Shared decision-making meetings: service report"


def text_table_lines(table: Table) -> list[str]:
    """One table as aligned plain text: its title in capitals, heads, a rule and rows."""
    cells = [list(table.headers), *([cell_text(c) for c in row] for row in table.rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.headers))]
    lines = [table.title.upper()]
    if not table.rows:
        return [*lines, "  (none)"]
    for index, row in enumerate(cells):
        lines.append(
            "  "
            + "  ".join(
                text.ljust(width) if col == 0 or not _numeric(text) else text.rjust(width)
                for col, (text, width) in enumerate(zip(row, widths))
            ).rstrip()
        )
        if index == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    return lines


def _numeric(text: str) -> bool:
    return text == "-" or text.replace(".", "", 1).isdigit()


def report_to_text(report: ServiceReport) -> str:
    """Aligned plain-text tables, for the terminal."""
    lines = [TITLE, filter_words(report), ""]
    for table in report_tables(report):
        lines += [*text_table_lines(table), ""]
    return "\n".join(lines)


def report_to_csv(report: ServiceReport) -> str:
    """One CSV: each table is its title row, its header row and its rows, then an empty row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([TITLE])
    writer.writerow([filter_words(report)])
    writer.writerow([])
    for table in report_tables(report):
        writer.writerow([table.title])
        writer.writerow(table.headers)
        writer.writerows([["" if c is None else cell_text(c) for c in row] for row in table.rows])
        writer.writerow([])
    return out.getvalue()


def report_to_data(report: ServiceReport) -> dict[str, Any]:
    """The report's own structure as plain data, with each marker's N and per cent added."""
    data = dataclasses.asdict(report)
    for tally, marker in zip(report.markers, data["markers"]):
        marker["recorded"] = tally.recorded
        marker["percent"] = tally.percent
    return data


def report_to_json(report: ServiceReport) -> str:
    return to_json(report_to_data(report))


# ------------------------------------------------------------------ HTML

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.75rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.scope { color: #444; } svg { display: block; margin: 0.5rem 0 1rem; max-width: 100%; height: auto; }
h2 { break-after: avoid; page-break-after: avoid; }
h2 + *, svg + table { break-before: avoid; page-break-before: avoid; }
svg, tr { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 18mm 16mm 20mm; }
@media print { body { margin: 0; max-width: none; } }
"""
_BAR_ROW = 22
#: The narrowest label column; a wider one is worked out from the longest label (``_label_width``).
_LABEL_WIDTH = 120
_BAR_WIDTH = 320
#: A generous width of one character at the chart's 12px: the widest common sans fonts stay inside it.
_CHAR_WIDTH = 7.6
_LABEL_CHARS = 48


def _label_width(labels: list[str]) -> int:
    """Room for the longest label, right-aligned before the bars, so no label runs off the chart's left edge."""
    longest = max((len(label[:_LABEL_CHARS]) for label in labels), default=0)
    return max(_LABEL_WIDTH, round(longest * _CHAR_WIDTH) + 12)


def _svg_bars(table: Table) -> str:
    """Horizontal bars of the table's chart column, labelled by its first column.

    A row whose figure is hidden (a small count) is withheld from the chart
    altogether: a bar's length would give the number away.
    """
    assert table.bar_column is not None
    column = table.bar_column
    shown = tuple(row for row in table.rows if not isinstance(row[column], Hidden))
    if not shown:
        return ""
    values = [row[column] for row in shown]
    numbers = [float(v) if isinstance(v, (int, float)) else 0.0 for v in values]
    top = table.bar_max or max(numbers, default=0.0) or 1.0
    height = _BAR_ROW * len(shown) + 4
    label_width = _label_width([table.row_label(row) for row in shown])
    width = label_width + _BAR_WIDTH + 60
    # The view box lets the chart shrink to the page's width (CSS max-width) instead of running past it.
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(table.title)}">'
    ]
    for index, (row, number, value) in enumerate(zip(shown, numbers, values)):
        y = index * _BAR_ROW + 2
        label = table.row_label(row)
        bar = round(_BAR_WIDTH * number / top)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label[:_LABEL_CHARS])}</text>"
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{bar}" height="{_BAR_ROW - 6}" fill="#2b6cb0"/>'
        )
        parts.append(
            f'<text x="{label_width + bar + 4}" y="{y + 15}" font-size="12">{escape(cell_text(value))}'
            f"{'%' if table.bar_max == 100 and value is not None else ''}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    body = []
    for row in table.rows:
        cells = "".join(
            f'<td class="n">{escape(cell_text(c))}</td>'
            if isinstance(c, (int, float, Hidden)) or c is None
            else f"<td>{escape(c)}</td>"
            for c in row
        )
        body.append(f"<tr>{cells}</tr>")
    rows = "".join(body) or f'<tr><td colspan="{len(table.headers)}">None</td></tr>'
    return f'<table id="{escape(table.id)}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def report_to_html(report: ServiceReport) -> str:
    """One self-contained page: the same tables, with inline SVG bar charts."""
    sections = []
    for table in report_tables(report):
        chart = _svg_bars(table) if table.bar_column is not None and table.rows else ""
        sections.append(f"<section><h2>{escape(table.title)}</h2>{chart}{_html_table(table)}</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(TITLE)}</title><style>{_CSS}</style></head><body>"
        f'<h1>{escape(TITLE)}</h1><p class="scope">{escape(filter_words(report))}</p>'
        + "".join(sections)
        + "</body></html>\n"
    )


def render_report(report: ServiceReport, fmt: str) -> str:
    """The report in one of :data:`FORMATS`."""
    renderers = {
        "table": report_to_text,
        "csv": report_to_csv,
        "json": report_to_json,
        "html": report_to_html,
    }
    return renderers[fmt](report)

"""The service report laid out as titled tables, the one layout every format renders.

The terminal table, the CSV, the HTML page and the app's report screen all
draw these tables, so a figure can never differ between them. Cells are
numbers or fixed vocabulary words; nothing a person typed reaches a report.
"""

from __future__ import annotations

from collections.abc import Callable

from sdm_facilitator.domain.feedback import STATEMENTS
from sdm_facilitator.domain.legal_record_rows import ICWA_MEASURES, OFFER_MEASURES, LegalRecordFigures
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_LABELS,
    CARE_BASIS_LABELS,
    CLOSURE_REASON_LABELS,
    LIVING_LABELS,
    SUPPORT_DELIVERY_LABELS,
)
from sdm_facilitator.domain.report import MEDIAN_LABELS, OUTCOME_FLAGS, ServiceReport
from sdm_facilitator.domain.vocabulary import MEETING_KIND_LABELS
from sdm_facilitator.export.evaluation_tables import evaluation_balances, evaluation_tables
from sdm_facilitator.export.report_table import Cell, Hidden, Table, cell_text
from sdm_facilitator.export.small_numbers import Balance, CellRef, protect

__all__ = ["Cell", "Hidden", "Table", "balances", "cell_text", "filter_words", "report_tables"]


def filter_words(report: ServiceReport) -> str:
    """The report's scope in one line."""
    f = report.filters
    parts = [
        f"referrals from {f.since.isoformat() if f.since else 'the first'} to "
        f"{f.until.isoformat() if f.until else 'the last'}"
    ]
    if f.kind:
        parts.append(f"kind {f.kind}")
    if f.context:
        parts.append(f"context {f.context}")
    parts.append(
        f"outcomes counted from {INDEX_WORDS.get(report.options.index_basis, report.options.index_basis)}"
    )
    parts.append(f'counts below {report.small_number_threshold} shown as "{small_words(report)}"')
    text = "; ".join(parts) + f"; made {report.today.isoformat()}"
    if report.unreadable:
        text += f"; {report.unreadable} file(s) could not be read and are not counted"
    if report.coordinators:
        coordinators = "1 coordinator" if report.coordinators == 1 else f"{report.coordinators} coordinators"
        referrals = "1 referral" if report.referrals == 1 else f"{report.referrals} referrals"
        text += f"; covers {coordinators} and {referrals}, from their anonymised files"
    return text


INDEX_WORDS = {
    "referral": "the referral date",
    "pre-proceedings-letter": "the letter before proceedings where one was sent",
}


def small_words(report: ServiceReport) -> str:
    return f"fewer than {report.small_number_threshold}"


def report_tables(report: ServiceReport) -> list[Table]:
    """Every section of the report, in reading order, small counts hidden and none to be worked out again."""
    tables = _tables(report)
    return protect(tables, balances(tables), report.small_number_threshold)


def balances(tables: list[Table]) -> list[Balance]:
    """Which of the report's counts add up to which (``export/small_numbers.py`` says why it matters).

    Each holds by how the figures are counted (``tests/export/test_small_numbers.py`` checks
    every one on generated services); one whose cells a report does not have is left out.
    """
    by_id = {table.id: table for table in tables}

    def cell(table_id: str, label: str, column: int) -> CellRef | None:
        table = by_id.get(table_id)
        rows = [row[0] for row in table.rows] if table else []
        return (table_id, rows.index(label), column) if label in rows else None

    def column_of(table_id: str, column: int) -> tuple[CellRef, ...]:
        table = by_id.get(table_id)
        return tuple((table_id, r, column) for r in range(len(table.rows))) if table else ()

    found: list[Balance | None] = [
        _balance(
            [cell("referrals", "Meetings held", 1), cell("referrals", "Closed before the day", 1)]
            + [cell("referrals", "Not held yet, still open", 1)],
            [cell("referrals", "Referrals", 1)],
        ),
        _balance(list(column_of("closure-reasons", 1)), [cell("referrals", "Closed before the day", 1)]),
    ]
    for column, label in ((2, "Referrals"), (3, "Meetings held"), (4, "Closed before the day")):
        found.append(_balance(list(column_of("by-kind", column)), [cell("referrals", label, 1)]))
    found += _legal_record_balances(cell)
    found += evaluation_balances(by_id)
    return [balance for balance in found if balance is not None]


def _balance(left: list[CellRef | None], right: list[CellRef | None]) -> Balance | None:
    """A balance of these cells, or None when the report lacks one of them (or a side is empty)."""
    if not left or not right or None in left or None in right:
        return None
    return Balance(tuple(ref for ref in left if ref), tuple(ref for ref in right if ref))


def _legal_record_balances(cell: Callable[[str, str, int], CellRef | None]) -> list[Balance | None]:
    """The offer's answers add up to the offers, and the ICWA notices to the answers giving reason to know."""

    def offer(key: str) -> CellRef | None:
        return cell("legal-records", OFFER_MEASURES[key], 1)

    def icwa(key: str) -> CellRef | None:
        return cell("legal-records", ICWA_MEASURES[key], 1)

    return [
        _balance(
            [offer(k) for k in ("offered", "not-offered-why-recorded", "not-offered-why-not-recorded")]
            + [offer("offered-not-recorded")],
            [offer("offer-recorded")],
        ),
        _balance(
            [offer(k) for k in ("accepted", "declined", "not-yet", "answer-not-recorded")], [offer("offered")]
        ),
        _balance(
            [offer(k) for k in ("held-before", "not-held-before", "held-not-recorded")], [offer("accepted")]
        ),
        _balance(
            [icwa("tribe-notified"), icwa("notice-not-recorded")],
            [icwa("member-or-eligible"), icwa("may-be")],
        ),
    ]


def _tables(report: ServiceReport) -> list[Table]:
    tables = [
        Table(
            "referrals",
            "Referrals and meetings",
            ("Measure", "Count"),
            (
                ("Referrals", report.referrals),
                ("Meetings held", report.held),
                ("Closed before the day", report.closed_before_day),
                ("Not held yet, still open", report.open_not_held),
            ),
            bar_column=1,
        ),
        Table(
            "closure-reasons",
            "Closed before the day, by reason",
            ("Reason", "Count"),
            tuple(
                (CLOSURE_REASON_LABELS.get(reason, "Reason not recorded"), n)
                for reason, n in report.closure_reasons.items()
            ),
            bar_column=1,
        ),
        Table(
            "by-kind",
            "By kind and context",
            ("Kind", "Context", "Referrals", "Held", "Closed before"),
            tuple(
                (MEETING_KIND_LABELS[r.kind], r.context, r.referrals, r.held, r.closed_before_day)
                for r in report.by_kind_context
            ),
            bar_column=2,
        ),
        Table(
            "fidelity",
            "Fidelity markers: met of those recorded",
            ("Marker", "Met", "Of", "%", "Not recorded", "N/A"),
            tuple(
                (
                    t.label,
                    t.met,
                    t.recorded,
                    None if t.percent is None else round(t.percent, 1),
                    t.not_recorded,
                    t.not_applicable,
                )
                for t in report.markers
            ),
            bar_column=3,
            bar_max=100,
            derived={3: (1, 2)},
        ),
        Table(
            "medians",
            "Medians",
            ("Measure", "Median", "Meetings"),
            tuple((MEDIAN_LABELS[key], m.value, m.count) for key, m in report.medians.items()),
            derived={1: (2,)},
        ),
        Table(
            "actions",
            "Actions in the plans, by status",
            ("Status", "Count"),
            tuple((ACTION_STATUS_LABELS[s], n) for s, n in report.actions_by_status.items()),
            bar_column=1,
        ),
        Table(
            "help",
            "Help promised by services",
            ("State", "Count"),
            tuple((SUPPORT_DELIVERY_LABELS.get(s, "Not recorded"), n) for s, n in report.help_given.items()),
            bar_column=1,
        ),
    ]
    tables.append(_outcomes_table(report))
    tables.append(_feedback_table(report))
    if report.legal_records is not None:
        tables.append(_legal_records_table(report.legal_records))
    if report.evaluation is not None:
        tables += evaluation_tables(report.evaluation, report.stage_names)
    return tables


#: Short heads for the outcome points, so the outcomes table fits a terminal.
POINT_HEADS = {
    "review": "At a review",
    "3-months": "3 months",
    "6-months": "6 months",
    "12-months": "12 months",
}


def _outcomes_table(report: ServiceReport) -> Table:
    """One row per measure, one column per follow-up point: children counted at each point."""
    tallies = report.outcomes
    rows: list[tuple[Cell, ...]] = [("Children with an outcome recorded", *(t.children for t in tallies))]
    rows += [(f"Living: {label}", *(t.living[key] for t in tallies)) for key, label in LIVING_LABELS.items()]
    rows += [
        (f"In care: {label}", *(t.care_basis[key] for t in tallies))
        for key, label in CARE_BASIS_LABELS.items()
    ]
    for key, label in OUTCOME_FLAGS.items():
        rows.append((f"{label}: yes", *(t.flags[key][0] for t in tallies)))
        rows.append((f"{label}: answered", *(t.flags[key][1] for t in tallies)))
    return Table(
        "outcomes",
        "Children's outcomes at each follow-up point",
        ("Measure", *(POINT_HEADS[t.point] for t in tallies)),
        tuple(rows),
    )


def _feedback_table(report: ServiceReport) -> Table:
    """One row per statement: the average and the number of answers from family members and from children."""
    heads: list[str] = ["Statement"]
    for fb in report.feedback:
        who = "Family" if fb.respondent == "family" else "Children"
        heads += [f"{who}: average", f"{who}: answers"]
    rows: list[tuple[Cell, ...]] = [
        ("Feedback given", *(c for fb in report.feedback for c in (None, fb.given))),
        ("Offered, declined", *(c for fb in report.feedback for c in (None, fb.declined))),
    ]
    for index, statement in enumerate(STATEMENTS):
        words = statement.family_text + (" (reverse scored: 1 is best)" if statement.reverse_scored else "")
        cells: list[Cell] = []
        for fb in report.feedback:
            average = fb.averages[index]
            cells += [None if average.mean is None else round(average.mean, 2), average.count]
        rows.append((words, *cells))
    derived: dict[int, tuple[int, ...]] = {1 + 2 * i: (2 + 2 * i,) for i in range(len(report.feedback))}
    return Table("feedback", "Feedback, scored 1 to 5", tuple(heads), tuple(rows), derived=derived)


def _legal_records_table(figures: LegalRecordFigures) -> Table:
    """The records the law asks for, counted: the offer's rows and the ICWA rows only where any is recorded."""
    rows: list[tuple[Cell, ...]] = [(OFFER_MEASURES[key], n) for key, n in figures.offers.items()]
    rows += [(ICWA_MEASURES[key], n) for key, n in figures.icwa.items()]
    return Table(
        "legal-records",
        "Records the law asks for: the pre-proceedings offer (referrals) and the ICWA inquiry (children)",
        ("Measure", "Count"),
        tuple(rows),
        bar_column=1,
    )

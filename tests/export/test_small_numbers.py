"""No hidden count can be worked out again from the counts a report shows.

The balances the report declares (which counts add up to which) are checked to
hold on three generated services, so the protection rests on facts about the
figures, not on hopes; then every hidden count is checked to be undetermined by
the shown ones, in the report and in random tables with totals.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.report import ServiceReport, build_report
from sdm_facilitator.export.report_table import Hidden, Table
from sdm_facilitator.export.report_tables import balances, report_tables
from sdm_facilitator.export.small_numbers import Balance, CellRef, determined, is_count, protect
from support import evaluation_service as svc
from support.fidelity_fixtures import small_guide
from support.guide_library import bundled_library
from support.legal_record_fixtures import with_legal_records
from support.report_fixtures import generated_meetings

TODAY = date(2026, 6, 1)


@cache
def reports() -> tuple[ServiceReport, ...]:
    library = bundled_library()
    generated = with_legal_records(generated_meetings())
    guides = {g: library.get(g) for g in {m.guide_id for m in generated}}
    return (
        build_report(generated, guides, TODAY),  # type: ignore[arg-type]
        build_report(generated[:40], guides, TODAY),  # type: ignore[arg-type]
        build_report(svc.service(), {"g": small_guide()}, svc.TODAY),
    )


def _exact(report: ServiceReport) -> list[Table]:
    return report_tables(dataclasses.replace(report, small_number_threshold=1))


def _values(tables: list[Table]) -> dict[CellRef, object]:
    return {(t.id, r, c): v for t in tables for r, row in enumerate(t.rows) for c, v in enumerate(row)}


def test_every_balance_the_report_declares_holds_on_the_generated_services() -> None:
    for report in reports():
        tables = _exact(report)
        values = _values(tables)
        declared = balances(tables)
        assert len(declared) > 20
        for balance in declared:
            left = [values[ref] for ref in balance.left]
            right = [values[ref] for ref in balance.right]
            assert all(is_count(v) for v in left + right), balance
            assert sum(left) == sum(right), (balance, left, right)  # type: ignore[arg-type]


def test_no_hidden_count_in_the_report_can_be_worked_out_from_the_shown_ones() -> None:
    seen = 0
    for report in reports():
        exact = _exact(report)
        shown = report_tables(report)
        values = _values(shown)
        hidden = {ref for ref, value in values.items() if isinstance(value, Hidden)}
        counts = {ref for ref in hidden if is_count(_values(exact)[ref])}
        seen += len(counts)
        assert not determined(counts, balances(exact))
        # Every count below the threshold says so; every other hidden count is "not shown".
        for ref in counts:
            words = values[ref].words  # type: ignore[union-attr]
            small = 0 < _values(exact)[ref] < report.small_number_threshold  # type: ignore[operator]
            assert words == ("fewer than 5" if small else "not shown"), ref
    assert seen > 10


def test_a_small_count_beside_its_total_hides_the_next_smallest_too() -> None:
    table = Table(
        "referrals",
        "Referrals and meetings",
        ("Measure", "Count"),
        (("Referrals", 40), ("Meetings held", 31), ("Closed before the day", 2), ("Still open", 7)),
    )
    sums = [Balance((("referrals", 1, 1), ("referrals", 2, 1), ("referrals", 3, 1)), (("referrals", 0, 1),))]
    (shown,) = protect([table], sums, 5)
    assert [row[1] for row in shown.rows] == [40, 31, Hidden("fewer than 5"), Hidden("not shown")]
    # Without the balance only the small count is hidden; with a threshold of 1 nothing is.
    assert [row[1] for row in protect([table], [], 5)[0].rows] == [40, 31, Hidden("fewer than 5"), 7]
    assert protect([table], sums, 1) == [table]


def test_a_per_cent_resting_on_a_count_hidden_beside_a_small_one_is_hidden_too() -> None:
    table = Table(
        "t",
        "Looked after",
        ("Group", "Children", "Looked after", "%"),
        (("A", 3, 1, 33.3), ("B", 20, 8, 40.0), ("All", 23, 9, 39.1)),
        derived={3: (1, 2)},
    )
    sums = [
        Balance((("t", 0, 1), ("t", 1, 1)), (("t", 2, 1),)),
        Balance((("t", 0, 2), ("t", 1, 2)), (("t", 2, 2),)),
    ]
    (shown,) = protect([table], sums, 5)
    small, withheld = Hidden("fewer than 5"), Hidden("not shown")
    assert shown.rows[0][1:] == (small, small, withheld)
    # B's 20 and 8 would give A's 3 and 1 back from the totals: one of each pair goes (the smaller, B's).
    assert shown.rows[1][1:] == (withheld, withheld, withheld)
    assert shown.rows[2][1:] == (23, 9, 39.1)


def test_determined_follows_sums_across_balances() -> None:
    a, b, c = ("t", 0, 1), ("t", 1, 1), ("t", 2, 1)
    # a + b = known and b = known: a is pinned through b; with b unknown too, neither is.
    assert determined({a}, [Balance((a, b), (c,))]) == {a}
    assert determined({a, b}, [Balance((a, b), (c,))]) == set()
    assert determined({a, b}, [Balance((a, b), (c,)), Balance((b,), (c,))]) == {a, b}


@st.composite
def grids(draw: st.DrawFn) -> tuple[Table, list[Balance]]:
    """A table of counts with a total for every row, every column and the whole (as reports have)."""
    height = draw(st.integers(1, 5))
    width = draw(st.integers(1, 5))
    body = [[draw(st.integers(0, 12)) for _ in range(width)] for _ in range(height)]
    rows = [(f"r{i}", *row, sum(row)) for i, row in enumerate(body)]
    columns = [sum(row[c] for row in body) for c in range(width)]
    rows.append(("All", *columns, sum(columns)))
    table = Table("g", "Grid", ("Row", *(f"c{c}" for c in range(width)), "All"), tuple(rows))
    sums = [
        Balance(tuple(("g", r, c) for c in range(1, width + 1)), (("g", r, width + 1),))
        for r in range(height + 1)
    ]
    sums += [
        Balance(tuple(("g", r, c) for r in range(height)), (("g", height, c),)) for c in range(1, width + 2)
    ]
    return table, sums


@settings(max_examples=150, deadline=None)
@given(grids(), st.integers(2, 6))
def test_in_any_table_with_totals_no_hidden_count_is_determined(
    case: tuple[Table, list[Balance]], threshold: int
) -> None:
    table, sums = case
    (shown,) = protect([table], sums, threshold)
    hidden = {
        ("g", r, c) for r, row in enumerate(shown.rows) for c, v in enumerate(row) if isinstance(v, Hidden)
    }
    values = {("g", r, c): v for r, row in enumerate(table.rows) for c, v in enumerate(row)}
    assert {ref for ref in values if is_count(values[ref]) and 0 < values[ref] < threshold} <= hidden  # type: ignore[operator]
    assert not determined(hidden, sums)
    # What is shown is the figure itself.
    assert all(shown.rows[r][c] == values[("g", r, c)] for (_, r, c) in values if ("g", r, c) not in hidden)

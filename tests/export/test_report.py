"""The service report on 500 generated meetings, checked number by number in every format."""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
from datetime import date
from functools import cache
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.fidelity import MARKER_IDS
from sdm_facilitator.domain.meeting import CLOSURE_REASON_LABELS, LIVING_CHOICES, LIVING_LABELS
from sdm_facilitator.domain.report import ReportFilter, ServiceReport, build_report
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KIND_LABELS, MEETING_KINDS
from sdm_facilitator.export.report_formats import render_report, report_to_data
from sdm_facilitator.export.report_tables import cell_text, report_tables
from support.guide_library import bundled_library
from support.report_fixtures import (
    CLOSE_REASONS,
    COUNT,
    action_count,
    days_to_meeting,
    family_minutes,
    generated_meetings,
    has_family_time,
    is_closed,
    is_held,
    referral_day,
)

TODAY = date(2026, 6, 1)
I = range(COUNT)  # noqa: E741 (the index set of the known answers)


@cache
def report() -> ServiceReport:
    library = bundled_library()
    return build_report(generated_meetings(), {"fgc": library.get("fgc")}, TODAY)


def _n(predicate) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for i in I if predicate(i))


def _median(values: list[int]) -> str:
    return cell_text(float(statistics.median(values)))


def expected() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every figure the generated meetings must give, from the rules on their index."""
    held = [i for i in I if is_held(i)]
    s = str
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    tables["referrals"] = {
        "Referrals": (s(COUNT),),
        "Meetings held": (s(len(held)),),
        "Closed before the day": (s(_n(is_closed)),),
        "Not held yet, still open": (s(_n(lambda i: i % 10 == 1)),),
    }
    reasons = {
        r: _n(lambda i, r=r: is_closed(i) and CLOSE_REASONS[(i // 10) % 4] == r) for r in CLOSE_REASONS
    }
    tables["closure-reasons"] = {CLOSURE_REASON_LABELS[r]: (s(n),) for r, n in reasons.items()}
    tables["by-kind"] = {
        MEETING_KIND_LABELS[kind]: (
            CONTEXTS[k % 2],
            s(_n(lambda i, k=k: i % 6 == k)),
            s(_n(lambda i, k=k: i % 6 == k and is_held(i))),
            s(_n(lambda i, k=k: i % 6 == k and is_closed(i))),
        )
        for k, kind in enumerate(MEETING_KINDS)
    }
    authority_met = _n(lambda i: is_held(i) and i % 3 == 0)
    authority_not = _n(lambda i: is_held(i) and i % 3 == 1)
    unity = lambda i: i % 6 == 2  # noqa: E731  family unity meetings have no private family time
    time_met = _n(lambda i: not unity(i) and has_family_time(i))
    time_not = _n(lambda i: not unity(i) and is_held(i) and not has_family_time(i))
    tables["fidelity-some"] = {
        "Someone with authority to agree the plan and its resources was present": (
            s(authority_met),
            s(authority_met + authority_not),
            cell_text(round(100 * authority_met / (authority_met + authority_not), 1)),
            s(COUNT - authority_met - authority_not),
            "0",
        ),
        "Private family time held": (
            s(time_met),
            s(time_met + time_not),
            cell_text(round(100 * time_met / (time_met + time_not), 1)),
            s(COUNT - _n(unity) - time_met - time_not),
            s(_n(unity)),
        ),
        "The plan agreed on the day": (s(len(held)), s(len(held)), "100", s(COUNT - len(held)), "0"),
    }
    tables["medians"] = {
        "Days from referral to the meeting": (
            _median([days_to_meeting(i) for i in held if i % 6 != 5]),
            s(_n(lambda i: is_held(i) and i % 6 != 5)),
        ),
        "Minutes of private family time": (
            _median([family_minutes(i) for i in I if has_family_time(i)]),
            s(_n(has_family_time)),
        ),
        "Days from the meeting to the plan being sent": (
            _median([i % 7 for i in held if i % 4 == 2]),
            s(_n(lambda i: is_held(i) and i % 4 == 2)),
        ),
    }
    statuses = ("Not started", "Under way", "Done", "Stuck")
    tables["actions"] = {
        label: (s(sum(1 for i in held for j in range(action_count(i)) if (i + j) % 4 == index)),)
        for index, label in enumerate(statuses)
    }
    tables["help"] = {
        "Given": (s(_n(lambda i: is_held(i) and action_count(i) >= 1)),),
        "Partly given": ("0",),
        "Not given yet": ("0",),
        "Not recorded": (s(_n(lambda i: is_held(i) and action_count(i) == 2)),),
    }
    three = [i for i in held if i % 2 == 0]
    outcome_rows = {"Children with an outcome recorded": ("0", s(len(three)), "0", "0")}
    for index, key in enumerate(LIVING_CHOICES):
        outcome_rows[f"Living: {LIVING_LABELS[key]}"] = (
            "0",
            s(sum(1 for i in three if i % 6 == index)),
            "0",
            "0",
        )
    outcome_rows["In care: Full care order"] = ("0", s(sum(1 for i in three if i % 6 == 4)), "0", "0")
    outcome_rows["Care proceedings issued: yes"] = ("0", s(sum(1 for i in three if i % 7 == 0)), "0", "0")
    outcome_rows["Care proceedings issued: answered"] = ("0", s(len(three)), "0", "0")
    outcome_rows["New referral: answered"] = ("0", "0", "0", "0")
    tables["outcomes"] = outcome_rows
    family_given = _n(lambda i: is_held(i) and i % 5 == 2)
    child_given = _n(lambda i: is_held(i) and i % 10 == 4)
    tables["feedback"] = {
        "Feedback given": ("-", s(family_given), "-", s(child_given)),
        "Offered, declined": ("-", s(_n(lambda i: is_held(i) and i % 5 == 3)), "-", "0"),
        "I understood what the worries were": ("3", s(family_given), "-", "0"),
        "I felt listened to": ("-", "0", "5", s(child_given)),
        "I felt judged or ashamed (reverse scored: 1 is best)": ("2", s(family_given), "-", "0"),
    }
    return tables


def _check(found: dict[str, dict[str, tuple[str, ...]]]) -> None:
    """``found`` holds, per table id, rows by their first cell; every expected row must match exactly."""
    found = dict(found)
    found["fidelity-some"] = found["fidelity"]
    for table_id, rows in expected().items():
        for label, cells in rows.items():
            assert found[table_id].get(label) == cells, (table_id, label, found[table_id].get(label))
    assert len(found["closure-reasons"]) == len(CLOSE_REASONS)
    assert len(found["fidelity"]) == len(MARKER_IDS)


def _titles() -> dict[str, str]:
    return {t.title: t.id for t in report_tables(report())}


def test_every_figure_from_the_tables() -> None:
    tables = {
        t.id: {cell_text(r[0]): tuple(cell_text(c) for c in r[1:]) for r in t.rows}
        for t in report_tables(report())
    }
    _check(tables)


def test_every_figure_in_the_terminal_table() -> None:
    text = render_report(report(), "table")
    titles = {title.upper(): table_id for title, table_id in _titles().items()}
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    current = None
    header_next = False
    for line in text.splitlines():
        if line in titles:
            current, header_next = found.setdefault(titles[line], {}), True
        elif current is not None and line.startswith("  ") and not line.strip().startswith("-"):
            cells = re.split(r" {2,}", line.strip())
            if not header_next:
                current[cells[0]] = tuple(cells[1:])
            header_next = False
    _check(found)


def test_every_figure_in_the_csv() -> None:
    rows = list(csv.reader(io.StringIO(render_report(report(), "csv"))))
    titles = _titles()
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    index = 0
    while index < len(rows):
        if len(rows[index]) == 1 and rows[index][0] in titles:
            table = found.setdefault(titles[rows[index][0]], {})
            index += 2  # the title and the header row
            while index < len(rows) and rows[index]:
                table[rows[index][0]] = tuple(c or "-" for c in rows[index][1:])
                index += 1
        index += 1
    _check(found)


class _Tables(HTMLParser):
    """Collects every <table id=...> as rows of cell text, and counts SVG bars."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.bars = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.current = self.tables.setdefault(a["id"] or "", [])
        elif tag == "tr" and self.current is not None:
            self.current.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "rect":
            self.bars += 1
        for key in ("src", "href"):
            if a.get(key):
                self.external.append(a[key] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.current is not None:
            self.current[-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def test_every_figure_in_the_html_page_which_needs_nothing_else() -> None:
    page = render_report(report(), "html")
    parser = _Tables()
    parser.feed(page)
    found = {
        table_id: {row[0]: tuple(row[1:]) for row in rows[1:]} for table_id, rows in parser.tables.items()
    }
    _check(found)
    assert parser.external == []
    assert "<svg" in page and parser.bars >= 23
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page


def test_every_figure_in_the_json() -> None:
    data = json.loads(render_report(report(), "json"))
    exp = expected()
    assert data["referrals"] == COUNT
    assert str(data["held"]) == exp["referrals"]["Meetings held"][0]
    assert str(data["closed_before_day"]) == exp["referrals"]["Closed before the day"][0]
    assert {CLOSURE_REASON_LABELS[k]: (str(v),) for k, v in data["closure_reasons"].items()} == exp[
        "closure-reasons"
    ]
    by_kind = {
        MEETING_KIND_LABELS[r["kind"]]: (
            r["context"],
            str(r["referrals"]),
            str(r["held"]),
            str(r["closed_before_day"]),
        )
        for r in data["by_kind_context"]
    }
    assert by_kind == exp["by-kind"]
    markers = {m["label"]: m for m in data["markers"]}
    for label, (met, of, percent, not_recorded, na) in exp["fidelity-some"].items():
        m = markers[label]
        assert (
            str(m["met"]),
            str(m["recorded"]),
            cell_text(round(m["percent"], 1)),
            str(m["not_recorded"]),
            str(m["not_applicable"]),
        ) == (met, of, percent, not_recorded, na)
    medians = dict(zip(exp["medians"], data["medians"].values()))
    for label, (value, count) in exp["medians"].items():
        assert (cell_text(float(medians[label]["value"])), str(medians[label]["count"])) == (value, count)
    assert [str(v) for v in data["actions_by_status"].values()] == [v[0] for v in exp["actions"].values()]
    three = next(o for o in data["outcomes"] if o["point"] == "3-months")
    assert str(three["children"]) == exp["outcomes"]["Children with an outcome recorded"][1]
    family = next(f for f in data["feedback"] if f["respondent"] == "family")
    assert str(family["given"]) == exp["feedback"]["Feedback given"][1]
    assert report_to_data(report())["referrals"] == COUNT


def test_filters_by_date_kind_and_context() -> None:
    meetings = generated_meetings()
    since, until = date(2025, 3, 1), date(2025, 5, 31)
    filtered = build_report(meetings, None, TODAY, ReportFilter(since=since, until=until))
    assert filtered.referrals == _n(lambda i: since <= referral_day(i) <= until)
    by_kind = build_report(meetings, None, TODAY, ReportFilter(kind="review", context="voluntary"))
    assert by_kind.referrals == _n(lambda i: i % 6 == 5)
    assert (
        build_report(meetings, None, TODAY, ReportFilter(kind="review", context="statutory")).referrals == 0
    )


def test_an_empty_report_renders_in_every_format() -> None:
    empty = build_report([], None, TODAY)
    for fmt in ("table", "csv", "json", "html"):
        assert "Referrals" in render_report(empty, fmt) or '"referrals": 0' in render_report(empty, fmt)
    assert empty.markers[0].words() == "no meeting recorded it"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_no_typed_text_reaches_the_report(fmt: str) -> None:
    assert "Zq" not in render_report(report(), fmt)


@st.composite
def _meetings(draw: st.DrawFn) -> list:  # type: ignore[type-arg]
    """Meetings built from the generator with random indexes, some closed after the meeting too."""
    from support.report_fixtures import build

    indexes = draw(st.lists(st.integers(0, 10_000), max_size=25))
    meetings = [build(i) for i in indexes]
    for m, reopened in zip(
        meetings, draw(st.lists(st.booleans(), min_size=len(meetings), max_size=len(meetings)))
    ):
        if reopened:
            m.closure.closed_on = None
    return meetings


@given(_meetings())
@settings(max_examples=40, deadline=None)
def test_every_meeting_is_counted_once_in_every_marker(meetings: list) -> None:  # type: ignore[type-arg]
    result = build_report(meetings, None, TODAY)
    assert result.held + result.closed_before_day + result.open_not_held == result.referrals == len(meetings)
    assert sum(result.closure_reasons.values()) == result.closed_before_day
    assert sum(r.referrals for r in result.by_kind_context) == result.referrals
    for tally in result.markers:
        assert tally.met + tally.not_met + tally.not_recorded + tally.not_applicable == result.referrals
        assert tally.percent is None or 0 <= tally.percent <= 100

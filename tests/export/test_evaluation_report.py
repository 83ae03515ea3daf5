"""The evaluation tables on a generated service of 240 families: every figure equals the known answer.

Also: small counts are "fewer than 5" in every format people read and withheld
from the HTML charts, the figures built from the anonymised files equal those
built from the records (so a merge of several coordinators' files counts the
same way), and golden files of the report.
"""

from __future__ import annotations

import csv
import io
import statistics
from functools import cache
from pathlib import Path

import pytest

from sdm_facilitator.domain.evaluation import ALL, GroupFigures, build_evaluation
from sdm_facilitator.domain.evaluation_rows import EvaluationOptions
from sdm_facilitator.domain.report import ServiceReport, build_report
from sdm_facilitator.export.anonymised import Pseudonyms, anonymised_files
from sdm_facilitator.export.report_formats import render_report
from sdm_facilitator.export.report_tables import report_tables
from support import evaluation_service as svc
from support.fidelity_fixtures import small_guide

GOLDEN = Path(__file__).parent / "golden"
OPTIONS = EvaluationOptions(hourly_rate_pence=svc.HOURLY_RATE_PENCE)


@cache
def report() -> ServiceReport:
    return build_report(svc.service(), {"g": small_guide()}, svc.TODAY, options=OPTIONS)


def _group(stage: str) -> GroupFigures:
    assert report().evaluation is not None
    return next(g for g in report().evaluation.groups if (g.kind, g.baseline_stage) == ("fgc", stage))


def _mean(values: list[int]) -> float | None:
    return statistics.fmean(values) if values else None


@pytest.mark.parametrize("stage", ["early_help", *svc.MAIN_STAGES])
def test_each_groups_figures_equal_the_known_answers(stage: str) -> None:
    families = [i for i in range(svc.FAMILIES) if svc.stage(i) == stage]
    kids = [i for i in families for _ in range(svc.children(i))]
    g = _group(stage)
    assert (g.context, g.referrals, g.children, g.children_due_12) == (
        "statutory",
        len(families),
        len(kids),
        len(kids),
    )
    answers = [svc.looked_after(i) for i in kids]
    assert (g.looked_after_12.yes, g.looked_after_12.n) == (
        answers.count(True),
        answers.count(True) + answers.count(False),
    )
    days = [d for i in kids if (d := svc.days_in_care(i)) is not None]
    assert (g.days_in_care_12.mean, g.days_in_care_12.n) == (_mean(days), len(days))
    for name in ("parents", "family-or-friends", "kinship-foster-care", "other-care"):
        assert g.arrangements_12[name] == sum(svc.arrangement(i) == name for i in kids), name
    assert g.stages_12["looked_after"] == sum(svc.stage_12(i) == "looked_after" for i in kids)
    assert g.stages_12["child_in_need"] == sum(svc.stage_12(i) == "child_in_need" for i in kids)
    issued = [svc.proceedings(i) for i in kids]
    assert (g.proceedings_12.yes, g.proceedings_12.n) == (
        issued.count(True),
        len(issued) - issued.count(None),
    )
    costs = [c for i in families if (c := svc.cost_pence(i)) is not None]
    assert (g.cost_per_family.mean, g.cost_per_family.n) == (_mean(costs), len(costs))
    steps = [svc.steps_done(i) for i in families]
    assert (g.steps["preparation"].yes, g.steps["preparation"].n) == (
        sum(s[0] for s in steps),
        sum(s[1] for s in steps),
    )
    assert (g.steps["meeting"].yes, g.steps["meeting"].n) == (sum(s[2] for s in steps), len(families))
    assert g.referrals_with_steps == len(families)


def test_reviews_are_their_own_group_and_their_cost_joins_the_family() -> None:
    assert report().evaluation is not None
    reviews = next(g for g in report().evaluation.groups if g.kind == "review")
    assert (reviews.referrals, reviews.children, reviews.cost_per_family.n) == (
        sum(map(svc.has_review, range(svc.FAMILIES))),
        0,
        0,
    )
    total = report().evaluation.total
    costs = [c for i in range(svc.FAMILIES) if (c := svc.cost_pence(i)) is not None]
    assert total.kind == ALL and total.cost_per_family.mean == _mean(costs)
    assert total.referrals == svc.FAMILIES + reviews.referrals


def test_the_figures_from_the_anonymised_files_equal_those_from_the_records() -> None:
    files = anonymised_files(svc.service(), {"g": small_guide()}, svc.TODAY, Pseudonyms(bytes(32)), OPTIONS)
    meetings = list(csv.DictReader(io.StringIO(files["meetings.csv"])))
    followed = list(csv.DictReader(io.StringIO(files["followed.csv"])))
    assert build_evaluation(meetings, followed) == report().evaluation


def _rows(table_id: str) -> dict[str, tuple[str, ...]]:
    table = next(t for t in report_tables(report()) if t.id == table_id)
    return {str(r[0]): tuple(str(getattr(c, "words", c)) for c in r[1:]) for r in table.rows}


def test_small_counts_read_fewer_than_5_and_figures_resting_on_them_are_not_shown() -> None:
    small = _rows("looked-after-12")["FGC · statutory · Early help"]
    # 4 children at 12 months: every count and the per cent are hidden.
    assert small == ("fewer than 5", "fewer than 5", "fewer than 5", "not shown", "fewer than 5")
    assert _rows("cost-per-family")["FGC · statutory · Early help"] == (
        "not shown",
        "not shown",
        "fewer than 5",
    )
    big = _rows("looked-after-12")["FGC · statutory · Pre-proceedings"]
    assert "fewer than 5" not in big and "not shown" not in big
    for fmt in ("table", "csv", "html"):
        text = render_report(report(), fmt)
        assert "fewer than 5" in text and "not shown" in text, fmt


def test_the_html_charts_withhold_the_small_groups_bars() -> None:
    page = render_report(report(), "html")
    chart = page[page.index("<h2>Looked after 12 months") :]
    chart = chart[: chart.index("</svg>")]
    assert "Pre-proceedings" in chart and "Early help" not in chart


def test_a_threshold_of_1_shows_every_count() -> None:
    exact = build_report(
        svc.service(), {"g": small_guide()}, svc.TODAY, options=OPTIONS, small_number_threshold=1
    )
    assert "fewer than" not in render_report(exact, "table").split("\n", 2)[2]


@pytest.mark.parametrize("fmt", ["table", "csv", "html"])
def test_the_report_on_the_generated_service_matches_its_golden_file(
    fmt: str, request: pytest.FixtureRequest
) -> None:
    text = render_report(report(), fmt)
    golden = GOLDEN / f"service-report.{'txt' if fmt == 'table' else fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run pytest tests/export --update-golden"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed; if on purpose, --update-golden"
    )
    assert "Zq" not in text

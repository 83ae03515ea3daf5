"""The evaluation's tables: like compared with like, by kind, context and legal stage at referral.

Each row is one group (and a last row for every referral), each figure beside
the number it rests on. Small counts are hidden by ``small_numbers.protect``
like every other table's; the columns that are not counts say which counts
they rest on, so a per cent or a mean over fewer than the threshold is hidden too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sdm_facilitator.domain.care import ARRANGEMENTS
from sdm_facilitator.domain.evaluation import EvaluationFigures, GroupFigures
from sdm_facilitator.domain.labels import ARRANGEMENT_HEADS, LEGAL_STAGE_LABELS, SHORT_KINDS, STAGE_LABELS
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES
from sdm_facilitator.domain.vocabulary import STAGES
from sdm_facilitator.export.report_table import Cell, Table
from sdm_facilitator.export.small_numbers import Balance, balance_columns, balance_rows

GROUP_HEAD = "Kind · context · legal stage at referral"
#: The trial's published figures (Taylor et al. 2024, British Journal of Social Work; 21 councils in
#: England, 1,511 families, counted from the letter before proceedings), for comparison only.
TRIAL_ROWS: tuple[tuple[str, float, float], ...] = (
    ("Looked after 12 months after the letter (%)", 36.2, 44.8),
    ("Care proceedings issued (%)", 59.2, 71.7),
    ("Days in care", 87.0, 115.0),
)


def group_label(group: GroupFigures, stage_names: Mapping[str, str] = LEGAL_STAGE_LABELS) -> str:
    """ "FGC · statutory · Pre-proceedings", or "All referrals"; stages as the chosen profile names them."""
    if group.is_total:
        return "All referrals"
    stage = stage_names.get(group.baseline_stage, "stage not recorded")
    return f"{SHORT_KINDS.get(group.kind, group.kind)} · {group.context} · {stage}"


def _percent(yes: int, n: int) -> float | None:
    return round(100 * yes / n, 1) if n else None


def _pounds(pence: float | None) -> int | None:
    return None if pence is None else round(pence / 100)


def evaluation_tables(
    figures: EvaluationFigures, stage_names: Mapping[str, str] = LEGAL_STAGE_LABELS
) -> list[Table]:
    """The evaluation's tables, in reading order; ``stage_names``: the chosen profile's for the legal stages."""
    groups = (*figures.groups, figures.total)

    def rows(make: Callable[[GroupFigures], tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
        return tuple((group_label(g, stage_names), *make(g)) for g in groups)

    looked_after = Table(
        "looked-after-12",
        "Looked after 12 months after the index date",
        (GROUP_HEAD, "Children at 12 months", "Looked after", "Of those recorded", "%", "Not recorded"),
        rows(
            lambda g: (
                g.children_due_12,
                g.looked_after_12.yes,
                g.looked_after_12.n,
                _percent(g.looked_after_12.yes, g.looked_after_12.n),
                g.children_due_12 - g.looked_after_12.n,
            )
        ),
        bar_column=4,
        bar_max=100,
        derived={4: (2, 3)},
    )
    days = Table(
        "days-in-care-12",
        "Days in care from the index date to 12 months",
        (GROUP_HEAD, "Mean days", "Median days", "Children"),
        rows(lambda g: (_round(g.days_in_care_12.mean), g.days_in_care_12.median, g.days_in_care_12.n)),
        derived={1: (3,), 2: (3,)},
    )
    living = Table(
        "living-12",
        "Living arrangements at 12 months",
        (GROUP_HEAD, *(ARRANGEMENT_HEADS[a] for a in ARRANGEMENTS), "Recorded"),
        rows(lambda g: (*(g.arrangements_12[a] for a in ARRANGEMENTS), g.arrangements_known_12)),
    )
    stages = Table(
        "legal-stage-12",
        "Legal stage at 12 months",
        (GROUP_HEAD, *(stage_names.get(s) or LEGAL_STAGE_LABELS[s] for s in LEGAL_STAGE_CHOICES), "Recorded"),
        rows(lambda g: (*(g.stages_12[s] for s in LEGAL_STAGE_CHOICES), g.stages_known_12)),
    )
    proceedings = Table(
        "proceedings-12",
        "Care proceedings issued by 12 months",
        (GROUP_HEAD, "Issued", "Of those recorded", "%"),
        rows(
            lambda g: (
                g.proceedings_12.yes,
                g.proceedings_12.n,
                _percent(g.proceedings_12.yes, g.proceedings_12.n),
            )
        ),
        derived={3: (1, 2)},
    )
    cost = Table(
        "cost-per-family",
        "Cost per family (£: coordinator time at the hourly rate, interpreting, venue, food, travel)",
        (GROUP_HEAD, "Mean £", "Median £", "Families with a cost"),
        rows(
            lambda g: (
                _pounds(g.cost_per_family.mean),
                _pounds(g.cost_per_family.median),
                g.cost_per_family.n,
            )
        ),
        derived={1: (3,), 2: (3,)},
    )
    last = 1 + len(STAGES)
    grid = Table(
        "fidelity-grid",
        "Fidelity grid: guide steps done of those that apply, by stage (%)",
        (GROUP_HEAD, *(STAGE_LABELS[s] for s in STAGES), "Referrals"),
        rows(
            lambda g: (
                *(_percent(g.steps[s].yes, g.steps[s].n) for s in STAGES),
                g.referrals_with_steps,
            )
        ),
        derived={1 + i: (last,) for i in range(len(STAGES))},
    )
    trial = Table(
        "trial",
        "For comparison: the national trial (Taylor et al. 2024), counted from the letter before proceedings",
        ("Measure", "Referred to a conference", "Not referred"),
        tuple((label, with_fgc, without) for label, with_fgc, without in TRIAL_ROWS),
    )
    return [looked_after, days, living, stages, proceedings, cost, grid, trial]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


#: The evaluation's tables whose count columns, row by row, add up to the "All referrals" row.
_BY_GROUP = (
    "looked-after-12",
    "days-in-care-12",
    "living-12",
    "legal-stage-12",
    "proceedings-12",
    "cost-per-family",
    "fidelity-grid",
)


def evaluation_balances(tables: Mapping[str, Table]) -> list[Balance]:
    """Which counts add up: each group's to "All referrals", and within a row the parts to the whole.

    A child is in exactly one group (by the family's kind, context and legal stage at
    referral), and each row's parts are counted from the same children as its whole.
    """
    found: list[Balance] = []
    for table_id in _BY_GROUP:
        table = tables.get(table_id)
        if table is None:
            continue
        for column in range(1, len(table.headers)):
            if column in table.derived:
                continue
            balance = balance_rows(table, column, "All referrals")
            if balance is not None:
                found.append(balance)
    for table_id in ("living-12", "legal-stage-12"):
        table = tables.get(table_id)
        if table is None:
            continue
        last = len(table.headers) - 1
        found += [balance_columns(table, r, range(1, last), last) for r in range(len(table.rows))]
    looked_after = tables.get("looked-after-12")
    if looked_after is not None:
        found += [balance_columns(looked_after, r, (3, 5), 1) for r in range(len(looked_after.rows))]
    return found

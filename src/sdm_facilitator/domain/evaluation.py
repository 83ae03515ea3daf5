"""The evaluation figures: like compared with like, by kind, context and baseline legal stage.

Built from the anonymised rows alone (``domain.evaluation_rows``), never from
meeting records, so the same builder serves one coordinator's laptop and a
report merged from several coordinators' anonymised files. Every figure
carries the number it is based on; suppressing small numbers is the report
layout's job (``export.report_tables``), because anonymised files keep exact
counts.

Counting rules:

- a child counts at 12 months once 12 months have passed since the index
  date; "looked after" is over the children whose answer is recorded (an
  episode covering the day, or a living answer at that point), and the
  children still without one are counted beside it;
- days in care are counted from the index date to the point, from the care
  episodes, for children with episodes or an outcome recorded at the point;
- cost per family is the mean, over families with any cost recorded, of the
  sum of their meetings' costs (a review's cost joins the family it reviews);
  a family is counted in the group of its first meeting;
- the fidelity grid is guide steps done of those that apply, by stage, over
  the referrals whose guide is known.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sdm_facilitator.domain.care import ARRANGEMENTS
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS, STAGES

RowIn = Mapping[str, str]
#: The key of the group that holds every referral.
ALL = "all"
NOT_RECORDED = "not-recorded"


@dataclass(frozen=True)
class Share:
    """``yes`` of ``n`` (the children or meetings with an answer)."""

    yes: int
    n: int

    @property
    def percent(self) -> float | None:
        return 100 * self.yes / self.n if self.n else None


@dataclass(frozen=True)
class Average:
    """A mean and a median over ``n`` values."""

    mean: float | None
    median: float | None
    n: int


def _average(values: Sequence[int]) -> Average:
    if not values:
        return Average(None, None, 0)
    return Average(statistics.fmean(values), float(statistics.median(values)), len(values))


@dataclass(frozen=True)
class GroupFigures:
    """The figures for one group: a kind, context and baseline stage, or every referral."""

    kind: str
    context: str
    baseline_stage: str
    referrals: int
    children: int
    # Children whose 12-month point has come.
    children_due_12: int
    looked_after_12: Share
    days_in_care_12: Average
    # Children per living arrangement at 12 months, and how many had one recorded.
    arrangements_12: dict[str, int]
    arrangements_known_12: int
    # Children per legal stage at 12 months, and how many had one recorded.
    stages_12: dict[str, int]
    stages_known_12: int
    proceedings_12: Share
    # Cost per family in pence (mean) and the number of families with a cost.
    cost_per_family: Average
    # Guide steps done of those that apply, by stage, summed over the referrals with a guide.
    steps: dict[str, Share]
    # Referrals whose guide steps were counted.
    referrals_with_steps: int

    @property
    def is_total(self) -> bool:
        return self.kind == ALL


@dataclass(frozen=True)
class EvaluationFigures:
    """Every group with at least one referral, in vocabulary order, then the total."""

    groups: tuple[GroupFigures, ...]
    total: GroupFigures


def _key(row: RowIn) -> tuple[str, str, str]:
    return row.get("kind", ""), row.get("context", ""), row.get("baseline_stage", "") or NOT_RECORDED


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def _share(rows: Iterable[RowIn], column: str) -> Share:
    answers = [r.get(column, "") for r in rows]
    return Share(answers.count("yes"), answers.count("yes") + answers.count("no"))


def _family_costs(referrals: Sequence[RowIn]) -> dict[str, int]:
    """Each family's total cost in pence, over every meeting of it with a cost."""
    costs: dict[str, int] = defaultdict(int)
    for row in referrals:
        pence = _int(row.get("cost_pence"))
        if pence is not None:
            costs[row.get("family", "")] += pence
    return dict(costs)


def _family_homes(referrals: Sequence[RowIn]) -> dict[str, tuple[str, str, str]]:
    """The group each family is counted in: its first meeting's, else its first row's."""
    homes: dict[str, tuple[str, str, str]] = {}
    for row in referrals:
        family = row.get("family", "")
        if family not in homes or row.get("meeting") == family:
            homes[family] = _key(row)
    return homes


def _figures(
    key: tuple[str, str, str],
    referrals: Sequence[RowIn],
    children: Sequence[RowIn],
    family_costs: Iterable[int],
) -> GroupFigures:
    due = [c for c in children if c.get("due_12m") == "yes"]
    days = [d for c in due if (d := _int(c.get("days_in_care_12m"))) is not None]
    arrangements = Counter(c.get("arrangement_12m", "") for c in due)
    stages = Counter(c.get("stage_12m", "") for c in due)
    with_guide = [r for r in referrals if any(_int(r.get(f"steps_{s}_applicable")) for s in STAGES)]
    steps = {
        stage: Share(
            sum(_int(r.get(f"steps_{stage}_done")) or 0 for r in with_guide),
            sum(_int(r.get(f"steps_{stage}_applicable")) or 0 for r in with_guide),
        )
        for stage in STAGES
    }
    return GroupFigures(
        kind=key[0],
        context=key[1],
        baseline_stage=key[2],
        referrals=len(referrals),
        children=len(children),
        children_due_12=len(due),
        looked_after_12=_share(due, "looked_after_12m"),
        days_in_care_12=_average(days),
        arrangements_12={a: arrangements[a] for a in ARRANGEMENTS},
        arrangements_known_12=sum(arrangements[a] for a in ARRANGEMENTS),
        stages_12={s: stages[s] for s in LEGAL_STAGE_CHOICES},
        stages_known_12=sum(stages[s] for s in LEGAL_STAGE_CHOICES),
        proceedings_12=_share(due, "proceedings_12m"),
        cost_per_family=_average(list(family_costs)),
        steps=steps,
        referrals_with_steps=len(with_guide),
    )


def _order(key: tuple[str, str, str]) -> tuple[int, int, int]:
    kind, context, stage = key
    stages = (*LEGAL_STAGE_CHOICES, NOT_RECORDED)
    return (
        MEETING_KINDS.index(kind) if kind in MEETING_KINDS else len(MEETING_KINDS),
        CONTEXTS.index(context) if context in CONTEXTS else len(CONTEXTS),
        stages.index(stage) if stage in stages else len(stages),
    )


def build_evaluation(referrals: Iterable[RowIn], children: Iterable[RowIn]) -> EvaluationFigures:
    """The figures by group from the anonymised referral rows and child rows."""
    referral_rows, child_rows = list(referrals), list(children)
    costs = _family_costs(referral_rows)
    homes = _family_homes(referral_rows)
    by_group: dict[tuple[str, str, str], list[RowIn]] = defaultdict(list)
    for row in referral_rows:
        by_group[_key(row)].append(row)
    children_by_group: dict[tuple[str, str, str], list[RowIn]] = defaultdict(list)
    for row in child_rows:
        children_by_group[_key(row)].append(row)
    groups = tuple(
        _figures(
            key,
            by_group[key],
            children_by_group[key],
            (pence for family, pence in costs.items() if homes.get(family) == key),
        )
        for key in sorted(set(by_group) | set(children_by_group), key=_order)
    )
    total = _figures((ALL, ALL, ALL), referral_rows, child_rows, costs.values())
    return EvaluationFigures(groups, total)

"""The evaluation's rows: one per referral and one per child per referral, anonymised, as plain text cells.

These rows are both what the anonymised files hold and what the report's
evaluation tables are built from (``domain.evaluation``), so a report merged
from several coordinators' anonymised files counts exactly as one built on a
laptop. A row holds only fixed vocabulary, whole numbers, yes / no, months and
pseudonyms made by the caller's ``ids`` function: no name, no free text, no
exact date.

Each column says which of the trial's outcome definitions it carries, where
one exists (the data dictionary prints it): the trial of family group
conferences at pre-proceedings in England (Taylor et al. 2024) measured whether
a child was looked after 12 months after the letter before proceedings, days
in care, proceedings issued and changes in living arrangements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sdm_facilitator.domain.care import arrangement, care_known, days_in_care, looked_after
from sdm_facilitator.domain.cost import coordinator_minutes, total_pence
from sdm_facilitator.domain.fidelity import MARKER_IDS, MARKER_LABELS, FidelityProfile, fidelity_profile
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Child, Meeting, OutcomePoint
from sdm_facilitator.domain.outcomes import POINT_MONTHS, fixed_point_day, index_date, recorded_point
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.step_progress import step_progress
from sdm_facilitator.domain.vocabulary import STAGES

#: Makes a pseudonym from a kind of id and its parts (``export.anonymised.Pseudonyms.of``).
Ids = Callable[..., str]
Row = dict[str, str]
#: The fixed points as the column names say them.
POINTS = {"3-months": "3m", "6-months": "6m", "12-months": "12m"}
TRIAL = "Trial (Taylor et al. 2024, FGC at pre-proceedings): "


@dataclass(frozen=True)
class EvaluationOptions:
    """The organisation's settings the evaluation reads."""

    index_basis: str = "referral"
    hourly_rate_pence: int = 4000


@dataclass(frozen=True)
class Column:
    """A column of an anonymised file, described for the data dictionary."""

    name: str
    description: str
    # The trial's outcome definition the column carries, where one exists.
    trial_definition: str = ""


REFERRAL_COLUMNS: tuple[Column, ...] = (
    Column("family", "Pseudonym of the family: the first meeting's, shared by the reviews of it"),
    Column("baseline_stage", "Legal stage at referral (stable code), or empty when not recorded"),
    Column("index_basis", "The index date the points count from: referral, or pre-proceedings-letter"),
    Column(
        "index_month",
        "Month of the index date (YYYY-MM)",
        TRIAL + "the index date is the letter before proceedings",
    ),
    Column("letter_month", "Month of the letter before proceedings, when one was sent (YYYY-MM)"),
    Column("coordinator_minutes", "Coordinator's minutes over every stage, when any cost was recorded"),
    Column(
        "cost_pence", "The meeting's cost in pence (coordinator time at the hourly rate, plus other costs)"
    ),
    *(
        Column(f"steps_{stage}_{what}", f"Guide steps of the {stage.replace('_', ' ')} stage {words}")
        for stage in STAGES
        for what, words in (("done", "done"), ("applicable", "that apply"))
    ),
)
CHILD_FIXED: tuple[Column, ...] = (
    Column("meeting", "Pseudonym of the meeting (as in meetings.csv)"),
    Column("family", "Pseudonym of the family (as in meetings.csv)"),
    Column("child", "Pseudonym of the child (as in children.csv)"),
    Column("kind", "Kind of meeting"),
    Column("context", "statutory or voluntary"),
    Column("baseline_stage", "Legal stage at referral (stable code), or empty"),
    Column("held", "yes when the meeting was held"),
    Column("age_band", "Age band: under 1, 1-4, 5-9, 10-15, 16-17, 18+"),
    Column("care_episodes", "Number of care episodes recorded"),
    Column("first_entered_care_month", "Month the child first entered care, when they did (YYYY-MM)"),
)


def _point_columns(point: str, short: str) -> tuple[Column, ...]:
    months = POINT_MONTHS[point]
    return (
        Column(f"due_{short}", f"yes when {months} months have passed since the index date"),
        Column(
            f"looked_after_{short}",
            f"yes / no: looked after {months} months after the index date (care order, or accommodated)",
            TRIAL + "primary outcome, looked after 12 months after the letter" if months == 12 else "",
        ),
        Column(
            f"days_in_care_{short}",
            f"Days in care from the index date to {months} months, from the care episodes",
            TRIAL + "days in care" if months == 12 else "",
        ),
        Column(
            f"arrangement_{short}",
            f"Living arrangement at {months} months: parents, family-or-friends, kinship-foster-care, other-care",
            TRIAL + "change in the child's living arrangement" if months == 12 else "",
        ),
        Column(f"stage_{short}", f"Legal stage at {months} months (stable code)"),
        Column(
            f"proceedings_{short}",
            f"yes / no: care proceedings issued by {months} months",
            TRIAL + "proceedings issued" if months == 12 else "",
        ),
    )


CHILD_COLUMNS: tuple[Column, ...] = CHILD_FIXED + tuple(
    column for point, short in POINTS.items() for column in _point_columns(point, short)
)
#: The marker columns of a referral row (also written in meetings.csv).
MARKER_COLUMNS: tuple[Column, ...] = tuple(
    Column(f"marker_{mid}", f"Fidelity marker '{MARKER_LABELS[mid]}': met, not-met, not-recorded or na")
    for mid in MARKER_IDS
)


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def month(value: date | None) -> str:
    """A date reduced to its month, "2026-03", or empty."""
    return f"{value:%Y-%m}" if value else ""


def number(value: int | None) -> str:
    return "" if value is None else str(value)


def family_pseudonym(m: Meeting, ids: Ids) -> str:
    """The family a meeting belongs to: its own id, or the id of the meeting it reviews."""
    return ids("meeting", m.reviews_meeting_id or m.id)


def _stage_steps(m: Meeting, guide: Guide | None, stage: str) -> tuple[int, int]:
    """(done, applicable) guide steps of ``stage``, each step counted once."""
    if guide is None:
        return 0, 0
    statuses = [step_progress(m, step).status for step in meeting_steps(guide, stage, m)]
    return statuses.count("done"), len(statuses) - statuses.count("na")


def referral_row(
    m: Meeting,
    guide: Guide | None,
    today: date,
    options: EvaluationOptions,
    ids: Ids,
    profile: FidelityProfile | None = None,
) -> Row:
    """The evaluation columns of one referral (the anonymised meetings file adds its own).

    ``profile`` is the meeting's fidelity profile when the caller already has it.
    """
    recorded = total_pence(m.cost, options.hourly_rate_pence)
    row: Row = {
        "meeting": ids("meeting", m.id),
        "kind": m.kind,
        "context": m.context,
        "held": yes_no(m.record.started is not None),
        "family": family_pseudonym(m, ids),
        "baseline_stage": m.referral.baseline_stage or "",
        "index_basis": options.index_basis,
        "index_month": month(index_date(m, options.index_basis)),
        "letter_month": month(m.referral.pre_proceedings_letter),
        "coordinator_minutes": "" if recorded is None else str(coordinator_minutes(m.cost)),
        "cost_pence": number(recorded),
    }
    for stage in STAGES:
        done, applicable = _stage_steps(m, guide, stage)
        row[f"steps_{stage}_done"], row[f"steps_{stage}_applicable"] = str(done), str(applicable)
    profile = profile or fidelity_profile(m, guide, today)
    for marker in profile.markers:
        row[f"marker_{marker.id}"] = marker.status
    return row


def _arrangement_at(child: Child, day: date, outcome: OutcomePoint | None) -> str:
    """The recorded arrangement; failing that, an episode covering the day says which care."""
    found = arrangement(outcome)
    if found is not None:
        return found
    covering = [
        e
        for e in child.care_episodes
        if e.entered is not None and e.entered <= day and (e.left is None or e.left > day)
    ]
    if not covering:
        return ""
    kinship = any(e.placement == "kinship-foster-care" for e in covering)
    return "kinship-foster-care" if kinship else "other-care"


AGE_BANDS = ((0, 0, "under 1"), (1, 4, "1-4"), (5, 9, "5-9"), (10, 15, "10-15"), (16, 17, "16-17"))


def age_band(age: int | None) -> str:
    """An age in the bands children's services publish: under 1, 1-4, 5-9, 10-15, 16-17, 18+."""
    if age is None:
        return ""
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), "18+")


def child_rows(m: Meeting, today: date, options: EvaluationOptions, ids: Ids) -> list[Row]:
    """One row per child of a referral, with each fixed point's outcome once its day has come."""
    start = index_date(m, options.index_basis)
    rows = []
    for child in m.children:
        entered = [e.entered for e in child.care_episodes if e.entered is not None]
        row: Row = {
            "meeting": ids("meeting", m.id),
            "family": family_pseudonym(m, ids),
            "child": ids("child", m.id, child.id),
            "kind": m.kind,
            "context": m.context,
            "baseline_stage": m.referral.baseline_stage or "",
            "held": yes_no(m.record.started is not None),
            "age_band": age_band(child.age),
            "care_episodes": str(len(entered)),
            "first_entered_care_month": month(min(entered) if entered else None),
        }
        for point, short in POINTS.items():
            day = fixed_point_day(m, point, options.index_basis)
            due = day <= today
            outcome = recorded_point(child, point)
            row[f"due_{short}"] = yes_no(due)
            row[f"looked_after_{short}"] = yes_no(looked_after(child, day, outcome)) if due else ""
            known = due and care_known(child, outcome)
            row[f"days_in_care_{short}"] = str(days_in_care(child.care_episodes, start, day)) if known else ""
            row[f"arrangement_{short}"] = _arrangement_at(child, day, outcome) if due else ""
            row[f"stage_{short}"] = (outcome.legal_stage or "") if due and outcome else ""
            issued = outcome.proceedings_issued if due and outcome else None
            row[f"proceedings_{short}"] = yes_no(issued)
        rows.append(row)
    return rows


__all__ = [
    "CHILD_COLUMNS",
    "MARKER_COLUMNS",
    "REFERRAL_COLUMNS",
    "EvaluationOptions",
    "child_rows",
    "referral_row",
]

"""The service report: what a service manager puts in front of a board.

Built from meeting records alone, pure Python, so the command line and the
app's report screen count exactly the same way. Nothing here holds a name
or any text a person typed: only counts, medians and fixed vocabulary.

Counting rules (also in docs/user-guide.md):

- every meeting record is a referral; "held" means the meeting started in
  the app; "closed before the day" means closed and never held;
- a fidelity marker is "n of N met", where N counts the meetings where it
  was met or not met; "not recorded" is counted beside it, never folded into
  "not met", and "not applicable" is left out;
- the date filters apply to the referral date (the day the record was
  created when there is none);
- the evaluation figures (looked after at 12 months, days in care, living
  arrangements, legal stage, cost per family, the fidelity grid by group) are
  built from the anonymised rows of ``domain.evaluation_rows``, so a report
  merged from several coordinators' anonymised files counts the same way
  (rules in ``domain.evaluation``);
- the law's records (England's pre-proceedings offer, each child's ICWA
  inquiry) are counted from their anonymised cells too
  (``domain.legal_record_rows``), and only where any is recorded.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sdm_facilitator.domain.evaluation import EvaluationFigures, build_evaluation
from sdm_facilitator.domain.evaluation_rows import EvaluationOptions, child_rows, referral_row
from sdm_facilitator.domain.feedback import Average, averages
from sdm_facilitator.domain.fidelity import (
    MARKER_RULES,
    FidelityProfile,
    family_time_minutes,
    fidelity_profile,
    referral_to_meeting_days,
)
from sdm_facilitator.domain.fidelity_status import MET, NOT_APPLICABLE, NOT_MET, NOT_RECORDED
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.labels import LEGAL_STAGE_LABELS
from sdm_facilitator.domain.legal_record_rows import (
    LegalRecordFigures,
    icwa_cells,
    legal_record_figures,
    offer_cells,
)
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    CARE_BASIS_CHOICES,
    CLOSURE_REASON_CHOICES,
    FEEDBACK_RESPONDENT_CHOICES,
    LEGAL_STAGE_CHOICES,
    LIVING_CHOICES,
    OUTCOME_POINT_CHOICES,
    Meeting,
)
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.step_progress import progress_remembered
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS

#: Yes / no questions asked at each outcome point, in report order.
OUTCOME_FLAGS = {
    "proceedings_issued": "Care proceedings issued",
    "new_referral": "New referral",
    "section_47": "Section 47 enquiry",
    "cp_plan": "Child protection plan",
}
#: Whether promised help was given: the stored values, then unrecorded.
HELP_STATES = ("given", "partly", "not-yet", "not-recorded")


@dataclass(frozen=True)
class ReportFilter:
    """Which meetings a report covers. Empty fields do not filter."""

    since: date | None = None
    until: date | None = None
    kind: str | None = None
    context: str | None = None

    def accepts(self, meeting: Meeting) -> bool:
        day = report_date(meeting)
        return (
            (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (self.kind is None or meeting.kind == self.kind)
            and (self.context is None or meeting.context == self.context)
        )


def report_date(meeting: Meeting) -> date:
    """The day a meeting counts from in a report: its referral, or when its record was made."""
    return meeting.referral.date or meeting.created.date()


def is_held(meeting: Meeting) -> bool:
    return meeting.record.started is not None


def closed_before_day(meeting: Meeting) -> bool:
    return meeting.closure.is_closed and not is_held(meeting)


@dataclass(frozen=True)
class KindContextRow:
    kind: str
    context: str
    referrals: int
    held: int
    closed_before_day: int


@dataclass(frozen=True)
class MarkerTally:
    """One marker over many meetings."""

    id: str
    label: str
    met: int
    not_met: int
    not_recorded: int
    not_applicable: int

    @property
    def recorded(self) -> int:
        """N: meetings where the marker was met or not met."""
        return self.met + self.not_met

    @property
    def percent(self) -> float | None:
        return 100 * self.met / self.recorded if self.recorded else None

    def words(self) -> str:
        """ "12 of 20 met (60%)", with "no answers" when nothing was recorded."""
        if not self.recorded:
            return "no meeting recorded it"
        return f"{self.met} of {self.recorded} met ({self.percent:.0f}%)"


@dataclass(frozen=True)
class Median:
    """A median and how many meetings it was taken over."""

    value: float | None
    count: int


def median_of(values: Iterable[int]) -> Median:
    found = list(values)
    return Median(statistics.median(found) if found else None, len(found))


@dataclass(frozen=True)
class OutcomeTally:
    """Children's outcomes at one follow-up point."""

    point: str
    children: int
    living: dict[str, int]
    care_basis: dict[str, int]
    # Per yes / no question: (yes, answered).
    flags: dict[str, tuple[int, int]]


def outcome_tally(
    point: str,
    children: int,
    living: Counter[str],
    care_basis: Counter[str],
    flags: dict[str, tuple[int, int]],
) -> OutcomeTally:
    """One point's tally, every living arrangement and legal basis counted in the choices' order.

    Shared by the report from meeting records and the report merged from anonymised rows, so the
    two list the same rows in the same order whatever was recorded.
    """
    return OutcomeTally(
        point,
        children,
        {k: living[k] for k in LIVING_CHOICES},
        {k: care_basis[k] for k in CARE_BASIS_CHOICES},
        flags,
    )


@dataclass(frozen=True)
class FeedbackTally:
    """Feedback from family members or from children."""

    respondent: str
    given: int
    declined: int
    averages: tuple[Average, ...]


@dataclass(frozen=True)
class ServiceReport:
    """Every figure of the service report."""

    filters: ReportFilter
    today: date
    referrals: int
    held: int
    closed_before_day: int
    open_not_held: int
    closure_reasons: dict[str, int]
    by_kind_context: tuple[KindContextRow, ...]
    markers: tuple[MarkerTally, ...]
    medians: dict[str, Median]
    actions_by_status: dict[str, int]
    help_given: dict[str, int]
    outcomes: tuple[OutcomeTally, ...]
    feedback: tuple[FeedbackTally, ...]
    # Files that could not be read, so a reader knows the figures leave them out.
    unreadable: int = 0
    # By kind, context and legal stage at referral, from the anonymised rows.
    evaluation: EvaluationFigures | None = None
    options: EvaluationOptions = EvaluationOptions()
    # Counts below this are shown as "fewer than N" wherever people read the report.
    small_number_threshold: int = 5
    # A report merged from several coordinators' anonymised files (``report --merge``): how many.
    coordinators: int = 0
    # The legal stages as the chosen jurisdiction profile names them (the evaluation's tables).
    stage_names: Mapping[str, str] = field(default_factory=lambda: dict(LEGAL_STAGE_LABELS))
    # The law's records (pre-proceedings offer, ICWA inquiry); None where none is recorded.
    legal_records: LegalRecordFigures | None = None


MEDIAN_LABELS = {
    "referral_to_meeting_days": "Days from referral to the meeting",
    "family_time_minutes": "Minutes of private family time",
    "plan_sent_days": "Days from the meeting to the plan being sent",
}


def _marker_tallies(profiles: list[FidelityProfile]) -> tuple[MarkerTally, ...]:
    out = []
    for marker_id, label, _rule in MARKER_RULES:
        counts = Counter(p.marker(marker_id).status for p in profiles)
        out.append(
            MarkerTally(
                marker_id, label, counts[MET], counts[NOT_MET], counts[NOT_RECORDED], counts[NOT_APPLICABLE]
            )
        )
    return tuple(out)


def _outcomes(meetings: list[Meeting]) -> tuple[OutcomeTally, ...]:
    out = []
    for point in OUTCOME_POINT_CHOICES:
        recorded = [o for m in meetings for c in m.children for o in c.outcomes if o.point == point]
        living = Counter(o.living for o in recorded if o.living)
        basis = Counter(o.care_basis for o in recorded if o.living == "in-care" and o.care_basis)
        flags = {}
        for name in OUTCOME_FLAGS:
            answers = [getattr(o, name) for o in recorded if getattr(o, name) is not None]
            flags[name] = (sum(1 for a in answers if a), len(answers))
        out.append(outcome_tally(point, len(recorded), living, basis, flags))
    return tuple(out)


def _feedback(meetings: list[Meeting]) -> tuple[FeedbackTally, ...]:
    out = []
    for respondent in FEEDBACK_RESPONDENT_CHOICES:
        items = [f for m in meetings for f in m.feedback if f.respondent == respondent]
        out.append(
            FeedbackTally(
                respondent,
                sum(1 for f in items if f.status == "given"),
                sum(1 for f in items if f.status == "declined"),
                tuple(averages(items)),
            )
        )
    return tuple(out)


def build_report(
    meetings: Iterable[Meeting],
    guides: dict[str, Guide | None] | None,
    today: date,
    filters: ReportFilter | None = None,
    unreadable: int = 0,
    options: EvaluationOptions | None = None,
    small_number_threshold: int = 5,
    law: ProfileLaw | None = None,
) -> ServiceReport:
    """The report over every meeting ``filters`` accepts; ``guides`` maps guide ids to guides.

    ``law``: the chosen jurisdiction profile's (a conference's review timescale, the legal stages' names).
    """
    law = law or ProfileLaw()
    filters = filters or ReportFilter()
    options = options or EvaluationOptions()
    chosen = [m for m in meetings if filters.accepts(m)]
    guides = guides or {}
    # Each step's progress is worked out once per meeting, for the grid and for the evaluation rows.
    with progress_remembered():
        profiles = [fidelity_profile(m, guides.get(m.guide_id), today, law.timescales) for m in chosen]
        referral_rows = [
            referral_row(m, guides.get(m.guide_id), today, options, _plain_ids, profile)
            for m, profile in zip(chosen, profiles)
        ]
    children_rows = [row for m in chosen for row in child_rows(m, today, options, _plain_ids)]
    held = [m for m in chosen if is_held(m)]
    closed = [m for m in chosen if closed_before_day(m)]
    rows = []
    for kind in MEETING_KINDS:
        for context in CONTEXTS:
            group = [m for m in chosen if m.kind == kind and m.context == context]
            if group:
                rows.append(
                    KindContextRow(
                        kind,
                        context,
                        len(group),
                        sum(map(is_held, group)),
                        sum(map(closed_before_day, group)),
                    )
                )
    reasons = Counter(m.closure.reason or "not-recorded" for m in closed)
    medians = {
        "referral_to_meeting_days": median_of(
            value for m in chosen if (value := referral_to_meeting_days(m)) is not None
        ),
        "family_time_minutes": median_of(v for v in map(family_time_minutes, held) if v is not None),
        "plan_sent_days": median_of(
            value for p in profiles if (value := p.marker("plan-sent").value) is not None
        ),
    }
    actions = [a for m in chosen for a in m.plan.actions]
    promised = [a for a in actions if a.support_from.strip()]
    help_counts = Counter(a.support_delivered or "not-recorded" for a in promised)
    return ServiceReport(
        filters=filters,
        today=today,
        referrals=len(chosen),
        held=len(held),
        closed_before_day=len(closed),
        open_not_held=len(chosen) - len(held) - len(closed),
        closure_reasons={r: reasons[r] for r in (*CLOSURE_REASON_CHOICES, "not-recorded") if reasons[r]},
        by_kind_context=tuple(rows),
        markers=_marker_tallies(profiles),
        medians=medians,
        actions_by_status={s: sum(1 for a in actions if a.status == s) for s in ACTION_STATUS_CHOICES},
        help_given={s: help_counts[s] for s in HELP_STATES},
        outcomes=_outcomes(chosen),
        feedback=_feedback(chosen),
        unreadable=unreadable,
        evaluation=build_evaluation(referral_rows, children_rows),
        options=options,
        small_number_threshold=small_number_threshold,
        stage_names=law.stage_names(LEGAL_STAGE_CHOICES),
        # Once per referral: a review carries its referral's records across, and is not a new referral.
        legal_records=legal_record_figures(
            (offer_cells(m.referral.fgdm_offer) for m in chosen if not m.reviews_meeting_id),
            (icwa_cells(c.icwa) for m in chosen if not m.reviews_meeting_id for c in m.children),
        ),
    )


def _plain_ids(kind: str, *parts: str) -> str:
    """Ids for rows that never leave the report: the ids themselves, kept apart by kind."""
    return "\x1f".join((kind, *parts))

"""Files for an evaluator: one row per meeting, per child per outcome point, per feedback, per child followed.

``followed.csv`` holds every child of every referral, held or not, with their
outcomes at 3, 6 and 12 months after the index date (``domain.evaluation_rows``);
it and ``meetings.csv`` are what the report's evaluation tables are built from,
so a report can be built again from these files alone.

No names and no free text leave the laptop: only fixed vocabulary, counts,
day counts, months and age bands. Ids are replaced by pseudonyms, an
HMAC-SHA256 of the id keyed with a random secret kept in the data folder
(created on first use, readable only by this user, never written into an
export), so two exports from the same laptop join up but nobody can work
back from a pseudonym to a meeting.

Rows are individual, so the files stay personal data until the evaluator's
own suppression rules for small numbers are applied; docs/user-guide.md says so.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections.abc import Iterable
from datetime import date

from sdm_facilitator.domain import evaluation_rows
from sdm_facilitator.domain.evaluation_rows import (
    AGE_BANDS,
    Column,
    EvaluationOptions,
    age_band,
    child_rows,
    month,
    referral_row,
)
from sdm_facilitator.domain.feedback import STATEMENT_FIELDS
from sdm_facilitator.domain.fidelity import (
    MARKER_IDS,
    MARKER_LABELS,
    family_time_minutes,
    fidelity_profile,
    first_contact,
    referral_to_meeting_days,
)
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.legal_record_rows import ICWA_COLUMNS, OFFER_COLUMNS, icwa_cells, offer_cells
from sdm_facilitator.domain.meeting import ATTENDED, Child, Meeting, OutcomePoint
from sdm_facilitator.domain.report import closed_before_day, is_held
from sdm_facilitator.domain.risk_guidance import risks_in_play
from sdm_facilitator.export.pseudonym_secret import SECRET_FILE, PseudonymSecretError, load_or_create_secret

__all__ = ["AGE_BANDS", "SECRET_FILE", "PseudonymSecretError", "age_band", "load_or_create_secret", "month"]

FILES = ("meetings.csv", "children.csv", "feedback.csv", "followed.csv")
DICTIONARY_FILE = "dictionary.csv"
PSEUDONYM_LENGTH = 20
# 32 bytes written as hex and a newline; anything far bigger is not the secret.
MAX_SECRET_FILE_BYTES = 4096


class Pseudonyms:
    """Stable pseudonyms for ids: HMAC-SHA256 keyed with this laptop's secret."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def of(self, kind: str, *parts: str) -> str:
        """The pseudonym of an id; ``kind`` keeps a meeting and a child with the same id apart."""
        message = "\x1f".join((kind, *parts)).encode("utf-8")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


MEETING_COLUMNS: tuple[Column, ...] = (
    Column("meeting", "Pseudonym of the meeting (the same in every file and every export from this laptop)"),
    Column("kind", "Kind of meeting: fgc, fgdm, family-unity, cp-conference, cin-meeting, review"),
    Column("context", "statutory (child protection) or voluntary (child in need)"),
    Column("reviews_meeting", "For a review: pseudonym of the meeting it reviews"),
    Column("referral_month", "Month of the referral (YYYY-MM)"),
    Column("meeting_month", "Month the meeting was held, or is planned for (YYYY-MM)"),
    Column("held", "yes when the meeting was held"),
    Column("closed_before_day", "yes when the referral was closed without a meeting"),
    Column("closure_reason", "Why it was closed (fixed list), when closed"),
    Column("closure_month", "Month it was closed (YYYY-MM)"),
    Column("children", "Number of children the meeting is about"),
    Column("family_attending", "Family members and friends recorded as attending"),
    Column("professionals_attending", "Professionals recorded as attending (interpreters not counted)"),
    Column(
        "days_referral_to_first_contact",
        "Days from the referral to the first preparation visit to the family",
    ),
    Column("days_referral_to_meeting", "Days from the referral to the meeting"),
    Column("family_time_minutes", "Minutes of private family time"),
    Column("days_to_plan_sent", "Days from the meeting to the plan being sent to the family"),
    Column("plan_decision", "Professional response: agreed, agreed-with-changes, not-agreed"),
    Column("actions", "Number of actions in the plan"),
    Column("actions_done", "Actions done"),
    Column("actions_stuck", "Actions stuck"),
    Column("actions_not_started", "Actions not started"),
    Column("actions_under_way", "Actions under way"),
    Column("help_promised", "Actions with help promised by a service"),
    Column("help_given", "Of those, help recorded as given"),
    Column("help_partly", "Of those, help recorded as partly given"),
    Column("help_not_yet", "Of those, help recorded as not given yet"),
    Column("reviews_held", "Review meetings held"),
    Column("steps_done", "Guide steps done"),
    Column("steps_applicable", "Guide steps that apply (not applicable ones excluded)"),
    Column("steps_not_applicable", "Guide steps marked not applicable"),
    *(
        Column(f"marker_{mid}", f"Fidelity marker '{MARKER_LABELS[mid]}': met, not-met, not-recorded or na")
        for mid in MARKER_IDS
    ),
    *evaluation_rows.REFERRAL_COLUMNS,
    # England's pre-proceedings offer (codes only, never why it was not offered).
    *OFFER_COLUMNS,
)
#: One row per child per referral, held or not: the evaluation's outcomes at 3, 6 and 12 months.
FOLLOWED_COLUMNS: tuple[Column, ...] = evaluation_rows.CHILD_COLUMNS
CHILD_COLUMNS: tuple[Column, ...] = (
    Column("meeting", "Pseudonym of the meeting"),
    Column("child", "Pseudonym of the child (the same at every outcome point)"),
    Column("age_band", "Age band: under 1, 1-4, 5-9, 10-15, 16-17, 18+"),
    Column("participation", "How the child took part (fixed list)"),
    Column("advocate_offer", "offered, accepted or declined"),
    Column("met_before_day", "yes when the child was met before the day"),
    Column(
        "views_recorded", "yes when the child's views are recorded (the views themselves are not exported)"
    ),
    Column("point", "Outcome point: review, 3-months, 6-months, 12-months; empty when none is recorded yet"),
    Column("review", "For a review point: pseudonym of the review"),
    Column("point_month", "Month the outcome was recorded (YYYY-MM)"),
    Column("living", "Where the child lives (fixed list)"),
    Column("care_basis", "When in care: the legal basis (fixed list)"),
    Column("returned_home_month", "When returned home: the month (YYYY-MM)"),
    Column("proceedings_issued", "yes / no: care proceedings issued"),
    Column("new_referral", "yes / no: a new referral"),
    Column("section_47", "yes / no: a section 47 enquiry"),
    Column("cp_plan", "yes / no: a child protection plan"),
    # The US ICWA inquiry (codes only, never the tribe's name).
    *ICWA_COLUMNS,
)
FEEDBACK_COLUMNS: tuple[Column, ...] = (
    Column("meeting", "Pseudonym of the meeting"),
    Column("feedback", "Pseudonym of the feedback record"),
    Column("after", "meeting or review"),
    Column("review", "For feedback after a review: pseudonym of the review"),
    Column("respondent", "family or child"),
    Column("status", "given, or declined (offered and declined)"),
    Column("month", "Month the feedback was given (YYYY-MM)"),
    *(
        Column(name, f"Score 1 to 5{' (reverse scored: 1 is best)' if name == 'judged' else ''}")
        for name in STATEMENT_FIELDS
    ),
)
COLUMNS = {
    "meetings.csv": MEETING_COLUMNS,
    "children.csv": CHILD_COLUMNS,
    "feedback.csv": FEEDBACK_COLUMNS,
    "followed.csv": FOLLOWED_COLUMNS,
}


def _meeting_row(
    m: Meeting, guide: Guide | None, today: date, ids: Pseudonyms, options: EvaluationOptions
) -> list[str]:
    profile = fidelity_profile(m, guide, today)
    evaluation = referral_row(m, guide, today, options, ids.of, profile)
    attending = [p for p in m.people if p.attendance in ATTENDED]
    family = [p for p in attending if not p.is_professional and p.role != "child"]
    professionals = [p for p in attending if p.is_professional and p.role != "interpreter"]
    contact = first_contact(m)
    actions = m.plan.actions
    promised = [a for a in actions if a.support_from.strip()]
    status = {marker.id: marker.status for marker in profile.markers}
    return [
        ids.of("meeting", m.id),
        m.kind,
        m.context,
        ids.of("meeting", m.reviews_meeting_id) if m.reviews_meeting_id else "",
        month(m.referral.date),
        month(m.held_on),
        _yes_no(is_held(m)),
        _yes_no(closed_before_day(m)),
        m.closure.reason or "" if m.closure.is_closed else "",
        month(m.closure.closed_on),
        str(len(m.children)),
        str(len(family)),
        str(len(professionals)),
        _number((contact - m.referral.date).days if contact and m.referral.date else None),
        _number(referral_to_meeting_days(m)),
        # As the service report counts it (so a report merged from these files is the same).
        _number(family_time_minutes(m)),
        _number(profile.marker("plan-sent").value),
        m.plan.response.decision or "",
        str(len(actions)),
        str(sum(a.status == "done" for a in actions)),
        str(sum(a.status == "stuck" for a in actions)),
        str(sum(a.status == "not-started" for a in actions)),
        str(sum(a.status == "under-way" for a in actions)),
        str(len(promised)),
        str(sum(a.support_delivered == "given" for a in promised)),
        str(sum(a.support_delivered == "partly" for a in promised)),
        str(sum(a.support_delivered == "not-yet" for a in promised)),
        str(sum(r.held is not None for r in m.follow_up.reviews)),
        str(_steps(m, guide, "done")),
        str(_steps(m, guide, "applicable")),
        str(_steps(m, guide, "na")),
        *(status[mid] for mid in MARKER_IDS),
        *(evaluation[c.name] for c in evaluation_rows.REFERRAL_COLUMNS),
        *_in_order(offer_cells(m.referral.fgdm_offer), OFFER_COLUMNS),
    ]


def _in_order(cells: dict[str, str], columns: tuple[Column, ...]) -> list[str]:
    return [cells[c.name] for c in columns]


def _steps(m: Meeting, guide: Guide | None, what: str) -> int:
    """Guide steps counted once each (the grid counts a two-mechanism step twice)."""
    if guide is None:
        return 0
    shown = risks_in_play(m)
    states = [m.steps.get(s.id) for s in guide.steps if s.applies_to(m.context) and s.shown_for(shown)]
    statuses = [s.status if s else "todo" for s in states]
    if what == "na":
        return statuses.count("na")
    if what == "done":
        return statuses.count("done")
    return len(statuses) - statuses.count("na")


def _child_rows(m: Meeting, ids: Pseudonyms) -> list[list[str]]:
    rows = []
    day = m.held_on
    for child in m.children:
        base = [
            ids.of("meeting", m.id),
            ids.of("child", m.id, child.id),
            age_band(child.age),
            child.participation or "",
            child.advocate_offer or "",
            _yes_no(None if child.met_before is None else (day is None or child.met_before <= day)),
            _yes_no(bool(child.views.strip())),
        ]
        icwa = _in_order(icwa_cells(child.icwa), ICWA_COLUMNS)
        points: Iterable[OutcomePoint | None] = child.outcomes or [None]
        rows += [base + _outcome_cells(m, child, o, ids) + icwa for o in points]
    return rows


def _outcome_cells(m: Meeting, child: Child, o: OutcomePoint | None, ids: Pseudonyms) -> list[str]:
    if o is None:
        return [""] * 10
    return [
        o.point,
        ids.of("review", m.id, o.review_id) if o.review_id else "",
        month(o.recorded_on),
        o.living or "",
        o.care_basis or "",
        month(o.returned_home_on),
        _yes_no(o.proceedings_issued),
        _yes_no(o.new_referral),
        _yes_no(o.section_47),
        _yes_no(o.cp_plan),
    ]


def _feedback_rows(m: Meeting, ids: Pseudonyms) -> list[list[str]]:
    return [
        [
            ids.of("meeting", m.id),
            ids.of("feedback", m.id, f.id),
            f.after,
            ids.of("review", m.id, f.review_id) if f.review_id else "",
            f.respondent,
            f.status,
            month(f.given_on),
            *(_number(getattr(f, name)) for name in STATEMENT_FIELDS),
        ]
        for f in m.feedback
    ]


def anonymised_files(
    meetings: Iterable[Meeting],
    guides: dict[str, Guide | None],
    today: date,
    ids: Pseudonyms,
    options: EvaluationOptions | None = None,
) -> dict[str, str]:
    """The four CSV files' text, by file name.

    Counts stay exact (the evaluator applies their own suppression); dates are
    months, ages are bands, ids are pseudonyms.
    """
    options = options or EvaluationOptions()
    rows: dict[str, list[list[str]]] = {name: [] for name in FILES}
    for m in meetings:
        rows["meetings.csv"].append(_meeting_row(m, guides.get(m.guide_id), today, ids, options))
        rows["children.csv"] += _child_rows(m, ids)
        rows["feedback.csv"] += _feedback_rows(m, ids)
        rows["followed.csv"] += [
            [row[c.name] for c in FOLLOWED_COLUMNS] for row in child_rows(m, today, options, ids.of)
        ]
    return {name: _csv([c.name for c in COLUMNS[name]], rows[name]) for name in FILES}


def dictionary_csv() -> str:
    """Every column of every file, described, with the trial's outcome definition where one exists."""
    return _csv(
        ["file", "column", "description", "trial_definition"],
        [[name, c.name, c.description, c.trial_definition] for name in FILES for c in COLUMNS[name]],
    )


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()

"""The service report across coordinators, from their anonymised files alone.

A manager gathers each coordinator's ``report --anonymised --format csv``
folder; ``report --merge FOLDER...`` reads them here and builds the same
``ServiceReport`` the one-laptop report builds from meeting records, by the
same counting rules (``domain/report.py``), so every format renders it the
same way. No meeting record and no name leaves a coordinator's laptop.

- Rows are kept as read, keyed by column name: a column a newer version adds
  flows through to the merged files untouched; only the columns the report
  counts must be there.
- Pseudonyms are made per laptop (``anonymised.Pseudonyms``), so two
  coordinators' pseudonyms could only meet by chance; they are namespaced by
  coordinator anyway ("c2-" before each), so they never collide. The same
  pseudonyms in two folders mean one coordinator's files given twice: refused,
  never counted twice.
- Coordinators are numbered in the order given, never named by their folder
  (a folder name may be a person's name).
- The law's records (the pre-proceedings offer, each child's ICWA inquiry)
  are counted when their columns are there; a folder written before they
  were added reads as nothing recorded, never refused.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sdm_facilitator.domain.evaluation import build_evaluation
from sdm_facilitator.domain.evaluation_rows import CHILD_COLUMNS as EVALUATION_CHILD_COLUMNS
from sdm_facilitator.domain.evaluation_rows import REFERRAL_COLUMNS
from sdm_facilitator.domain.feedback import STATEMENT_FIELDS, Average
from sdm_facilitator.domain.fidelity import MARKER_RULES
from sdm_facilitator.domain.fidelity_status import MET, NOT_APPLICABLE, NOT_MET, NOT_RECORDED
from sdm_facilitator.domain.legal_record_rows import LegalRecordFigures, legal_record_figures
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    CLOSURE_REASON_CHOICES,
    FEEDBACK_RESPONDENT_CHOICES,
    OUTCOME_POINT_CHOICES,
)
from sdm_facilitator.domain.report import (
    HELP_STATES,
    OUTCOME_FLAGS,
    FeedbackTally,
    KindContextRow,
    MarkerTally,
    Median,
    OutcomeTally,
    ReportFilter,
    ServiceReport,
    outcome_tally,
)
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS
from sdm_facilitator.export.anonymised import FILES
from sdm_facilitator.storage.files import read_small_file

#: An anonymised file of a large service is a few MB; anything far bigger is not one.
MAX_CSV_BYTES = 256 * 1024 * 1024
COORDINATOR_COLUMN = "coordinator"
#: The columns holding pseudonyms, per file: namespaced by coordinator when merged.
PSEUDONYM_COLUMNS = {
    "meetings.csv": ("meeting", "reviews_meeting", "family"),
    "children.csv": ("meeting", "child", "review"),
    "feedback.csv": ("meeting", "feedback", "review"),
    "followed.csv": ("meeting", "family", "child"),
}
#: The columns the report counts, per file: a folder without one of them is refused.
NEEDED_COLUMNS = {
    "meetings.csv": (
        "meeting",
        "kind",
        "context",
        "held",
        "closed_before_day",
        "closure_reason",
        "days_referral_to_meeting",
        "family_time_minutes",
        "days_to_plan_sent",
        "actions_not_started",
        "actions_under_way",
        "actions_done",
        "actions_stuck",
        "help_promised",
        "help_given",
        "help_partly",
        "help_not_yet",
        *(f"marker_{marker_id}" for marker_id, _label, _rule in MARKER_RULES),
        *(column.name for column in REFERRAL_COLUMNS),
    ),
    "children.csv": ("meeting", "point", "living", "care_basis", *OUTCOME_FLAGS),
    "feedback.csv": ("meeting", "respondent", "status", *STATEMENT_FIELDS),
    # The evaluation's outcomes per child per referral, held or not (``domain/evaluation.py`` counts them).
    "followed.csv": tuple(column.name for column in EVALUATION_CHILD_COLUMNS),
}

Row = dict[str, str]


class MergeError(Exception):
    """A folder that cannot be merged; the message names the folder, the file and the problem."""


@dataclass
class MergedRows:
    """Every coordinator's rows, pseudonyms namespaced, with the columns of each file in order."""

    coordinators: int = 0
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in FILES})
    columns: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in FILES})


def _read_csv(folder: Path, name: str) -> tuple[list[str], list[Row]]:
    path = folder / name
    try:
        text = read_small_file(path, MAX_CSV_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise MergeError(
            f"{folder}: no {name} (each folder must hold one coordinator's report --anonymised --format csv files)"
        ) from None
    except UnicodeDecodeError:
        raise MergeError(f"{path}: not UTF-8 text, so not an anonymised file") from None
    except OSError as error:
        raise MergeError(f"{path}: cannot be read ({error.strerror or type(error).__name__})") from None
    reader = csv.DictReader(io.StringIO(text))
    header = list(reader.fieldnames or [])
    missing = [column for column in NEEDED_COLUMNS[name] if column not in header]
    if missing:
        raise MergeError(
            f"{path}: no column {', '.join(missing[:3])}{'…' if len(missing) > 3 else ''} "
            "(written by another version? write the files again with this one)"
        )
    rows = []
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise MergeError(f"{path}, line {reader.line_num}: not as many cells as columns")
        rows.append({key: value for key, value in row.items() if key is not None})
    return header, rows


def _namespaced(value: str, prefix: str) -> str:
    return f"{prefix}{value}" if value else ""


def read_folders(folders: Iterable[Path]) -> MergedRows:
    """Every folder's three files, checked and namespaced by coordinator (numbered in the order given)."""
    merged = MergedRows()
    seen: dict[str, int] = {}
    for number, folder in enumerate(folders, 1):
        prefix = f"c{number}-"
        for name in FILES:
            header, rows = _read_csv(folder, name)
            for column in header:
                if column not in merged.columns[name]:
                    merged.columns[name].append(column)
            if name == "meetings.csv":
                for row in rows:
                    other = seen.setdefault(row["meeting"], number)
                    if other != number:
                        raise MergeError(
                            f"{folder} holds meetings that coordinator {other}'s folder holds too "
                            "(the same coordinator's files given twice?); nothing is counted twice"
                        )
            for row in rows:
                for column in PSEUDONYM_COLUMNS[name]:
                    if column in row:
                        row[column] = _namespaced(row[column], prefix)
                merged.rows[name].append({COORDINATOR_COLUMN: str(number), **row})
        merged.coordinators = number
    for name in FILES:
        merged.columns[name] = [COORDINATOR_COLUMN, *merged.columns[name]]
    return merged


def merged_files(merged: MergedRows) -> dict[str, str]:
    """The merged anonymised files' text: every coordinator's rows, a ``coordinator`` column first."""
    out = {}
    for name in FILES:
        text = io.StringIO()
        writer = csv.DictWriter(text, merged.columns[name], lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(merged.rows[name])
        out[name] = text.getvalue()
    return out


# ---------------------------------------------------------------- the report from rows


def _whole(row: Row, column: str, name: str) -> int | None:
    value = row.get(column, "")
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise MergeError(
            f"{name} (coordinator {row.get(COORDINATOR_COLUMN)}): {column} '{value[:20]}' is not a number"
        ) from None


def _count(rows: list[Row], column: str) -> int:
    return sum(_whole(row, column, "meetings.csv") or 0 for row in rows)


def _median(rows: list[Row], column: str) -> Median:
    values = [v for row in rows if (v := _whole(row, column, "meetings.csv")) is not None]
    return Median(statistics.median(values) if values else None, len(values))


def _outcomes(children: list[Row]) -> tuple[OutcomeTally, ...]:
    out = []
    for point in OUTCOME_POINT_CHOICES:
        recorded = [row for row in children if row["point"] == point]
        living = Counter(row["living"] for row in recorded if row["living"])
        basis = Counter(
            row["care_basis"] for row in recorded if row["living"] == "in-care" and row["care_basis"]
        )
        flags = {
            flag: (sum(row[flag] == "yes" for row in recorded), sum(row[flag] != "" for row in recorded))
            for flag in OUTCOME_FLAGS
        }
        out.append(outcome_tally(point, len(recorded), living, basis, flags))
    return tuple(out)


def _feedback(rows: list[Row]) -> tuple[FeedbackTally, ...]:
    out = []
    for respondent in FEEDBACK_RESPONDENT_CHOICES:
        items = [row for row in rows if row["respondent"] == respondent]
        given = [row for row in items if row["status"] == "given"]
        averages = []
        for statement in STATEMENT_FIELDS:
            values = [v for row in given if (v := _whole(row, statement, "feedback.csv")) is not None]
            averages.append(Average(statement, sum(values) / len(values) if values else None, len(values)))
        out.append(
            FeedbackTally(
                respondent, len(given), sum(row["status"] == "declined" for row in items), tuple(averages)
            )
        )
    return tuple(out)


def _one_row_per_child(children: list[Row]) -> list[Row]:
    """children.csv repeats a child's row at each outcome point: the first one stands for the child."""
    seen: set[str] = set()
    out = []
    for row in children:
        if row.get("child") and row["child"] not in seen:
            seen.add(row["child"])
            out.append(row)
    return out


def _legal_records(chosen: list[Row], children: list[Row]) -> LegalRecordFigures | None:
    """The law's records once per referral: a review's row repeats its referral's, and is not a referral."""
    referrals = [row for row in chosen if not row.get("reviews_meeting")]
    keys = {row["meeting"] for row in referrals}
    return legal_record_figures(referrals, _one_row_per_child([r for r in children if r["meeting"] in keys]))


def report_from_rows(
    merged: MergedRows, today: date, filters: ReportFilter | None = None, small_number_threshold: int = 5
) -> ServiceReport:
    """The service report over the merged rows, counted as ``build_report`` counts meeting records.

    The evaluation's figures are counted from the same anonymised rows the one-laptop report counts
    them from, and small numbers are shown as the manager's settings say.

    Only the kind and context filters apply: the rows hold months, not the days
    ``--since`` and ``--until`` need (those filter when each coordinator writes the files).
    """
    filters = filters or ReportFilter()
    chosen = [
        row
        for row in merged.rows["meetings.csv"]
        if (filters.kind is None or row["kind"] == filters.kind)
        and (filters.context is None or row["context"] == filters.context)
    ]
    keys = {row["meeting"] for row in chosen}
    held = [row for row in chosen if row["held"] == "yes"]
    closed = [row for row in chosen if row["closed_before_day"] == "yes"]
    kind_rows = []
    for kind in MEETING_KINDS:
        for context in CONTEXTS:
            group = [row for row in chosen if row["kind"] == kind and row["context"] == context]
            if group:
                kind_rows.append(
                    KindContextRow(
                        kind,
                        context,
                        len(group),
                        sum(row["held"] == "yes" for row in group),
                        sum(row["closed_before_day"] == "yes" for row in group),
                    )
                )
    reasons = Counter(row["closure_reason"] or "not-recorded" for row in closed)
    markers = []
    for marker_id, label, _rule in MARKER_RULES:
        counts = Counter(row[f"marker_{marker_id}"] for row in chosen)
        markers.append(
            MarkerTally(
                marker_id, label, counts[MET], counts[NOT_MET], counts[NOT_RECORDED], counts[NOT_APPLICABLE]
            )
        )
    promised = _count(chosen, "help_promised")
    help_counts = {state: _count(chosen, f"help_{state.replace('-', '_')}") for state in HELP_STATES[:-1]}
    help_counts["not-recorded"] = promised - sum(help_counts.values())
    children = [row for row in merged.rows["children.csv"] if row["meeting"] in keys]
    medians = {
        "referral_to_meeting_days": _median(chosen, "days_referral_to_meeting"),
        "family_time_minutes": _median(held, "family_time_minutes"),
        "plan_sent_days": _median(chosen, "days_to_plan_sent"),
    }
    return ServiceReport(
        filters=filters,
        today=today,
        referrals=len(chosen),
        held=len(held),
        closed_before_day=len(closed),
        open_not_held=len(chosen) - len(held) - len(closed),
        closure_reasons={r: reasons[r] for r in (*CLOSURE_REASON_CHOICES, "not-recorded") if reasons[r]},
        by_kind_context=tuple(kind_rows),
        markers=tuple(markers),
        medians=medians,
        actions_by_status={
            status: _count(chosen, f"actions_{status.replace('-', '_')}") for status in ACTION_STATUS_CHOICES
        },
        help_given={state: help_counts[state] for state in HELP_STATES},
        outcomes=_outcomes(children),
        feedback=_feedback([row for row in merged.rows["feedback.csv"] if row["meeting"] in keys]),
        coordinators=merged.coordinators,
        evaluation=build_evaluation(
            chosen, [row for row in merged.rows["followed.csv"] if row["meeting"] in keys]
        ),
        small_number_threshold=small_number_threshold,
        legal_records=_legal_records(chosen, children),
    )

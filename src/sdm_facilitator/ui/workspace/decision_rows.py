"""The parts of a conference's record as rows: what each says, what it lacks, in the conference's order.

Plain text only (no widgets), so the Decision section and its tests read the
same rows. Text people typed stays data: the section shows it literally.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.labels import (
    CHILD_VIEW_WAY_LABELS,
    CONFERENCE_STAGE_LABELS,
    DECISION_LABELS,
    DISSENT_RESOLUTION_LABELS,
    HARM_VIEW_LABELS,
    INSTEAD_LABELS,
)
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.safe_text import one_line

#: Which row each rule's check belongs beside (by the check's code).
CHECK_ROWS: dict[str, str] = {
    "agency-views-missing": "agency",
    "agency-view-incomplete": "agency",
    "child-view-missing": "child-view",
    "child-view-reason": "child-view",
    "child-view-words": "child-view",
    "decision-missing": "decision",
    "decision-stage": "decision",
    "category-missing": "decision",
    "explanation-missing": "decision",
    "instead-missing": "decision",
    "lead-missing": "lead",
    "lead-unknown": "lead",
    "core-group-missing": "core-group",
    "core-group-unknown": "core-group",
    "core-group-date-missing": "core-date",
    "core-group-early": "core-date",
    "core-group-late": "core-date",
    "review-date-missing": "review-date",
    "review-early": "review-date",
    "review-late": "review-date",
    "dissent-incomplete": "dissent",
}

#: Rows whose checks are matched by the record they are about (the others have one row each).
_MATCHED_BY_REF = frozenset({"agency", "child-view", "decision", "dissent"})


@dataclass
class RecordRow:
    """One part of the record: its row in the table and its whole text below it."""

    kind: str
    ref: str
    part: str
    recorded: str = ""
    # Shown dim when nothing is recorded: what to do.
    empty: str = "not recorded: enter to add"
    detail: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    # The setting's sentence, shown greyed while the chair's own words are empty.
    default: str = ""
    hint: str = ""

    @property
    def key(self) -> str:
        """The table's row key: a decision's row is keyed by the child (readiness points to it)."""
        if self.kind in ("decision", "agency", "dissent") and self.ref:
            return self.ref
        return f"{self.kind}:{self.ref}"


def _name(meeting: Meeting, person_id: str) -> str:
    person = meeting.person(person_id)
    return (
        one_line(person.name, 30)
        if person is not None and person.name.strip()
        else "(not in the people list)"
    )


def _child(meeting: Meeting, child_id: str, index: int) -> str:
    child = meeting.child(child_id)
    return one_line(child.name, 24) if child is not None and child.name.strip() else f"child {index}"


def parents(meeting: Meeting) -> list[tuple[str, str]]:
    """(person id, name) of every parent in the people list: each has a view of their own."""
    return [(p.id, p.name) for p in meeting.people if p.role == "parent"]


def record_rows(
    meeting: Meeting, challenge_default: str = "", law: ProfileLaw | None = None
) -> list[RecordRow]:
    """Every part of the record as a row, with the checks that belong beside it.

    ``law``: the chosen jurisdiction profile's timescales and categories (England's when not given).
    """
    law = law or ProfileLaw()
    stage = rules.conference_stage(meeting) or "initial"
    chosen = (
        "chosen by the chair"
        if meeting.conference.stage
        else "from the meeting: a review if it reviews an earlier one"
    )
    rows = [RecordRow("stage", "", "Conference", CONFERENCE_STAGE_LABELS.get(stage, stage), detail=[chosen])]
    rows += _agency_rows(meeting)
    rows += _parent_rows(meeting)
    rows += _child_view_rows(meeting)
    rows += _decision_rows(meeting, law)
    rows += _follow_up_rows(meeting, stage, law)
    rows += _dissent_rows(meeting)
    rows.append(_challenge_row(meeting, challenge_default))
    _place_checks(meeting, rows, law)
    return rows


def _agency_rows(meeting: Meeting) -> list[RecordRow]:
    rows = []
    for view in meeting.conference.agency_views:
        said = HARM_VIEW_LABELS.get(view.view or "", "view not recorded")
        words = f"{one_line(view.agency, 30) or '(agency?)'}: {said}"
        detail = [f"Agency: {view.agency}", f"Person: {view.person}" if view.person else "Person: not named"]
        detail += [f"View: {said}", f"Why: {view.reason}" if view.reason.strip() else "Why: not written"]
        hint = "Not for the family: never in the parents' letter (f changes)" if view.not_for_family else ""
        rows.append(
            RecordRow(
                "agency",
                view.id,
                "Private agency view" if view.not_for_family else "Agency's view",
                words,
                detail=detail,
                hint=hint or "f: mark as not for the family · x: remove",
            )
        )
    if not rows:
        rows.append(RecordRow("agency", "", "Agencies' views", empty="none yet: a adds one"))
    return rows


def _parent_rows(meeting: Meeting) -> list[RecordRow]:
    rows = []
    parent_words = {v.person_id: v.words for v in meeting.conference.parent_views}
    for person_id, name in parents(meeting):
        words = parent_words.get(person_id, "")
        rows.append(
            RecordRow(
                "parent",
                person_id,
                f"View: {one_line(name, 24) or 'a parent'}",
                words,
                detail=[f"In their own words: {words}" if words.strip() else "Not recorded yet."],
            )
        )
    return rows


def _child_view_rows(meeting: Meeting) -> list[RecordRow]:
    rows = []
    views = {v.child_id: v for v in meeting.conference.child_views}
    for index, child in enumerate(meeting.children, 1):
        view = views.get(child.id)
        recorded = ""
        detail: list[str] = []
        if view is not None and view.way:
            way = CHILD_VIEW_WAY_LABELS.get(view.way, view.way)
            said = view.not_sought_reason if view.way == "not-sought" else view.words
            recorded = f"{way}: {said}" if said.strip() else way
            detail = [way, said]
        name = _child(meeting, child.id, index)
        rows.append(RecordRow("child-view", child.id, f"View: {name}", recorded, detail=detail))
    return rows


def _decision_rows(meeting: Meeting, law: ProfileLaw) -> list[RecordRow]:
    rows = []
    decisions = {d.child_id: d for d in meeting.conference.decisions}
    for index, child in enumerate(meeting.children, 1):
        decision = decisions.get(child.id)
        recorded = ""
        detail: list[str] = []
        hint = ""
        if decision is not None and decision.decision:
            recorded = DECISION_LABELS.get(decision.decision, decision.decision)
            if decision.categories:
                recorded += f": {rules.categories_words(decision.categories, law.categories)}"
            elif decision.instead:
                recorded += f": {INSTEAD_LABELS.get(decision.instead, decision.instead)}"
            detail = [recorded]
            if decision.explanation.strip():
                detail.append(f"In plain words: {decision.explanation}")
            if decision.reason.strip():
                detail.append(f"Why: {decision.reason}")
            outside = rules.outside_note(decision.categories, law.categories, law.title)
            if outside:
                detail.append(outside)
            if len(decision.categories) > 1:
                hint = (
                    f"More than one category: England's statistics count this as “{rules.MULTIPLE_CATEGORY}”."
                )
        name = _child(meeting, child.id, index)
        rows.append(RecordRow("decision", child.id, f"Decision: {name}", recorded, detail=detail, hint=hint))
    return rows


def _follow_up_rows(meeting: Meeting, stage: str, law: ProfileLaw) -> list[RecordRow]:
    conference = meeting.conference
    lead = conference.lead_practitioner
    members = ", ".join(_name(meeting, m) for m in conference.core_group)
    rows = [
        RecordRow("lead", "", "Lead practitioner", _name(meeting, lead) if lead else ""),
        RecordRow("core-group", "", "Core group", members, detail=[members] if members else []),
    ]
    held = meeting.held_on
    first = conference.core_group_first
    core_hint = ""
    if held is not None or law.timescales is None:
        core_hint = rules.core_group_due_words(held, law.timescales)
    if first is not None:
        core_hint += " · met" if conference.core_group_met else " · m: mark it met"
    met = " (met)" if conference.core_group_met else ""
    rows.append(
        RecordRow(
            "core-date", "", "First core group", rules.day_words(first) + met if first else "", hint=core_hint
        )
    )
    review = conference.review_date
    review_hint = ""
    if held is not None or law.timescales is None:
        review_hint = rules.review_due_words(held, stage, law.timescales)
    rows.append(
        RecordRow(
            "review-date",
            "",
            "Review conference",
            rules.day_words(review) if review else "",
            hint=review_hint,
        )
    )
    return rows


def _dissent_rows(meeting: Meeting) -> list[RecordRow]:
    rows = []
    for entry in meeting.conference.dissent:
        resolution = DISSENT_RESOLUTION_LABELS.get(entry.resolution or "", "How it ended: not recorded")
        rows.append(
            RecordRow(
                "dissent",
                entry.id,
                "Dissent",
                f"{one_line(entry.who, 24) or '(who?)'}: {entry.about}",
                detail=[f"Who: {entry.who}", f"About: {entry.about}", resolution, entry.how],
                hint="x: remove",
            )
        )
    if not rows:
        rows.append(RecordRow("dissent", "", "Dissent", empty="none recorded: n adds one"))
    return rows


def _challenge_row(meeting: Meeting, challenge_default: str) -> RecordRow:
    words = meeting.conference.challenge_words
    return RecordRow(
        "challenge",
        "",
        "How to challenge",
        words,
        empty=one_line(challenge_default) if challenge_default else "the area's sentence (a setting)",
        detail=[words] if words.strip() else [],
        default="" if words.strip() else (challenge_default or "Empty: the letter uses the area's sentence."),
    )


def _place_checks(meeting: Meeting, rows: list[RecordRow], law: ProfileLaw) -> None:
    """Put each missing part beside the row it is about."""
    for check in rules.missing_parts(meeting, law.timescales, categories_named=bool(law.categories)):
        kind = CHECK_ROWS.get(check.code)
        if kind is None:
            continue
        for row in rows:
            if row.kind != kind:
                continue
            if kind in _MATCHED_BY_REF and check.ref and row.ref != check.ref:
                continue
            row.checks.append(check.text)
            break

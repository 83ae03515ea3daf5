"""Short dialogs for what happened after a meeting: an outcome point, feedback, the facts markers need, closing.

Each is the shared :class:`FormDialog` with fields built from the model's
fixed choices, so they all work the same way (tab between fields, ctrl+s
saves, Escape asks before throwing typed text away). Answers nobody gave
stay "not recorded": every choice starts there unless the record already
holds an answer, because a fidelity marker must never be a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import App

from sdm_facilitator.domain.care import LOOKED_AFTER_LIVING
from sdm_facilitator.domain.closure import close_meeting, closing_reasons, closure_words, reopen_meeting
from sdm_facilitator.domain.feedback import FACES, SCALE_WORDS, STATEMENTS
from sdm_facilitator.domain.meeting import (
    CARE_BASIS_LABELS,
    CHOSEN_BY_LABELS,
    CLOSURE_REASON_LABELS,
    LEGAL_STAGE_CHOICES,
    LEGAL_STAGE_LABELS,
    LIVING_LABELS,
    OUTCOME_POINT_LABELS,
    Child,
    Feedback,
    Meeting,
    OutcomePoint,
)
from sdm_facilitator.domain.outcomes import recorded_point
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField

#: The value a choice holds while nothing is recorded.
UNSET = "unset"
UNSET_OPTION = ("Not recorded", UNSET)
YES_NO: list[tuple[str, str]] = [UNSET_OPTION, ("Yes", "yes"), ("No", "no")]


def _choice(value: str | None) -> str:
    return value if value else UNSET


def _from_choice(value: str) -> str | None:
    return None if value == UNSET else value


def _yes_no(value: bool | None) -> str:
    return UNSET if value is None else ("yes" if value else "no")


def _bool(value: str) -> bool | None:
    return None if value == UNSET else value == "yes"


def _options(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [UNSET_OPTION, *((label, key) for key, label in labels.items())]


# ------------------------------------------------------------------ outcome points

OUTCOME_QUESTIONS = (
    ("proceedings_issued", "Proceedings"),
    ("new_referral", "New referral"),
    ("section_47", "Section 47"),
    ("cp_plan", "CP plan"),
)


def outcome_fields(
    point: OutcomePoint, today: date, stage_names: dict[str, str] = LEGAL_STAGE_LABELS
) -> list[FormField]:
    """The outcome form's fields; ``stage_names``: the chosen profile's names for the legal stages."""
    stage = FormField(
        "legal_stage", "Legal stage", "choice", _choice(point.legal_stage), _options(stage_names)
    )
    return [
        FormField("living", "Lives", "choice", _choice(point.living), _options(LIVING_LABELS)),
        FormField(
            "care_basis", "In care, basis", "choice", _choice(point.care_basis), _options(CARE_BASIS_LABELS)
        ),
        FormField(
            "returned_home_on",
            "Home again on",
            "date",
            point.returned_home_on,
            placeholder="YYYY-MM-DD, or empty",
        ),
        *(
            FormField(name, label, "choice", _yes_no(getattr(point, name)), YES_NO)
            for name, label in OUTCOME_QUESTIONS
        ),
        stage,
        FormField(
            "recorded_on", "Recorded on", "date", point.recorded_on or today, required=True, happened=True
        ),
    ]


def check_outcome(values: dict[str, Any]) -> str | None:
    """The one rule worth stopping for: a legal basis only means something for a child in care."""
    if values["care_basis"] != UNSET and values["living"] not in LOOKED_AFTER_LIVING:
        return "A legal basis is only recorded for a child in care: choose In care, or Not recorded."
    if values["returned_home_on"] is not None and values["living"] != "returned-home":
        return "A return date is only recorded for a child who returned home."
    return None


def apply_outcome(point: OutcomePoint, values: dict[str, Any]) -> None:
    point.living = _from_choice(values["living"])
    point.care_basis = _from_choice(values["care_basis"])
    point.returned_home_on = values["returned_home_on"]
    for name, _label in OUTCOME_QUESTIONS:
        setattr(point, name, _bool(values[name]))
    point.legal_stage = _from_choice(values["legal_stage"])
    point.recorded_on = values["recorded_on"]


def ask_outcome(
    app: App[Any], child: Child, child_label: str, point_name: str, review_id: str, done: Callable[[], None]
) -> None:
    """Open the outcome dialog for one child at one point; ``done`` runs after a save."""
    existing = recorded_point(child, point_name, review_id)
    point = existing or OutcomePoint(point=point_name, review_id=review_id)

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        apply_outcome(point, values)
        if existing is None:
            child.outcomes.append(point)
        done()

    title = f"Outcome for {child_label}: {OUTCOME_POINT_LABELS[point_name].lower()}"
    today = sdm_app(app).today()
    # The legal stages as the chosen jurisdiction profile names them (codes are the model's one list).
    stage_names = sdm_app(app).library.profile_law().stage_names(LEGAL_STAGE_CHOICES)
    intro = (
        "Where the child lives now, and whether each of these has happened since the meeting. "
        "Leave anything you do not know as Not recorded."
    )
    app.push_screen(
        FormDialog(title, outcome_fields(point, today, stage_names), intro=intro, validate=check_outcome),
        saved,
    )


# ------------------------------------------------------------------ feedback

FAMILY_SCALE: list[tuple[str, str]] = [
    ("Not answered", UNSET),
    *((f"{n} {w}", str(n)) for n, w in SCALE_WORDS.items()),
]
CHILD_FACES: list[tuple[str, str]] = [("Not answered", UNSET), *((face, str(n)) for n, face in FACES.items())]


def feedback_fields(respondent: str, today: date, after_options: list[tuple[str, str]]) -> list[FormField]:
    child = respondent == "child"
    scale = CHILD_FACES if child else FAMILY_SCALE
    fields = [FormField("after", "After", "choice", after_options[0][1], after_options)]
    for statement in STATEMENTS:
        label = statement.child_text if child else statement.family_text
        fields.append(FormField(statement.field, label, "choice", UNSET, scale))
    fields += [
        FormField("comment", "In their words", "long", "", placeholder="optional"),
        FormField("given_on", "Given on", "date", today, required=True, happened=True),
    ]
    return fields


def after_options(meeting: Meeting) -> list[tuple[str, str]]:
    """ "After the meeting", then each review that was held, newest first."""
    options = [("The meeting", "meeting")]
    held = [r for r in meeting.follow_up.reviews if r.held is not None]
    for review in sorted(held, key=lambda r: r.held or date.min, reverse=True):
        assert review.held is not None
        options.insert(0, (f"The review on {review.held.isoformat()}", f"review:{review.id}"))
    return options


def _after(value: str) -> tuple[str, str]:
    return ("review", value.split(":", 1)[1]) if value.startswith("review:") else ("meeting", "")


def ask_feedback(app: App[Any], meeting: Meeting, respondent: str, done: Callable[[], None]) -> None:
    """Record one person's feedback (a child answers with faces)."""
    options = after_options(meeting)
    today = sdm_app(app).today()

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        after, review_id = _after(values["after"])
        item = Feedback(
            after=after,
            review_id=review_id,
            respondent=respondent,
            given_on=values["given_on"],
            comment=values["comment"],
        )
        for statement in STATEMENTS:
            raw = values[statement.field]
            setattr(item, statement.field, None if raw == UNSET else int(raw))
        meeting.feedback.append(item)
        done()

    who = "a child or young person" if respondent == "child" else "a family member"
    intro = (
        "Three faces: no, a bit, yes. Read each one out in the child's own way."
        if respondent == "child"
        else "1 is not at all, 5 is completely. Every answer is optional."
    )
    app.push_screen(
        FormDialog(f"Feedback from {who}", feedback_fields(respondent, today, options), intro=intro), saved
    )


def ask_declined(app: App[Any], meeting: Meeting, done: Callable[[], None]) -> None:
    """Record that feedback was offered and declined, so it can be counted."""
    today = sdm_app(app).today()
    fields = [
        FormField(
            "respondent",
            "Who",
            "choice",
            "family",
            [("A family member", "family"), ("A child or young person", "child")],
        ),
        FormField("after", "After", "choice", after_options(meeting)[0][1], after_options(meeting)),
        FormField("given_on", "Offered on", "date", today, required=True, happened=True),
    ]

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        after, review_id = _after(values["after"])
        meeting.feedback.append(
            Feedback(
                after=after,
                review_id=review_id,
                respondent=values["respondent"],
                status="declined",
                given_on=values["given_on"],
            )
        )
        done()

    app.push_screen(FormDialog("Feedback offered, declined", fields), saved)


# ------------------------------------------------------------------ facts for the markers

DAY_QUESTIONS = (
    ("new_information_on_day", "Was anything new raised on the day?"),
    ("non_family_in_family_time", "Did anyone who is not family stay in private family time?"),
    ("authority_present", "Was someone there who could agree the plan and its resources?"),
)


def ask_facts(app: App[Any], meeting: Meeting, done: Callable[[], None]) -> None:
    """Who chose the date, venue and food, the venue, and the answers about the day."""
    c, rec = meeting.choices, meeting.record
    chosen = _options(CHOSEN_BY_LABELS)
    fields = [
        FormField("date_chosen_by", "Who chose the date", "choice", _choice(c.date_chosen_by), chosen),
        FormField("venue_chosen_by", "Who chose the venue", "choice", _choice(c.venue_chosen_by), chosen),
        FormField("food_chosen_by", "Who chose the food", "choice", _choice(c.food_chosen_by), chosen),
        FormField(
            "venue_council_building",
            "Is the venue a council building?",
            "choice",
            _yes_no(c.venue_council_building),
            YES_NO,
        ),
        *(
            FormField(name, label, "choice", _yes_no(getattr(rec, name)), YES_NO)
            for name, label in DAY_QUESTIONS
        ),
    ]

    def saved(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        for name in ("date_chosen_by", "venue_chosen_by", "food_chosen_by"):
            setattr(c, name, _from_choice(values[name]))
        c.venue_council_building = _bool(values["venue_council_building"])
        for name, _label in DAY_QUESTIONS:
            setattr(rec, name, _bool(values[name]))
        done()

    app.push_screen(
        FormDialog(
            "Facts the fidelity markers need",
            fields,
            intro="Anything not known stays Not recorded: it is never counted as not met.",
        ),
        saved,
    )


# ------------------------------------------------------------------ closing and reopening


def ask_close_or_reopen(
    app: App[Any], meeting: Meeting, apply: Callable[[Callable[[Meeting], None]], None]
) -> None:
    """Close ``meeting`` with a reason (asking first), or reopen it when it is closed.

    ``apply`` receives the change to make, so the caller can make it on the
    record it holds: the open session, or a freshly locked copy from the home screen.
    """
    if meeting.closure.is_closed:

        def reopen(yes: bool | None) -> None:
            if yes:
                apply(reopen_meeting)

        app.push_screen(
            Confirm(
                "Reopen this meeting?",
                closure_words(meeting) + ". Its reason and note are kept.",
                yes="Reopen",
                default_yes=True,
            ),
            reopen,
        )
        return
    before = meeting.record.started is None
    reasons = [(CLOSURE_REASON_LABELS[r], r) for r in closing_reasons(meeting)]
    today = sdm_app(app).today()
    fields = [
        FormField("reason", "Why", "choice", reasons[0][1], reasons),
        FormField("note", "Note", placeholder="optional"),
        FormField("on", "Closed on", "date", today, required=True, happened=True),
    ]

    def form_saved(values: dict[str, Any] | None) -> None:
        if values is not None:
            apply(lambda m: close_meeting(m, values["reason"], values["on"], values["note"]))

    def asked(yes: bool | None) -> None:
        if yes:
            title = "Close the referral before the day" if before else "Close the work on this meeting"
            app.push_screen(FormDialog(title, fields), form_saved)

    question = "Close this referral before the day?" if before else "Close the work on this meeting?"
    app.push_screen(
        Confirm(question, "Nothing is deleted, and it can be reopened at any time.", yes="Close"), asked
    )

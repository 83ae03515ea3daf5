"""The forms that record each part of a conference's decision, shared by the workspace and the room.

Every form is the shared ``FormDialog`` (tab between fields, ctrl+s saves,
Escape asks before throwing typed text away, a draft survives the app being
stopped). ``DecisionForms.edit(kind, ref)`` opens the form for one part of the
record; the result is written to ``Meeting.conference`` and ``on_change`` is
called, so the Decision section and the room record into the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from textual.app import App
from textual.dom import DOMNode

from sdm_facilitator.domain import conference_rules as rules
from sdm_facilitator.domain.conference import (
    CHILD_VIEW_WAY_CHOICES,
    CONFERENCE_STAGE_CHOICES,
    DECISION_CHOICES,
    DISSENT_RESOLUTION_CHOICES,
    HARM_VIEW_CHOICES,
    INSTEAD_CHOICES,
    AgencyView,
    ChildDecision,
    ChildView,
    Dissent,
    ParentView,
)
from sdm_facilitator.domain.labels import (
    CHILD_VIEW_WAY_LABELS,
    CONFERENCE_STAGE_LABELS,
    DECISION_LABELS,
    DISSENT_RESOLUTION_LABELS,
    HARM_VIEW_LABELS,
    INSTEAD_LABELS,
)
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw, no_categories_words
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.settings import load_settings
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.workspace.decision_rows import RecordRow, parents, record_rows

__all__ = ["DecisionForms", "RecordRow", "challenge_default", "chosen_law", "record_rows"]

#: The value of "nothing chosen yet" in a choice field (the model stores None).
NONE = ""


def challenge_default(node: DOMNode) -> str:
    """The area's sentence on challenging the decision, shown greyed while the chair has written none.

    Read from the settings by name, so the sentence shows as soon as the
    settings hold one, and nothing when they do not.
    """
    settings = asdict(load_settings(sdm_app(node).data_dir)[0])
    words = settings.get("challenge_words")
    return words if isinstance(words, str) else ""


def chosen_law(node: DOMNode) -> ProfileLaw:
    """The conference law (timescales, categories of harm) of the jurisdiction profile the settings chose."""
    return sdm_app(node).library.profile_law()


def _options(choices: tuple[str, ...], labels: dict[str, str], blank: str) -> list[tuple[str, str]]:
    return [(blank, NONE), *((labels.get(c, c), c) for c in choices)]


def _or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@dataclass
class DecisionForms:
    """Opens the form for one part of the record and writes what was saved."""

    meeting: Meeting
    app: App[Any]
    on_change: Callable[[], None]
    today: Callable[[], date]

    def edit(self, kind: str, ref: str, challenge_default: str = "") -> None:
        """The form for the part ``kind`` (``ref``: the view, child or entry; "" adds a new one)."""
        openers: dict[str, Callable[[str], None]] = {
            "stage": self._stage,
            "agency": self._agency,
            "parent": self._parent,
            "child-view": self._child_view,
            "decision": self._decision,
            "lead": self._lead,
            "core-group": self._core_group,
            "core-date": self._core_date,
            "review-date": self._review_date,
            "dissent": self._dissent,
        }
        if kind == "challenge":
            self._challenge(challenge_default)
        elif kind in openers:
            openers[kind](ref)

    def _open(
        self, title: str, fields: list[FormField], done: Callable[[dict[str, Any]], None], intro: str = ""
    ) -> None:
        def saved(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            done(values)
            self.on_change()

        self.app.push_screen(FormDialog(title, fields, intro=intro), saved)

    def _people_options(self) -> list[tuple[str, str]]:
        return [(one_line(p.name, 40) or "(no name)", p.id) for p in self.meeting.people]

    def _child_name(self, child_id: str) -> str:
        child = self.meeting.child(child_id)
        return one_line(child.name, 30) if child is not None and child.name.strip() else "the child"

    # ------------------------------------------------------------ the parts

    def _stage(self, _ref: str) -> None:
        stage = rules.conference_stage(self.meeting) or "initial"
        options = [(CONFERENCE_STAGE_LABELS[c], c) for c in CONFERENCE_STAGE_CHOICES]

        def done(values: dict[str, Any]) -> None:
            self.meeting.conference.stage = values["stage"]

        self._open(
            "Initial or review conference", [FormField("stage", "Conference", "choice", stage, options)], done
        )

    def _agency(self, ref: str) -> None:
        conference = self.meeting.conference
        view = next((v for v in conference.agency_views if v.id == ref), None) if ref else None
        current = view or AgencyView()
        fields = [
            FormField(
                "agency", "Agency", value=current.agency, required=True, placeholder="e.g. school, health"
            ),
            FormField("person", "Who spoke", value=current.person, placeholder="optional"),
            FormField(
                "view",
                "Significant harm",
                "choice",
                current.view or NONE,
                _options(HARM_VIEW_CHOICES, HARM_VIEW_LABELS, "Not said yet"),
            ),
            FormField("reason", "Why", "long", current.reason),
            FormField(
                "private",
                "For the family",
                "choice",
                "no" if current.not_for_family else "yes",
                [("Yes: it may reach the parents' letter", "yes"), ("No: not for the family", "no")],
            ),
        ]

        def done(values: dict[str, Any]) -> None:
            target = view or AgencyView()
            target.agency, target.person, target.reason = values["agency"], values["person"], values["reason"]
            target.view = _or_none(values["view"])
            target.not_for_family = values["private"] == "no"
            if view is None:
                conference.agency_views.append(target)

        title = (
            "An agency's view on significant harm"
            if view is None
            else f"View: {one_line(current.agency, 30)}"
        )
        self._open(title, fields, done, intro="Is the child likely to suffer significant harm, and why?")

    def _parent(self, person_id: str) -> None:
        conference = self.meeting.conference
        names = dict(parents(self.meeting))
        if person_id not in names:
            return
        view = next((v for v in conference.parent_views if v.person_id == person_id), None)

        def done(values: dict[str, Any]) -> None:
            if view is None:
                conference.parent_views.append(ParentView(person_id=person_id, words=values["words"]))
            else:
                view.words = values["words"]

        name = one_line(names[person_id], 30) or "a parent"
        self._open(
            f"{name}'s view, in their own words",
            [FormField("words", "Their words", "long", view.words if view else "")],
            done,
            intro="Write what they said as they said it.",
        )

    def _child_view(self, child_id: str) -> None:
        conference = self.meeting.conference
        if self.meeting.child(child_id) is None:
            return
        view = next((v for v in conference.child_views if v.child_id == child_id), None)
        current = view or ChildView(child_id=child_id)
        fields = [
            FormField(
                "way",
                "How it came",
                "choice",
                current.way or NONE,
                _options(CHILD_VIEW_WAY_CHOICES, CHILD_VIEW_WAY_LABELS, "Not recorded yet"),
            ),
            FormField("words", "Their words", "long", current.words),
            FormField("reason", "If not sought, why", value=current.not_sought_reason),
        ]

        def done(values: dict[str, Any]) -> None:
            target = view or ChildView(child_id=child_id)
            target.way = _or_none(values["way"])
            target.words, target.not_sought_reason = values["words"], values["reason"]
            if view is None:
                conference.child_views.append(target)

        self._open(f"{self._child_name(child_id)}'s view", fields, done)

    def _decision(self, child_id: str) -> None:
        conference = self.meeting.conference
        if self.meeting.child(child_id) is None:
            return
        stage = rules.conference_stage(self.meeting) or "initial"
        decision = next((d for d in conference.decisions if d.child_id == child_id), None)
        current = decision or ChildDecision(child_id=child_id)
        fitting = rules.STAGE_DECISIONS.get(stage, DECISION_CHOICES)
        if current.decision and current.decision not in fitting:
            fitting = (*fitting, current.decision)
        law = chosen_law(self.app)
        # The profile's categories, then any recorded that it does not name: kept, never dropped on save.
        categories = [(words, code) for code, words in law.categories.items()]
        categories += [
            (f"{rules.category_name(code, law.categories)} (not in this profile)", code)
            for code in rules.categories_outside(current.categories, law.categories)
        ]
        fields = [
            FormField(
                "decision",
                "Decision",
                "choice",
                current.decision or NONE,
                _options(fitting, DECISION_LABELS, "Not decided yet"),
            ),
            *(
                [FormField("categories", "Category", "many", list(current.categories), categories)]
                if categories
                else []
            ),
            FormField("explanation", "In plain words", "long", current.explanation),
            FormField(
                "instead",
                "If no plan",
                "choice",
                current.instead or NONE,
                _options(INSTEAD_CHOICES, INSTEAD_LABELS, "Not needed: a plan"),
            ),
            FormField("reason", "Why", "long", current.reason),
        ]

        def done(values: dict[str, Any]) -> None:
            target = decision or ChildDecision(child_id=child_id)
            target.decision = _or_none(values["decision"])
            target.categories = list(values.get("categories", current.categories))
            target.explanation, target.reason = values["explanation"], values["reason"]
            target.instead = _or_none(values["instead"])
            if decision is None:
                conference.decisions.append(target)

        self._open(
            f"The decision for {self._child_name(child_id)}",
            fields,
            done,
            intro="Space ticks each category; more than one is counted as “Multiple”."
            if categories
            else no_categories_words(law),
        )

    def _lead(self, _ref: str) -> None:
        conference = self.meeting.conference
        known = {p.id for p in self.meeting.people}
        value = conference.lead_practitioner if conference.lead_practitioner in known else NONE
        options = [("Nobody yet", NONE), *self._people_options()]

        def done(values: dict[str, Any]) -> None:
            conference.lead_practitioner = values["lead"]

        self._open(
            "The lead practitioner",
            [FormField("lead", "Lead practitioner", "choice", value, options)],
            done,
            intro="A social worker for a child protection plan. People come from the people list.",
        )

    def _core_group(self, _ref: str) -> None:
        conference = self.meeting.conference

        def done(values: dict[str, Any]) -> None:
            # Members no longer in the people list stay until the chair takes them out here.
            known = {p.id for p in self.meeting.people}
            gone = [m for m in conference.core_group if m not in known]
            conference.core_group = [*values["members"], *gone]

        self._open(
            "The core group",
            [FormField("members", "Members", "many", list(conference.core_group), self._people_options())],
            done,
            intro="Space ticks each member: family members as well as professionals.",
        )

    def _deadline_words(self, what: str) -> str:
        """The timescale for the date being set, the chosen profile's (or that it gives none)."""
        timescales = chosen_law(self.app).timescales
        held = self.meeting.held_on
        if what == "core":
            return rules.core_group_due_words(held, timescales)
        return rules.review_due_words(held, rules.conference_stage(self.meeting) or "initial", timescales)

    def _core_date(self, _ref: str) -> None:
        conference = self.meeting.conference
        fields = [
            FormField("on", "First core group", "date", conference.core_group_first),
            FormField(
                "met",
                "Has it met?",
                "choice",
                "yes" if conference.core_group_met else "no",
                [("Not yet", "no"), ("Yes", "yes")],
            ),
        ]

        def done(values: dict[str, Any]) -> None:
            conference.core_group_first = values["on"]
            conference.core_group_met = values["met"] == "yes" and values["on"] is not None

        self._open("The first core group", fields, done, intro=self._deadline_words("core"))

    def _review_date(self, _ref: str) -> None:
        conference = self.meeting.conference

        def done(values: dict[str, Any]) -> None:
            conference.review_date = values["on"]

        self._open(
            "The review conference",
            [FormField("on", "Review conference", "date", conference.review_date)],
            done,
            intro=self._deadline_words("review"),
        )

    def _dissent(self, ref: str) -> None:
        conference = self.meeting.conference
        entry = next((d for d in conference.dissent if d.id == ref), None) if ref else None
        current = entry or Dissent()
        fields = [
            FormField("who", "Who disagreed", value=current.who, required=True),
            FormField("about", "With what", "long", current.about, required=True),
            FormField(
                "resolution",
                "How it ended",
                "choice",
                current.resolution or NONE,
                _options(DISSENT_RESOLUTION_CHOICES, DISSENT_RESOLUTION_LABELS, "Not recorded yet"),
            ),
            FormField("how", "How", "long", current.how),
        ]

        def done(values: dict[str, Any]) -> None:
            target = entry or Dissent()
            target.who, target.about, target.how = values["who"], values["about"], values["how"]
            target.resolution = _or_none(values["resolution"])
            if entry is None:
                conference.dissent.append(target)

        self._open("Dissent" if entry is None else f"Dissent: {one_line(current.who, 30)}", fields, done)

    def _challenge(self, default: str) -> None:
        conference = self.meeting.conference

        def done(values: dict[str, Any]) -> None:
            conference.challenge_words = values["words"]

        self._open(
            "How the parents can challenge the decision",
            [
                FormField(
                    "words", "Words", "long", conference.challenge_words, placeholder=one_line(default, 200)
                )
            ],
            done,
            intro="Leave it empty to use the area's sentence (shown greyed).",
        )

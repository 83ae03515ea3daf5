"""The plan section: the family's plan in their own words, and what surrounds it.

The family's words, their actions, the contingency and who keeps an eye on it
are theirs; the bottom-line checks and the professional response are the
professionals' and are kept apart so checking never changes the family's text.
Every change posts ``MeetingEdited`` and the workspace saves it. Drawing never
changes the record: a bottom line's check is created only when someone
actually checks it or writes a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static, TextArea

from sdm_facilitator.domain import plan_rules as rules
from sdm_facilitator.domain.distribution import plan_sent_on
from sdm_facilitator.domain.meeting import (
    NO_CHILD_PLAN,
    RESPONSE_CHOICES,
    RESPONSE_LABELS,
    Action,
    BottomLineCheck,
    Child,
)
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.room.family_time import start_family_time_flow
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.plan_safety_notes import PlanSafetyNotes
from sdm_facilitator.ui.workspace.section_base import WorkspaceSection

ADDRESSED_OPTIONS: list[tuple[str, str]] = [("Addressed", "yes"), ("Not addressed yet", "no")]
RESPONSE_OPTIONS: list[tuple[str, str]] = [(RESPONSE_LABELS[c], c) for c in RESPONSE_CHOICES]


def action_fields(
    action: Action | None, people: list[str], children: Sequence[Child] = ()
) -> list[FormField]:
    """The fields of the add/edit action dialog; with children, which children's own plans show it."""
    a = action or Action()
    who_hint = ", ".join(people[:3])
    fields = [
        FormField("what", "What", value=a.what, required=True, placeholder="what will happen"),
        FormField("who", "Who", value=a.who, placeholder=who_hint or "who will do it"),
        FormField("by_when", "By when", "date", a.by_when),
        FormField("support_needed", "Help needed", value=a.support_needed, placeholder="what help"),
        FormField("support_from", "Help from", value=a.support_from, placeholder="which service or person"),
    ]
    if children:
        # None ticked: decided by its words (an action naming one child is in that child's plan only).
        options = [(f"{one_line(c.name, 30) or 'A child'}'s plan", c.id) for c in children]
        options.append(("No child's plan (grown-ups only)", NO_CHILD_PLAN))
        fields.append(FormField("for_children", "In children's plans", "many", list(a.for_children), options))
    return fields


class PlanActionsTable(FittedTable):
    """The plan's actions; keys add, edit and remove the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the footer as the section's ctrl+n; "a" is the quick key here.
        Binding("a", "add", "Add action", show=False),
        Binding("enter,e", "edit", "Edit"),
        Binding("d,delete", "remove", "Remove"),
    ]

    def __init__(self, section: PlanSection, **kwargs: Any) -> None:
        super().__init__(
            [
                FitColumn("What", "what", flex=True, min_width=16),
                FitColumn("Who", "who", max_width=12),
                FitColumn("By when", "by"),
            ],
            detail=RowDetail(section.action_words, id="plan-action-detail"),
            **kwargs,
        )
        self.section = section

    def action_add(self) -> None:
        self.section.add_action()

    def action_edit(self) -> None:
        self.section.edit_action()

    def action_remove(self) -> None:
        self.section.remove_action()


class ReviewDateInput(Input):
    """The review date; enter on an empty field takes the suggested date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Suggested"),
    ]


class PlanSection(WorkspaceSection):
    """The family's plan, the bottom-line check and the professional response."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_action", "Add action"),
        Binding("ctrl+b", "family_time", "Back to family time", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session, classes="after-section")
        self._bl_lines: list[tuple[str, bool]] = []

    # ------------------------------------------------------------ helpers

    def edited(self) -> None:
        """Tell the workspace to save; the summary line and the safety check above the plan follow at once."""
        super().edited()
        self._show_summary()
        self._show_safety()

    def _people_names(self) -> list[str]:
        return [p.name for p in self.meeting.people if p.name.strip()]

    def _suggested_review(self) -> date:
        return rules.suggested_review_date(self.meeting, self.session.guide, self.today())

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        plan = self.meeting.plan
        ro = self.session.read_only
        names = self._people_names()
        suggester = SuggestFromList(names, case_sensitive=False) if names else None
        yield Static("The family's plan", classes="section-title")
        yield Static(id="plan-summary", classes="muted", markup=False)
        yield PlanSafetyNotes(id="plan-safety")
        yield Label("In the family's own words")
        yield TextArea(
            plan.family_words,
            id="plan-words",
            soft_wrap=True,
            read_only=ro,
            tab_behavior="focus",
            placeholder="Write the plan as the family says it",
        )
        yield Label("Actions: what, who, by when, help", classes="plan-label")
        yield Static(
            "No actions yet: press ctrl+n to add one.", id="plan-actions-empty", classes="muted", markup=False
        )
        yield from PlanActionsTable(self, id="plan-actions").with_detail()
        yield Label("If the plan does not work (contingency)", classes="plan-label")
        yield TextArea(
            plan.contingency,
            id="plan-contingency",
            soft_wrap=True,
            read_only=ro,
            tab_behavior="focus",
            classes="short-text",
        )
        if self.meeting.children:
            yield Label("The contingency as the children's own plans say it", classes="plan-label")
            yield TextArea(
                plan.child_contingency,
                id="plan-child-contingency",
                soft_wrap=True,
                read_only=ro,
                tab_behavior="focus",
                classes="short-text",
                placeholder="Gently, e.g. If things get hard at home, Gran will come",
            )
        with Horizontal(classes="plan-row"):
            yield Label("Keeps an eye on it", classes="plan-row-label")
            yield Input(
                plan.family_keeper,
                id="plan-keeper",
                compact=True,
                disabled=ro,
                suggester=suggester,
                placeholder="a family member",
            )
        with Horizontal(classes="plan-row"):
            yield Label("Follows it up", classes="plan-row-label")
            yield Input(
                plan.professional_lead,
                id="plan-lead",
                compact=True,
                disabled=ro,
                suggester=suggester,
                placeholder="a professional",
            )
        with Horizontal(classes="plan-row"):
            yield Label("Review date", classes="plan-row-label")
            yield ReviewDateInput(
                plan.review_date.isoformat() if plan.review_date else "",
                id="plan-review",
                compact=True,
                disabled=ro,
                placeholder=f"{self._suggested_review().isoformat()} (suggested)",
            )
        yield Static(id="plan-review-hint", classes="muted", markup=False)
        yield Static("Bottom lines: does the plan address them?", classes="section-title")
        yield Static(
            "The professionals' check. The family's words above are not changed.",
            classes="muted",
            markup=False,
        )
        yield Vertical(id="plan-bottom-lines")
        yield Static("Professionals' response", classes="section-title")
        yield Select(
            RESPONSE_OPTIONS,
            id="plan-response",
            prompt="Not decided yet",
            compact=True,
            value=plan.response.decision if plan.response.decision else Select.NULL,
            disabled=ro,
        )
        with Vertical(id="plan-changes-box", classes="response-box"):
            yield Label("Changes agreed with the family")
            yield TextArea(
                plan.response.changes,
                id="plan-changes",
                soft_wrap=True,
                read_only=ro,
                tab_behavior="focus",
                classes="short-text",
            )
        with Vertical(id="plan-not-agreed-box", classes="response-box"):
            yield Label("Why it is not agreed yet")
            yield TextArea(
                plan.response.reasons,
                id="plan-reasons",
                soft_wrap=True,
                read_only=ro,
                tab_behavior="focus",
                classes="short-text",
            )
            yield Label("What would make it acceptable")
            yield TextArea(
                plan.response.would_make_acceptable,
                id="plan-acceptable",
                soft_wrap=True,
                read_only=ro,
                tab_behavior="focus",
                classes="short-text",
            )
            yield Static(
                "The family can have more time to change the plan: ctrl+b goes back to private family time.",
                id="plan-more-time",
                markup=False,
            )

    def on_mount(self) -> None:
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """The referral or actions may have changed in another section."""
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        """Show what the record holds now (the text fields keep what is typed)."""
        self._refresh_actions()
        self._refresh_bottom_lines()
        self._show_review_hint()
        self._show_response_boxes()
        self._show_summary()
        self._show_safety()

    def _show_safety(self) -> None:
        self.query_one("#plan-safety", PlanSafetyNotes).show_for(
            self.meeting, sdm_app(self).library.plan_check_words
        )

    def _show_summary(self) -> None:
        m = self.meeting
        count = len(m.plan.actions)
        lines = rules.bottom_line_summary(m.plan, m.referral.bottom_lines)
        parts = [
            f"{count} action{'' if count == 1 else 's'}",
            f"bottom lines: {lines.addressed} of {lines.total} addressed"
            if lines.total
            else "no bottom lines",
            RESPONSE_LABELS.get(m.plan.response.decision or "", "not decided yet"),
        ]
        sent_on = plan_sent_on(m.papers_sent, m.plan.sent_on)
        if sent_on is not None:
            parts.append(f"sent to the family {sent_on:%d %b %Y}")
        self.query_one("#plan-summary", Static).update(" · ".join(parts))

    # ------------------------------------------------------------ actions

    def _refresh_actions(self, select: str | None = None) -> None:
        table = self.query_one("#plan-actions", PlanActionsTable)
        actions = self.meeting.plan.actions
        ids = [a.id for a in actions]
        table.refill(
            [
                (literal_cell(a.what), literal_cell(a.who), a.by_when.isoformat() if a.by_when else "-")
                for a in actions
            ],
            ids,
        )
        if select in ids:
            table.move_cursor(row=ids.index(select))
        table.display = bool(actions)
        self.query_one("#plan-actions-empty", Static).display = not actions

    def action_words(self, index: int) -> Content | None:
        """The whole of one action under the table, with the help it needs, which has no column."""
        actions = self.meeting.plan.actions
        if index >= len(actions):
            return None
        action = actions[index]
        parts: list[Content | str | tuple[str, str]] = [(visible(action.what) or "(no words yet)", "bold")]
        parts += ["\nWho: ", literal(action.who) if action.who.strip() else "nobody named yet"]
        parts.append(f" · by {action.by_when:%a %d %b %Y}" if action.by_when else " · no date yet")
        if rules.support_promised(action):
            parts += ["\nHelp: ", literal(action.support_needed or "yes")]
            if action.support_from:
                parts += [" from ", literal(action.support_from)]
        return Content.assemble(*parts)

    def _selected_action(self) -> Action | None:
        index = self.query_one("#plan-actions", PlanActionsTable).selected_index()
        actions = self.meeting.plan.actions
        return actions[index] if index is not None and index < len(actions) else None

    def action_add_action(self) -> None:
        self.add_action()

    def add_action(self) -> None:
        """Ask for a new action and add it to the plan."""
        if not self.can_edit():
            return

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            action = rules.add_action(self.meeting.plan, **values)
            self._refresh_actions(select=action.id)
            self.query_one("#plan-actions", PlanActionsTable).focus()
            self.edited()

        self.app.push_screen(
            FormDialog(
                "Add an action to the plan", action_fields(None, self._people_names(), self.meeting.children)
            ),
            done,
        )

    def edit_action(self) -> None:
        """Change the highlighted action, in the family's words."""
        action = self._selected_action()
        if action is None:
            self.add_action()
            return
        if not self.can_edit():
            return

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            for key, value in values.items():
                setattr(action, key, value)
            self._refresh_actions(select=action.id)
            self.edited()

        self.app.push_screen(
            FormDialog(
                "Change this action", action_fields(action, self._people_names(), self.meeting.children)
            ),
            done,
        )

    def remove_action(self) -> None:
        """Remove the highlighted action, after asking."""
        action = self._selected_action()
        if action is None or not self.can_edit():
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            rules.remove_action(self.meeting.plan, action.id)
            self._refresh_actions()
            self.edited()

        self.app.push_screen(Confirm("Remove this action from the plan?", action.what, yes="Remove"), done)

    # ------------------------------------------------------------ bottom lines

    def _bottom_line_rows(self) -> list[tuple[str, bool]]:
        """(text, still in the referral) for every check to show, referral order first."""
        lines: list[tuple[str, bool]] = []
        seen: set[str] = set()
        for line in self.meeting.referral.bottom_lines:
            if line.strip() and line.strip() not in seen:
                seen.add(line.strip())
                lines.append((line, True))
        for check in rules.orphan_checks(self.meeting.plan, self.meeting.referral.bottom_lines):
            lines.append((check.bottom_line, False))
        return lines

    def _refresh_bottom_lines(self) -> None:
        # Read only: a bottom line without a check shows as "not checked yet".
        rows = self._bottom_line_rows()
        if rows == self._bl_lines and self.query("#plan-bottom-lines > *"):
            return
        self._bl_lines = rows
        box = self.query_one("#plan-bottom-lines", Vertical)
        box.remove_children()
        if not rows:
            box.mount(Static("The referral names no bottom lines.", classes="muted", markup=False))
            return
        ro = self.session.read_only
        widgets = []
        for index, (line, current) in enumerate(rows):
            check = rules.find_check(self.meeting.plan, line) or BottomLineCheck(bottom_line=line)
            text = literal(line)
            label = Content.assemble(f"{index + 1}. ", text)
            if not current:
                label = Content.assemble(label, ("  (no longer in the referral)", "italic"))
            value = Select.NULL if check.addressed is None else ("yes" if check.addressed else "no")
            row = Vertical(
                Static(label, classes="bl-text"),
                Horizontal(
                    Select(
                        ADDRESSED_OPTIONS,
                        id=f"bl-addressed-{index}",
                        prompt="Not checked yet",
                        value=value,
                        compact=True,
                        disabled=ro,
                        classes="bl-addressed",
                    ),
                    Input(
                        check.note,
                        id=f"bl-note-{index}",
                        compact=True,
                        disabled=ro,
                        placeholder="professionals' note",
                        classes="bl-note",
                    ),
                    classes="bl-controls",
                ),
                classes="bl-row",
            )
            widgets.append(row)
        box.mount_all(widgets)

    def _line_at(self, widget_id: str | None) -> str | None:
        """The bottom line a check's widget belongs to."""
        try:
            index = int((widget_id or "").rsplit("-", 1)[1])
            return self._bl_lines[index][0]
        except (IndexError, ValueError):
            return None

    def _edit_check(self, widget_id: str | None, **change: Any) -> None:
        """Record a change to a bottom line's check, creating the check only now, when it is edited."""
        line = self._line_at(widget_id)
        if line is None:
            return
        plan = self.meeting.plan
        current = rules.find_check(plan, line) or BottomLineCheck(bottom_line=line)
        if all(getattr(current, name) == value for name, value in change.items()):
            return  # the widget shows what is recorded (or the empty default): nothing to do
        check = rules.check_for(plan, line)
        for name, value in change.items():
            setattr(check, name, value)
        self.edited()

    # ------------------------------------------------------------ review date and response

    def _show_review_hint(self, problem: str | None = None) -> None:
        hint = self.query_one("#plan-review-hint", Static)
        days = rules.review_after_days(self.session.guide)
        if problem:
            hint.update(problem)
            hint.add_class("error")
            return
        hint.remove_class("error")
        suggested = self._suggested_review()
        if self.meeting.plan.review_date is None:
            hint.update(f"Suggested {suggested.isoformat()}, {days} days after the meeting: enter takes it.")
        else:
            hint.update(f"The guide suggests about {days} days after the meeting ({suggested.isoformat()}).")

    def _show_response_boxes(self) -> None:
        decision = self.meeting.plan.response.decision
        self.query_one("#plan-changes-box").display = decision == "agreed-with-changes"
        self.query_one("#plan-not-agreed-box").display = decision == "not-agreed"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "family_time":
            # Offered when the plan is not agreed: the family may want more time.
            return bool(self.meeting.plan.response.decision == "not-agreed")
        return True

    def action_family_time(self) -> None:
        self.back_to_family_time()

    def back_to_family_time(self) -> None:
        """Give the family more time: open private family time again.

        Everything typed so far is saved before the family sees the privacy
        screen; a meeting that has ended is only reopened after asking.
        """
        if not self.can_edit():
            return
        start_family_time_flow(self.app, self.session, ask_to_start=False)

    # ------------------------------------------------------------ edits

    def apply_pending(self) -> None:
        """Keep every box as it stands now: quitting runs before its last change events are handled."""
        for area in self.query(TextArea):
            self._keep_text(area)
        for box in self.query(Input):
            self._keep_input(box)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._keep_text(event.text_area)

    def _keep_text(self, area: TextArea) -> None:
        plan = self.meeting.plan
        targets = {
            "plan-words": (plan, "family_words"),
            "plan-contingency": (plan, "contingency"),
            "plan-child-contingency": (plan, "child_contingency"),
            "plan-changes": (plan.response, "changes"),
            "plan-reasons": (plan.response, "reasons"),
            "plan-acceptable": (plan.response, "would_make_acceptable"),
        }
        target = targets.get(area.id or "")
        if target is None or self.session.read_only:
            return
        obj, name = target
        if getattr(obj, name) != area.text:
            setattr(obj, name, area.text)
            self.edited()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._keep_input(event.input)

    def _keep_input(self, box: Input) -> None:
        if self.session.read_only:
            return
        plan = self.meeting.plan
        widget_id = box.id or ""
        value = box.value
        if widget_id in ("plan-keeper", "plan-lead"):
            name = "family_keeper" if widget_id == "plan-keeper" else "professional_lead"
            if getattr(plan, name) != value:
                setattr(plan, name, value)
                self.edited()
        elif widget_id == "plan-review":
            try:
                day = rules.parse_day(value, sdm_app(self).today())
            except rules.PlanRuleError as error:
                self._show_review_hint(str(error))
                return
            if day != plan.review_date:
                plan.review_date = day
                self.edited()
            self._show_review_hint()
        elif widget_id.startswith("bl-note-"):
            self._edit_check(widget_id, note=value)

    @on(Input.Submitted, "#plan-review")
    def _review_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip() and not self.session.read_only:
            event.input.value = self._suggested_review().isoformat()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.session.read_only:
            return
        value = None if event.value is Select.NULL else event.value
        widget_id = event.select.id or ""
        if widget_id == "plan-response":
            response = self.meeting.plan.response
            if response.decision != value:
                rules.set_response(response, value, self.today())  # type: ignore[arg-type]
                self._show_response_boxes()
                self.edited()
        elif widget_id.startswith("bl-addressed-"):
            self._edit_check(widget_id, addressed=None if value is None else value == "yes")

    # ------------------------------------------------------------ command palette

    def palette_commands(self) -> list[SystemCommand]:
        """Commands for the command palette while this section is shown."""
        commands: list[SystemCommand] = [
            SystemCommand(
                "Plan: add an action",
                "Add an action (what, who, by when, help) to the family's plan",
                self.add_action,
            ),
            SystemCommand(
                "Plan: edit the highlighted action",
                "Change the action highlighted in the actions table",
                self.edit_action,
            ),
            SystemCommand(
                "Plan: remove the highlighted action",
                "Remove the highlighted action, after asking",
                self.remove_action,
            ),
            SystemCommand(
                "Plan: use the suggested review date",
                "Set the review date to the guide's suggestion",
                self.use_suggested_review,
            ),
            SystemCommand(
                "Plan: back to private family time",
                "Give the family more time to change the plan",
                self.back_to_family_time,
            ),
        ]
        return commands

    def use_suggested_review(self) -> None:
        if self.can_edit():
            self.query_one("#plan-review", Input).value = self._suggested_review().isoformat()

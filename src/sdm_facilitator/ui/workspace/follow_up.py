"""The follow-up section: how the actions go, changes to the plan, and reviews.

Ups and downs are expected: an action that has stalled is "stuck" and needs
help, never a failure. Updates, plan changes and reviews are added to the
record and kept; nothing here rewrites history. Holding a review creates a
new review meeting that carries the current plan and its open actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from sdm_facilitator.domain import plan_rules as rules
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    ACTION_STATUS_LABELS,
    SUPPORT_DELIVERY_LABELS,
    Action,
    Meeting,
    PlanChange,
    Review,
)
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.domain.schedule import next_due
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.messages import MeetingEdited
from sdm_facilitator.ui.session import MeetingSession
from sdm_facilitator.ui.widgets.literal import literal, literal_cell

# Short words for the table; the detail below it uses the full labels.
HELP_SHORT = {"not-yet": "not yet", "partly": "partly", "given": "given"}
STATUS_OPTIONS: list[tuple[str, str]] = [(ACTION_STATUS_LABELS[s], s) for s in ACTION_STATUS_CHOICES]


def help_cell(action: Action) -> str:
    """What is known about the help promised for an action."""
    if not rules.support_promised(action):
        return "-"
    if action.support_delivered is None:
        return "unknown"
    return HELP_SHORT.get(action.support_delivered, action.support_delivered)


class _SectionTable(DataTable[Any]):
    def __init__(self, section: FollowUpSection, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.section = section

    def selected_index(self) -> int | None:
        if not self.row_count:
            return None
        return min(max(self.cursor_row, 0), self.row_count - 1)


class FollowUpActionsTable(_SectionTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u,enter", "update", "Update status"),
        Binding("g", "help_given", "Help given?"),
    ]

    def action_update(self) -> None:
        self.section.update_action()

    def action_help_given(self) -> None:
        self.section.cycle_help()


class PlanChangesTable(_SectionTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "add_change", "Record a change"),
    ]

    def action_add_change(self) -> None:
        self.section.add_plan_change()


class ReviewsTable(_SectionTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "schedule", "Schedule"),
        Binding("h", "hold", "Hold review"),
        Binding("o", "outcome", "Outcome"),
    ]

    def action_schedule(self) -> None:
        self.section.schedule_review()

    def action_hold(self) -> None:
        self.section.hold_review()

    def action_outcome(self) -> None:
        self.section.record_outcome()


class FollowUpSection(VerticalScroll, can_focus=False):
    """Actions and their updates, plan changes, and review meetings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "schedule_review", "Schedule review"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(classes="after-section")
        self.session = session

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    def _today(self) -> date:
        return self.app.today()  # type: ignore[attr-defined,no-any-return]

    def _can_edit(self) -> bool:
        if self.session.read_only:
            self.notify("This meeting is open read-only.", severity="warning", markup=False)
            return False
        return True

    def _edited(self) -> None:
        self.post_message(MeetingEdited())
        self.refresh_from_meeting()

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static("Follow-up", classes="section-title")
        yield Static(id="fu-summary", classes="muted", markup=False)
        yield Label("Actions: how they are going", classes="plan-label")
        yield Static("The plan has no actions yet (add them in the plan section).", id="fu-actions-empty",
                     classes="muted", markup=False)
        yield FollowUpActionsTable(self, id="fu-actions")
        yield Static(id="fu-action-detail", markup=False)
        yield Label("Changes to the plan", classes="plan-label")
        yield Static("No changes yet: press c in this table to record one.", id="fu-changes-empty",
                     classes="muted", markup=False)
        yield PlanChangesTable(self, id="fu-changes")
        yield Static(id="fu-change-detail", classes="fu-detail", markup=False)
        yield Label("Review meetings", classes="plan-label")
        yield Static(id="fu-reviews-empty", classes="muted", markup=False)
        yield ReviewsTable(self, id="fu-reviews")
        yield Static(id="fu-review-detail", classes="fu-detail", markup=False)

    def on_mount(self) -> None:
        actions = self.query_one("#fu-actions", FollowUpActionsTable)
        for label, key in (("What", "what"), ("Status", "status"), ("By", "by"), ("Help", "help")):
            actions.add_column(label, key=key)
        changes = self.query_one("#fu-changes", PlanChangesTable)
        for label, key in (("Date", "date"), ("What changed", "what"), ("Why", "why")):
            changes.add_column(label, key=key)
        reviews = self.query_one("#fu-reviews", ReviewsTable)
        for label, key in (("Planned", "planned"), ("Held", "held"), ("Asked by", "by"), ("Outcome", "outcome")):
            reviews.add_column(label, key=key)
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """Actions may have been added or changed in the plan section."""
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        self._refresh_actions()
        self._refresh_changes()
        self._refresh_reviews()
        self._show_summary()

    def _show_summary(self) -> None:
        m = self.meeting
        today = self._today()
        parts = [rules.action_summary(m.plan.actions)]
        overdue = rules.overdue_actions(m.plan, today)
        if overdue:
            parts.append(f"{len(overdue)} past its date")
        due = next_due(m, self.session.guide) if m.stage == "follow_up" else None
        if due is not None:
            parts.append(f"next: {due.label} {due.due.isoformat()}")
        self.query_one("#fu-summary", Static).update(literal(" · ".join(parts)))

    @staticmethod
    def _keep_cursor(table: _SectionTable, refill: Callable[[], None]) -> None:
        row = table.cursor_row if table.row_count else 0
        table.clear()
        refill()
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    # ------------------------------------------------------------ actions

    def _refresh_actions(self) -> None:
        table = self.query_one("#fu-actions", FollowUpActionsTable)
        actions = self.meeting.plan.actions

        def fill() -> None:
            for action in actions:
                table.add_row(
                    literal_cell(action.what, 16),
                    rules.status_label(action.status),
                    action.by_when.isoformat() if action.by_when else "-",
                    help_cell(action),
                    key=action.id,
                )

        self._keep_cursor(table, fill)
        table.display = bool(actions)
        self.query_one("#fu-actions-empty", Static).display = not actions
        self._show_action_detail()

    def _selected_action(self) -> Action | None:
        index = self.query_one("#fu-actions", FollowUpActionsTable).selected_index()
        actions = self.meeting.plan.actions
        return actions[index] if index is not None and index < len(actions) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Under each table, the whole text of its highlighted row (the table cuts it short)."""
        shows = {
            "fu-actions": self._show_action_detail,
            "fu-changes": self._show_change_detail,
            "fu-reviews": self._show_review_detail,
        }
        show = shows.get(event.data_table.id or "")
        if show is not None:
            show()

    def _show_action_detail(self) -> None:
        detail = self.query_one("#fu-action-detail", Static)
        action = self._selected_action()
        detail.display = action is not None
        if action is None:
            return
        parts: list[Content | str | tuple[str, str]] = [(visible(action.what) or "(no words yet)", "bold")]
        if action.who:
            parts += ["\nWho: ", literal(action.who)]
        if rules.support_promised(action):
            parts += ["\nHelp: ", literal(action.support_needed or "help")]
            if action.support_from:
                parts += [" from ", literal(action.support_from)]
            delivered = action.support_delivered
            parts.append(f" ({SUPPORT_DELIVERY_LABELS[delivered].lower() if delivered else 'not recorded'}; g changes)")
        if action.updates:
            for update in action.updates:
                when = update.date.isoformat() if update.date else "no date"
                parts.append(f"\n  {when} {rules.status_label(update.status)}")
                if update.note:
                    parts += [": ", literal(update.note)]
        else:
            parts.append("\n  No updates yet: press u to record one.")
        # Tuples are (text, style): the text is never parsed as markup.
        detail.update(Content.assemble(*parts))

    def update_action(self) -> None:
        """Record a dated status update of the highlighted action."""
        action = self._selected_action()
        if action is None or not self._can_edit():
            return
        fields = [
            FormField("status", "Status", "choice", action.status, STATUS_OPTIONS),
            FormField("note", "What happened", placeholder="optional"),
            FormField("on", "Date", "date", self._today(), required=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.update_action_status(action, values["status"], values["on"], values["note"])
            self._edited()

        self.app.push_screen(FormDialog("Update: " + action.what, fields), done)

    def cycle_help(self) -> None:
        """Step through what is known about the help promised for the highlighted action."""
        action = self._selected_action()
        if action is None or not self._can_edit():
            return
        if not rules.support_promised(action):
            self.notify("No help was promised for this action (edit it in the plan section).", markup=False)
            return
        action.support_delivered = rules.next_support_delivery(action.support_delivered)
        self._edited()

    # ------------------------------------------------------------ plan changes

    def _refresh_changes(self) -> None:
        table = self.query_one("#fu-changes", PlanChangesTable)
        history = rules.plan_history(self.meeting)

        def fill() -> None:
            for change in history:
                table.add_row(
                    change.date.isoformat() if change.date else "-",
                    literal_cell(change.what, 20),
                    literal_cell(change.reason, 14),
                )

        self._keep_cursor(table, fill)
        self.query_one("#fu-changes-empty", Static).display = not history
        self._show_change_detail()

    def _selected_change(self) -> PlanChange | None:
        index = self.query_one("#fu-changes", PlanChangesTable).selected_index()
        history = rules.plan_history(self.meeting)
        return history[index] if index is not None and index < len(history) else None

    def _show_change_detail(self) -> None:
        detail = self.query_one("#fu-change-detail", Static)
        change = self._selected_change()
        detail.display = change is not None
        if change is None:
            return
        when = f"on {change.date:%a %d %b %Y}" if change.date else "(no date written)"
        parts: list[Content | str | tuple[str, str]] = [(visible(change.what) or "(no words yet)", "bold")]
        parts += ["\nWhy: ", literal(change.reason) if change.reason.strip() else "no reason written"]
        parts.append(f"\nChanged {when}")
        detail.update(Content.assemble(*parts))

    def add_plan_change(self) -> None:
        """Record a change to the plan, with its date and reason."""
        if not self._can_edit():
            return
        fields = [
            FormField("what", "What changed", required=True),
            FormField("reason", "Why"),
            FormField("on", "Date", "date", self._today(), required=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.record_plan_change(self.meeting, values["what"], values["reason"], values["on"])
            self._edited()

        self.app.push_screen(FormDialog("Record a change to the plan", fields), done)

    # ------------------------------------------------------------ reviews

    def _refresh_reviews(self) -> None:
        table = self.query_one("#fu-reviews", ReviewsTable)
        reviews = self.meeting.follow_up.reviews

        def fill() -> None:
            for review in reviews:
                outcome = review.outcome or ("review meeting opened" if review.meeting_id else "")
                table.add_row(
                    review.scheduled.isoformat() if review.scheduled else "-",
                    review.held.isoformat() if review.held else "-",
                    literal_cell(review.requested_by, 10),
                    literal_cell(outcome, 14),
                    key=review.id,
                )

        self._keep_cursor(table, fill)
        empty = self.query_one("#fu-reviews-empty", Static)
        empty.display = not reviews
        if not reviews:
            planned = self.meeting.plan.review_date
            when = f"the plan says {planned.isoformat()}" if planned else "no date in the plan yet"
            empty.update(f"None scheduled ({when}): press n in this table or ctrl+r to schedule.")
        self._show_review_detail()

    def _show_review_detail(self) -> None:
        detail = self.query_one("#fu-review-detail", Static)
        review = self._selected_review()
        detail.display = review is not None
        if review is None:
            return
        planned = f"{review.scheduled:%a %d %b %Y}" if review.scheduled else "no date"
        parts: list[Content | str | tuple[str, str]] = [(f"Review planned for {planned}", "bold")]
        if review.held:
            parts.append(f"\nHeld on {review.held:%a %d %b %Y}")
        parts += ["\nAsked for by: ", literal(review.requested_by) if review.requested_by.strip() else "not written"]
        if review.outcome.strip():
            parts += ["\nOutcome: ", literal(review.outcome)]
        else:
            parts.append("\nNo outcome yet: press o to record one.")
        if review.meeting_id:
            parts.append("\nRun as a review meeting in this app: h opens it.")
        detail.update(Content.assemble(*parts))

    def _selected_review(self) -> Review | None:
        index = self.query_one("#fu-reviews", ReviewsTable).selected_index()
        reviews = self.meeting.follow_up.reviews
        return reviews[index] if index is not None and index < len(reviews) else None

    def action_schedule_review(self) -> None:
        self.schedule_review()

    def schedule_review(self) -> None:
        """Plan a review meeting (the plan's review date is suggested)."""
        if not self._can_edit():
            return
        suggested = self.meeting.plan.review_date or rules.suggested_review_date(
            self.meeting, self.session.guide, self._today()
        )
        fields = [
            FormField("on", "Date", "date", suggested, required=True),
            FormField("requested_by", "Asked for by", placeholder="e.g. planned at the meeting, the family"),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            review = rules.schedule_review(self.meeting, values["on"], values["requested_by"])
            self._edited()
            table = self.query_one("#fu-reviews", ReviewsTable)
            table.move_cursor(row=self.meeting.follow_up.reviews.index(review))
            table.focus()

        self.app.push_screen(FormDialog("Schedule a review meeting", fields), done)

    def hold_review(self) -> None:
        """Start the review meeting: a new meeting with the plan and open actions, opened now."""
        review = self._selected_review()
        if review is not None and review.meeting_id:
            self.app.open_meeting(review.meeting_id)  # type: ignore[attr-defined]
            return
        if not self._can_edit():
            return
        open_count = len(rules.open_actions(self.meeting.plan))
        noun = "action" if open_count == 1 else "actions"
        detail = f"It opens with the current plan and its {open_count} open {noun}."

        def done(yes: bool | None) -> None:
            if yes:
                self._start_review(review)

        self.app.push_screen(Confirm("Hold the review meeting now?", detail, default_yes=True), done)

    def _start_review(self, review: Review | None) -> None:
        from sdm_facilitator.storage.store import StoreError

        app = self.app
        now = app.clock()  # type: ignore[attr-defined]
        new_meeting = rules.start_review(self.meeting, app.library, now)  # type: ignore[attr-defined]
        try:
            opened = app.store.create(new_meeting)  # type: ignore[attr-defined]
        except (StoreError, OSError) as error:
            self.notify(f"The review meeting could not be created: {error}", severity="error", markup=False)
            return
        app.store.close(opened)  # type: ignore[attr-defined]
        if review is None:
            review = rules.schedule_review(self.meeting, self._today())
        rules.link_review(review, new_meeting, self._today())
        self._edited()
        # Save the link now, before the review meeting covers this screen.
        self.session.mark_changed()
        flush = getattr(self.screen, "flush", None)
        if callable(flush):
            flush()
        app.open_meeting(new_meeting.id)  # type: ignore[attr-defined]

    def record_outcome(self) -> None:
        """Write down what the highlighted review decided."""
        review = self._selected_review()
        if review is None or not self._can_edit():
            return
        fields = [
            FormField("outcome", "What was decided", "long", review.outcome, required=True),
            FormField("held", "Held on", "date", review.held or self._today(), required=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.record_review_outcome(review, values["outcome"], values["held"])
            self._edited()

        self.app.push_screen(FormDialog("Outcome of the review", fields), done)

    # ------------------------------------------------------------ command palette

    def palette_commands(self) -> list[SystemCommand]:
        """Commands for the command palette while this section is shown."""
        return [
            SystemCommand("Follow-up: update the highlighted action", "Record a dated status update (under way, done, stuck)",
             self.update_action),
            SystemCommand("Follow-up: help given?", "Step through whether the help promised for the action was given",
             self.cycle_help),
            SystemCommand("Follow-up: record a change to the plan", "Add a dated change, with the reason, to the history",
             self.add_plan_change),
            SystemCommand("Follow-up: schedule a review", "Plan a review meeting", self.schedule_review),
            SystemCommand("Follow-up: hold the highlighted review", "Start the review meeting with the plan and open actions",
             self.hold_review),
            SystemCommand("Follow-up: record a review's outcome", "What the highlighted review decided", self.record_outcome),
        ]

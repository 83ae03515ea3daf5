"""The follow-up section: how the actions go, changes to the plan, reviews, and who got which paper.

Ups and downs are expected: an action that has stalled is "stuck" and needs
help, never a failure. Updates, plan changes and reviews are added to the
record and kept; nothing here rewrites history. Holding a review creates a
new review meeting that carries the current plan and its open actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Label, Static

from sdm_facilitator.domain import plan_rules as rules
from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    ACTION_STATUS_LABELS,
    SUPPORT_DELIVERY_LABELS,
    Action,
    PlanChange,
    Review,
)
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.domain.schedule import next_due
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import SavesMeeting
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.papers_sent import PapersSent, PapersSentTable
from sdm_facilitator.ui.workspace.record_section import RecordSection

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


class _SectionTable(FittedTable):
    """A follow-up table: its columns fit the width, and its highlighted row shows whole below it."""

    COLUMNS: ClassVar[tuple[FitColumn, ...]] = ()

    def __init__(self, section: FollowUpSection, detail: RowDetail, **kwargs: Any) -> None:
        super().__init__(self.COLUMNS, detail=detail, **kwargs)
        self.section = section


# Each table shows in the footer the keys about its own rows; the section
# binds the same keys (hidden), so each works wherever the focus is in it.


class FollowUpActionsTable(_SectionTable):
    # The help column goes before the action is cut short: the detail below says it in full.
    COLUMNS = (
        FitColumn("What", "what", flex=True, min_width=16, wanted_width=40),
        FitColumn("Status", "status"),
        FitColumn("By", "by"),
        FitColumn("Help", "help", drop=1),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u,enter", "update", "Update", key_display="u"),
        Binding("g", "help_given", "Help given?"),
    ]

    def action_update(self) -> None:
        self.section.update_action()

    def action_help_given(self) -> None:
        self.section.cycle_help()


class PlanChangesTable(_SectionTable):
    COLUMNS = (
        FitColumn("Date", "date"),
        FitColumn("What changed", "what", flex=True),
        FitColumn("Why", "why", flex=True),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "add_change", "Record a change"),
    ]

    def action_add_change(self) -> None:
        self.section.add_plan_change()


class ReviewsTable(_SectionTable):
    COLUMNS = (
        FitColumn("Planned", "planned"),
        FitColumn("Held", "held"),
        FitColumn("Asked by", "by", flex=True),
        FitColumn("Outcome", "outcome", flex=True),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "schedule", "Schedule"),
        Binding("h", "hold", "Hold"),
        Binding("o", "outcome", "Outcome"),
    ]

    def action_schedule(self) -> None:
        self.section.schedule_review()

    def action_hold(self) -> None:
        self.section.hold_review()

    def action_outcome(self) -> None:
        self.section.record_outcome()


class FollowUpSection(RecordSection):
    """Actions and their updates, plan changes, and review meetings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "run('update_action')", "Update", show=False),
        Binding("g", "run('cycle_help')", "Help given?", show=False),
        Binding("c", "run('add_plan_change')", "Record a change", show=False),
        Binding("n,ctrl+r", "run('schedule_review')", "Schedule", show=False),
        Binding("h", "run('hold_review')", "Hold", show=False),
        Binding("o", "run('record_outcome')", "Outcome", show=False),
        Binding("p", "run('add_paper_sent')", "Paper sent", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__(session)
        self.papers_sent = PapersSent(self)

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static("Follow-up", classes="section-title")
        yield Static(id="fu-summary", classes="muted", markup=False)
        yield Label("Actions: how they are going", classes="plan-label")
        yield Static(
            "The plan has no actions yet (add them in the plan section).",
            id="fu-actions-empty",
            classes="muted",
            markup=False,
        )
        yield from FollowUpActionsTable(
            self, RowDetail(self.action_words, id="fu-action-detail"), id="fu-actions"
        ).with_detail()
        yield Label("Changes to the plan", classes="plan-label")
        yield Static(
            "No changes yet: press c to record one.", id="fu-changes-empty", classes="muted", markup=False
        )
        yield from PlanChangesTable(
            self, RowDetail(self.change_words, id="fu-change-detail"), id="fu-changes"
        ).with_detail()
        yield Label("Review meetings", classes="plan-label")
        yield Static(id="fu-reviews-empty", classes="muted", markup=False)
        yield from ReviewsTable(
            self, RowDetail(self.review_words, id="fu-review-detail"), id="fu-reviews"
        ).with_detail()
        yield Label("Who got which paper", classes="plan-label")
        yield Static(
            "No paper recorded as sent: press p when one goes out (writing a file records nothing).",
            id="fu-sent-empty",
            classes="muted",
            markup=False,
        )
        yield from PapersSentTable(
            self.papers_sent, RowDetail(self.papers_sent.words, id="fu-sent-detail"), id="fu-sent"
        ).with_detail()

    def on_mount(self) -> None:
        self.refresh_from_meeting()

    def on_show(self) -> None:
        """Actions may have been added or changed in the plan section."""
        self.refresh_from_meeting()

    def refresh_from_meeting(self) -> None:
        self._refresh_actions()
        self._refresh_changes()
        self._refresh_reviews()
        self.papers_sent.refill()
        sent = bool(self.meeting.papers_sent)
        self.query_one("#fu-sent", PapersSentTable).display = sent
        self.query_one("#fu-sent-empty", Static).display = not sent
        self._show_summary()

    def _show_summary(self) -> None:
        m = self.meeting
        today = self.today()
        parts = [rules.action_summary(m.plan.actions)]
        overdue = rules.overdue_actions(m.plan, today)
        if overdue:
            parts.append(f"{len(overdue)} past its date")
        due = next_due(m, self.session.guide) if m.stage == "follow_up" else None
        if due is not None:
            parts.append(f"next: {due.label} {due.due.isoformat()}")
        self.query_one("#fu-summary", Static).update(literal(" · ".join(parts)))

    # ------------------------------------------------------------ actions

    def _refresh_actions(self) -> None:
        table = self.query_one("#fu-actions", FollowUpActionsTable)
        actions = self.meeting.plan.actions
        table.refill(
            [
                (
                    literal_cell(action.what),
                    rules.status_label(action.status),
                    action.by_when.isoformat() if action.by_when else "-",
                    help_cell(action),
                )
                for action in actions
            ],
            [action.id for action in actions],
        )
        table.display = bool(actions)
        self.query_one("#fu-actions-empty", Static).display = not actions

    def _selected_action(self) -> Action | None:
        index = self.query_one("#fu-actions", FollowUpActionsTable).selected_index()
        actions = self.meeting.plan.actions
        return actions[index] if index is not None and index < len(actions) else None

    def action_words(self, index: int) -> Content | None:
        """The whole of one action under the table: who, the help promised, every update."""
        actions = self.meeting.plan.actions
        if index >= len(actions):
            return None
        action = actions[index]
        parts: list[Content | str | tuple[str, str]] = [(visible(action.what) or "(no words yet)", "bold")]
        if action.who:
            parts += ["\nWho: ", literal(action.who)]
        if rules.support_promised(action):
            parts += ["\nHelp: ", literal(action.support_needed or "help")]
            if action.support_from:
                parts += [" from ", literal(action.support_from)]
            delivered = action.support_delivered
            parts.append(
                f" ({SUPPORT_DELIVERY_LABELS[delivered].lower() if delivered else 'not recorded'}; g changes)"
            )
        if action.updates:
            for update in action.updates:
                when = update.date.isoformat() if update.date else "no date"
                parts.append(f"\n  {when} {rules.status_label(update.status)}")
                if update.note:
                    parts += [": ", literal(update.note)]
        else:
            parts.append("\n  No updates yet: press u to record one.")
        # Tuples are (text, style): the text is never parsed as markup.
        return Content.assemble(*parts)

    def update_action(self) -> None:
        """Record a dated status update of the highlighted action."""
        action = self._selected_action()
        if action is None or not self.can_edit():
            return
        fields = [
            FormField("status", "Status", "choice", action.status, STATUS_OPTIONS),
            FormField("note", "What happened", placeholder="optional"),
            FormField("on", "Date", "date", self.today(), required=True, happened=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.update_action_status(action, values["status"], values["on"], values["note"])
            self.edited()

        self.app.push_screen(FormDialog("Update: " + action.what, fields), done)

    def cycle_help(self) -> None:
        """Step through what is known about the help promised for the highlighted action."""
        action = self._selected_action()
        if action is None or not self.can_edit():
            return
        if not rules.support_promised(action):
            self.notify("No help was promised for this action (edit it in the plan section).", markup=False)
            return
        action.support_delivered = rules.next_support_delivery(action.support_delivered)
        self.edited()

    # ------------------------------------------------------------ plan changes

    def _refresh_changes(self) -> None:
        table = self.query_one("#fu-changes", PlanChangesTable)
        history = rules.plan_history(self.meeting)
        table.refill(
            [
                (
                    change.date.isoformat() if change.date else "-",
                    literal_cell(change.what),
                    literal_cell(change.reason),
                )
                for change in history
            ]
        )
        self.query_one("#fu-changes-empty", Static).display = not history

    def _selected_change(self) -> PlanChange | None:
        index = self.query_one("#fu-changes", PlanChangesTable).selected_index()
        history = rules.plan_history(self.meeting)
        return history[index] if index is not None and index < len(history) else None

    def change_words(self, index: int) -> Content | None:
        """The whole of one change to the plan, and why, under the table."""
        history = rules.plan_history(self.meeting)
        if index >= len(history):
            return None
        change = history[index]
        when = f"on {change.date:%a %d %b %Y}" if change.date else "(no date written)"
        parts: list[Content | str | tuple[str, str]] = [(visible(change.what) or "(no words yet)", "bold")]
        parts += ["\nWhy: ", literal(change.reason) if change.reason.strip() else "no reason written"]
        parts.append(f"\nChanged {when}")
        return Content.assemble(*parts)

    def add_plan_change(self) -> None:
        """Record a change to the plan, with its date and reason."""
        if not self.can_edit():
            return
        fields = [
            FormField("what", "What changed", required=True),
            FormField("reason", "Why"),
            FormField("on", "Date", "date", self.today(), required=True, happened=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.record_plan_change(self.meeting, values["what"], values["reason"], values["on"])
            self.edited()

        self.app.push_screen(FormDialog("Record a change to the plan", fields), done)

    # ------------------------------------------------------------ reviews

    def _refresh_reviews(self) -> None:
        table = self.query_one("#fu-reviews", ReviewsTable)
        reviews = self.meeting.follow_up.reviews
        rows = []
        for review in reviews:
            outcome = review.outcome or ("review meeting opened" if review.meeting_id else "")
            rows.append(
                (
                    review.scheduled.isoformat() if review.scheduled else "-",
                    review.held.isoformat() if review.held else "-",
                    literal_cell(review.requested_by),
                    literal_cell(outcome),
                )
            )
        table.refill(rows, [review.id for review in reviews])
        empty = self.query_one("#fu-reviews-empty", Static)
        empty.display = not reviews
        if not reviews:
            planned = self.meeting.plan.review_date
            when = f"the plan says {planned.isoformat()}" if planned else "no date in the plan yet"
            empty.update(f"None scheduled ({when}): press n to schedule one.")

    def review_words(self, index: int) -> Content | None:
        """The whole of one review under the table: when, who asked, what it decided."""
        reviews = self.meeting.follow_up.reviews
        if index >= len(reviews):
            return None
        review = reviews[index]
        planned = f"{review.scheduled:%a %d %b %Y}" if review.scheduled else "no date"
        parts: list[Content | str | tuple[str, str]] = [(f"Review planned for {planned}", "bold")]
        if review.held:
            parts.append(f"\nHeld on {review.held:%a %d %b %Y}")
        parts += [
            "\nAsked for by: ",
            literal(review.requested_by) if review.requested_by.strip() else "not written",
        ]
        if review.outcome.strip():
            parts += ["\nOutcome: ", literal(review.outcome)]
        else:
            parts.append("\nNo outcome yet: press o to record one.")
        if review.meeting_id:
            parts.append("\nRun as a review meeting in this app: h opens it.")
        return Content.assemble(*parts)

    def _selected_review(self) -> Review | None:
        index = self.query_one("#fu-reviews", ReviewsTable).selected_index()
        reviews = self.meeting.follow_up.reviews
        return reviews[index] if index is not None and index < len(reviews) else None

    def action_run(self, method: str) -> None:
        """A section key pressed anywhere in the section (the tables bind the same keys)."""
        actions: dict[str, Callable[[], None]] = {
            "update_action": self.update_action,
            "cycle_help": self.cycle_help,
            "add_plan_change": self.add_plan_change,
            "schedule_review": self.schedule_review,
            "hold_review": self.hold_review,
            "record_outcome": self.record_outcome,
            "add_paper_sent": self.papers_sent.add,
        }
        actions[method]()

    def schedule_review(self) -> None:
        """Plan a review meeting (the plan's review date is suggested)."""
        if not self.can_edit():
            return
        suggested = self.meeting.plan.review_date or rules.suggested_review_date(
            self.meeting, self.session.guide, self.today()
        )
        fields = [
            FormField("on", "Date", "date", suggested, required=True),
            FormField("requested_by", "Asked for by", placeholder="e.g. planned at the meeting, the family"),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            review = rules.schedule_review(self.meeting, values["on"], values["requested_by"])
            self.edited()
            table = self.query_one("#fu-reviews", ReviewsTable)
            table.move_cursor(row=self.meeting.follow_up.reviews.index(review))
            table.focus()

        self.app.push_screen(FormDialog("Schedule a review meeting", fields), done)

    def hold_review(self) -> None:
        """Start the review meeting: a new meeting with the plan and open actions, opened now."""
        review = self._selected_review()
        if review is not None and review.meeting_id:
            sdm_app(self).open_meeting(review.meeting_id)
            return
        if not self.can_edit():
            return
        open_count = len(rules.open_actions(self.meeting.plan))
        noun = "action" if open_count == 1 else "actions"
        detail = (
            f"It opens with the current plan and its {open_count} open {noun}, and the same people; "
            "their preparation and the children's views are asked for again."
        )
        early = rules.days_until_review(review, self.today()) if review is not None else None

        def done(yes: bool | None) -> None:
            if yes:
                self._start_review(review)

        if early is None:
            self.app.push_screen(Confirm("Hold the review meeting now?", detail, default_yes=True), done)
            return
        assert review is not None and review.scheduled is not None
        days = "tomorrow" if early == 1 else f"in {early} days"
        self.app.push_screen(
            Confirm(
                f"This review is planned for {review.scheduled:%a %d %b %Y}, {days}. Hold it today instead?",
                f"Today is recorded as the day it was held. {detail}",
                yes="Hold it today",
                no="Not yet",
            ),
            done,
        )

    def _start_review(self, review: Review | None) -> None:
        from sdm_facilitator.storage.store import StoreError

        app = self.app
        now = sdm_app(app).clock()
        new_meeting = rules.start_review(self.meeting, sdm_app(app).library, now)
        try:
            opened = sdm_app(app).store.create(new_meeting)
        except (StoreError, OSError) as error:
            self.notify(f"The review meeting could not be created: {error}", severity="error", markup=False)
            return
        sdm_app(app).store.close(opened)
        if review is None:
            review = rules.schedule_review(self.meeting, self.today())
        rules.link_review(review, new_meeting, self.today())
        self.edited()
        # Save the link now, before the review meeting covers this screen.
        self.session.mark_changed()
        if isinstance(self.screen, SavesMeeting):
            self.screen.flush()
        sdm_app(app).open_meeting(new_meeting.id)

    def record_outcome(self) -> None:
        """Write down what the highlighted review decided."""
        review = self._selected_review()
        if review is None or not self.can_edit():
            return
        fields = [
            FormField("outcome", "What was decided", "long", review.outcome, required=True),
            FormField("held", "Held on", "date", review.held or self.today(), required=True, happened=True),
        ]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            rules.record_review_outcome(review, values["outcome"], values["held"])
            self.edited()

        self.app.push_screen(FormDialog("Outcome of the review", fields), done)

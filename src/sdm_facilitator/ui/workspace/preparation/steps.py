"""Preparation steps from the guide, grouped by mechanism, with why, due date and a note.

Each step is one row: a mark ([ ] to do, [✓] done, [–] not applicable, [!]
overdue, [■] stop and check), its title and when it is due. The row under the
cursor opens to show why the step matters, how to do it, and a note box.

A step whose evidence the record already shows reads "✓ done (from the
referral)"; space unticks it and puts the cursor in the note, so the person
says why, and the record then leaves the step alone.

A stop-and-check step is never cleared by one key. One about a kind of harm
on the risk screen clears only there: space, n or x say so, and enter or r
open the risk screen at that kind. One without a risk kind asks for the
reason before it is marked done or not applicable.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static, TextArea

from sdm_facilitator.domain.guide import Step
from sdm_facilitator.domain.labels import RISK_KIND_LABELS
from sdm_facilitator.domain.meeting import StepState
from sdm_facilitator.domain.readiness import SECTION_RISKS
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.domain.schedule import step_due_date
from sdm_facilitator.domain.step_progress import StepProgress, step_progress, untick_from_record
from sdm_facilitator.domain.vocabulary import MECHANISM_LABELS, MECHANISMS
from sdm_facilitator.ui.contracts import ShowsSections
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.widgets.form_fields import Field, text_area
from sdm_facilitator.ui.widgets.literal import literal, literal_line
from sdm_facilitator.ui.workspace.preparation.base import PrepSection


def due_words(
    status: str, state_date: date | None, due: date | None, days_before: int | None, today: date
) -> tuple[str, str]:
    """(words, style class) saying where a step stands in time."""
    if status == "done":
        return (f"✓ done {state_date:%d %b}" if state_date else "✓ done"), "step-done"
    if status == "na":
        return "– not applicable", "step-na"
    if due is None:
        if days_before is not None:
            return f"{days_before} days before the day", "step-undated"
        return "", "step-undated"
    days = (due - today).days
    if days < 0:
        return f"✗ overdue {due:%d %b}", "step-overdue"
    if days == 0:
        return "due today", "step-soon"
    return f"due {due:%a %d %b}", ("step-soon" if days <= 7 else "step-later")


def progress_words(progress: StepProgress, step: Step) -> tuple[str, str] | None:
    """Words for a step the record ticked, or a stop-and-check step still open; else None."""
    if progress.from_record:
        return f"✓ done (from {progress.source})", "step-done"
    if step.stop_and_check and progress.is_open:
        return "■ check before going ahead", "step-overdue"
    return None


def stop_words(step: Step) -> str:
    """What clears a stop-and-check step, said under it."""
    if step.risk is not None:
        kind = RISK_KIND_LABELS.get(step.risk, step.risk)
        return (
            f"Stop and check: cleared only from the risk screen, once “{kind}” is screened not present "
            "or specialist advice is recorded. Enter or r opens the risk screen."
        )
    return (
        "Stop and check: the meeting waits until this is done or not applicable, with the reason in the note."
    )


def step_mark(status: str, overdue: bool, stop: bool = False) -> str:
    if stop and status == "todo":
        return "[■]"
    if status == "done":
        return "[✓]"
    if status == "na":
        return "[–]"
    return "[!]" if overdue else "[ ]"


class StepRow(Vertical, can_focus=True):
    """One guide step: a line when resting, why/how/note when the cursor is on it."""

    BINDINGS = [
        Binding("space", "toggle_done", "Done"),
        Binding("n", "toggle_na", "Not needed"),
        Binding("x", "refuse_stop", "", show=False),
        Binding("enter", "edit_note", "Note", show=False),
        Binding("r", "open_risk_screen", "Risk screen", show=False),
        Binding("down,j", "move(1)", "Next step", show=False),
        Binding("up,k", "move(-1)", "Previous step", show=False),
    ]

    def __init__(self, section: StepsSection, step: Step) -> None:
        super().__init__(classes="step-row", id=f"step-{step.id}")
        self.section = section
        self.step = step

    @property
    def state(self) -> StepState | None:
        return self.section.meeting.steps.get(self.step.id)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="step-line"):
            yield Static("", classes="step-title", markup=False)
            yield Static("", classes="step-due", markup=False)
        with Vertical(classes="step-details"):
            yield Static(Content.assemble(("Why: ", "bold"), visible(self.step.why)), classes="step-why")
            if self.step.how:
                how = Content("\n").join(literal(f"• {tip}") for tip in self.step.how)
                yield Static(how, classes="step-how")
            other = [MECHANISM_LABELS.get(m, m) for m in self.step.mechanisms[1:]]
            if other:
                yield Static(Content(f"Also helps: {', '.join(other)}"), classes="step-also")
            if self.step.stop_and_check:
                yield Static(Content(stop_words(self.step)), classes="step-also")
            if self.step.evidence is not None:
                yield Static("", classes="step-also step-evidence", markup=False)
            note = text_area(self.state.note if self.state else "", classes="step-note", compact=True)
            yield Field("Note (enter to write, esc to leave)", note, hints=True, classes="step-note-field")

    def on_mount(self) -> None:
        self.update_line()

    @property
    def progress(self) -> StepProgress:
        return step_progress(self.section.meeting, self.step)

    def update_line(self) -> None:
        state = self.state
        progress = self.progress
        status = progress.status
        meeting = self.section.meeting
        today = self.section.today()
        due = step_due_date(meeting, self.step.days_before)
        words, style = progress_words(progress, self.step) or due_words(
            status, state.date if state else None, due, self.step.days_before, today
        )
        overdue = style == "step-overdue"
        mark = step_mark(status, overdue, self.step.stop_and_check)
        self.query_one(".step-title", Static).update(literal_line(f"{mark} {self.step.title}"))
        for evidence in self.query(".step-evidence").results(Static):
            evidence.update(Content(_evidence_line(progress)))
        due_static = self.query_one(".step-due", Static)
        due_static.update(Content(words))
        for cls in ("step-done", "step-na", "step-undated", "step-overdue", "step-soon", "step-later"):
            self.set_class(cls == style, cls)

    def _set_status(self, status: str) -> None:
        if self.section.read_only:
            self.app.bell()
            return
        state = self.section.meeting.step_state(self.step.id)
        state.status = status
        state.date = self.section.today() if status == "done" else None
        self.update_line()
        self.section.after_change()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``r`` is offered only on a step the risk screen clears; ``x`` is only ever a refusal."""
        if action == "open_risk_screen":
            return self.step.risk is not None
        if action == "refuse_stop":
            return self.step.stop_and_check
        return True

    @property
    def cleared_by_risk_screen(self) -> bool:
        return self.step.stop_and_check and self.step.risk is not None

    def action_refuse_stop(self) -> None:
        """A key meant to clear a stop-and-check step: say why it does not, and what does."""
        if self.cleared_by_risk_screen:
            kind = RISK_KIND_LABELS.get(self.step.risk or "", self.step.risk or "")
            self.notify(
                f"This check clears only from the risk screen: screen “{kind}” there, and record "
                "specialist advice if it is present or not known. Press r (or enter) to open it.",
                title="Not cleared by a key",
                severity="warning",
                timeout=8,
                markup=False,
            )
        else:
            self._ask_reason("done")

    def action_open_risk_screen(self) -> None:
        """Go to the risk screen, at the kind this step is about."""
        if self.step.risk is not None and isinstance(self.screen, ShowsSections):
            self.screen.show_section(SECTION_RISKS, focus_ref=self.step.risk)

    def _ask_reason(self, status: str) -> None:
        """A stop-and-check step without a risk kind: marked done or not applicable only with a reason."""
        if self.section.read_only:
            self.app.bell()
            return
        what = "done" if status == "done" else "not applicable"

        def answered(values: dict[str, object] | None) -> None:
            if not values:
                return
            reason = str(values.get("reason", "")).strip()
            if not reason:
                return
            state = self.section.meeting.step_state(self.step.id)
            state.note = reason
            self.query_one(".step-note", TextArea).text = reason
            self._set_status(status)

        self.app.push_screen(
            FormDialog(
                f"Mark “{self.step.title}” {what}",
                [FormField("reason", "Reason", "long", required=True)],
                intro="A stop-and-check step needs the reason it is cleared: who advised, or why "
                "there is no such worry. It is kept in the step's note.",
            ),
            answered,
        )

    def action_toggle_done(self) -> None:
        if self.step.stop_and_check and self.progress.is_open:
            if self.cleared_by_risk_screen:
                self.action_refuse_stop()
            else:
                self._ask_reason("done")
            return
        if self.cleared_by_risk_screen:
            self.action_refuse_stop()
            return
        if self.progress.from_record:
            self._untick_from_record()
            return
        state = self.state
        self._set_status("todo" if state and state.status == "done" else "done")

    def _untick_from_record(self) -> None:
        """The record says done but the person disagrees: open it again and ask why in the note."""
        if self.section.read_only:
            self.app.bell()
            return
        untick_from_record(self.section.meeting, self.step, "")
        self.update_line()
        self.section.after_change()
        self.notify("Unticked. Say in the note why it is not done yet.", timeout=4, markup=False)
        self.action_edit_note()

    def action_toggle_na(self) -> None:
        if self.step.stop_and_check and (self.progress.is_open or self.cleared_by_risk_screen):
            if self.cleared_by_risk_screen:
                self.action_refuse_stop()
            else:
                self._ask_reason("na")
            return
        state = self.state
        self._set_status("todo" if state and state.status == "na" else "na")

    def action_edit_note(self) -> None:
        if self.cleared_by_risk_screen:
            self.action_open_risk_screen()
            return
        self.query_one(".step-note", TextArea).focus()

    def action_move(self, delta: int) -> None:
        self.section.move_from(self, delta)

    def on_focus(self) -> None:
        self.call_after_refresh(self._scroll_into_place)

    async def _scroll_into_place(self) -> None:
        """The focused step at the top (the first one with the summary above it), at once.

        Textual centres a widget focused by Tab with an animated scroll that starts after
        the same refresh; left running, it moved the section on after this scroll, so
        where the step ended up depended on which finished last. It is stopped first.
        """
        await self.section.stop_animation("scroll_y", complete=False)
        if self.section.rows[:1] == [self]:
            # The first step: show the summary and the first heading above it too.
            self.section.scroll_home(animate=False)
        else:
            self.scroll_visible(animate=False, top=True)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._keep_note(event.text_area.text)

    def apply_pending(self) -> None:
        """Keep the note as it stands now: quitting runs before its last change events are handled."""
        notes = self.query(".step-note")
        if notes and isinstance(note := notes.first(), TextArea):
            self._keep_note(note.text)

    def _keep_note(self, text: str) -> None:
        state = self.state
        if (state.note if state else "") == text:
            return
        self.section.meeting.step_state(self.step.id).note = text
        self.section.edited()


def _evidence_line(progress: StepProgress) -> str:
    """What the record shows, under a step that can tick itself."""
    if progress.from_record:
        return f"Shown done by the record: {progress.evidence} (space to untick, with a note)"
    if progress.overruled:
        return "You unticked this; the record no longer ticks it. Space marks it done yourself."
    return f"Ticks itself when: {progress.evidence}"


class StepsSection(PrepSection):
    """The guide's preparation steps for this meeting's context, by mechanism."""

    def compose(self) -> ComposeResult:
        guide = self.session.guide
        yield Static("", id="steps-summary", markup=False)
        if guide is None:
            yield Static(
                Content(
                    "No guide is loaded for this kind of meeting, so there are no steps to show. "
                    "Run 'sdm-facilitator guides check' to see which guide files could be read."
                ),
                classes="empty-note",
            )
            return
        steps = meeting_steps(guide, "preparation", self.meeting)
        by_mechanism: dict[str, list[Step]] = {m: [] for m in MECHANISMS}
        for step in steps:
            by_mechanism.setdefault(step.mechanisms[0] if step.mechanisms else "collaboration", []).append(
                step
            )
        for mechanism, group in by_mechanism.items():
            if not group:
                continue
            yield Static("", classes="mechanism-title", id=f"mechanism-{mechanism}", markup=False)
            for step in group:
                yield StepRow(self, step)

    def on_mount(self) -> None:
        super().on_mount()
        self.update_summary()

    @property
    def rows(self) -> list[StepRow]:
        return list(self.query(StepRow))

    def update_summary(self) -> None:
        rows = self.rows
        today = self.today()
        done = overdue = 0
        for row in rows:
            if not row.progress.is_open:
                done += 1
                continue
            due = step_due_date(self.meeting, row.step.days_before)
            if due is not None and due < today:
                overdue += 1
        parts = [f"{done} of {len(rows)} steps done or not needed"]
        if overdue:
            parts.append(f"✗ {overdue} overdue")
        if self.meeting.meeting_date is None:
            parts.append("set the meeting date in Family choices to see due dates")
        else:
            parts.append(f"meeting {self.meeting.meeting_date:%a %d %b}")
        self.query_one("#steps-summary", Static).update(Content(" · ".join(parts)))
        for mechanism in MECHANISMS:
            titles = self.query(f"#mechanism-{mechanism}")
            if not titles:
                continue
            group = [r for r in rows if (r.step.mechanisms or ("collaboration",))[0] == mechanism]
            finished = sum(1 for r in group if not r.progress.is_open)
            label = MECHANISM_LABELS.get(mechanism, mechanism)
            titles.first(Static).update(Content(f"{label} · {finished} of {len(group)}"))

    def after_change(self) -> None:
        self.update_summary()
        self.edited()

    def refresh_from_meeting(self) -> None:
        guide = self.session.guide
        shown = {row.step.id for row in self.rows}
        if guide is not None and shown != {s.id for s in meeting_steps(guide, "preparation", self.meeting)}:
            # The risk screen changed which harms are in play: the list itself changes.
            self.call_later(self._rebuild)
            return
        for row in self.rows:
            row.update_line()
        self.update_summary()

    async def _rebuild(self) -> None:
        await self.recompose()
        self.update_summary()

    def move_from(self, row: StepRow, delta: int) -> None:
        rows = self.rows
        index = rows.index(row) + delta
        if 0 <= index < len(rows):
            rows[index].focus(scroll_visible=False)  # the row scrolls itself into place

    def first_focus_target(self) -> Widget | None:
        """The first step still to do (they are in guide order: earliest first)."""
        rows = self.rows
        return next((row for row in rows if row.progress.is_open), rows[0] if rows else None)

    def first_focus(self) -> None:
        """Move to the first step still to do (the palette's "next open step")."""
        target = self.first_focus_target()
        if target is not None:
            target.focus(scroll_visible=False)

    def focus_step(self, step_id: str) -> None:
        for row in self.rows:
            if row.step.id == step_id:
                row.focus(scroll_visible=False)
                return

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Steps: next open step", "Move to the first step still to do", self.first_focus)

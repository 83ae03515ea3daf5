"""In the room: the chair's calm view of the meeting.

The current phase, its timer against the planned length, the whole meeting's
time, and the phase's few prompts, large. One key moves on (to the next
prompt, then the next phase), one goes back. Notes, worries, things working
well, things that need to happen and decisions are captured without leaving,
each stamped with the phase and time; a 0 to 10 scaling answer is recorded
with who gave it; who is here is ticked off. ``h`` hides every name and note,
leaving only the prompt and the timer, when others can see the screen.

Times come from the stored record (``domain.meeting_clock``), so leaving this
screen, or closing the app, never loses a second. Every change is saved at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import ClassVar
from weakref import WeakKeyDictionary

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from sdm_facilitator.domain import meeting_clock as mc
from sdm_facilitator.domain.conference_rules import is_conference
from sdm_facilitator.domain.guide import scale_question
from sdm_facilitator.domain.meeting import CAPTURE_LABELS, Capture, ScaleAnswer
from sdm_facilitator.domain.participation import child_in_the_room
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.room_marker import clear_in_room, mark_in_room
from sdm_facilitator.storage.session import MeetingSession
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.room.capture import (
    CaptureDialog,
    CaptureResult,
    PeopleDialog,
    ScaleDialog,
    ScaleResult,
)
from sdm_facilitator.ui.room.decision_record import (
    PHASE_PARTS,
    QUICK_ADD,
    RecordPicker,
    phase_rows,
    row_choice,
)
from sdm_facilitator.ui.room.family_time import FamilyTimeScreen, app_now, start_family_time_flow
from sdm_facilitator.ui.room.saving import save_now
from sdm_facilitator.ui.room.timer_display import TimerDisplay
from sdm_facilitator.ui.widgets.literal import literal, literal_line
from sdm_facilitator.ui.widgets.palette import binding_commands
from sdm_facilitator.ui.workspace.decision_forms import DecisionForms, challenge_default, chosen_law


@dataclass
class ChairMemory:
    """What the chair's view remembers while the app runs (not worth a file)."""

    prompt_by_phase: dict[str, int] = field(default_factory=dict)
    hidden: bool = False


# Kept per open meeting, so leaving the view and coming back keeps the place
# in the prompts and keeps names hidden if they were.
_MEMORY: WeakKeyDictionary[MeetingSession, ChairMemory] = WeakKeyDictionary()


def chair_memory(session: MeetingSession) -> ChairMemory:
    memory = _MEMORY.get(session)
    if memory is None:
        memory = _MEMORY[session] = ChairMemory()
    return memory


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment else "--:--"


class ChairScreen(Screen[None]):
    """The chair's view of one meeting, in the room."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,right", "next", "Next", key_display="space"),
        Binding("left,b", "back", "Back", key_display="←"),
        Binding("c", "capture('note')", "Capture"),
        Binding("n", "capture('note')", "Note", show=False),
        Binding("w", "capture('worry')", "Worry", show=False),
        Binding("g", "capture('working-well')", "Working well", show=False),
        Binding("t", "capture('needs-to-happen')", "Needs to happen", show=False),
        Binding("d", "capture('decision')", "Decision", show=False),
        # Shown in ? help and the palette, not the footer: the footer must fit 80 columns.
        Binding("s", "scale", "Scale", show=False),
        Binding("p", "people", "Here"),
        # A conference's decision record, in the phases that record it (hidden in the others).
        Binding("r", "record", "Record"),
        Binding("h", "toggle_hidden", "Hide"),
        Binding("f", "family_time", "Family"),
        # A guide without private family time (family unity): f only says so, and the footer leaves it out.
        Binding("f", "no_family_time", "No family time", show=False),
        Binding("e", "end_meeting", "End", show=False),
        Binding("escape", "leave", "Close", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.memory = chair_memory(session)

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="chair-body"):
            with Horizontal(id="chair-top"):
                yield Static(id="chair-phase", markup=False)
                yield Static(id="chair-step", markup=False)
            with Horizontal(id="chair-timers"):
                yield TimerDisplay(id="phase-timer")
                yield Static(id="meeting-timer", markup=False)
            yield Static(id="chair-prompt", markup=False)
            yield Static(id="chair-prompt-count", markup=False)
            yield Static(id="chair-message", markup=False)
            with Horizontal(id="chair-details"):
                yield Static(id="chair-present", markup=False)
                yield Static(id="chair-captures", markup=False)
            yield Static(id="chair-hidden-note", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "In the room"
        if not self.session.read_only:
            # A restart (a closed terminal, a flat battery) comes back here while this is set.
            mark_in_room(self.session.store.folder, self.meeting.id)
        self._apply_hidden()
        self.refresh_view()
        self.set_interval(1, self._tick)
        if mc.family_time_running(self.meeting):
            # The app was closed, or the view left, during family time: back to the privacy screen.
            self.call_after_refresh(self._open_family_time)

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # ------------------------------------------------------------ state

    @property
    def meeting(self):  # type: ignore[no-untyped-def]
        return self.session.meeting

    @property
    def phases(self) -> list[mc.PlannedPhase]:
        return mc.planned_phases(self.meeting, self.session.guide)

    # The app's clock, shared with the privacy screen.
    now = app_now

    def _prompt_index(self, phase: mc.PlannedPhase | None) -> int:
        if phase is None or not phase.prompts:
            return 0
        index = self.memory.prompt_by_phase.get(phase.id, 0)
        return min(max(index, 0), len(phase.prompts) - 1)

    def _set_prompt(self, phase: mc.PlannedPhase, index: int) -> None:
        self.memory.prompt_by_phase[phase.id] = index

    def _can_edit(self) -> bool:
        if self.session.read_only:
            self._say("This meeting is open read-only here: nothing can be recorded.")
            return False
        return True

    def _save(self) -> None:
        outcome = save_now(self, self.session)
        if not outcome.ok:
            self._say(f"Not saved: {outcome.message}")

    def _say(self, text: str) -> None:
        self.query_one("#chair-message", Static).update(literal(text))

    # ------------------------------------------------------------ showing

    def _tick(self) -> None:
        self._show_timers(mc.read(self.meeting, self.phases, self.now()))

    def _show_timers(self, reading: mc.ClockReading) -> None:
        timer = self.query_one("#phase-timer", TimerDisplay)
        planned = reading.phase_planned
        if reading.phase is None:
            timer.show(mc.clock_text(reading.meeting_elapsed), "whole meeting")
        else:
            caption = f"of {mc.clock_text(planned)} planned" if planned else "no planned length"
            over = reading.phase_over > timedelta(0)
            if over:
                caption += f"\n{mc.minutes_text(reading.phase_over)} over"
            timer.show(mc.clock_text(reading.phase_elapsed), caption, over=over)
        if reading.status == "not-started":
            whole = "Meeting not started"
        elif reading.status == "ended":
            whole = f"Meeting {mc.clock_text(reading.meeting_elapsed)}\nended {local_time(self.meeting.record.ended)}"
        else:
            whole = f"Meeting {mc.clock_text(reading.meeting_elapsed)}\nsince {local_time(self.meeting.record.started)}"
        self.query_one("#meeting-timer", Static).update(whole)

    def refresh_view(self) -> None:
        """Redraw everything from the record."""
        phases = self.phases
        reading = mc.read(self.meeting, phases, self.now())
        phase = reading.phase
        self.query_one("#chair-phase", Static).update(
            literal_line(phase.name if phase else "The meeting", 60)
        )
        step = f"phase {reading.index + 1} of {reading.count}" if reading.index is not None else ""
        self.query_one("#chair-step", Static).update(step)
        self._show_timers(reading)
        prompt = self.query_one("#chair-prompt", Static)
        count = self.query_one("#chair-prompt-count", Static)
        if reading.status == "not-started":
            first = f" with {phase.name}" if phase else ""
            prompt.update(literal(f"Ready when you are.\nPress space to start the meeting{first}."))
            count.update("")
        elif reading.status == "ended":
            prompt.update("The meeting has ended. Thank everyone for coming.")
            count.update("Escape: back to the workspace")
        elif phase is None:
            prompt.update("No phases planned for this meeting: captures are stamped with the time only.")
            count.update("")
        elif not phase.prompts:
            prompt.update(literal(phase.name))
            count.update("No prompts for this phase · space: next phase")
        else:
            index = self._prompt_index(phase)
            prompt.update(literal(phase.prompts[index]))
            last = index == len(phase.prompts) - 1
            following = "space: next phase" if last else "space: next prompt"
            count.update(f"prompt {index + 1} of {len(phase.prompts)} · {following}")
        if not self.memory.hidden:
            self._show_details(phase)
        self.refresh_bindings()

    def _show_details(self, phase: mc.PlannedPhase | None) -> None:
        people = self.meeting.people
        marks: dict[str | None, list[str]] = {}
        for person in people:
            if person.attendance is None and not person.expected:
                continue  # declined or not to be invited: not waited for
            marks.setdefault(person.attendance, []).append(one_line(person.name or "(no name)", 24))
        for child in self.meeting.children:
            if child.attendance is None and not child_in_the_room(child):
                continue  # taking part in writing or through others: not waited for in the room
            marks.setdefault(child.attendance, []).append(one_line(child.name or "(no name)", 24))
        lines = ["Who's here (p)"]
        for attendance, label in (
            ("present", "✓ here"),
            ("remote", "@ online"),
            ("phone", "☎ phone"),
            ("part", "◐ part"),
        ):
            if marks.get(attendance):
                lines.append(f"{label}: {', '.join(marks[attendance])}")
        if marks.get("absent"):
            lines.append(f"✗ not here: {len(marks['absent'])}")
        if marks.get(None):
            lines.append(f"· not marked: {len(marks[None])}")
        if not people:
            lines.append("No people listed yet.")
        self.query_one("#chair-present", Static).update(Content("\n".join(lines)))

        phase_id = phase.id if phase else ""
        captures = [c for c in self.meeting.record.captures if c.phase_id == phase_id]
        scales = [s for s in self.meeting.record.scales if s.phase_id == phase_id]
        recent = (
            ["Captured in this phase (c)"]
            if captures or scales
            else ["Nothing captured in this phase yet (c)"]
        )
        for capture in captures[-3:]:
            recent.append(f"{CAPTURE_LABELS.get(capture.kind, capture.kind)}: {one_line(capture.text, 60)}")
        if scales:
            latest = scales[-1]
            recent.append(f"Scale {latest.value}/10: {one_line(latest.who, 30)}")
        self.query_one("#chair-captures", Static).update(Content("\n".join(recent)))

    def _apply_hidden(self) -> None:
        hidden = self.memory.hidden
        self.query_one("#chair-details").display = not hidden
        if hidden:
            # Emptied as well as hidden, so nothing lingers to be shown by mistake.
            self.query_one("#chair-present", Static).update("")
            self.query_one("#chair-captures", Static).update("")
        note = self.query_one("#chair-hidden-note", Static)
        note.update("Names and notes hidden · h: show them" if hidden else "")
        note.display = hidden
        self.sub_title = "" if hidden else one_line(self.meeting.family_label, 40)
        if not hidden:
            self.refresh_view()

    # ------------------------------------------------------------ moving

    def action_next(self) -> None:
        if not self._can_edit():
            return
        phases = self.phases
        status = mc.meeting_status(self.meeting)
        if status == "ended":
            self._say("The meeting has ended.")
            return
        if status == "not-started":
            reasons = self._reasons_to_wait()
            if reasons:
                self.app.push_screen(
                    Confirm(
                        "Start the meeting now?",
                        " ".join(reasons) + " Starting records the time and moves the meeting into "
                        "'the meeting' stage.",
                        default_yes=False,
                    ),
                    callback=self._start_if_yes,
                )
                return
            self._start()
            return
        phase = mc.current_phase(self.meeting, phases)
        if phase is not None and self._prompt_index(phase) < len(phase.prompts) - 1:
            self._set_prompt(phase, self._prompt_index(phase) + 1)
            self._say("")
            self.refresh_view()
            return
        here = mc.position(self.meeting, phases)
        following = 0 if here is None else here + 1
        if following >= len(phases):
            self._say("This is the last phase. Press e to end the meeting.")
            return
        if phases[following].private:
            if is_conference(self.meeting) and following + 1 < len(phases):
                self._offer_family_time(phases[following + 1])
                return
            self.action_family_time()
            return
        moved = mc.advance(self.meeting, phases, self.now())
        if moved is not None:
            self._set_prompt(moved, 0)
        self._moved()

    def _offer_family_time(self, after: mc.PlannedPhase) -> None:
        """A conference offers family time for the outline plan only where the area does: it never blocks."""

        def answered(yes: bool | None) -> None:
            if yes:
                start_family_time_flow(self.app, self.session, ask_to_start=False)
                return
            moved = mc.advance_past_private(self.meeting, self.phases, self.now())
            if moved is not None:
                self._set_prompt(moved, 0)
            self._moved()

        self.app.push_screen(
            Confirm(
                "Private family time to build the outline plan?",
                f"Yes: the professionals leave the room. No: straight on to “{after.name}”.",
                yes="Family time",
                no="Go on",
                default_yes=False,
            ),
            callback=answered,
        )

    def _reasons_to_wait(self) -> list[str]:
        """Why the chair is asked before starting: another day than planned, checks not yet made.

        A stop-and-check (a harm present or not known without specialist advice, a step
        that must be checked first) means the meeting should wait; the chair may still
        start, but never without being told which checks are open.
        """
        from sdm_facilitator.domain.readiness import readiness

        reasons = []
        today = sdm_app(self).today()
        planned = self.meeting.planned_date
        if planned is not None and planned != today:
            reasons.append(f"It is planned for {planned:%a %d %b %Y}.")
        law = sdm_app(self).library.profile_law()
        checks = readiness(self.meeting, self.session.guide, today, law).blockers
        if checks:
            named = "; ".join(one_line(item.text, 70) for item in checks[:3])
            more = f"; and {len(checks) - 3} more" if len(checks) > 3 else ""
            count = "1 check" if len(checks) == 1 else f"{len(checks)} checks"
            reasons.append(f"Stop and check first: {count} not made yet ({named}{more}).")
        return reasons

    def _start_if_yes(self, yes: bool | None) -> None:
        if yes and mc.meeting_status(self.meeting) == "not-started":
            self._start()

    def _start(self) -> None:
        started = mc.start_meeting(self.meeting, self.phases, self.now())
        if started is not None:
            self._set_prompt(started, 0)
        self._moved()

    def action_back(self) -> None:
        if not self._can_edit():
            return
        phases = self.phases
        phase = mc.current_phase(self.meeting, phases)
        if phase is not None and self._prompt_index(phase) > 0:
            self._set_prompt(phase, self._prompt_index(phase) - 1)
            self._say("")
            self.refresh_view()
            return
        here = mc.position(self.meeting, phases)
        if here is not None and here > 0 and self._family_time_not_held(phases[here - 1]):
            # A conference that went on without family time goes back past it.
            moved = mc.go_back(self.meeting, phases, self.now(), past_private=True)
            if moved is not None:
                self._set_prompt(moved, max(len(moved.prompts) - 1, 0))
                self._moved()
            return
        if (
            here is not None
            and here > 0
            and phases[here - 1].private
            and mc.meeting_status(self.meeting) == "running"
        ):
            self.app.push_screen(
                Confirm(
                    "Go back to private family time?",
                    "The professionals leave the room again and the privacy screen is shown.",
                    default_yes=True,
                ),
                callback=self._back_into_family_time,
            )
            return
        moved = mc.go_back(self.meeting, phases, self.now())
        if moved is None:
            self._say("This is the first phase." if mc.meeting_status(self.meeting) == "running" else "")
            return
        self._set_prompt(moved, max(len(moved.prompts) - 1, 0))
        self._moved()

    def _family_time_not_held(self, phase: mc.PlannedPhase) -> bool:
        """A conference's family time that was offered and not taken (the guide makes it optional)."""
        return phase.private and is_conference(self.meeting) and self.meeting.record.phase(phase.id) is None

    def _back_into_family_time(self, yes: bool | None) -> None:
        if yes:
            mc.go_back(self.meeting, self.phases, self.now())
            self._save()
            self._open_family_time()

    def _moved(self) -> None:
        self._say("")
        self._save()
        self.refresh_view()

    # ------------------------------------------------------------ family time and the end

    def action_family_time(self) -> None:
        """Start private family time after asking; an ended meeting is reopened only if the answer is yes."""
        if not self._can_edit():
            return
        start_family_time_flow(self.app, self.session)

    def action_no_family_time(self) -> None:
        """In a meeting without private family time: the note that the facilitator stays throughout."""
        start_family_time_flow(self.app, self.session)

    def _open_family_time(self) -> None:
        if isinstance(self.app.screen, FamilyTimeScreen):
            return
        self.app.push_screen(FamilyTimeScreen(self.session))

    def action_end_meeting(self) -> None:
        if not self._can_edit():
            return
        if mc.meeting_status(self.meeting) != "running":
            self._say("The meeting is not running.")
            return
        self.app.push_screen(
            Confirm("End the meeting now?", "The end time is recorded for every phase.", default_yes=True),
            callback=self._end_meeting,
        )

    def _end_meeting(self, yes: bool | None) -> None:
        if yes:
            mc.end_meeting(self.meeting, self.now())
            self._moved()

    def action_leave(self) -> None:
        """Back to the meeting workspace; the timers carry on from the stored times."""
        if not self.session.read_only:
            clear_in_room(self.session.store.folder, self.meeting.id)
        self.app.pop_screen()

    # ------------------------------------------------------------ capturing

    def action_capture(self, kind: str) -> None:
        if not self._can_edit():
            return
        self.app.push_screen(CaptureDialog(kind, masked=self.memory.hidden), callback=self._captured)

    def _current_phase_id(self) -> str:
        current = self.meeting.record.current_phase
        return current.phase_id if current is not None else ""

    def _captured(self, result: CaptureResult | None) -> None:
        if result is None:
            return
        self.meeting.record.captures.append(
            Capture(kind=result.kind, text=result.text, phase_id=self._current_phase_id(), at=self.now())
        )
        self._save()
        self.refresh_view()
        self._say(f"{CAPTURE_LABELS.get(result.kind, result.kind)} saved at {local_time(self.now())}.")

    def action_scale(self) -> None:
        if not self._can_edit():
            return
        names = [p.name for p in self.meeting.people if p.name] + [
            c.name for c in self.meeting.children if c.name
        ]
        question = scale_question(self.session.guide)
        self.app.push_screen(
            ScaleDialog(names, masked=self.memory.hidden, question=question), callback=self._scaled
        )

    def _scaled(self, result: ScaleResult | None) -> None:
        if result is None:
            return
        self.meeting.record.scales.append(
            ScaleAnswer(
                value=result.value,
                who=result.who,
                note=result.note,
                phase_id=self._current_phase_id(),
                at=self.now(),
            )
        )
        self._save()
        self.refresh_view()
        self._say(f"Scale answer {result.value} saved at {local_time(self.now())}.")

    def action_people(self) -> None:
        if self.memory.hidden:
            self._say("Names are hidden. Press h to show them first.")
            return
        if not self._can_edit():
            return
        self.app.push_screen(PeopleDialog(self.meeting), callback=self._people_changed)

    def _people_changed(self, changed: bool | None) -> None:
        if changed:
            self._save()
        self.refresh_view()

    def action_toggle_hidden(self) -> None:
        self.memory.hidden = not self.memory.hidden
        self._say("")
        self._apply_hidden()

    # ------------------------------------------------------------ a conference's decision record

    def _record_phase(self) -> str:
        """The running phase's id when it records part of a conference's decision, else ""."""
        if not is_conference(self.meeting) or mc.meeting_status(self.meeting) != "running":
            return ""
        phase = mc.current_phase(self.meeting, self.phases)
        return phase.id if phase is not None and phase.id in PHASE_PARTS else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``r`` is shown only where the running phase records part of the decision.

        There ``f`` gives way to it: a conference holds family time only where
        its guide puts it (after the decision, for the outline plan), so the
        footer keeps its room at 80 columns. A guide with no private family
        time (family unity) never shows ``f Family``: there ``f`` only says so.
        """
        if action == "record":
            return bool(self._record_phase())
        has_family_time = self.session.guide is None or self.session.guide.private_family_time
        if action == "no_family_time":
            return not has_family_time
        return not (action == "family_time" and (self._record_phase() or not has_family_time))

    def _forms(self) -> DecisionForms:
        return DecisionForms(self.meeting, self.app, on_change=self._recorded, today=sdm_app(self).today)

    def action_record(self) -> None:
        """Open the part of the decision record the running phase is about."""
        phase_id = self._record_phase()
        if not phase_id:
            return
        if self.memory.hidden:
            self._say("Names are hidden. Press h to show them first.")
            return
        if not self._can_edit():
            return
        quick = QUICK_ADD.get(phase_id)
        if quick:
            self._forms().edit(quick, "")
            return
        rows = phase_rows(self.meeting, phase_id, chosen_law(self))
        if len(rows) == 1:
            self._open_part(row_choice(rows[0]))
            return
        phase = mc.current_phase(self.meeting, self.phases)
        title = f"Record: {phase.name}" if phase is not None else "Record"
        self.app.push_screen(RecordPicker(title, rows), callback=self._open_part)

    def _open_part(self, choice: str | None) -> None:
        if not choice:
            return
        kind, _, ref = choice.partition("|")
        self._forms().edit(kind, ref, challenge_default(self))

    def _recorded(self) -> None:
        self._save()
        self.refresh_view()
        self._say(f"Recorded in the decision at {local_time(self.now())}.")

    # ------------------------------------------------------------ command palette

    def palette_commands(self) -> Iterator[SystemCommand]:
        """Every key of the room under its own name, the footer's and those the footer has no room for."""
        yield from binding_commands(self)

"""Private family time: the privacy screen the family sees while professionals are out.

Opening it records the start (unless family time is already running, as after
a restart); it shows a large countdown, the family's plan questions in plain
language, and nothing from the case: no notes, worries, captures, referral or
names. One key ("b") shows the bottom lines the family was given, which the
questions refer to: they were written for the family to read. The command palette and notifications are switched off while it shows.

Leaving needs a deliberate act: ctrl+e, then typing a word and Enter. A family
member pressing keys at random cannot reach the case notes, nor quit to the
coordinator's shell (``blocks_quit``: the app's ctrl+q is refused here). Ending
records the time and opens plan capture in the meeting workspace.

Every way into family time (the chair's view, the plan section's "back to
family time", the workspace's command) goes through ``start_family_time_flow``,
which asks before reopening a meeting that has already ended.

The screen is the family's, so it speaks their language: every word on it
(the footer's too) is asked of a ``Translator`` for the family's language
choice, with the organisation's catalogue corrections. A test fails on a
string here that does not pass through it. A family who chose Welsh sees
Welsh; one who chose Welsh and English sees both, Welsh first, as their
papers print them (``language_pair``: side by side from 100 columns, Welsh
above English below that; short words joined "Cymraeg / English").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from sdm_facilitator.domain import meeting_clock as mc
from sdm_facilitator.domain.guide import FamilyQuestion
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator, language_from_choice
from sdm_facilitator.storage.session import MeetingSession, SaveOutcome
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import MayBlockQuit, SavesMeeting, ShowsSections
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.room.capture import END_WORD, EndFamilyTimeDialog
from sdm_facilitator.ui.room.language_pair import BREAKPOINTS, LanguagePair, joined
from sdm_facilitator.ui.room.saving import save_now, workspace_for
from sdm_facilitator.ui.room.timer_display import TimerDisplay
from sdm_facilitator.ui.textual_internals import describe_bindings
from sdm_facilitator.ui.widgets.literal import literal
from sdm_facilitator.ui.workspace.catalogue import PLAN_SECTION_ID

#: Used when the meeting has no guide (or the guide has no questions).
DEFAULT_QUESTIONS = (
    FamilyQuestion(N_("What needs to happen so the children are safe and well?")),
    FamilyQuestion(N_("Who will do what, and by when?")),
    FamilyQuestion(N_("What help do you need from services, and from whom?")),
    FamilyQuestion(N_("What will happen if the plan does not work?")),
    FamilyQuestion(N_("How will you all know the plan is working?")),
)

#: Where plan capture lives in the meeting workspace.

#: Whether the command palette was on before the first privacy screen hid it, per app.
#: Kept per app, not per screen, so a privacy screen rebuilt after an error
#: (while the old one is still being removed) never turns the palette back on.
_PALETTE_BEFORE: WeakKeyDictionary[App[Any], bool] = WeakKeyDictionary()


def app_now(node: DOMNode) -> datetime:
    """Now, from the app's clock (fixed in tests): the one "now" of the room's screens."""
    return sdm_app(node).clock()


def family_translators(node: DOMNode, language_choice: str) -> tuple[Translator, ...]:
    """The family screen's languages, Welsh first: English, Welsh, or Welsh and English."""
    chosen = language_from_choice(language_choice)
    if chosen == "en":
        return (ENGLISH,)
    from sdm_facilitator.guides.translations import translator_for
    from sdm_facilitator.paths import user_guides_dir

    welsh = translator_for("cy", user_guides_dir(sdm_app(node).data_dir))
    return (welsh, ENGLISH) if chosen == "cy+en" else (welsh,)


#: The letters a Welsh countdown's caption line holds (``.in-welsh .timer-caption`` in room.tcss,
#: less its padding): wider than English's, as "amser a gynlluniwyd: 90 munud" must not wrap.
#: Two languages share a line where both fit within it.
CAPTION_WIDTH = 32


def caption_lines(per_language: list[list[str]]) -> list[str]:
    """The countdown's caption in each language: a line's Welsh and English joined where they fit, else both."""
    lines: list[str] = []
    for same_line in zip(*per_language, strict=True):
        both = joined(same_line)
        lines.extend([both] if len(both) <= CAPTION_WIDTH else dict.fromkeys(same_line))
    return lines


#: The footer's words, by action, in English: each is asked of the screen's translator.
FOOTER_WORDS = {
    "extend(5)": N_("+5 min"),
    "extend(10)": N_("+10 min"),
    "bottom_lines": N_("Bottom lines"),
    "end": N_("End family time"),
    "explain": N_("How to leave"),
    "app.help_keys": N_("Keys"),
}


class FamilyTimeScreen(MayBlockQuit, Screen[None]):
    """The privacy screen for private family time."""

    #: The app refuses to quit while this screen shows (and hides "Quit" from the footer):
    #: a family member must not be left at the coordinator's shell.
    blocks_quit = True
    #: Two languages side by side on a wide screen, one above the other on a narrow one.
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("5", "extend(5)", FOOTER_WORDS["extend(5)"]),
        Binding("t", "extend(10)", FOOTER_WORDS["extend(10)"]),
        Binding("b", "bottom_lines", FOOTER_WORDS["bottom_lines"]),
        Binding("ctrl+e", "end", FOOTER_WORDS["end"]),
        Binding("escape", "explain", FOOTER_WORDS["explain"], show=False),
        # The app's key list, here so its footer word is in the family's language too.
        Binding("question_mark", "app.help_keys", FOOTER_WORDS["app.help_keys"]),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        #: The family's languages, Welsh first; set for their language choice when the screen is composed.
        self.languages: tuple[Translator, ...] = (ENGLISH,)
        #: The family's first language: the one for numbers and single words.
        self.tr: Translator = ENGLISH

    def compose(self) -> ComposeResult:
        langs = self.languages = family_translators(self, self.session.meeting.choices.language)
        tr = self.tr = langs[0]
        describe_bindings(
            self,
            {action: joined(tr(words) for tr in langs) for action, words in FOOTER_WORDS.items()},
            # In two languages the coordinator's +5 and +10 leave the footer (the keys still work):
            # at 80 columns the family's own key (b) and the way out, each in both, fill the line.
            hidden=("extend(5)", "extend(10)") if len(langs) > 1 else (),
        )
        yield Header()
        with Vertical(id="family-body"):
            yield Static(
                joined(tr("Time for the family, on your own") for tr in langs),
                id="family-heading",
                markup=False,
            )
            with Horizontal(id="family-clock-row"):
                yield TimerDisplay(id="family-countdown", classes="in-welsh" if tr.lang == "cy" else None)
            with VerticalScroll(id="family-questions"):
                # Empty until asked for: nothing from the referral is on the screen unless b is pressed.
                yield Static("", id="family-bottom-lines", markup=False)
                yield Static(
                    joined(tr("Questions for your plan") for tr in langs),
                    classes="section-title",
                    markup=False,
                )
                for number, question in enumerate(self._questions(), 1):
                    with Horizontal(classes="family-question"):
                        yield Static(tr("{number}.", number=number), classes="family-number", markup=False)
                        with Vertical(classes="family-question-text"):
                            yield from self._in_each_language(
                                partial(_question_words, question=question), _question_widgets
                            )
            yield from self._in_each_language(_how, _how_widgets, id="family-how")
        yield Footer(compact=True, show_command_palette=False)

    def _in_each_language(
        self,
        words: Callable[[Translator], tuple[str, ...]],
        build: Callable[[tuple[str, ...]], list[Widget]],
        *,
        id: str | None = None,
    ) -> Iterator[Widget]:
        """A block's widgets in the family's language, or a pair of them (Welsh first) for two.

        A block that reads the same in both (words the catalogue lacks, a
        guide's own question) is shown once, as the bilingual papers print it.
        """
        said = [words(tr) for tr in self.languages]
        if len(set(said)) > 1:
            yield LanguagePair(
                [(tr, build(text)) for tr, text in zip(self.languages, said, strict=True)], id=id
            )
            return
        widgets = build(said[0])
        if id is not None and len(widgets) == 1:
            widgets[0].id = id
        yield from widgets

    def _bottom_lines_text(self) -> Content:
        """The bottom lines from the referral, as the family was given them (typed text, shown literally).

        In two languages the words around them are in both; the lines themselves, once.
        """
        lines = [line for line in self.session.meeting.referral.bottom_lines if line.strip()]
        if not lines:
            return Content(
                "\n".join(
                    tr("No bottom lines were given for this meeting. (b hides this)") for tr in self.languages
                )
            )
        items = [Content(str(number)) + Content(". ") + literal(line) for number, line in enumerate(lines, 1)]
        heading = Content.styled(
            joined(tr("The bottom lines you were given (b hides them)") for tr in self.languages),
            style="bold",
        )
        return Content("\n").join([heading, *items])

    def action_bottom_lines(self) -> None:
        """Show or hide the bottom lines above the questions."""
        panel = self.query_one("#family-bottom-lines", Static)
        panel.display = not panel.display
        panel.update(self._bottom_lines_text() if panel.display else "")
        if panel.display:
            self.query_one("#family-questions", VerticalScroll).scroll_home(animate=False)

    def _questions(self) -> tuple[FamilyQuestion, ...]:
        guide = self.session.guide
        if guide is not None and guide.family_questions:
            return guide.family_questions
        return DEFAULT_QUESTIONS

    # ------------------------------------------------------------ life cycle

    def on_mount(self) -> None:
        self.title = joined(tr("Private family time") for tr in self.languages)
        self.sub_title = ""
        meeting = self.session.meeting
        if not mc.family_time_running(meeting) and not self.session.read_only:
            mc.start_family_time(meeting, self._phases(), self.now())
            save_now(self, self.session)
        self._private_mode(True)
        self._tick()
        self.set_interval(1, self._tick)

    def on_screen_resume(self) -> None:
        self._private_mode(True)

    def on_screen_suspend(self) -> None:
        # A dialog over this screen (ending family time) keeps it private.
        if not isinstance(self.app.screen, ModalScreen):
            self._private_mode(False)

    def on_unmount(self) -> None:
        self._private_mode(False)

    def _private_mode(self, on: bool) -> None:
        """No command palette (it could list meetings) and no notifications while shown."""
        app = self.app
        if on:
            _PALETTE_BEFORE.setdefault(app, app.use_command_palette)
            app.use_command_palette = False
            app.clear_notifications()
            return
        if any(isinstance(s, FamilyTimeScreen) and s is not self for s in app.screen_stack):
            return  # another privacy screen (rebuilt after an error) still needs it off
        if app in _PALETTE_BEFORE:
            app.use_command_palette = _PALETTE_BEFORE.pop(app)

    # ------------------------------------------------------------ time

    now = app_now

    def _phases(self) -> list[mc.PlannedPhase]:
        return mc.planned_phases(self.session.meeting, self.session.guide)

    def _tick(self) -> None:
        meeting = self.session.meeting
        phases = self._phases()
        remaining = mc.family_time_remaining(meeting, phases, self.now())
        planned = mc.family_time_planned(meeting, phases)
        extra = meeting.record.family_time_extra_minutes
        over = remaining < timedelta(0)
        caption = caption_lines([_caption(tr, over, planned, extra) for tr in self.languages])
        timer = self.query_one("#family-countdown", TimerDisplay)
        timer.show(("+" if over else "") + mc.clock_text(remaining), "\n".join(caption), over=over)

    def action_extend(self, minutes: int) -> None:
        if self.session.read_only:
            return
        if mc.extend_family_time(self.session.meeting, minutes):
            save_now(self, self.session)
        self._tick()

    # ------------------------------------------------------------ leaving

    def action_explain(self) -> None:
        shown = self.query(".family-how-text").results(Static)
        for tr, static in zip(self.languages, shown, strict=False):
            static.update(
                tr(
                    "Family time is still going. To end it: ctrl+e, then type '{word}' and press Enter.",
                    word=END_WORD,
                )
            )

    def action_end(self) -> None:
        self.app.push_screen(EndFamilyTimeDialog(), callback=self._ended)

    def _ended(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        if not self.session.read_only:
            mc.end_family_time(self.session.meeting, self._phases(), self.now())
            save_now(self, self.session)
        self.open_plan_capture()

    def open_plan_capture(self) -> None:
        """Back to the meeting workspace, showing the plan, with the side list focused.

        Not the plan's text box: the chair's next key (``m`` for the room)
        would otherwise be typed into the family's words.
        """
        app = self.app
        workspace = workspace_for(self, self.session)
        if workspace is None:
            app.pop_screen()
            return
        target: object = workspace  # a screen, known here by what it promises
        while app.screen is not target and len(app.screen_stack) > 1:
            app.pop_screen()
        if isinstance(workspace, ShowsSections) and any(s.id == PLAN_SECTION_ID for s in workspace.sections):
            workspace.show_section(PLAN_SECTION_ID, enter=False)


def _question_words(tr: Translator, question: FamilyQuestion) -> tuple[str, ...]:
    """One plan question (a guide's, as data) and its hint, if it has one, in ``tr``'s language."""
    return (tr(question.text), tr(question.hint)) if question.hint else (tr(question.text),)


def _question_widgets(words: tuple[str, ...]) -> list[Widget]:
    """A question, then its hint, both shown literally."""
    text, *hint = words
    return [Static(literal(text)), *(Static(literal(h), classes="family-hint muted") for h in hint)]


def _how(tr: Translator) -> tuple[str]:
    """How family time ends, in ``tr``'s language."""
    return (
        tr(
            "When you are ready, call the professionals back. "
            "They end family time with ctrl+e and the word '{word}'.",
            word=END_WORD,
        ),
    )


def _how_widgets(words: tuple[str, ...]) -> list[Widget]:
    return [Static(words[0], classes="family-how-text", markup=False)]


def _caption(tr: Translator, over: bool, planned: timedelta, extra: int) -> list[str]:
    """The countdown's caption in ``tr``'s language, a line at a time."""
    lines = [tr("planned: {minutes} minutes", minutes=int(planned.total_seconds() // 60))]
    if extra:
        lines.append(tr("({minutes} added)", minutes=extra))
    if over:
        return [tr("over the planned time"), tr("Take the time you need."), *lines]
    return [tr("left"), *lines]


# ---------------------------------------------------------------- the way in


def start_family_time_flow(
    app: App[Any],
    session: MeetingSession,
    *,
    ask_to_start: bool = True,
    on_started: Callable[[], None] | None = None,
) -> None:
    """Open private family time for ``session``, asking first where that matters.

    - Family time already running (after a restart): the privacy screen again, no question.
    - The meeting has ended: "The meeting was ended at HH:MM. Reopen it for
      more family time?", with No focused. Starting clears the end time, so it
      is never done silently.
    - Otherwise, with ``ask_to_start``: "Start private family time now?", Yes focused.
    - A guide without private family time (a family unity meeting): a note
      that the facilitator stays throughout, and nothing is started.

    Then the start is recorded and saved (through the workspace, so whatever
    was typed there is saved before the family sees the screen) and the
    privacy screen is shown; ``on_started`` runs after that, never when the
    answer was no. A read-only meeting only shows family time already running.
    """
    meeting = session.meeting
    # The coordinator's words, before the family's screen: English, through the same layer.
    say = ENGLISH

    def go(yes: bool | None = True) -> None:
        if not yes:
            return
        if not mc.family_time_running(meeting):
            phases = mc.planned_phases(meeting, session.guide)
            mc.start_family_time(meeting, phases, sdm_app(app).clock())
            _save(app, session)
        if not isinstance(app.screen, FamilyTimeScreen):
            app.push_screen(FamilyTimeScreen(session))
        if on_started is not None:
            on_started()

    if mc.family_time_running(meeting):
        go()
        return
    guide = session.guide
    if guide is not None and not guide.private_family_time:
        # A family unity meeting has no private family time by design.
        app.notify(
            say("No private family time in this kind of meeting. {note}", note=guide.facilitator_note),
            title=say("Family unity meeting"),
            markup=False,
        )
        return
    if session.read_only:
        app.notify(
            say("This meeting is open read-only: family time cannot be started."),
            severity="warning",
            markup=False,
        )
        return
    ended = meeting.record.ended
    if ended is not None:
        app.push_screen(
            Confirm(
                say(
                    "The meeting was ended at {time}. Reopen it for more family time?",
                    time=f"{ended.astimezone():%H:%M}",
                ),
                say(
                    "Family time starts again with its planned length. "
                    "The meeting's end time is cleared until the meeting is ended again."
                ),
                yes=say("Reopen"),
                no=say("Keep it ended"),
            ),
            callback=go,
        )
        return
    if ask_to_start:
        planned = mc.family_time_planned(meeting, mc.planned_phases(meeting, session.guide))
        minutes = int(planned.total_seconds() // 60)
        app.push_screen(
            Confirm(
                say("Start private family time now?"),
                say(
                    "The professionals leave the room. The privacy screen shows a {minutes} minute "
                    "countdown and the family's questions, and nothing else.",
                    minutes=minutes,
                ),
                default_yes=True,
            ),
            callback=go,
        )
        return
    go()


def _save(app: App[Any], session: MeetingSession) -> SaveOutcome | None:
    """Save now, through the meeting workspace when it is open (it shows the outcome)."""
    session.mark_changed()
    for screen in reversed(app.screen_stack):
        if isinstance(screen, SavesMeeting) and screen.session is session:
            return screen.flush()
    return session.save(now=sdm_app(app).clock())

"""Language hints under text fields: quiet suggestions, never a block.

The hint wraps onto as many lines as it needs, so at 80 columns nothing of
the alternative or the reason is cut off.

Text that goes in the record is checked with the guides' language hints as
it is typed: at once in short fields, after a pause in typing in long notes,
and then only in the paragraphs that changed. The line under
the field names the phrase found and a kinder or plainer alternative; nothing
stops saving.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.language import HintMatch, LanguageMatcher, ParagraphFinder, risk_context
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import SavesMeeting

_matchers: dict[tuple[LanguageHint, ...], LanguageMatcher] = {}


def matcher_for(hints: tuple[LanguageHint, ...]) -> LanguageMatcher:
    """One compiled matcher per set of hints, shared by every field."""
    found = _matchers.get(hints)
    if found is None:
        found = _matchers[hints] = LanguageMatcher(hints)
    return found


def hint_text(matches: list[HintMatch]) -> Content:
    """The hint line: the first phrase found, an alternative, and how many more."""
    if not matches:
        return Content("")
    first = matches[0]
    hint = first.hint
    alternative = f": try “{one_line(hint.alternatives[0])}”" if hint.alternatives else ""
    more = len(matches) - 1
    tail = f" (+{more} more)" if more else ""
    return Content.assemble(
        ("✎ Language hint ", "bold"),
        f"“{one_line(first.text, 40)}” ({hint.category}){alternative}. ",
        (one_line(hint.why), "italic"),
        tail,
    )


class HintLine(Static):
    """The quiet line under a text field listing language hints.

    Short texts are checked on every key. In a long note the check waits
    for a pause in typing (``LONG_TEXT_DELAY``), and then only the
    paragraphs that changed are scanned again: typing never waits for it.
    """

    DEFAULT_CSS = """
    HintLine { color: $text-muted; height: auto; width: 1fr; display: none; }
    HintLine.-shown { display: block; }
    """

    #: Texts up to this long are checked at once.
    LONG_TEXT = 5_000
    LONG_TEXT_DELAY = 0.25

    def __init__(self) -> None:
        super().__init__("", markup=False, classes="hint-line")
        self.matches: list[HintMatch] = []
        self._finder: ParagraphFinder | None = None
        self._pending: str | None = None
        self._timer: Timer | None = None

    def show_for(self, text: str) -> None:
        """Show the hints for ``text``: now when it is short, after a pause in typing when it is long."""
        if len(text) <= self.LONG_TEXT:
            self._cancel()
            self._show(text)
            return
        self._pending = text
        self._cancel()
        self._timer = self.set_timer(self.LONG_TEXT_DELAY, self._show_pending)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _show_pending(self) -> None:
        self._timer = None
        if self._pending is not None:
            text, self._pending = self._pending, None
            self._show(text)

    def _risks(self) -> frozenset[str]:
        """The open meeting's risk-screen kinds present or not known: "argument" is a hint where there is domestic abuse.

        The meeting is held by the nearest screen below that saves one (the
        workspace or the room), also when this line is in a dialog above it.
        """
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, SavesMeeting):
                return risk_context(screen.session.meeting.risks)
        return frozenset()

    def _show(self, text: str) -> None:
        hints = tuple(sdm_app(self).library.language_hints)
        if self._finder is None or self._finder.matcher.hints != hints:
            self._finder = ParagraphFinder(matcher_for(hints)) if hints else None
        self.matches = self._finder.find(text, self._risks()) if self._finder is not None and text else []
        self.update(hint_text(self.matches))
        self.set_class(bool(self.matches), "-shown")

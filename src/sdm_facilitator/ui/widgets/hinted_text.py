"""Language hints under text fields: quiet suggestions, never a block.

The hint wraps onto as many lines as it needs, so at 80 columns nothing of
the alternative or the reason is cut off.

Text that goes in the record is checked with the guides' language hints as
it is typed (the matcher is fast enough for every key press). The line under
the field names the phrase found and a kinder or plainer alternative; nothing
stops saving.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from sdm_facilitator.domain.guide import LanguageHint
from sdm_facilitator.domain.language import HintMatch, LanguageMatcher
from sdm_facilitator.domain.safe_text import one_line

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
    """The quiet line under a text field listing language hints."""

    DEFAULT_CSS = """
    HintLine { color: $text-muted; height: auto; width: 1fr; display: none; }
    HintLine.-shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False, classes="hint-line")
        self.matches: list[HintMatch] = []

    def show_for(self, text: str) -> None:
        library = getattr(self.app, "library", None)
        hints = tuple(getattr(library, "language_hints", ()) or ())
        self.matches = matcher_for(hints).find(text) if hints and text else []
        self.update(hint_text(self.matches))
        self.set_class(bool(self.matches), "-shown")

"""Every text a person typed is shown literally on every screen: no crash, no lost brackets, no action.

A meeting gets the same hostile text in every free-text field (the filler in
``hardening/hostile.py`` walks the whole model). The test opens the home
screen, the workspace and every section, the chair's view and the private
family time screen, and on each one checks:

- no exception (none raised, none caught by the app's crash handler);
- the text appears as typed in at least one widget's rendered content (or an
  Input/TextArea value): if markup had been parsed, brackets would be gone;
- nothing was triggered: the app still runs and the same screen is showing.

Screens that show none of the meeting's text are listed in ``SHOWN`` and
printed, so a reader can see what was covered.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.errors import MarkupError
from rich.text import Text
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, TextArea

from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.ui.workspace.catalogue import all_sections
from support.app_helpers import bundled_library, make_app, new_meeting, save_meetings
from support.hostile import fill_meeting
from support.strategies import HOSTILE_TEXTS

# Distinctive strings: if markup were parsed, the marker word would appear without its brackets.
# Maps each string to its (literal marker, the word markup parsing would leave without it) pairs.
MARKED = {
    "[bold red]zqbold[/bold red] \\[x]": (("[bold red]zqbold", "zqbold"),),
    "[@click=app.quit]zqclick[/]": (("[@click=app.quit]zqclick", "zqclick"),),
    "zqlist[int] and [link=https://example.org]zqlink[/link]": (("zqlist[int]", "zqlist"),),
}
#: The default run's one string: the three most dangerous at once (a stray closing tag first,
#: which Rich's and Textual's markup reject outright; an action link; a link and a type hint).
#: Each screen is drawn once with it rather than once per string; --slow tries each alone too.
COMBINED = "[/] [@click=app.quit]zqclick[/] zqlist[int] and [link=https://example.org]zqlink[/link]"
MARKED[COMBINED] = (("[@click=app.quit]zqclick", "zqclick"), ("zqlist[int]", "zqlist"))
EXTRA_HOSTILE = ["\x1b[31mred\x1b[0m \u202eevil\u202c", *MARKED]
ALL_TEXTS = [*HOSTILE_TEXTS, *EXTRA_HOSTILE]
DEFAULT_TEXTS = {COMBINED}
SHOWN: dict[str, dict[str, bool]] = {}


def _plain(value: object) -> str:
    if isinstance(value, (Content, Text)):
        return value.plain
    return str(value)


def _table_cell(value: object) -> str:
    """A table cell as the table draws it: a plain string cell is read as markup, Rich Text never is."""
    if isinstance(value, str):
        try:
            return Text.from_markup(value).plain
        except MarkupError as error:
            raise AssertionError(
                f"a table cell is read as markup and cannot be drawn: {value[:60]!r}"
            ) from error
    return _plain(value)


def widget_texts(widget: Widget) -> list[str]:
    """What a widget shows, as plain text; rendering errors propagate (that is the failure)."""
    if isinstance(widget, Input):
        return [widget.value]
    if isinstance(widget, TextArea):
        return [widget.text]
    if isinstance(widget, DataTable):
        out = [_table_cell(c.label) for c in widget.columns.values()]
        for row_key in widget.rows:
            out.extend(_table_cell(cell) for cell in widget.get_row(row_key))
        return out
    if isinstance(widget, OptionList):
        return [_plain(option.prompt) for option in widget.options]
    try:
        rendered = widget.render()
    except Exception as error:  # a widget that cannot even render the text
        raise AssertionError(
            f"{type(widget).__name__}#{widget.id} failed to render: {type(error).__name__}"
        ) from error
    return [_plain(rendered)] if isinstance(rendered, (Content, Text, str)) else []


def screen_texts(screen: Widget) -> list[tuple[str, str]]:
    found = []
    for widget in screen.walk_children(with_self=False):
        for text in widget_texts(widget):
            if text:
                found.append((f"{type(widget).__name__}#{widget.id}", text))
    return found


def needles(text: str) -> list[str]:
    """Acceptable literal renderings: as typed, with controls made visible, or on one shortened line."""
    short = 30
    return [n[:short] for n in {text, visible(text), one_line(text)}]


def shows_literally(root: Widget, text: str) -> bool:
    texts = [t for _, t in screen_texts(root)]
    compact = [t.replace("\n", " ") for t in texts]
    return any(n in t for n in needles(text) for t in texts + compact)


def literal_around(shown: str, marker: str, word: str) -> bool:
    """Every ``word`` in ``shown`` sits inside ``marker`` as typed (a shortened tail ending in … is fine)."""
    at = marker.index(word)
    before, after = marker[:at], marker[at + len(word) :]
    start = 0
    while (i := shown.find(word, start)) >= 0:
        start = i + 1
        if shown[max(i - len(before), 0) : i] != before:
            return False
        tail = shown[i + len(word) : i + len(word) + len(after)]
        cut = tail.find("…")
        if (tail[:cut] if cut >= 0 else tail) != after[: cut if cut >= 0 else len(after)]:
            return False
    return True


async def _settle(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert not getattr(app, "handled_errors", []), f"the app caught an error: {app.handled_errors!r}"
    assert app._exception is None
    assert app.is_running


def _check(app, screen: Screen[object], name: str, text: str, root: Widget | None = None) -> None:  # type: ignore[no-untyped-def]
    assert app.screen is screen, f"{name}: the screen changed (an action ran?)"
    root = root or screen
    SHOWN.setdefault(name, {})[repr(text[:20])] = shows_literally(root, text)
    for marker, word in MARKED.get(text, ()):
        for widget_name, shown in screen_texts(root):
            assert literal_around(shown.replace("\n", " "), marker, word), (
                f"{name}: {widget_name} parsed the text as markup: {shown[:80]!r}"
            )


@pytest.mark.parametrize(
    "text",
    [t if t in DEFAULT_TEXTS else pytest.param(t, marks=pytest.mark.slow) for t in ALL_TEXTS],
    ids=lambda t: repr(t[:16]),
)
async def test_hostile_text_on_every_screen(isolated_data_dir: Path, text: str) -> None:
    started = time.perf_counter()
    meeting = new_meeting(label=text)
    guide = bundled_library().get(meeting.guide_id)
    for step in guide.steps if guide else ():
        meeting.step_state(step.id)  # so the steps section has notes to show
    meeting = fill_meeting(meeting, [text])
    meeting.family_label = text
    save_meetings(isolated_data_dir, meeting)
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot, app)
        _check(app, app.screen, "home", text)

        app.open_meeting(meeting.id)
        await _settle(pilot, app)
        workspace = app.screen
        assert type(workspace).__name__ == "MeetingScreen"
        for section in all_sections(meeting.kind):
            await workspace.show_section(section.id)  # type: ignore[attr-defined]
            await _settle(pilot, app)
            _check(app, workspace, f"section {section.id}", text, workspace.query_one(f"#{section.id}"))

        try:
            from sdm_facilitator.ui.room.chair import ChairScreen
        except ImportError:  # pragma: no cover - screen not built yet
            ChairScreen = None  # type: ignore[assignment,misc]
        if ChairScreen is not None:
            chair = ChairScreen(workspace.session)  # type: ignore[attr-defined]
            await app.push_screen(chair)
            await _settle(pilot, app)
            _check(app, chair, "chair's view", text)

        try:
            from sdm_facilitator.ui.room.family_time import FamilyTimeScreen
        except ImportError:  # pragma: no cover
            FamilyTimeScreen = None  # type: ignore[assignment,misc]
        if FamilyTimeScreen is not None:
            family = FamilyTimeScreen(workspace.session)  # type: ignore[attr-defined]
            await app.push_screen(family)
            await _settle(pilot, app)
            _check(app, family, "family time", text)
    assert app.return_code in (None, 0)
    SHOWN.setdefault("_seconds", {})[repr(text[:20])] = round(time.perf_counter() - started, 2)  # type: ignore[assignment]


def test_report_coverage() -> None:
    """Print which screens showed the hostile text (run after the parametrised test)."""
    for name, results in SHOWN.items():
        print(f"{name}: {results}")

"""A tick list shows ✓ on a ticked row and a blank on the others, so colour is never the only sign.

Textual's own ``SelectionList`` draws "X" on every row; if a new Textual
changes that character, ``selection_button_mark`` and this test say so.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import SelectionList

from sdm_facilitator.ui import textual_internals as ti
from sdm_facilitator.ui.widgets.form_fields import choice_list


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield choice_list([("In person", "in-person"), ("By phone [/]", "phone")], ["phone"], id="ways")


def _row(app: App[None], y: int) -> str:
    return app.query_one("#ways", SelectionList).render_line(y).text


async def test_the_mark_changes_with_the_tick_not_only_the_colour() -> None:
    assert ti.selection_button_mark() == "X"
    app = OneList()
    async with app.run_test() as pilot:
        await pilot.pause()
        rows = [_row(app, 0), _row(app, 1)]
        assert "▐ ▌ In person" in rows[0]
        assert "▐✓▌ By phone [/]" in rows[1], "ticked, and the label shown literally"
        app.query_one("#ways", SelectionList).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "▐✓▌ In person" in _row(app, 0)
        assert app.query_one("#ways", SelectionList).selected == ["phone", "in-person"]

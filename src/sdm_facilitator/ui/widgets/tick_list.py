"""A list where several choices may be ticked, showing ✓ on a ticked row and nothing on the others.

Textual's ``SelectionList`` draws the same "X" on every row and tells ticked
from unticked by colour alone; in high contrast or on a monochrome terminal
they look the same. Colour is never the only sign in this app, so the mark
itself changes here.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from sdm_facilitator.ui.textual_internals import selection_button_mark

TICKED, UNTICKED = "✓", " "


class TickList(SelectionList[str]):
    """A ``SelectionList`` whose button shows ✓ when ticked and a blank when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == selection_button_mark():
            mark = TICKED if selection.value in self.selected else UNTICKED
            segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)

"""The high-contrast theme keeps muted and placeholder text bright but unlike typed text."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.widgets import Input

from sdm_facilitator.ui.workspace.screen import MeetingScreen
from support.app_helpers import save_meetings
from support.pilot_helpers import settle
from support.prep_fixtures import new_prep_meeting, prep_app

SIZE = (80, 24)


def _contrast(one: Color, two: Color) -> float:
    """The WCAG contrast ratio of two opaque colours."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rich_colour(style) -> Color:  # type: ignore[no-untyped-def]
    return Color(*style.color.get_truecolor())


async def test_high_contrast_keeps_muted_and_placeholder_text_bright(isolated_data_dir: Path) -> None:
    save_meetings(isolated_data_dir, new_prep_meeting())
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert app.theme == "sdm-high-contrast"
        black = Color.parse("#000000")
        variables = app.get_css_variables()
        for name in ("text-muted", "foreground-muted", "text-disabled"):
            assert not variables[name].startswith("auto"), (name, variables[name])  # a 60% or 38% blend
            colour = black + Color.parse(variables[name])
            assert _contrast(colour, black) >= 7, (name, variables[name])
        # The home screen's filter placeholder: readable, and not white like typed text.
        home_filter = app.screen.query(Input).first()
        placeholder = _rich_colour(home_filter.get_component_rich_style("input--placeholder"))
        assert _contrast(placeholder, black) >= 7
        assert placeholder != Color.parse("#FFFFFF")
        # A muted line in the workspace, and the side list's group headings.
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        muted = next(iter(screen.query(".section-help, .muted, .empty-note")), None)
        if muted is not None:
            assert _contrast(black + muted.styles.color, black) >= 7
        side = screen.query("OptionList").first()
        heading = _rich_colour(side.get_component_rich_style("option-list--option-disabled"))
        assert _contrast(heading, black) >= 7

"""Fields keep their first letters in view after the focus leaves, and a required marker stays on its label's line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from sdm_facilitator.ui.dialogs.form import FormDialog
from support.app_helpers import make_app, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section, start
from support.prep_fixtures import full_meeting, prep_app
from ui.workspace.test_holding_a_review_early import meeting_with_a_review_ahead

LONG_VENUE = "Community centre on Market Street back room by the garden door"


async def test_a_long_value_shows_its_beginning_after_the_focus_leaves(isolated_data_dir: Path) -> None:
    meeting = full_meeting()
    meeting.choices.venue = ""
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(meeting.id)
        await settle(pilot)
        await app.screen.show_section("prep-choices")
        await settle(pilot)
        venue = app.screen.query_one("#ch-venue", Input)
        venue.focus()
        await settle(pilot)
        await type_text(pilot, LONG_VENUE)
        assert venue.scroll_offset.x > 0, "while typing, the end is in view"
        await pilot.press("tab")
        await settle(pilot)
        assert venue.scroll_offset.x == 0, "after leaving, the first letters are in view"
        assert venue.value == LONG_VENUE


async def test_a_required_label_fits_on_one_line(isolated_data_dir: Path) -> None:
    meeting = meeting_with_a_review_ahead()
    app = start(isolated_data_dir, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, meeting.id, "follow-up")
        app.screen.query_one("#fu-reviews").focus()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        labels = list(app.screen.query(".form-label").results(Label))
        decided = next(label for label in labels if str(label.render()).startswith("What was decided"))
        assert str(decided.render()) == "What was decided *"
        assert decided.size.height == 1 and decided.size.width >= len("What was decided *")


async def test_a_long_label_takes_two_lines_and_never_runs_into_its_box(isolated_data_dir: Path) -> None:
    """The advice form's conditions: 'Separate arrival and waiting rooms' was cut where its box began."""
    from sdm_facilitator.domain.labels import CONDITION_KIND_LABELS
    from sdm_facilitator.domain.risks import RiskAdvice
    from sdm_facilitator.ui.workspace.preparation.risks import advice_fields

    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(FormDialog("Forced marriage: specialist advice", advice_fields(RiskAdvice())))
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        labels = list(dialog.query(".form-label").results(Label))
        for label in labels:
            words = str(label.render())
            box = label.parent.children[1]  # type: ignore[union-attr]
            assert label.region.right <= box.region.x, words
            # Wholly inside its row (nothing clipped), and a blank column before the box on every line.
            assert label.parent.region.contains_region(label.region), words  # type: ignore[union-attr]
            strips = label.render_lines(label.region.reset_offset)
            assert all(strip.text.endswith(" ") for strip in strips), words
            drawn = " ".join(strip.text.strip() for strip in strips)
            assert " ".join(drawn.split()) == words, (drawn, words)
        long = {w for w in CONDITION_KIND_LABELS.values() if len(w) > 27}
        assert long and all(label.size.height == 2 for label in labels if str(label.render()) in long)

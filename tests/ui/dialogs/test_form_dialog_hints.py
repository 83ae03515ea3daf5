"""Plan and follow-up forms show language hints under the text being written, never for dates."""

from __future__ import annotations

from textual.app import App

from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.widgets.hinted_text import HintLine
from support.app_helpers import bundled_library
from support.pilot_helpers import settle, type_text


class _FormApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(
            FormDialog(
                "A plan change",
                [
                    FormField("what", "What changed", required=True),
                    FormField("reason", "Why", "long"),
                    FormField("on", "Date", "date"),
                ],
            )
        )


async def test_text_fields_get_hints_and_dates_do_not() -> None:
    app = _FormApp()
    app.library = bundled_library()  # type: ignore[attr-defined]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hint = app.screen.query_one(HintLine)
        await type_text(pilot, "Dad was non-compliant")
        await settle(pilot)
        assert hint.has_class("-shown") and "non-compliant" in str(hint.content)
        await pilot.press("tab")
        await type_text(pilot, "after the placement breakdown")
        await settle(pilot)
        assert "placement breakdown" in str(hint.content)
        await pilot.press("tab")
        await type_text(pilot, "2026-03-04")
        await settle(pilot)
        assert "placement breakdown" in str(hint.content)  # a date never replaces the hint

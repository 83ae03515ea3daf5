"""A stop-and-check step is never cleared by one key: the risk screen clears it, or a written reason does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.domain.step_progress import step_progress
from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.ui.app import SdmApp
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.workspace.preparation.risks import RisksSection
from sdm_facilitator.ui.workspace.preparation.steps import StepRow
from support.app_helpers import FakeClock, bundled_library, reload, save_meetings
from support.pilot_helpers import settle, type_text
from support.plan_helpers import open_section
from support.risk_helpers import advice
from ui.workspace.test_guide_record_and_needs import bundled_app, fgc_meeting

STEP = "prep-stop-forced-marriage"


async def focus_step(app: SdmApp, pilot, step_id: str) -> StepRow:  # type: ignore[no-untyped-def]
    app.screen.query_one("#prep-steps").focus_step(step_id)  # type: ignore[attr-defined]
    await settle(pilot)
    row = app.screen.query_one(f"#step-{step_id}", StepRow)
    assert app.screen.focused is row
    return row


@pytest.mark.parametrize("key", ["space", "n", "x"])
async def test_a_key_never_clears_a_stop_and_check_step(isolated_data_dir: Path, key: str) -> None:
    meeting = fgc_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-steps")
        row = await focus_step(app, pilot, STEP)
        await pilot.press(key)
        await settle(pilot)
        assert row.progress.is_open
        assert str(row.query_one(".step-title", Static).content).startswith("[■] ")
        assert str(row.query_one(".step-due", Static).content) == "■ check before going ahead"
        # It says why, and what does clear it.
        assert any("clears only from the risk screen" in n.message for n in app._notifications)
        assert app.screen.focused is row  # nothing else was opened or moved
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = reload(isolated_data_dir, meeting.id)
    assert saved.steps.get(STEP) is None or saved.steps[STEP].status == "todo"


async def test_enter_and_r_open_the_risk_screen_at_that_kind_which_clears_the_step(
    isolated_data_dir: Path,
) -> None:
    meeting = fgc_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-steps")
        row = await focus_step(app, pilot, STEP)
        await pilot.press("enter")
        await settle(pilot)
        risks = app.screen.query_one(RisksSection)
        table = risks.query_one("#risks-table", DataTable)
        assert app.screen.focused is table
        assert risks.current() == ("forced-marriage", None)
        # Screened: not present. The step is now done, from the risk screen.
        await pilot.press("n")
        await settle(pilot)
        assert not row.progress.is_open
        assert row.progress.label() == "done (from the risk screen)"
        await app.screen.show_section("prep-steps")  # type: ignore[attr-defined]
        await settle(pilot)
        row = await focus_step(app, pilot, "prep-stop-sexual-abuse")
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one(RisksSection).current() == ("sexual-abuse", None)


async def test_readiness_sends_a_stop_step_blocker_to_the_risk_screen(isolated_data_dir: Path) -> None:
    meeting = fgc_meeting()
    meeting.risks.append(Risk(kind="forced-marriage", status="present", advice=advice(outcome="go-ahead")))
    meeting.risks[0].advice.on = None  # not recorded: still a blocker
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-readiness")
        options = app.screen.query_one("#readiness-list")
        options.focus()
        options.highlighted = 1  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(RisksSection).current() == ("forced-marriage", meeting.risks[0])


def library_with_a_plain_stop_step() -> tuple[GuideLibrary, str]:
    """The bundled library with the fgc guide's sexual-abuse step left without a risk kind."""
    library = bundled_library()
    fgc = library.guides["fgc"]
    steps = tuple(
        dataclasses.replace(s, risk=None) if s.id == "prep-stop-sexual-abuse" else s for s in fgc.steps
    )
    changed = GuideLibrary(
        guides={**library.guides, "fgc": dataclasses.replace(fgc, steps=steps)},
        language_hints=library.language_hints,
    )
    return changed, "prep-stop-sexual-abuse"


async def test_a_stop_step_without_a_risk_kind_clears_only_with_a_written_reason(
    isolated_data_dir: Path,
) -> None:
    library, step_id = library_with_a_plain_stop_step()
    meeting: Meeting = fgc_meeting()
    save_meetings(isolated_data_dir, meeting)
    app = SdmApp(data_dir=isolated_data_dir, library=library, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-steps")
        row = await focus_step(app, pilot, step_id)
        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")  # no reason: refused, the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "please fill this in" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert row.progress.is_open
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Police and social worker: no concern of sexual abuse")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert step_progress(row.section.meeting, row.step).status == "na"
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = reload(isolated_data_dir, meeting.id)
    assert (saved.steps[step_id].status, saved.steps[step_id].note) == (
        "na",
        "Police and social worker: no concern of sexual abuse",
    )


async def test_a_risk_screened_present_is_cleared_only_with_how_it_is_known(isolated_data_dir: Path) -> None:
    meeting = fgc_meeting()
    risk = Risk(kind="forced-marriage", status="present", screened_on=meeting.created.date(), advice=advice())
    meeting.risks.append(risk)
    save_meetings(isolated_data_dir, meeting)
    app = bundled_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-risks")
        risks = app.screen.query_one(RisksSection)
        risks.query_one("#risks-table", DataTable).focus()
        risks._select(risks.meeting.risks[-1])
        await settle(pilot)
        assert risks.current() is not None and risks.current()[0] == "forced-marriage"  # type: ignore[index]
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        intro = str(dialog.query_one("#form-intro", Static).render())
        assert "recorded as present (advice from Priya (IDVA))" in intro
        # Nothing changes until it is said how it is known: Esc leaves it present, an empty source is refused.
        await pilot.press("escape")
        await settle(pilot)
        assert risks.meeting.risks[-1].status == "present"
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and risks.meeting.risks[-1].status == "present"
        await type_text(pilot, "Police check [b]done[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = next(r for r in reload(isolated_data_dir, meeting.id).risks if r.kind == "forced-marriage")
    assert (saved.status, saved.source) == ("not-present", "Police check [b]done[/b]")
    # What was recorded while it was present stays.
    assert saved.advice.by == "Priya (IDVA)"

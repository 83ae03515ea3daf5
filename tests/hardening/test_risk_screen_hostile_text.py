"""The risk screen's free text (risk name, source, advice by/role/instead, conditions, people) is shown as typed.

The whole-app suite (``test_literal_text_screens``) opens the section with the
generic filler; this one opens the selected risk's details and the dialogs
that show its words (advice, people), where a markup slip would act or vanish.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hardening.test_literal_text_screens import (
    COMBINED,
    MARKED,
    literal_around,
    screen_texts,
    shows_literally,
)
from sdm_facilitator.domain.meeting import Person, iter_meeting_texts
from sdm_facilitator.domain.risks import AdviceCondition, Risk, RiskAdvice
from sdm_facilitator.ui.dialogs.form import FormDialog
from sdm_facilitator.ui.dialogs.pick import PickDialog
from sdm_facilitator.ui.workspace.preparation.risks import RisksSection
from support.app_helpers import FIXED_TODAY, save_meetings
from support.hostile import fill
from support.pilot_helpers import settle
from support.plan_helpers import open_section
from support.prep_fixtures import new_prep_meeting, prep_app


def test_every_risk_text_is_yielded_for_the_hints_and_hostile_suites() -> None:
    meeting = new_prep_meeting()
    counter = iter(f"risk-text-{i}" for i in range(1000))
    meeting.risks = [fill(Risk(), counter)]
    meeting.risks[0].advice.conditions = [fill(AdviceCondition(), counter)]
    filled = {
        meeting.risks[0].name,
        meeting.risks[0].source,
        meeting.risks[0].advice.by,
        meeting.risks[0].advice.role,
        meeting.risks[0].advice.instead,
        meeting.risks[0].advice.conditions[0].what,
    }
    yielded = {text for _label, text in iter_meeting_texts(meeting)}
    assert filled <= yielded, filled - yielded


@pytest.mark.parametrize("text", sorted(set(MARKED) - {COMBINED}), ids=lambda t: repr(t[:16]))
async def test_risk_words_and_people_show_literally(isolated_data_dir: Path, text: str) -> None:
    meeting = new_prep_meeting()
    meeting.people = [Person(id="p-1", name=text, role="parent", invitation="invited")]
    meeting.risks = [
        Risk(
            kind="other",
            name=text,
            status="present",
            at_risk=["p-1"],
            causing_harm=["p-1"],
            source=text,
            screened_on=FIXED_TODAY,
            advice=RiskAdvice(
                by=text,
                role=text,
                on=FIXED_TODAY,
                outcome="do-not-go-ahead",
                instead=text,
                conditions=[AdviceCondition(kind="other", what=text)],
            ),
        )
    ]
    save_meetings(isolated_data_dir, meeting)
    app = prep_app(isolated_data_dir)

    def literal_everywhere(root) -> None:  # type: ignore[no-untyped-def]
        assert shows_literally(root, text)
        for where, shown in screen_texts(root):
            for marker, word in MARKED[text]:
                assert literal_around(shown.replace("\n", " "), marker, word), (where, shown[:80])

    async with app.run_test(size=(120, 40)) as pilot:
        await open_section(app, pilot, meeting.id, "prep-risks")
        risks = app.screen.query_one(RisksSection)
        risks.focus_step(meeting.risks[0].id)
        await settle(pilot)
        workspace = app.screen
        literal_everywhere(risks)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        literal_everywhere(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is workspace
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        literal_everywhere(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is workspace and app.is_running

"""The decision letter from ctrl+o: offered for a child protection conference only, written with key presses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList

from sdm_facilitator.domain.conference import AgencyView, ChildDecision, Conference, ParentView
from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.ui.dialogs.export import ExportDialog
from support.app_helpers import new_meeting
from support.plan_helpers import MEETING_DAY, held_meeting, open_export_dialog, open_section, start

PRIVATE_REASON = "Police intelligence the family must not see."


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(folder))
    return folder


def _conference() -> Meeting:
    m = new_meeting("cp-conference", "Hollins [b]family[/b]", when=MEETING_DAY, children=[("Leo", 13)])
    mum = Person(name="Kerry Hollins", role="parent", relationship="mum")
    worker = Person(name="Priya Nair", role="professional", relationship="social worker")
    m.people = [mum, worker]
    m.conference = Conference(
        stage="initial",
        agency_views=[
            AgencyView(
                agency="Police", person="DC Okafor", view="likely", reason=PRIVATE_REASON, not_for_family=True
            )
        ],
        parent_views=[ParentView(person_id=mum.id, words="[b]I[/b] want Leo home.")],
        decisions=[ChildDecision(child_id=m.children[0].id, decision="plan-needed", categories=["neglect"])],
        lead_practitioner=worker.id,
        review_date=date(2026, 6, 1),
    )
    return m


def _offered(dialog: ExportDialog) -> list[str | None]:
    papers = dialog.query_one("#export-paper", OptionList)
    return [papers.get_option_at_index(i).id for i in range(papers.option_count)]


async def test_the_dialog_offers_the_decision_letter_for_a_conference_and_writes_it(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = _conference()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        offered = _offered(dialog)
        assert "decision-letter" in offered
        papers = dialog.query_one("#export-paper", OptionList)
        assert "The outline child protection plan" in str(papers.get_option_at_index(0).prompt)
        await pilot.press(*["down"] * offered.index("decision-letter"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        target = documents / f"decision-letter-{m.id}.html"
        page = target.read_text()
        assert "What the child protection conference decided" in page
        assert "Priya Nair, social worker" in page and "[b]I[/b] want Leo home." in page
        assert PRIVATE_REASON not in page and "DC Okafor" not in page
        assert app.screen.last_export_message == (  # type: ignore[attr-defined]
            f"Saved the decision letter to {target}. It is yours to keep safe now."
        )


async def test_the_dialog_leaves_the_decision_letter_out_for_a_family_group_conference(
    isolated_data_dir: Path, documents: Path
) -> None:
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await open_export_dialog(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        offered = _offered(dialog)
        assert "decision-letter" not in offered and "record" in offered
        papers = dialog.query_one("#export-paper", OptionList)
        assert "The family's plan" in str(papers.get_option_at_index(0).prompt)

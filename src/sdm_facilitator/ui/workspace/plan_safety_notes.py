"""The plan safety check's findings, shown at the top of the plan section.

Warnings for the coordinator, never blocks: the plan can still be agreed and
sent. Drawn again whenever the plan changes (the plan section calls
``show_for`` after every edit), and hidden when there is nothing to say. The
family's words are quoted as they are, never changed and never read as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.plan_safety import PlanFinding, plan_findings
from sdm_facilitator.ui.widgets.literal import literal

HEADING = "Plan safety check: needs another look before it goes out (the family's words stay as they are)"


class PlanSafetyNotes(Static):
    """One warning per finding, under a heading; nothing at all when the plan raises none."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.findings: list[PlanFinding] = []
        self.display = False

    def show_for(self, meeting: Meeting, words: PlanCheckWords) -> None:
        """Check the plan now and show what was found."""
        self.findings = plan_findings(meeting, words)
        self.display = bool(self.findings)
        if not self.findings:
            self.update("")
            return
        parts: list[Content | str | tuple[str, str]] = [(HEADING, "bold")]
        for finding in self.findings:
            parts += ["\n• ", literal(finding.text)]
        self.update(Content.assemble(*parts))

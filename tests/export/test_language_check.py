"""The family's papers are checked against the guide's language hints; the professionals' are not."""

from __future__ import annotations

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.paper_catalogue import describe_hint, export_meeting
from sdm_facilitator.guides.loader import GuideLibrary


def test_hints_in_family_papers_are_listed_once(
    meeting: Meeting, guide: Guide, library: GuideLibrary
) -> None:
    meeting.plan.family_words = "No more supervised contact. Supervised contact ends."
    meeting.plan.contingency = "If Mum is non-compliant, Sue steps in."
    exported = export_meeting(meeting, guide, "plan", "md", hints=library.language_hints)
    phrases = [match.text.casefold() for match in exported.hints]
    # The fixed meeting has domestic abuse on its risk screen: its action's "argument" is flagged too.
    assert phrases == ["supervised contact", "argument", "non-compliant"]
    line = describe_hint(exported.hints[0])
    assert line.startswith('"supervised contact" -> try: ') and line.endswith(")")
    assert b"supervised contact" in exported.data  # a hint never changes the family's words


def test_the_record_is_not_checked(meeting: Meeting, guide: Guide, library: GuideLibrary) -> None:
    meeting.plan.family_words = "No more supervised contact."
    assert export_meeting(meeting, guide, "record", "md", hints=library.language_hints).hints == ()


def test_family_papers_are_checked_with_the_meetings_risk_screen(
    meeting: Meeting, guide: Guide, library: GuideLibrary
) -> None:
    """ "Argument" is a hint on a family paper only where domestic abuse is present or not known."""
    from sdm_facilitator.domain.risks import Risk

    meeting.plan.contingency = "If there is an argument, Sue takes the children."

    def found() -> list[str]:
        exported = export_meeting(meeting, guide, "plan", "md", hints=library.language_hints)
        return [match.text for match in exported.hints if match.hint.phrase == "argument"]

    meeting.risks = [Risk(kind="domestic-abuse", status="not-present")]
    assert found() == []
    meeting.risks = [Risk(kind="domestic-abuse", status="present")]
    assert found() == ["argument"]

"""A small fixed guide and meeting for the chair's view and family time tests.

Built from the guide dataclasses (not the bundled files, which are still being
written) so the tests and snapshots do not move when guide wording changes.
Every professional text carries a distinctive marker, so a test can prove
none of it reaches the privacy screen.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sdm_facilitator.domain.guide import FamilyQuestion, Guide, Phase, Prompt
from sdm_facilitator.domain.meeting import (
    AgendaItem,
    Capture,
    Child,
    InfoShare,
    Meeting,
    Person,
    PhaseRecord,
    ScaleAnswer,
)
from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.ui.app import SdmApp
from support.app_helpers import FIXED_NOW, FakeClock, bundled_library

GUIDE_ID = "room-test"


def room_guide() -> Guide:
    def phase(pid: str, name: str, minutes: int, prompts: tuple[str, ...], private: bool = False) -> Phase:
        return Phase(pid, name, minutes, tuple(Prompt(p, "participation") for p in prompts), private)

    return Guide(
        id=GUIDE_ID,
        title="Room test guide",
        version="1",
        kinds=("fgc",),
        summary="For tests.",
        steps=(),
        phases=(
            phase(
                "introductions",
                "Welcome and introductions",
                10,
                ("Let the family open the meeting their way.", "Agree how we will talk today."),
            ),
            phase(
                "information",
                "Information sharing",
                30,
                ("What are we worried about?", "What is working well?", "What needs to happen?"),
            ),
            phase(
                "private-family-time",
                "Private family time",
                60,
                ("Professionals leave the room.", "Stay within reach."),
                private=True,
            ),
            phase(
                "plan",
                "The family's plan",
                20,
                ("Ask the family to present their plan.", "Check each bottom line."),
            ),
        ),
        family_questions=(
            FamilyQuestion(
                "What needs to happen so the children are safe and well?", "Start from what works."
            ),
            FamilyQuestion("Who will do what, and by when?"),
            FamilyQuestion("What will you do if the plan does not work?"),
        ),
        follow_up_prompts=(),
        review_after_days=90,
    )


def room_library() -> GuideLibrary:
    bundled = bundled_library()
    return GuideLibrary(guides={GUIDE_ID: room_guide()}, language_hints=bundled.language_hints)


#: Texts that must never show on the privacy screen.
SECRETS = {
    "referral worries": "ZZWORRY-referral [b]hidden[/b]",
    "referral strengths": "ZZSTRENGTH-referral",
    "bottom line": "ZZBOTTOMLINE-1",
    "referrer": "ZZREFERRER-Name",
    "capture": "ZZCAPTURE-note",
    "scale who": "ZZSCALE-who",
    "scale note": "ZZSCALE-note",
    "prep notes": "ZZPREP-notes",
    "person name": "Zzperson Surname",
    "relationship": "ZZRELATION",
    "child name": "Zzchild",
    "child views": "ZZVIEWS-child",
    "family label": "ZZLABEL-family",
    "info note": "ZZINFO-note",
    "step note": "ZZSTEP-note",
    "phase notes": "ZZPHASE-notes",
}


def room_meeting(label: str = "Room family") -> Meeting:
    """A meeting ready for the day, using the test guide's agenda."""
    guide = room_guide()
    meeting = Meeting(kind="fgc", family_label=label, guide_id=GUIDE_ID)
    meeting.agenda = [AgendaItem(phase_id=p.id, name=p.name, minutes=p.minutes) for p in guide.phases]
    meeting.people = [
        Person(id="p-kerry", name="Kerry Hollins", role="parent", relationship="mum"),
        Person(id="p-sue", name="Sue [/] Barnes", role="wider-family", relationship="aunt"),
        Person(id="p-priya", name="Priya Nair", role="professional", relationship="social worker"),
    ]
    return meeting


def secret_meeting() -> Meeting:
    """A meeting holding every kind of professional text, each with a marker."""
    meeting = room_meeting(SECRETS["family label"])
    r = meeting.referral
    r.worries = SECRETS["referral worries"]
    r.strengths = SECRETS["referral strengths"]
    r.bottom_lines = [SECRETS["bottom line"]]
    r.referrer = SECRETS["referrer"]
    meeting.people.append(
        Person(
            name=SECRETS["person name"],
            role="professional",
            relationship=SECRETS["relationship"],
            prep_notes=SECRETS["prep notes"],
            prep_visit=date(2026, 2, 20),
            attendance="present",
        )
    )
    meeting.children = [Child(name=SECRETS["child name"], age=7, views=SECRETS["child views"])]
    meeting.info_sharing = [InfoShare(document="report", note=SECRETS["info note"])]
    meeting.step_state("any-step").note = SECRETS["step note"]
    # Twenty minutes in, sharing information.
    meeting.record.started = FIXED_NOW - timedelta(minutes=20)
    meeting.record.phases = [
        PhaseRecord(
            "introductions",
            FIXED_NOW - timedelta(minutes=20),
            FIXED_NOW - timedelta(minutes=10),
            notes=SECRETS["phase notes"],
        ),
        PhaseRecord("information", FIXED_NOW - timedelta(minutes=10)),
    ]
    meeting.record.captures = [Capture(kind="worry", text=SECRETS["capture"], phase_id="information")]
    meeting.record.scales = [
        ScaleAnswer(value=3, who=SECRETS["scale who"], note=SECRETS["scale note"], phase_id="information")
    ]
    return meeting


def room_app(data_dir: Path, clock: FakeClock | None = None) -> SdmApp:
    return SdmApp(data_dir=data_dir, library=room_library(), clock=clock or FakeClock())

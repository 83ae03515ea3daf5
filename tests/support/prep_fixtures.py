"""A small fixed guide, library and meetings for the part 1 (preparation) tests and snapshots.

Built from the guide dataclasses rather than the bundled files, so the tests
and snapshots do not move when guide wording changes; the bundled language
hints are kept, because the hint line is part of what is tested.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from sdm_facilitator.domain.guide import Guide, Phase, Prompt, Step
from sdm_facilitator.domain.meeting import InfoShare, Meeting, Needs, Person, StepState
from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.ui.app import SdmApp
from support.app_helpers import FIXED_NOW, FIXED_TODAY, FakeClock, bundled_library

GUIDE_ID = "prep-test"

#: Text that would break or hijack a screen if it were read as markup.
NASTY = [
    "[/]",
    "[/x] and [b",
    "[@click=app.quit]press me[/]",
    "list[int] ends with a backslash \\",
    "Zoë 🙂👨‍👩‍👧 and [bold]not bold[/bold]",
    "مريم وعائلتها",
]


def prep_guide() -> Guide:
    def step(
        sid: str,
        mechanisms: tuple[str, ...],
        title: str,
        why: str,
        days: int | None,
        contexts: tuple[str, ...] = ("statutory", "voluntary"),
        how: tuple[str, ...] = (),
    ) -> Step:
        return Step(sid, "preparation", mechanisms, contexts, title, why, how, days_before=days)

    def phase(pid: str, name: str, minutes: int, private: bool = False) -> Phase:
        return Phase(
            pid, name, minutes, (Prompt("Say hello", "trust"), Prompt("Ask", "participation")), private
        )

    return Guide(
        id=GUIDE_ID,
        title="Preparation test guide",
        version="1",
        kinds=("fgc", "fgdm", "cin-meeting", "cp-conference", "family-unity", "review"),
        summary="A fixed guide for tests.",
        steps=(
            step(
                "consent",
                ("trust", "collaboration"),
                "Agree the referral with the family",
                "The meeting is voluntary: the family agrees to it first.",
                42,
                how=("Explain what the meeting is and is not.", "Agree what may be shared."),
            ),
            step(
                "who-is-family",
                ("participation",),
                "Ask the family who counts as family",
                "The family decides who is invited.",
                35,
            ),
            step(
                "prepare-everyone",
                ("collaboration",),
                "Prepare every participant",
                "People who know what to expect take part more.",
                7,
            ),
            step(
                "meet-child",
                ("child", "participation"),
                "Meet each child before the day",
                "Taking part is not the same as attending.",
                10,
            ),
            step(
                "statutory-only",
                ("trust",),
                "Share the reports with the family",
                "Nothing new should be sprung on the family.",
                3,
                contexts=("statutory",),
            ),
            Step(
                "follow-check",
                "follow_up",
                ("collaboration",),
                ("statutory", "voluntary"),
                "Check in with the family",
                "Plans wobble.",
                days_after=14,
            ),
        ),
        phases=(
            phase("welcome", "Welcome and introductions", 15),
            phase("information", "Information sharing", 40),
            phase("family-time", "Private family time", 60, private=True),
            phase("plan", "Agreeing the plan", 30),
        ),
        family_questions=(),
        follow_up_prompts=(),
    )


def prep_library() -> GuideLibrary:
    bundled = bundled_library()
    return GuideLibrary(guides={GUIDE_ID: prep_guide()}, language_hints=bundled.language_hints)


def prep_app(data_dir: Path, clock: FakeClock | None = None) -> SdmApp:
    return SdmApp(data_dir=data_dir, library=prep_library(), clock=clock or FakeClock())


def new_prep_meeting(label: str = "Test family", *, when_days: int | None = 10, **kwargs: object) -> Meeting:
    when = (
        datetime.combine(FIXED_TODAY + timedelta(days=when_days), time(17, 30))
        if when_days is not None
        else None
    )
    meeting = create_meeting(prep_library(), kind="fgc", family_label=label, when=when, **kwargs)  # type: ignore[arg-type]
    meeting.created = meeting.updated = FIXED_NOW
    return meeting


def full_meeting(label: str = "Amara and the Okafor-Reid family") -> Meeting:
    """A meeting part-way through preparation: some done, some overdue, people and reports."""
    m = new_prep_meeting(label, children=[("Amara", 9), ("Tobi", 4)])
    m.referral.worries = "Mum has been in hospital twice; Amara looks after Tobi in the evenings."
    m.referral.strengths = "The children are close to their grandmother."
    m.referral.bottom_lines = ["An adult is with the children every evening."]
    m.referral.consent_meeting = True
    m.steps["consent"] = StepState(status="done", date=FIXED_TODAY - timedelta(days=20))
    m.children[0].participation = "attends-part"
    m.children[0].views = "I want Nana to come more."
    m.people = [
        Person(
            name="Grace Okafor",
            role="parent",
            relationship="mum",
            invitation="accepted",
            prep_visit=FIXED_TODAY - timedelta(days=5),
        ),
        Person(
            name="Beatrice Okafor",
            role="wider-family",
            relationship="grandmother",
            invitation="invited",
            needs=Needs(language="Yoruba"),
        ),
        Person(
            name="Jo Whitfield",
            role="professional",
            relationship="family support worker",
            invitation="accepted",
            prep_visit=FIXED_TODAY - timedelta(days=8),
        ),
    ]
    m.info_sharing = [
        InfoShare(document="School attendance letter", to="Grace", due=FIXED_TODAY - timedelta(days=2))
    ]
    m.choices.venue = "St Anne's church hall"
    return m

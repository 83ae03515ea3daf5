"""Realistic generated stores, built with the app's own model and store, for measuring.

    python bench/generate.py DIR --meetings N [--large K] [--seed S] [--in-family-time]

Writes N fictional meetings into the data folder DIR (its ``meetings`` folder),
every kind, context and stage, 2 to 12 people, 1 to 4 children, plans, action
updates, reviews, captures, and names in several scripts. ``--large K`` adds K
very large meetings (200 people, 300 actions, about 1 MB of notes: about
1.3 MB on disk). Every file goes through ``MeetingStore.create``, so each one
is written, read back and validated exactly as the app would, and opens in it.
The same seed gives the same meetings (ids and "now" stamps aside).

Like a real store, nobody is in the room while it is generated: every meeting
is in preparation or follow-up, except one meeting under way (the first) and,
with ``--in-family-time``, one more in private family time. A meeting in
family time opens straight into its privacy screen when the app starts, so a
store with hundreds of them (one in twenty, as an earlier version made) would
start on a privacy screen rather than on the list.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    ATTENDANCE_CHOICES,
    CAPTURE_KINDS,
    FORMAT_CHOICES,
    INVITATION_CHOICES,
    PARTICIPATION_CHOICES,
    ROLE_CHOICES,
    SUPPORT_DELIVERY_CHOICES,
    Action,
    ActionUpdate,
    BottomLineCheck,
    Capture,
    InfoShare,
    Meeting,
    Needs,
    Person,
    PhaseRecord,
    PlanChange,
    Review,
    ScaleAnswer,
    StepState,
)
from sdm_facilitator.domain.meeting_factory import create_meeting
from sdm_facilitator.domain.vocabulary import MEETING_KINDS
from sdm_facilitator.guides.loader import GuideLibrary, load_library
from sdm_facilitator.storage.store import MeetingStore

# Invented names in several scripts; none is meant to be anyone real.
GIVEN = (
    "Amara",
    "Tobi",
    "Leo",
    "Ruby",
    "Yusuf",
    "Mia",
    "Zainab",
    "Oskar",
    "Niamh",
    "Kai",
    "Priya",
    "Dmitri",
    "Aroha",
    "Siobhán",
    "Chloé",
    "Mateus",
    "Ayşe",
    "Łucja",
    "Kofi",
    "Ines",
    "Мария",
    "Иван",
    "Σοφία",
    "Νίκος",
    "محمد",
    "فاطمة",
    "אורי",
    "נועה",
    "राहुल",
    "अनन्या",
    "美咲",
    "健太",
    "서연",
    "민준",
    "明",
    "丽",
)
FAMILY = (
    "Okafor-Reid",
    "Hollins",
    "Rahman",
    "Taylor",
    "Nowak",
    "O'Brien",
    "Kowalczyk",
    "Da Silva",
    "Nguyen",
    "Petrov",
    "Papadopoulos",
    "Haddad",
    "Cohen",
    "Sharma",
    "Tanaka",
    "Kim",
    "Li",
    "MacLeod",
    "Öztürk",
    "Иванова",
    "Παππάς",
    "الحسن",
    "לוי",
    "वर्मा",
    "佐藤",
    "김",
    "王",
)
RELATIONSHIPS = (
    "mum",
    "dad",
    "grandmother",
    "uncle",
    "aunt",
    "cousin",
    "neighbour",
    "family friend",
    "step-dad",
    "older sister",
    "godmother",
    "social worker",
    "teacher",
    "health visitor",
)
PLACES = (
    "the community centre",
    "St Anne's church hall",
    "the family's home",
    "the library meeting room",
    "the children's centre",
    "online",
)
LANGUAGES = ("", "", "", "Yoruba", "Polish", "Bengali", "Arabic", "Urdu", "Romanian", "Tigrinya", "BSL")
SENTENCES = (
    "Mum said things have been better since her sister started helping with the morning routine.",
    "The children are loved and close to their grandmother.",
    "Dad was not there but sent a message saying he wants to be involved.",
    "The youngest was happy and showed me her drawings [of the park] :)",
    "We agreed to meet again next week to talk about school.",
    "Grandma offered to help with childcare on Tuesdays and Thursdays.",
    "There were arguments at home and the police were called once in March.",
    "Leo is doing well at football club and wants to keep going.",
    "The family would like the meeting in the evening after work.",
    "Everyone talks about me like I'm not there, said the eldest.",
    "Школа сообщает, что посещаемость улучшилась.",
    "Η γιαγιά θα βοηθήσει με τα παιδιά τα Σαββατοκύριακα.",
    "الأسرة تريد أن يكون الاجتماع في المساء.",
    "家族は夕方に会うことを望んでいます。",
)


def _words(rng: random.Random, low: int, high: int) -> str:
    """``low`` to ``high`` sentences; long texts in paragraphs of a few sentences, as people write them."""
    sentences = [rng.choice(SENTENCES) for _ in range(rng.randint(low, high))]
    paragraphs = [" ".join(sentences[start : start + 5]) for start in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


def _person(rng: random.Random, today: date, held: bool) -> Person:
    role = rng.choice(ROLE_CHOICES[1:])
    invitation = rng.choice(INVITATION_CHOICES)
    person = Person(
        name=_name(rng),
        role=role,
        relationship=rng.choice(RELATIONSHIPS),
        invitation=invitation,
        not_invited_reason="The family asked us not to." if invitation == "not-invited" else "",
        prep_visit=today - timedelta(days=rng.randint(1, 40)) if rng.random() < 0.6 else None,
        prep_notes=_words(rng, 0, 3),
        needs=Needs(language=rng.choice(LANGUAGES), access="step-free" if rng.random() < 0.1 else ""),
        attendance=rng.choice(ATTENDANCE_CHOICES) if held else None,
    )
    if person.needs.language:
        person.needs.interpreter = rng.random() < 0.6
        if person.needs.interpreter:
            person.needs.interpreter_booked = rng.random() < 0.5
    return person


def _action(rng: random.Random, held: date) -> Action:
    status = rng.choice(ACTION_STATUS_CHOICES)
    action = Action(
        what=_words(rng, 1, 1)[:80],
        who=_name(rng),
        by_when=held + timedelta(days=rng.randint(3, 120)) if rng.random() < 0.7 else None,
        support_needed=_words(rng, 0, 1),
        status=status,
    )
    if rng.random() < 0.3:
        action.support_from = rng.choice(("school", "youth service", "housing", "health visitor"))
        action.support_delivered = rng.choice(SUPPORT_DELIVERY_CHOICES)
    for day in sorted(rng.sample(range(1, 90), rng.randint(0, 3))):
        action.updates.append(
            ActionUpdate(date=held + timedelta(days=day), status=status, note=_words(rng, 0, 2))
        )
    return action


def _hold(meeting: Meeting, library: GuideLibrary, rng: random.Random, day: date, stage: str) -> None:
    """Record the day itself, up to ``stage`` (meeting, family_time or follow_up)."""
    start = _at(day, rng.choice((9, 10, 13, 17)))
    meeting.record.started = start
    clock_at = start
    guide = library.get(meeting.guide_id)
    private = guide.private_phase.id if guide and guide.private_phase else ""
    phases = [a.phase_id for a in meeting.agenda]
    stop = len(phases) if stage == "follow_up" else rng.randint(1, max(1, len(phases)))
    if stage == "family_time" and private in phases:
        stop = phases.index(private) + 1
    for index, item in enumerate(meeting.agenda[:stop]):
        last = index == stop - 1 and stage != "follow_up"
        ended = None if last else clock_at + timedelta(minutes=item.minutes)
        meeting.record.phases.append(
            PhaseRecord(phase_id=item.phase_id, started=clock_at, ended=ended, notes=_words(rng, 0, 3))
        )
        if item.phase_id == private:
            meeting.record.family_time_start = clock_at
            meeting.record.family_time_end = ended
        clock_at += timedelta(minutes=item.minutes)
    first = phases[0] if phases else ""
    for minute in range(rng.randint(2, 12)):
        meeting.record.captures.append(
            Capture(
                kind=rng.choice(CAPTURE_KINDS),
                text=_words(rng, 1, 2),
                phase_id=first,
                at=start + timedelta(minutes=5 + minute * 4),
            )
        )
    for _ in range(rng.randint(0, 3)):
        meeting.record.scales.append(
            ScaleAnswer(
                value=rng.randint(0, 10), who=_name(rng), phase_id=first, at=start + timedelta(minutes=30)
            )
        )
    if stage == "follow_up":
        meeting.record.ended = clock_at


def realistic_meeting(
    library: GuideLibrary, rng: random.Random, today: date, stage: str | None = None
) -> Meeting:
    """One fictional meeting at a random kind and context, in ``stage`` (else preparation or follow-up)."""
    kind = rng.choice(MEETING_KINDS)
    stage = stage or rng.choice(("preparation", "follow_up"))
    offset = rng.randint(2, 60) if stage == "preparation" else -rng.randint(0, 200)
    if stage in ("meeting", "family_time"):
        offset = 0
    day = today + timedelta(days=offset)
    children = [(rng.choice(GIVEN), rng.randint(0, 17)) for _ in range(rng.randint(1, 4))]
    m = create_meeting(
        library,
        kind=kind,
        family_label=f"The {rng.choice(FAMILY)} family"
        if rng.random() < 0.7
        else f"{children[0][0]} and family",
        context=rng.choice(("statutory", "voluntary")) if kind != "cp-conference" else None,
        when=datetime.combine(day, time(rng.choice((10, 13, 17)), rng.choice((0, 30))))
        if stage != "preparation" or rng.random() < 0.8
        else None,
        children=children,
    )
    m.referral.date = day - timedelta(days=rng.randint(10, 60))
    m.referral.referrer = f"{_name(rng)}, {rng.choice(RELATIONSHIPS)}"
    m.referral.worries = _words(rng, 2, 6)
    m.referral.strengths = _words(rng, 1, 5)
    m.referral.bottom_lines = [_words(rng, 1, 1) for _ in range(rng.randint(0, 3))]
    m.referral.consent_meeting = rng.choice((True, True, None))
    m.referral.consent_sharing = rng.choice((True, None, False))
    for child in m.children:
        child.participation = rng.choice((None, *PARTICIPATION_CHOICES))
        if child.participation == "not-taking-part":
            child.participation_reason = "Too young to take part; views through mum."
        child.views = _words(rng, 0, 3)
        child.views_consent = rng.choice((True, None)) if child.views else None
        child.met_before = day - timedelta(days=rng.randint(1, 20)) if rng.random() < 0.5 else None
    held = stage != "preparation"
    m.people = [_person(rng, day, held) for _ in range(rng.randint(2, 12))]
    m.choices.venue = rng.choice(PLACES) if rng.random() < 0.8 else ""
    m.choices.format = rng.choice((None, *FORMAT_CHOICES))
    m.choices.food = "sandwiches and fruit" if rng.random() < 0.5 else ""
    m.info_sharing = [
        InfoShare(
            document=f"Report {i + 1}",
            to=_name(rng),
            due=day - timedelta(days=rng.randint(1, 10)),
            shared=day - timedelta(days=12) if rng.random() < 0.5 else None,
        )
        for i in range(rng.randint(0, 3))
    ]
    guide = library.get(m.guide_id)
    if guide is not None:
        for step in guide.steps_for("preparation", m.context):
            if rng.random() < (0.9 if held else 0.5):
                m.steps[step.id] = StepState(status="done", date=m.referral.date, note=_words(rng, 0, 1))
    if held:
        _hold(m, library, rng, day, stage)
    if stage == "follow_up":
        m.plan.family_words = _words(rng, 2, 6)
        m.plan.actions = [_action(rng, day) for _ in range(rng.randint(1, 8))]
        m.plan.contingency = _words(rng, 1, 2)
        m.plan.family_keeper = _name(rng) if rng.random() < 0.8 else ""
        m.plan.professional_lead = _name(rng)
        m.plan.review_date = day + timedelta(days=rng.choice((42, 90, 120)))
        m.plan.bottom_line_checks = [
            BottomLineCheck(bottom_line=line, addressed=rng.choice((True, None)), note=_words(rng, 0, 1))
            for line in m.referral.bottom_lines
        ]
        m.plan.response.decision = rng.choice(("agreed", "agreed-with-changes"))
        m.plan.response.date = day
        if rng.random() < 0.5:
            m.follow_up.plan_changes = [
                PlanChange(date=day + timedelta(days=20), what=_words(rng, 1, 1), reason=_words(rng, 1, 1))
            ]
        m.follow_up.reviews = [
            Review(
                scheduled=m.plan.review_date,
                requested_by="planned at the meeting",
                held=m.plan.review_date if m.plan.review_date < today else None,
                outcome=_words(rng, 0, 2),
            )
        ]
    return m


def large_meeting(library: GuideLibrary, rng: random.Random, today: date) -> Meeting:
    """A very large meeting in follow-up: 200 people, 300 actions, about 1 MB of notes."""
    m = realistic_meeting(library, rng, today)
    # A kind whose guide has no agenda holds no phases, and the phases carry most of the notes.
    while m.stage != "follow_up" or not m.record.phases:
        m = realistic_meeting(library, rng, today)
    day = m.held_on or today
    m.family_label = "The very large " + m.family_label
    m.people = [_person(rng, day, True) for _ in range(200)]
    m.plan.actions = [_action(rng, day) for _ in range(300)]
    for action in m.plan.actions:
        action.support_needed = _words(rng, 8, 12)
    phases = m.record.phases
    for phase in phases:
        phase.notes = _words(rng, 10_500 // len(phases), 10_500 // len(phases))
    m.referral.worries = _words(rng, 1400, 1500)
    m.plan.family_words = _words(rng, 1400, 1500)
    return m


def generate(
    data_dir: Path,
    meetings: int,
    large: int = 0,
    seed: int = 1,
    *,
    progress: bool = False,
    in_family_time: bool = False,
) -> list[str]:
    """Write ``meetings`` realistic and ``large`` very large meetings; return their ids."""
    rng = random.Random(seed)
    library = load_library(None)
    today = date.today()
    store = MeetingStore(data_dir)
    store.ensure()
    ids: list[str] = []
    in_the_room = ["meeting", "family_time"] if in_family_time else ["meeting"]
    builders = [large_meeting] * large + [realistic_meeting] * meetings
    started = clock.monotonic()
    for number, build in enumerate(builders, 1):
        if build is realistic_meeting and in_the_room:
            meeting = realistic_meeting(library, rng, today, in_the_room.pop(0))
        else:
            meeting = build(library, rng, today)
        opened = store.create(meeting)
        store.close(opened)
        ids.append(opened.meeting.id)
        if progress and number % 500 == 0:
            print(f"  {number:,} of {len(builders):,} ({clock.monotonic() - started:.0f} s)", file=sys.stderr)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="the data folder to write into")
    parser.add_argument("--meetings", type=int, required=True, metavar="N", help="how many ordinary meetings")
    parser.add_argument("--large", type=int, default=0, metavar="K", help="how many very large meetings")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument(
        "--in-family-time",
        action="store_true",
        help="make one meeting be in private family time (the app then starts on its privacy screen)",
    )
    args = parser.parse_args(argv)
    ids = generate(
        args.dir, args.meetings, args.large, args.seed, progress=True, in_family_time=args.in_family_time
    )
    folder = MeetingStore(args.dir).folder
    size = sum(p.stat().st_size for p in folder.glob("*.toml"))
    print(f"{len(ids):,} meetings in {folder} ({size / max(len(ids), 1) / 1024:.1f} KiB a meeting)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

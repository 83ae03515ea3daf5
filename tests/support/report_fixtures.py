"""500 generated meetings whose counts are known from their index alone.

Meeting ``i`` is built from simple rules on ``i`` (written out in each
expected count in the tests), so a figure in the report can be checked
against arithmetic rather than against the code that computes it. Every
free text is a distinctive made-up token, so the anonymisation test can look
for each one in the exported bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sdm_facilitator.domain.meeting import (
    ACTION_STATUS_CHOICES,
    LIVING_CHOICES,
    Action,
    Child,
    Feedback,
    InfoShare,
    Meeting,
    OutcomePoint,
    Person,
    Review,
)
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS
from sdm_facilitator.storage.codec import meeting_to_toml

COUNT = 500
FIRST_REFERRAL = date(2025, 1, 6)
CLOSE_REASONS = ("family-declined", "not-suitable", "concerns-escalated", "other")


def referral_day(i: int) -> date:
    return FIRST_REFERRAL + timedelta(days=i % 300)


def is_closed(i: int) -> bool:
    return i % 10 == 0


def is_held(i: int) -> bool:
    return i % 10 >= 2


def has_family_time(i: int) -> bool:
    return is_held(i) and i % 4 != 0


def family_minutes(i: int) -> int:
    return 30 + (i % 3) * 15


def days_to_meeting(i: int) -> int:
    return 20 + i % 30


def action_count(i: int) -> int:
    return i % 3 if is_held(i) else 0


def child_count(i: int) -> int:
    return 1 + i % 2


def _t(i: int, what: str) -> str:
    """A distinctive free text for meeting ``i``."""
    return f"Zq{what}Txt{i:04d}x"


def build(i: int) -> Meeting:
    m = Meeting(
        id=f"20250101-{i:08x}",
        kind=MEETING_KINDS[i % 6],
        context=CONTEXTS[i % 2],
        family_label=_t(i, "Family"),
        guide_id="fgc",
    )
    m.created = m.updated = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    m.referral.date = referral_day(i)
    m.referral.referrer = _t(i, "Referrer")
    m.referral.worries = _t(i, "Worries")
    m.referral.bottom_lines = [_t(i, "Bottom")]
    m.choices.venue = _t(i, "Venue")
    m.choices.food = _t(i, "Food")
    m.people = [
        Person(
            name=_t(i, "Nan"),
            relationship=_t(i, "Relation"),
            prep_notes=_t(i, "Prep"),
            prep_visit=referral_day(i) + timedelta(days=1 + i % 5),
            attendance="present" if is_held(i) else None,
        )
    ]
    m.children = [
        Child(
            name=_t(i, f"Child{c}"),
            age=(i + 7 * c) % 19,
            views=_t(i, f"Views{c}"),
            participation="attends-part",
            advocate_offer=("offered", "accepted", "declined")[i % 3],
        )
        for c in range(child_count(i))
    ]
    m.info_sharing = [
        InfoShare(
            document=_t(i, "Doc"),
            to=_t(i, "To"),
            note=_t(i, "Note"),
            shared=referral_day(i) + timedelta(days=3),
        )
    ]
    if is_closed(i):
        m.closure.closed_on = referral_day(i) + timedelta(days=10)
        m.closure.reason = CLOSE_REASONS[(i // 10) % 4]
        m.closure.note = _t(i, "Closure")
    if is_held(i):
        held = referral_day(i) + timedelta(days=days_to_meeting(i))
        start = datetime(held.year, held.month, held.day, 10, 0, tzinfo=UTC)
        m.choices.when = start.replace(tzinfo=None)
        m.record.started = start
        m.record.ended = start + timedelta(hours=3)
        if has_family_time(i):
            m.record.family_time_start = start + timedelta(hours=1)
            m.record.family_time_end = start + timedelta(hours=1, minutes=family_minutes(i))
        m.record.authority_present = (True, False, None)[i % 3]
        m.plan.family_words = _t(i, "Plan")
        m.plan.contingency = _t(i, "Contingency")
        m.plan.actions = [
            Action(
                what=_t(i, f"Action{j}"),
                who=_t(i, f"Who{j}"),
                status=ACTION_STATUS_CHOICES[(i + j) % 4],
                support_from=_t(i, f"Service{j}"),
                support_delivered="given" if j == 0 else None,
            )
            for j in range(action_count(i))
        ]
        m.plan.response.decision = "agreed"
        if i % 4 == 2:
            m.plan.sent_on = held + timedelta(days=i % 7)
        m.follow_up.reviews = [
            Review(
                scheduled=held + timedelta(days=90),
                outcome=_t(i, "ReviewOutcome"),
                requested_by=_t(i, "Requested"),
            )
        ]
        if i % 2 == 0:
            m.children[0].outcomes.append(
                OutcomePoint(
                    point="3-months",
                    recorded_on=held + timedelta(days=92),
                    living=LIVING_CHOICES[i % 6],
                    care_basis="care-order" if LIVING_CHOICES[i % 6] == "in-care" else None,
                    proceedings_issued=i % 7 == 0,
                )
            )
        if i % 5 == 2:
            m.feedback.append(
                Feedback(
                    given_on=held + timedelta(days=1),
                    understood_worries=1 + i % 5,
                    judged=2,
                    comment=_t(i, "Comment"),
                )
            )
        if i % 5 == 3:
            m.feedback.append(Feedback(status="declined"))
        if i % 10 == 4:
            m.feedback.append(Feedback(respondent="child", listened_to=5, comment=_t(i, "ChildComment")))
    return m


def generated_meetings() -> list[Meeting]:
    return [build(i) for i in range(COUNT)]


def write_meetings(data_dir: Path, meetings: list[Meeting]) -> None:
    """Write the files directly (no fsync per file) so setting up 500 meetings is quick."""
    folder = data_dir / "meetings"
    folder.mkdir(parents=True, exist_ok=True)
    for meeting in meetings:
        (folder / f"{meeting.id}.toml").write_text(meeting_to_toml(meeting), encoding="utf-8")

"""What is still open for a meeting, in plain words, by mechanism, overdue first.

This is what a coordinator looks at the evening before the day, and what the
home screen sums up in one cell. Before and during the meeting it lists open
preparation: guide steps, consent, people, the family's choices, children's
participation and reports not yet shared. After the meeting it lists the
follow-up: actions overdue or stuck, help not given, and the review.

Dates come from ``schedule.due_items`` only, so this panel, the home screen and
the command line never disagree about what is due or overdue. Pure Python: no
Textual import, so the command line and exports can use it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sdm_facilitator.domain.conference_rules import is_conference, missing_parts
from sdm_facilitator.domain.consent import agreement_items, agreement_required, is_parent
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.legal_record_checks import fgdm_offer_gaps, icwa_gaps
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.participation import child_way_decided
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.risk_rules import (
    blocker_words,
    condition_title,
    record_problems,
    risk_title,
    screen_gap_words,
    unmet_conditions,
)
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.schedule import DueItem, due_items
from sdm_facilitator.domain.sharing import share_problems
from sdm_facilitator.domain.step_progress import is_step_open
from sdm_facilitator.domain.vocabulary import MECHANISMS

# The workspace section where each item can be dealt with. Plain strings so
# this module stays free of UI imports; the workspace maps them to sections.
SECTION_STEPS = "prep-steps"
SECTION_REFERRAL = "prep-referral"
SECTION_PEOPLE = "prep-people"
SECTION_CHOICES = "prep-choices"
SECTION_CHILDREN = "prep-children"
SECTION_INFO = "prep-info"
SECTION_AGENDA = "prep-agenda"
SECTION_PLAN = "plan"
SECTION_FOLLOW_UP = "follow-up"
SECTION_RISKS = "prep-risks"
SECTION_DECISION = "decision"

#: Longest piece of user text quoted inside an item (names, document titles).
_QUOTE = 40


@dataclass(frozen=True)
class ReadinessItem:
    """One thing still open, said in plain words."""

    text: str
    mechanism: str
    section: str
    kind: str  # "stop", "step", "check", "info", "action", "review", "meeting", "outcome"
    due: date | None = None
    overdue: bool = False
    ref: str = ""


@dataclass(frozen=True)
class Readiness:
    """Everything still open for one meeting on one day."""

    stage: str
    today: date
    items: tuple[ReadinessItem, ...]
    steps_done: int
    steps_total: int
    meeting_date: date | None = None
    review_due: date | None = None
    # A closed meeting has nothing open: the work on it has ended.
    closed: bool = False

    @property
    def blockers(self) -> list[ReadinessItem]:
        """Stop-and-check steps and risks without advice: the meeting should wait for them."""
        return [i for i in self.items if i.kind == "stop"]

    @property
    def overdue(self) -> list[ReadinessItem]:
        """Items past their date, earliest first."""
        return [i for i in self.items if i.overdue]

    def by_mechanism(self) -> dict[str, list[ReadinessItem]]:
        """Items neither overdue nor blockers, grouped by mechanism in the fixed order; empty groups kept."""
        groups: dict[str, list[ReadinessItem]] = {m: [] for m in MECHANISMS}
        for item in self.items:
            if not item.overdue and item.kind != "stop":
                groups.setdefault(item.mechanism, []).append(item)
        return groups

    @property
    def is_ready(self) -> bool:
        return not self.items

    def headline(self) -> str:
        """One sentence for the top of the readiness panel."""
        if self.closed:
            return "Closed: nothing is open. Reopen it (ctrl+k) to carry on."
        open_count = len(self.items)
        overdue = len(self.overdue)
        if self.stage == "follow_up":
            if not open_count:
                text = "✓ Nothing open in the follow-up."
            else:
                text = f"{_count(open_count, 'thing')} open in the follow-up"
                text += f", {overdue} overdue." if overdue else "."
            if self.review_due is not None:
                text += " " + _review_words(self.review_due, self.today)
            return text
        if not open_count:
            return "✓ Ready: nothing is open before the day."
        text = f"{_count(open_count, 'thing')} still open before the day"
        if self.blockers:
            text = f"Stop and check first: {_count(len(self.blockers), 'check')} to make. " + text
        text += f", {overdue} overdue." if overdue else "."
        if self.meeting_date is not None:
            text += " " + _meeting_words(self.meeting_date, self.today)
        else:
            text += " No meeting date yet."
        return text

    def summary(self) -> str:
        """A few words for the home screen's readiness column."""
        return summary_words(self.stage, len(self.items), len(self.overdue), len(self.blockers), self.closed)

    def when_words(self) -> str:
        """The meeting day (before it) or the review (after it), relative to today."""
        return when_words(self.stage, self.meeting_date, self.review_due, self.today)


def summary_words(stage: str, open_count: int, overdue: int, blockers: int = 0, closed: bool = False) -> str:
    """The readiness column's words from the counts alone (the summary index keeps only counts).

    Stop-and-check blockers are never overdue; a closed meeting has nothing open.
    """
    if closed:
        return "closed"
    parts = []
    if blockers:
        parts.append(f"■ {blockers} to check")
    if overdue:
        parts.append(f"✗ {overdue} overdue")
    if open_count - overdue - blockers:
        parts.append(f"{open_count - overdue - blockers} open")
    if not parts:
        parts.append("✓ on track" if stage == "follow_up" else "✓ ready")
    return " · ".join(parts)


def when_words(stage: str, meeting_date: date | None, review_due: date | None, today: date) -> str:
    """The meeting day (before it) or the review (after it), relative to today."""
    if stage == "follow_up":
        return _review_words(review_due, today) if review_due else "No review planned."
    if meeting_date is None:
        return "No meeting date yet."
    return _meeting_words(meeting_date, today)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def _meeting_words(day: date, today: date) -> str:
    return f"The meeting is {_in_days((day - today).days)} ({day:%a %d %b})."


def _review_words(day: date, today: date) -> str:
    days = (day - today).days
    if days < 0:
        return f"The review was due {_in_days(days)} ({day:%d %b})."
    return f"The review is {_in_days(days)} ({day:%a %d %b})."


def _q(text: str) -> str:
    """User text quoted inside an item: one line, shortened, never empty."""
    return one_line(text.strip(), _QUOTE) or "(no name yet)"


def _interpreter_words(language: str) -> str:
    """ "a Polish interpreter", "an Urdu interpreter", "an interpreter"."""
    named = _q(language) if language.strip() else ""
    if not named:
        return "an interpreter"
    article = "an" if named[0].lower() in "aeiou" else "a"
    return f"{article} {named} interpreter"


def _child_name(name: str, index: int) -> str:
    return _q(name) if name.strip() else f"child {index}"


def readiness(
    meeting: Meeting,
    guide: Guide | None,
    today: date,
    law: ProfileLaw | None = None,
    *,
    due: Sequence[DueItem] | None = None,
) -> Readiness:
    """What is still open for ``meeting`` on ``today``: overdue first, then by mechanism.

    ``law``: what the chosen jurisdiction profile asks of the record (England's
    when not given): a conference's timescales (said to be missing where the
    profile gives none) and categories, and the records its law asks for.
    ``due``: ``due_items(meeting, guide)`` where the caller has it already (the
    summary needs both, and working the dates out twice was a tenth of reading
    a store without its index).
    """
    law = law or ProfileLaw()
    dated = {(d.kind, d.ref): d for d in (due_items(meeting, guide) if due is None else due)}
    items: list[ReadinessItem] = []
    review_due: date | None = None
    stage = meeting.stage
    if meeting.closure.is_closed:
        return Readiness(
            stage=stage,
            today=today,
            items=tuple(_outcome_items(dated, today)),
            steps_done=0,
            steps_total=0,
            meeting_date=meeting.meeting_date,
            closed=True,
        )
    if stage == "follow_up":
        review_due = _follow_up(meeting, guide, today, dated, items, law)
        stage_name = "follow_up"
    else:
        _preparation(meeting, guide, today, dated, items)
        items += _outcome_items(dated, today)
        stage_name = "preparation"
    _legal_records(meeting, law, items)
    steps = meeting_steps(guide, stage_name, meeting) if guide else []
    done = sum(1 for s in steps if not is_step_open(meeting, s))
    order = {m: i for i, m in enumerate(MECHANISMS)}
    far = date.max
    items.sort(
        key=lambda i: (
            i.kind != "stop",
            not i.overdue,
            i.due or far if i.overdue else far,
            order.get(i.mechanism, len(order)),
            i.due or far,
        )
    )
    return Readiness(
        stage=meeting.stage,
        today=today,
        items=tuple(items),
        steps_done=done,
        steps_total=len(steps),
        meeting_date=meeting.meeting_date,
        review_due=review_due,
    )


def _dated_item(
    due: DueItem | None, today: date, text: str, mechanism: str, section: str, kind: str, ref: str = ""
) -> ReadinessItem:
    when = due.due if due else None
    return ReadinessItem(text, mechanism, section, kind, when, bool(when and when < today), ref)


def _open_steps(
    meeting: Meeting,
    guide: Guide | None,
    stage: str,
    today: date,
    dated: dict[tuple[str, str], DueItem],
    items: list[ReadinessItem],
) -> None:
    if guide is None:
        return
    for step in meeting_steps(guide, stage, meeting):
        if not is_step_open(meeting, step):
            continue
        mechanism = step.mechanisms[0] if step.mechanisms else "collaboration"
        section = SECTION_STEPS if stage == "preparation" else SECTION_FOLLOW_UP
        if step.stop_and_check:
            # Never "overdue" and never a to-do: the day waits until someone has checked.
            title = step.title
            if not title.lower().startswith("stop and check"):
                title = f"Stop and check: {title}"
            if step.risk is not None:
                # Cleared only from the risk screen: the item leads there, to that kind's row.
                items.append(ReadinessItem(title, mechanism, SECTION_RISKS, "stop", ref=step.risk))
            else:
                items.append(ReadinessItem(title, mechanism, section, "stop", ref=step.id))
            continue
        items.append(
            _dated_item(dated.get(("step", step.id)), today, step.title, mechanism, section, "step", step.id)
        )


def _preparation(
    meeting: Meeting,
    guide: Guide | None,
    today: date,
    dated: dict[tuple[str, str], DueItem],
    items: list[ReadinessItem],
) -> None:
    def add(text: str, mechanism: str, section: str, ref: str = "", kind: str = "check") -> None:
        items.append(ReadinessItem(text, mechanism, section, kind, ref=ref))

    _open_steps(meeting, guide, "preparation", today, dated, items)
    _risk_screen(meeting, items)

    # The day itself.
    day = meeting.meeting_date
    if day is None:
        add("The family has not chosen a date and time yet", "participation", SECTION_CHOICES)
    elif day < today and meeting.stage == "preparation":
        items.append(
            ReadinessItem(
                "The meeting date has passed: start the meeting in the app or choose a new date",
                "participation",
                SECTION_CHOICES,
                "meeting",
                day,
                True,
            )
        )
    c = meeting.choices
    if not c.venue.strip():
        add("The family has not chosen a venue yet", "participation", SECTION_CHOICES)
    if c.format is None:
        add("In person, online or hybrid is not decided yet", "participation", SECTION_CHOICES)

    # The family taking part, in the words that fit the kind of meeting (``consent.py``);
    # sharing is per item, by lawful basis, below.
    r = meeting.referral
    for agreement in agreement_items(meeting):
        section = SECTION_PEOPLE if agreement.ref else SECTION_REFERRAL
        add(agreement.text, "trust", section, agreement.ref)
    if not r.worries.strip():
        add("The worries are not written down in plain words yet", "trust", SECTION_REFERRAL)
    if not r.strengths.strip():
        add("No strengths are recorded: worries alone add to shame", "trust", SECTION_REFERRAL)
    if not any(line.strip() for line in r.bottom_lines):
        add("The bottom lines (what any plan must cover) are not written yet", "trust", SECTION_REFERRAL)

    # People and the network.
    if not meeting.people:
        add(
            "Nobody is on the list of people yet: ask the family who counts as family",
            "participation",
            SECTION_PEOPLE,
        )
    conference = not agreement_required(meeting)
    for person in meeting.people:
        name = _q(person.name)
        if conference and is_parent(person) and person.invitation in ("suggested", "family-agreed"):
            pass  # A conference invites the parents: said once, above.
        elif person.invitation == "suggested":
            add(
                f"{name}: the family has not said yet whether to invite them",
                "participation",
                SECTION_PEOPLE,
                person.id,
            )
        elif person.invitation == "family-agreed":
            add(f"{name}: not invited yet", "collaboration", SECTION_PEOPLE, person.id)
        elif person.invitation == "invited":
            add(f"{name}: invited, no answer yet", "collaboration", SECTION_PEOPLE, person.id)
        elif person.invitation == "not-invited" and not person.not_invited_reason.strip():
            add(
                f"{name}: not to be invited, but the reason is not recorded",
                "trust",
                SECTION_PEOPLE,
                person.id,
            )
        if person.invitation in ("family-agreed", "invited", "accepted") and not person.prepared:
            add(
                f"{name}: not prepared yet (no preparation visit)", "collaboration", SECTION_PEOPLE, person.id
            )
        if person.expected and person.needs.language.strip() and person.needs.interpreter is None:
            add(
                f"{name}: speaks {_q(person.needs.language)}; decide whether an interpreter is needed",
                "participation",
                SECTION_PEOPLE,
                person.id,
            )
        if person.expected and person.needs.interpreter and not person.needs.interpreter_booked:
            # A blocker, as the README says: without an interpreter the person cannot take part at all.
            add(
                f"{name} needs {_interpreter_words(person.needs.language)}: not booked",
                "participation",
                SECTION_PEOPLE,
                person.id,
                kind="stop",
            )

    # Children and young people.
    if not meeting.children:
        add("No child or young person is recorded for this meeting", "child", SECTION_CHILDREN)
    for index, child in enumerate(meeting.children, 1):
        name = _child_name(child.name, index)
        if not child_way_decided(child):
            add(f"{name}: how they take part is not decided yet", "child", SECTION_CHILDREN, child.id)
        elif (
            not child.ways
            and child.participation == "not-taking-part"
            and not child.participation_reason.strip()
        ):
            add(
                f"{name}: not taking part, but the reason is not recorded",
                "child",
                SECTION_CHILDREN,
                child.id,
            )
        elif (
            "advocate" in child.ways or (not child.ways and child.participation == "advocate")
        ) and not child.advocate.strip():
            add(
                f"{name}: takes part through an advocate, but no advocate is named",
                "child",
                SECTION_CHILDREN,
                child.id,
            )
        if child.advocate_offer is None:
            add(
                f"{name}: an independent advocate has not been offered yet",
                "child",
                SECTION_CHILDREN,
                child.id,
            )
        elif child.advocate_offer == "offered":
            add(
                f"{name}: an advocate was offered; their answer is not recorded yet",
                "child",
                SECTION_CHILDREN,
                child.id,
            )
        if child.met_before is None:
            add(f"{name}: nobody has met them before the day yet", "child", SECTION_CHILDREN, child.id)
        if not child.views.strip():
            add(f"{name}: their views are not recorded yet", "child", SECTION_CHILDREN, child.id)
        elif child.views_consent is None:
            add(f"{name}: ask whether their views may be shared", "child", SECTION_CHILDREN, child.id)

    # Reports: nothing new should be sprung on the family on the day, and each has a lawful basis.
    for share in meeting.info_sharing:
        for problem in share_problems(share):
            add(f"“{_q(share.document)}”: {problem}", "trust", SECTION_INFO, share.id)
        if share.shared is not None:
            continue
        to = f" with {_q(share.to)}" if share.to.strip() else ""
        items.append(
            _dated_item(
                dated.get(("info", share.id)),
                today,
                f"Share “{_q(share.document)}”{to}",
                "trust",
                SECTION_INFO,
                "info",
                share.id,
            )
        )

    if not meeting.agenda:
        add("There is no agenda yet", "collaboration", SECTION_AGENDA)


def _risk_screen(meeting: Meeting, items: list[ReadinessItem]) -> None:
    """The risk screen (rules in ``domain.risk_rules``): advice missing or against going ahead blocks."""
    gap = screen_gap_words(meeting)
    if gap:
        items.append(ReadinessItem(gap, "trust", SECTION_RISKS, "check"))
    for risk in meeting.risks:
        for problem in record_problems(meeting, risk):
            items.append(ReadinessItem(one_line(problem, 160), "trust", SECTION_RISKS, "check", ref=risk.id))
        if risk.status == "not-present":
            continue
        blocker = blocker_words(risk)
        if blocker:
            items.append(ReadinessItem(one_line(blocker, 200), "trust", SECTION_RISKS, "stop", ref=risk.id))
            continue
        for condition, check in unmet_conditions(meeting, risk):
            text = f"{risk_title(risk)}: condition not met yet: {condition_title(condition)} ({check.says})"
            items.append(ReadinessItem(one_line(text, 200), "trust", SECTION_RISKS, "check", ref=risk.id))


def _follow_up(
    meeting: Meeting,
    guide: Guide | None,
    today: date,
    dated: dict[tuple[str, str], DueItem],
    items: list[ReadinessItem],
    law: ProfileLaw,
) -> date | None:
    _open_steps(meeting, guide, "follow_up", today, dated, items)
    for action in meeting.plan.actions:
        if action.status == "done":
            continue
        what = _q(action.what)
        who = f" ({_q(action.who)})" if action.who.strip() else ""
        due = dated.get(("action", action.id))
        if action.status == "stuck":
            text = f"Stuck: {what}{who}: find out what help is needed"
        elif due is not None:
            text = f"Action: {what}{who}"
        else:
            text = ""
        if text:
            items.append(
                _dated_item(due, today, text, "collaboration", SECTION_FOLLOW_UP, "action", action.id)
            )
        if action.support_from.strip() and action.support_delivered in ("not-yet", "partly", None):
            state = "partly given" if action.support_delivered == "partly" else "not given yet"
            items.append(
                ReadinessItem(
                    f"Help from {_q(action.support_from)} for “{what}”: {state}",
                    "trust",
                    SECTION_FOLLOW_UP,
                    "action",
                    ref=action.id,
                )
            )
    items += _outcome_items(dated, today)
    review_due: date | None = None
    reviews = [d for (kind, _ref), d in dated.items() if kind == "review"]
    if reviews:
        first = min(reviews)
        review_due = first.due
        if first.due < today:
            items.append(
                ReadinessItem(
                    "The review meeting is overdue: arrange it with the family",
                    "participation",
                    SECTION_FOLLOW_UP,
                    "review",
                    first.due,
                    True,
                    first.ref,
                )
            )
    elif not any(r.held is None for r in meeting.follow_up.reviews) and not meeting.plan.review_date:
        if not meeting.follow_up.reviews and not (is_conference(meeting) and meeting.conference.review_date):
            items.append(ReadinessItem("No review date is set", "participation", SECTION_PLAN, "check"))
    _conference_follow_up(meeting, today, dated, items, law)
    if not meeting.plan.family_keeper.strip():
        items.append(
            ReadinessItem(
                "Nobody in the family is named to keep an eye on the plan",
                "collaboration",
                SECTION_PLAN,
                "check",
            )
        )
    return review_due


def _legal_records(meeting: Meeting, law: ProfileLaw, items: list[ReadinessItem]) -> None:
    """The records the profile's law asks for (the pre-proceedings offer, each child's ICWA inquiry)."""
    for gap in fgdm_offer_gaps(meeting, law):
        items.append(ReadinessItem(gap.text, "participation", SECTION_REFERRAL, "check"))
    for gap in icwa_gaps(meeting, law):
        items.append(ReadinessItem(gap.text, "child", SECTION_CHILDREN, "check", ref=gap.ref))


def _outcome_items(dated: dict[tuple[str, str], DueItem], today: date) -> list[ReadinessItem]:
    """Outcome points whose day has come, at every stage and once closed: every referral is followed."""
    return [
        ReadinessItem(
            f"Record {due.label}", "child", SECTION_FOLLOW_UP, "outcome", due.due, due.due < today, ref
        )
        for (kind, ref), due in dated.items()
        if kind == "outcome" and due.due <= today
    ]


def _conference_follow_up(
    meeting: Meeting,
    today: date,
    dated: dict[tuple[str, str], DueItem],
    items: list[ReadinessItem],
    law: ProfileLaw,
) -> None:
    """After a conference: each missing part of the decision record (by the profile's law), and the core group."""
    for check in missing_parts(meeting, law.timescales, categories_named=bool(law.categories)):
        items.append(ReadinessItem(check.text, "collaboration", SECTION_DECISION, "check", ref=check.ref))
    due = dated.get(("core-group", ""))
    if due is not None:
        overdue = due.due < today
        text = (
            "The first core group was due: mark it met when it has (Decision section)"
            if overdue
            else f"The first core group meets on {due.due:%a %d %b}"
        )
        items.append(ReadinessItem(text, "collaboration", SECTION_DECISION, "review", due.due, overdue))

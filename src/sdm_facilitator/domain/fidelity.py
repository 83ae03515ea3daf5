"""How well one meeting was delivered: the stage x mechanism grid and the fidelity markers.

Evaluations of family meetings keep finding that the model is "not uniformly
delivered well", and that nobody can say how well it was delivered. This
module turns what the record already holds into that answer, without ever
guessing: a marker is "met" or "not met" only when the record says so, "not
recorded" when the fact is missing, and "not applicable" when it cannot apply
to this meeting (no interpreter needed, no private family time in a family
unity meeting). The definitions are in ``guides/fidelity.md`` and docs/user-guide.md;
each marker also carries a one-line reason saying what it was decided from.

Pure Python: the command line, the report, the record export and the app all
call :func:`fidelity_profile` and so can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sdm_facilitator.domain.conference_rules import (
    DEFAULT_TIMESCALES,
    conference_stage,
    is_conference,
    needs_plan,
    review_deadline,
)
from sdm_facilitator.domain.day_record import span_minutes
from sdm_facilitator.domain.distribution import plan_sent_on
from sdm_facilitator.domain.fidelity_status import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    NOT_RECORDED,
    STATUS_LABELS,
    counts_words,
)
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.jurisdiction import Timescales
from sdm_facilitator.domain.meeting import ATTENDED, Meeting, Person
from sdm_facilitator.domain.network_layout import is_beyond_parents
from sdm_facilitator.domain.risk_guidance import meeting_steps
from sdm_facilitator.domain.step_progress import step_progress
from sdm_facilitator.domain.vocabulary import MECHANISMS, STAGES

#: Targets named in the definitions. The referrer is contacted within about 2 working days
#: (Medway; Perth & Kinross); the family is first met within 10 working days, a local practice
#: target that leaves room for the 4 to 6 weeks of preparation (no national source sets one).
REFERRER_CONTACT_WORKING_DAYS = 2
FAMILY_CONTACT_WORKING_DAYS = 10
REFERRAL_TO_MEETING_DAYS = 42
#: An initial child protection conference is due within 15 working days of the strategy discussion.
CONFERENCE_WORKING_DAYS = 15
PLAN_SENT_WORKING_DAYS = 5


@dataclass(frozen=True)
class Marker:
    """One fidelity marker for one meeting: its status, a value where it has one, and why."""

    id: str
    label: str
    status: str
    reason: str
    value: int | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class GridCell:
    """Guide steps of one stage and mechanism: done out of those that apply; not applicable shown apart."""

    stage: str
    mechanism: str
    done: int
    applicable: int
    not_applicable: int

    def words(self, *, compact: bool = False) -> str:
        """ "3/4" or "3/4 +1 n/a" ("3/4+1na" compact, for narrow grids), or "–" when the guide has no such step."""
        if not self.applicable and not self.not_applicable:
            return "–"
        text = f"{self.done}/{self.applicable}"
        if not self.not_applicable:
            return text
        return text + (f"+{self.not_applicable}na" if compact else f" +{self.not_applicable} n/a")


@dataclass(frozen=True)
class FidelityProfile:
    """The grid (stage x mechanism) and every marker, in definition order."""

    grid: tuple[GridCell, ...]
    markers: tuple[Marker, ...]
    guide_available: bool

    def cell(self, stage: str, mechanism: str) -> GridCell:
        return next(c for c in self.grid if c.stage == stage and c.mechanism == mechanism)

    def marker(self, marker_id: str) -> Marker:
        return next(m for m in self.markers if m.id == marker_id)

    def counts(self) -> dict[str, int]:
        """How many markers have each status, every status present."""
        out = dict.fromkeys(STATUS_LABELS, 0)
        for m in self.markers:
            out[m.status] += 1
        return out

    def summary(self) -> str:
        """One line: "12 met · 3 not met · 4 not recorded · 2 n/a"."""
        return counts_words(self.counts())


# ------------------------------------------------------------------ the grid


def step_grid(meeting: Meeting, guide: Guide | None) -> tuple[GridCell, ...]:
    """Done / applicable / not applicable guide steps for every stage and mechanism.

    Steps meant only for the other context are left out entirely; steps marked
    "not applicable" for this meeting are excluded from the count and shown.
    A step with two mechanisms counts in both columns, as the guide files it.
    """
    cells = []
    for stage in STAGES:
        steps = meeting_steps(guide, stage, meeting) if guide else []
        # As readiness counts it: a step the record shows done is done. Worked out once per
        # step, not once per column it is in (the summary of every meeting in a store needs it).
        statuses = [(step, step_progress(meeting, step).status) for step in steps]
        for mechanism in MECHANISMS:
            done = applicable = na = 0
            for step, status in statuses:
                if mechanism not in step.mechanisms:
                    continue
                if status == "na":
                    na += 1
                    continue
                applicable += 1
                done += status == "done"
            cells.append(GridCell(stage, mechanism, done, applicable, na))
    return tuple(cells)


# ------------------------------------------------------------------ helpers


def working_days_between(start: date, end: date) -> int:
    """Monday-to-Friday days after ``start`` up to and including ``end`` (negative if end is earlier).

    Bank holidays differ between the nations and are not known here; the
    definitions say so.
    """
    if end < start:
        return -working_days_between(end, start)
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def _held(meeting: Meeting) -> bool:
    return meeting.record.started is not None


def _family(person: Person) -> bool:
    return not person.is_professional and person.role != "child"


def _attending(meeting: Meeting) -> list[Person]:
    return [p for p in meeting.people if p.attendance in ATTENDED and p.role != "interpreter"]


def first_contact(meeting: Meeting) -> date | None:
    """The first recorded meeting with the family: the earliest preparation visit to a family member or child."""
    dates = [p.prep_visit for p in meeting.people if _family(p) and p.prep_visit]
    dates += [c.met_before for c in meeting.children if c.met_before]
    return min(dates) if dates else None


def _combine(statuses: Iterable[str]) -> str:
    """Many per-person answers as one: any "not met" wins, then any "not recorded"."""
    found = set(statuses)
    for status in (NOT_MET, NOT_RECORDED, MET):
        if status in found:
            return status
    return NOT_APPLICABLE


def _yes_no(value: bool | None, *, met_when: bool) -> str:
    if value is None:
        return NOT_RECORDED
    return MET if value is met_when else NOT_MET


# ------------------------------------------------------------------ markers

MarkerRule = Callable[[Meeting, Guide | None, date], tuple[str, str, int | None]]


def _first_contact(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    """The family first met, against the family's own target (not the referrer's 2 days)."""
    referred, contact = mt.referral.date, first_contact(mt)
    if referred is None:
        return NOT_RECORDED, "no referral date", None
    if contact is None:
        return NOT_RECORDED, "no preparation visit to the family or a child is dated", None
    days = (contact - referred).days
    working = working_days_between(referred, contact)
    status = MET if working <= FAMILY_CONTACT_WORKING_DAYS else NOT_MET
    return status, f"{working} working days (target {FAMILY_CONTACT_WORKING_DAYS})", days


def _referrer_contact(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    referred, contacted = mt.referral.date, mt.referral.referrer_contacted
    if referred is None:
        return NOT_RECORDED, "no referral date", None
    if contacted is None:
        return NOT_RECORDED, "the day the referrer was contacted is not recorded", None
    working = working_days_between(referred, contacted)
    status = MET if working <= REFERRER_CONTACT_WORKING_DAYS else NOT_MET
    return (
        status,
        f"{working} working days (target {REFERRER_CONTACT_WORKING_DAYS})",
        (contacted - referred).days,
    )


def _to_meeting(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    """Each kind against its own timescale: a conference from its strategy discussion, others from referral."""
    if mt.kind == "review":
        return NOT_APPLICABLE, "a review follows an earlier meeting", None
    held = mt.held_on if _held(mt) else None
    if mt.kind == "cp-conference":
        strategy = mt.referral.strategy_discussion
        if strategy is None:
            return NOT_RECORDED, "no strategy discussion date", None
        if held is None:
            return NOT_RECORDED, "the conference has not been held", None
        working = working_days_between(strategy, held)
        status = MET if working <= CONFERENCE_WORKING_DAYS else NOT_MET
        words = f"{working} working days from the strategy discussion (target {CONFERENCE_WORKING_DAYS})"
        return status, words, (held - strategy).days
    referred = mt.referral.date
    if referred is None:
        return NOT_RECORDED, "no referral date", None
    if held is None:
        return NOT_RECORDED, "the meeting has not been held", None
    days = (held - referred).days
    status = MET if days <= REFERRAL_TO_MEETING_DAYS else NOT_MET
    return status, f"{days} days (target at most {REFERRAL_TO_MEETING_DAYS})", days


def referral_to_meeting_days(mt: Meeting) -> int | None:
    """Days from the referral to the day the meeting was held (any kind but a review), for medians."""
    if mt.kind == "review" or not _held(mt) or mt.referral.date is None or mt.held_on is None:
        return None
    return (mt.held_on - mt.referral.date).days


def _chosen_by(attribute: str, what: str) -> MarkerRule:
    def rule(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
        if attribute == "food_chosen_by" and mt.choices.format == "online":
            return NOT_APPLICABLE, "the meeting is online", None
        who = getattr(mt.choices, attribute)
        if who is None:
            return NOT_RECORDED, f"who chose the {what} is not recorded", None
        words = {
            "family": "the family chose",
            "shared": "chosen with the coordinator",
            "professionals": "professionals chose",
        }[who]
        return (MET if who == "family" else NOT_MET), words, None

    return rule


def _venue_not_council(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if mt.choices.format == "online":
        return NOT_APPLICABLE, "the meeting is online", None
    council = mt.choices.venue_council_building
    if council is None:
        return NOT_RECORDED, "not recorded whether the venue is a council building", None
    return (
        _yes_no(council, met_when=False),
        "a council building" if council else "not a council building",
        None,
    )


def _people_prepared(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if not _held(mt):
        return NOT_RECORDED, "the meeting has not been held", None
    attending = _attending(mt)
    if not attending:
        return NOT_RECORDED, "nobody's attendance is recorded", None
    day = mt.held_on
    prepared = [p for p in attending if p.prep_visit is not None and (day is None or p.prep_visit <= day)]
    status = MET if len(prepared) == len(attending) else NOT_MET
    return status, f"{len(prepared)} of {len(attending)} who came were prepared", len(prepared)


def _reports_shared(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if not mt.info_sharing:
        return NOT_APPLICABLE, "no reports to share are listed", None
    day = mt.held_on
    if day is None:
        return NOT_RECORDED, "no meeting date", None
    before = [s for s in mt.info_sharing if s.shared is not None and s.shared < day]
    unshared = [s for s in mt.info_sharing if s.shared is None]
    if len(before) == len(mt.info_sharing):
        return MET, f"all {len(before)} shared before the day", len(before)
    if unshared and not _held(mt):
        return NOT_RECORDED, f"{len(unshared)} not shared yet", len(before)
    return NOT_MET, f"{len(before)} of {len(mt.info_sharing)} shared before the day", len(before)


def _nothing_new(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    value = mt.record.new_information_on_day
    if value is None:
        return NOT_RECORDED, "not recorded whether anything new was raised on the day", None
    return (
        _yes_no(value, met_when=False),
        "something new was raised" if value else "nothing new was raised",
        None,
    )


def _interpreters(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    needing = [p for p in mt.people if p.expected and p.needs.interpreter]
    if not needing:
        return NOT_APPLICABLE, "nobody needs an interpreter", None
    statuses = [_yes_no(p.needs.interpreter_booked, met_when=True) for p in needing]
    booked = statuses.count(MET)
    return _combine(statuses), f"{booked} of {len(needing)} booked", booked


def _per_child(check: Callable[[Meeting, int], tuple[str, str]]) -> MarkerRule:
    """A marker met only when it is met for every child; the reason names the first child that is not."""

    def rule(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
        if not mt.children:
            return NOT_RECORDED, "no child is recorded", None
        results = [check(mt, i) for i in range(len(mt.children))]
        status = _combine(s for s, _ in results)
        met = sum(1 for s, _ in results if s == MET)
        applicable = sum(1 for s, _ in results if s != NOT_APPLICABLE)
        if status in (MET, NOT_APPLICABLE):
            return status, f"{met} of {applicable} children", met
        worst = next(why for s, why in results if s == status)
        return status, f"{met} of {applicable} children; {worst}", met

    return rule


def _child_participation(mt: Meeting, i: int) -> tuple[str, str]:
    child = mt.children[i]
    open_or_missed = NOT_MET if _held(mt) else NOT_RECORDED
    if child.participation is None:
        return open_or_missed, f"child {i + 1}: how they take part is not decided"
    if child.participation == "not-taking-part" and not child.participation_reason.strip():
        return open_or_missed, f"child {i + 1}: not taking part and no reason"
    return MET, ""


def _child_met_before(mt: Meeting, i: int) -> tuple[str, str]:
    child, day = mt.children[i], mt.held_on
    if child.met_before is None:
        return NOT_RECORDED, f"child {i + 1}: no date they were met"
    if day is not None and child.met_before > day:
        return NOT_MET, f"child {i + 1}: first met after the day"
    return MET, ""


def _child_advocate(mt: Meeting, i: int) -> tuple[str, str]:
    if mt.children[i].advocate_offer is None:
        return NOT_RECORDED, f"child {i + 1}: not recorded whether an advocate was offered"
    return MET, ""


def _child_views(mt: Meeting, i: int) -> tuple[str, str]:
    child = mt.children[i]
    if child.participation == "not-taking-part" and child.participation_reason.strip():
        return NOT_APPLICABLE, ""
    if not child.views.strip():
        return (NOT_MET if _held(mt) else NOT_RECORDED), f"child {i + 1}: no views in their own words"
    if child.views_consent is None:
        return NOT_RECORDED, f"child {i + 1}: not asked whether their views may be shared"
    return MET, ""


def _bottom_lines(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    """Read from the day the bottom lines were first written, not from their being there now."""
    lines = [b for b in mt.referral.bottom_lines if b.strip()]
    written = mt.first_filled.get("referral.bottom_lines")
    day = mt.held_on if _held(mt) else None
    if not lines:
        return (
            (NOT_MET, "none written before the meeting", 0)
            if day
            else (NOT_RECORDED, "none written yet", None)
        )
    if written is None:
        return NOT_RECORDED, f"{len(lines)} written; not known when they were first written", len(lines)
    if day is not None and written >= day:
        return NOT_MET, f"first written {written.isoformat()}, on or after the day", len(lines)
    return MET, f"{len(lines)} written, first on {written.isoformat()}", len(lines)


def _no_family_time_by_design(mt: Meeting, guide: Guide | None) -> bool:
    return mt.kind == "family-unity" or (guide is not None and guide.private_phase is None)


def family_time_minutes(mt: Meeting) -> int | None:
    """Minutes of private family time, when it started and ended (counted as the record of the day counts)."""
    return span_minutes(mt.record.family_time_start, mt.record.family_time_end)


def _family_time(mt: Meeting, guide: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if _no_family_time_by_design(mt, guide):
        return NOT_APPLICABLE, "this kind of meeting has no private family time", None
    minutes = family_time_minutes(mt)
    if minutes is not None:
        return MET, f"{minutes} minutes", minutes
    if mt.record.family_time_start is not None:
        return NOT_RECORDED, "started, end not recorded", None
    if mt.record.ended is not None:
        return NOT_MET, "the meeting ended without private family time", None
    return NOT_RECORDED, "the meeting has not been held" if not _held(mt) else "not held yet", None


def _family_time_private(mt: Meeting, guide: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if _no_family_time_by_design(mt, guide):
        return NOT_APPLICABLE, "this kind of meeting has no private family time", None
    if mt.record.family_time_start is None:
        return NOT_APPLICABLE if mt.record.ended else NOT_RECORDED, "no private family time was held", None
    stayed = mt.record.non_family_in_family_time
    if stayed is None:
        return NOT_RECORDED, "not recorded whether anyone not family stayed", None
    return _yes_no(stayed, met_when=False), "someone not family stayed" if stayed else "only family", None


def _authority(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    present = mt.record.authority_present
    if present is None:
        return NOT_RECORDED, "not recorded whether someone could agree the plan and its resources", None
    return _yes_no(present, met_when=True), "present" if present else "nobody with that authority", None


def _plan_agreed(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    response = mt.plan.response
    if response.decision is None:
        return NOT_RECORDED, "no professional response recorded", None
    if response.decision in ("agreed", "agreed-with-changes"):
        return MET, "agreed" if response.decision == "agreed" else "agreed with changes", None
    reasons = "reasons recorded" if response.reasons.strip() else "no reasons recorded"
    return NOT_MET, f"not agreed on the day; {reasons}", None


def plan_gaps(mt: Meeting) -> list[str]:
    """What the plan still lacks, in plain words: empty when it is complete."""
    p = mt.plan
    gaps = []
    if not p.actions:
        gaps.append("no actions")
    for i, action in enumerate(p.actions, 1):
        missing = [
            word
            for word, ok in (
                ("who", action.who.strip()),
                ("when", action.by_when),
                ("support", action.support_needed.strip() or action.support_from.strip()),
            )
            if not ok
        ]
        if missing:
            gaps.append(f"action {i} has no {' or '.join(missing)}")
    if not p.contingency.strip():
        gaps.append("no contingency")
    if not p.family_keeper.strip():
        gaps.append("no named family member")
    if not p.professional_lead.strip():
        gaps.append("no named professional")
    lines = [b for b in mt.referral.bottom_lines if b.strip()]
    checked = {c.bottom_line for c in p.bottom_line_checks if c.addressed is True}
    unchecked = [b for b in lines if b not in checked]
    if unchecked:
        gaps.append(
            f"{len(unchecked)} bottom line{'s' if len(unchecked) != 1 else ''} not checked as addressed"
        )
    return gaps


def _plan_complete(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    if not mt.plan.actions and not mt.plan.family_words.strip():
        return NOT_RECORDED, "no plan recorded", None
    gaps = plan_gaps(mt)
    if not gaps:
        return MET, "every part is there", None
    return NOT_MET, "; ".join(gaps), None


def _plan_sent(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    sent, held = plan_sent_on(mt.papers_sent, mt.plan.sent_on), mt.held_on if _held(mt) else None
    if held is None:
        return NOT_RECORDED, "the meeting has not been held", None
    if sent is None:
        return NOT_RECORDED, "no date the plan was sent", None
    working = working_days_between(held, sent)
    status = MET if working <= PLAN_SENT_WORKING_DAYS else NOT_MET
    return (
        status,
        f"sent {sent.isoformat()}, {working} working days after (target {PLAN_SENT_WORKING_DAYS})",
        (sent - held).days,
    )


def _help_given(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    promised = [a for a in mt.plan.actions if a.support_from.strip()]
    if not promised:
        return NOT_APPLICABLE, "no help was promised", None
    statuses = []
    for action in promised:
        if action.support_delivered is None:
            statuses.append(NOT_RECORDED)
        else:
            statuses.append(MET if action.support_delivered == "given" else NOT_MET)
    given = statuses.count(MET)
    return _combine(statuses), f"{given} of {len(promised)} given", given


def first_review(
    mt: Meeting, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> tuple[date | None, date | None]:
    """(when the first review is due, when it was held) as the review-on-time marker reads them.

    A conference that put a child on a plan is due its review conference by
    the chosen profile's timescale (``timescales``), or by the date set for it
    when that is sooner; where the profile gives no timescale, by the date set.
    """
    reviews = sorted(
        (r for r in mt.follow_up.reviews if r.scheduled or r.held),
        key=lambda r: r.scheduled or r.held or date.max,
    )
    first = reviews[0] if reviews else None
    due = (first.scheduled if first else None) or mt.plan.review_date
    held = first.held if first else None
    if not is_conference(mt) or not needs_plan(mt.conference) or mt.held_on is None:
        return due, held
    due = due or mt.conference.review_date
    if timescales is not None:
        deadline = review_deadline(mt.held_on, conference_stage(mt) or "initial", timescales)
        due = min(due, deadline) if due is not None else deadline
    return due, held


def _review_on_time(
    mt: Meeting, _g: Guide | None, today: date, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> tuple[str, str, int | None]:
    due, held = first_review(mt, timescales)
    if due is None:
        if timescales is None and is_conference(mt):
            return (
                NOT_RECORDED,
                "no review date, and the jurisdiction profile gives no review timescale",
                None,
            )
        return NOT_RECORDED, "no review date", None
    if held is not None:
        late = (held - due).days
        return (
            (MET, f"held {held.isoformat()}", late)
            if late <= 0
            else (NOT_MET, f"held {late} days late", late)
        )
    if due < today:
        return NOT_MET, f"due {due.isoformat()}, not held", None
    return NOT_RECORDED, f"not due yet ({due.isoformat()})", None


def _network_widened(mt: Meeting, _g: Guide | None, _t: date) -> tuple[str, str, int | None]:
    """People beyond the parents invited and taking part, counted by side of the family."""
    if not _held(mt):
        return NOT_RECORDED, "the meeting has not been held", None
    if not _attending(mt):
        return NOT_RECORDED, "nobody's attendance is recorded", None
    child_ids = [c.id for c in mt.children]
    came = [p for p in _attending(mt) if is_beyond_parents(p, child_ids)]
    sides = {"mother": 0, "father": 0}
    for person in came:
        if person.network.side in sides:
            sides[person.network.side] += 1
    other = len(came) - sides["mother"] - sides["father"]
    reason = (
        f"{len(came)} beyond the parents took part: mother's side {sides['mother']}, "
        f"father's side {sides['father']}, both sides or not related {other}"
    )
    return (MET if came else NOT_MET), reason, len(came)


MARKER_RULES: tuple[tuple[str, str, MarkerRule], ...] = (
    ("first-contact", "The family first met within 10 working days of the referral", _first_contact),
    ("referrer-contact", "The referrer contacted within 2 working days", _referrer_contact),
    ("referral-to-meeting", "The meeting held within its kind's timescale", _to_meeting),
    ("family-chose-date", "The family chose the date", _chosen_by("date_chosen_by", "date")),
    ("family-chose-venue", "The family chose the venue", _chosen_by("venue_chosen_by", "venue")),
    ("family-chose-food", "The family chose the food", _chosen_by("food_chosen_by", "food")),
    ("venue-not-council", "The venue is not a council building", _venue_not_council),
    ("people-prepared", "Everyone who came was prepared before the day", _people_prepared),
    ("reports-shared", "Reports shared before the day", _reports_shared),
    ("nothing-new-on-day", "Nothing new raised on the day", _nothing_new),
    ("interpreters-booked", "A professional interpreter booked for everyone who needs one", _interpreters),
    ("child-participation", "Each child's way of taking part recorded", _per_child(_child_participation)),
    ("child-met-before", "Each child met before the day", _per_child(_child_met_before)),
    ("child-advocate-offered", "Each child offered an advocate", _per_child(_child_advocate)),
    ("child-views", "Each child's views in their own words, with consent asked", _per_child(_child_views)),
    ("bottom-lines-before", "Bottom lines written before the day", _bottom_lines),
    ("family-time-held", "Private family time held", _family_time),
    ("family-time-private", "Nobody who is not family stayed in private family time", _family_time_private),
    (
        "authority-present",
        "Someone with authority to agree the plan and its resources was present",
        _authority,
    ),
    ("plan-agreed", "The plan agreed on the day", _plan_agreed),
    ("plan-complete", "The plan is complete", _plan_complete),
    ("plan-sent", "The plan sent to the family within 5 working days", _plan_sent),
    ("help-given", "Promised help given", _help_given),
    ("review-on-time", "The review held on time", _review_on_time),
    ("network-widened", "People beyond the parents invited and taking part", _network_widened),
)
MARKER_IDS: tuple[str, ...] = tuple(marker_id for marker_id, _label, _rule in MARKER_RULES)
MARKER_LABELS: dict[str, str] = {marker_id: label for marker_id, label, _rule in MARKER_RULES}


def fidelity_profile(
    meeting: Meeting, guide: Guide | None, today: date, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> FidelityProfile:
    """The whole profile of ``meeting``: its step grid and every marker, never a guess.

    ``timescales``: the chosen jurisdiction profile's (a conference's review is due by them).
    """
    markers = _markers(meeting, guide, today, timescales)
    return FidelityProfile(step_grid(meeting, guide), markers, guide is not None)


def marker_counts(
    meeting: Meeting, guide: Guide | None, today: date, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> dict[str, int]:
    """``fidelity_profile(...).counts()`` without the step grid, which the counts do not use.

    The summary of every meeting needs only these counts (a store without its
    summary index summarises thousands of meetings).
    """
    out = dict.fromkeys(STATUS_LABELS, 0)
    for marker in _markers(meeting, guide, today, timescales):
        out[marker.status] += 1
    return out


def _markers(
    meeting: Meeting, guide: Guide | None, today: date, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> tuple[Marker, ...]:
    markers = []
    for marker_id, label, rule in MARKER_RULES:
        if rule is _review_on_time:  # the one marker a jurisdiction's timescales change
            status, reason, value = _review_on_time(meeting, guide, today, timescales)
        else:
            status, reason, value = rule(meeting, guide, today)
        markers.append(Marker(marker_id, label, status, reason, value))
    return tuple(markers)

"""The rules a child protection conference's record is checked against, in plain words.

One module for the workspace's Decision section, the room, readiness and the
papers (the parents' decision letter), so the dates and the warnings are worded
the same everywhere. Pure Python: no Textual, no files.

Timescales (England, Working Together 2023 and local procedures; Wales the same):

- the first core group meets within 10 working days of the conference;
- the first review conference is within 3 months of the initial conference,
  then reviews are at most 6 months apart while the plan lasts.

**Working days** are Monday to Friday less the bank holidays of England and
Wales. The bank holidays are computed by their standing rules (New Year's Day,
Good Friday, Easter Monday, the first and last Mondays of May, the last Monday
of August, Christmas Day and Boxing Day, each moved to the next weekday when it
falls on a weekend), plus the one-off changes of recent years listed in
``_ONE_OFF_CHANGES``. A one-off day proclaimed later is not known until it is
added there; the warnings are advice to the chair, never a block, so a day off
is the worst that can happen. Scotland and Northern Ireland have other bank
holidays and are not covered.

Every function that counts a timescale takes the chosen jurisdiction
profile's ``Timescales`` (``DEFAULT_TIMESCALES``, England's, when none is
passed). ``None`` means the profile gives no timescale: the checks then say so
and never count England's in its place.

"Multiple" categories are recorded as a list; England's statistics count a
child with more than one category as "Multiple" (``statistics_category``).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sdm_facilitator.domain.conference import ChildDecision, Conference
from sdm_facilitator.domain.jurisdiction import Timescales
from sdm_facilitator.domain.labels import HARM_CATEGORY_LABELS
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line

CONFERENCE_KIND = "cp-conference"

#: Working days after the conference by which the first core group meets.
CORE_GROUP_WORKING_DAYS = 10

#: Months after the conference by which the next review conference is held.
REVIEW_MONTHS: dict[str, int] = {"initial": 3, "review": 6}

#: England's timescales (the constants above): what a caller that names no profile gets.
DEFAULT_TIMESCALES = Timescales(CORE_GROUP_WORKING_DAYS, REVIEW_MONTHS["initial"], REVIEW_MONTHS["review"])

#: What a check says where the chosen profile gives no timescale for ``what``.
NO_TIMESCALE = "the jurisdiction profile gives no timescale for {what}: check your local procedures"

#: The decisions each stage makes: an initial conference decides whether a plan
#: is needed; a review conference continues or ends it.
STAGE_DECISIONS: dict[str, tuple[str, ...]] = {
    "initial": ("plan-needed", "plan-not-needed"),
    "review": ("continue-plan", "end-plan"),
}

#: Decisions that put (or keep) the child on a plan: these need a category.
PLAN_DECISIONS: tuple[str, ...] = ("plan-needed", "continue-plan")

#: Decisions after which something else happens instead of a plan.
NO_PLAN_DECISIONS: tuple[str, ...] = ("plan-not-needed", "end-plan")

#: What England's statistics call a child with more than one category of harm.
MULTIPLE_CATEGORY = "Multiple"

#: Changes to the standing rules for England and Wales: extra days and moved ones.
_ONE_OFF_CHANGES: dict[int, tuple[tuple[date, ...], tuple[date, ...]]] = {
    # year: (days added, standing-rule days removed)
    2020: ((date(2020, 5, 8),), (date(2020, 5, 4),)),  # early May moved to VE Day
    2022: ((date(2022, 6, 3), date(2022, 9, 19)), ()),  # Platinum Jubilee; the Queen's funeral
    2023: ((date(2023, 5, 8),), ()),  # the coronation
}
_STAGE_WORDS = {"initial": "an initial conference", "review": "a review conference"}
_ONE_OFF_MOVED_SPRING = {2022: date(2022, 6, 2)}  # the late May bank holiday moved to 2 June in 2022


@dataclass(frozen=True)
class ConferenceCheck:
    """One thing to look at in a conference's record, in plain words.

    ``code`` says which rule it is (stable, for tests and for the papers to
    pick the ones they show); ``ref`` names the child, person or dissent entry
    it is about, when there is one; ``due`` is the date the rule asks for.
    """

    code: str
    text: str
    ref: str = ""
    due: date | None = None


# ------------------------------------------------------------------ dates


def day_words(day: date) -> str:
    """``Tue 3 Mar 2026``: a date in the warnings, short enough to sit beside a field."""
    return f"{calendar.day_abbr[day.weekday()]} {day.day} {calendar.month_abbr[day.month]} {day.year}"


def _easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    day = date(year, month, calendar.monthrange(year, month)[1])
    return day - timedelta(days=day.weekday())


def _next_weekday(day: date, taken: set[date]) -> date:
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays of ``year`` (standing rules plus known one-off changes)."""
    easter = _easter_sunday(year)
    days: set[date] = {
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _first_monday(year, 5),
        _ONE_OFF_MOVED_SPRING.get(year, _last_monday(year, 5)),
        _last_monday(year, 8),
    }
    # New Year's Day, then Christmas and Boxing Day, each moved past weekends and each other.
    days.add(_next_weekday(date(year, 1, 1), days))
    days.add(_next_weekday(date(year, 12, 25), days))
    days.add(_next_weekday(date(year, 12, 26), days))
    added, removed = _ONE_OFF_CHANGES.get(year, ((), ()))
    return frozenset((days | set(added)) - set(removed))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The working day ``count`` working days after ``start`` (``start`` itself never counts)."""
    day = start
    left = count
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_after(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -working_days_after(end, start)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day (31 Jan -> 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


# ------------------------------------------------------------------ stage and deadlines


def is_conference(meeting: Meeting) -> bool:
    """Whether the meeting is a child protection conference (the only kind with a decision record)."""
    return meeting.kind == CONFERENCE_KIND


def conference_stage(meeting: Meeting) -> str | None:
    """Initial or review: as the chair set it, else a conference reviewing an earlier meeting is a review.

    None for a meeting that is not a conference.
    """
    if not is_conference(meeting):
        return None
    if meeting.conference.stage:
        return meeting.conference.stage
    return "review" if meeting.reviews_meeting_id else "initial"


def core_group_deadline(conference_day: date, timescales: Timescales = DEFAULT_TIMESCALES) -> date:
    """The last day for the first core group: the profile's working days after the conference (10 in England)."""
    return add_working_days(conference_day, timescales.core_group_working_days)


def review_months(stage: str, timescales: Timescales = DEFAULT_TIMESCALES) -> int:
    """Months to the next review: after an initial conference, then between reviews (the profile's)."""
    return timescales.review_interval_months if stage == "review" else timescales.first_review_months


def review_deadline(conference_day: date, stage: str, timescales: Timescales = DEFAULT_TIMESCALES) -> date:
    """The last day for the next review conference: 3 months after an initial conference, 6 after a review."""
    return add_months(conference_day, review_months(stage, timescales))


def core_group_due_words(conference_day: date | None, timescales: Timescales | None) -> str:
    """The first core group's timescale in a sentence, as the Decision section shows it beside the date."""
    if timescales is None:
        return _sentence(NO_TIMESCALE.format(what="the first core group"))
    if conference_day is None:
        return "The conference has no date yet: the timescales are counted from it."
    days = timescales.core_group_working_days
    due = core_group_deadline(conference_day, timescales)
    return f"Due by {day_words(due)} ({days} working days after the conference)."


def review_due_words(conference_day: date | None, stage: str, timescales: Timescales | None) -> str:
    """The review conference's timescale in a sentence, as the Decision section shows it beside the date."""
    if timescales is None:
        return _sentence(NO_TIMESCALE.format(what="the review conference"))
    if conference_day is None:
        return "The conference has no date yet: the timescales are counted from it."
    months = review_months(stage, timescales)
    due = review_deadline(conference_day, stage, timescales)
    return f"Due by {day_words(due)} ({months} months after this conference)."


def _sentence(words: str) -> str:
    return words[0].upper() + words[1:] + "."


def needs_plan(conference: Conference) -> bool:
    """Whether any child's decision puts or keeps them on a plan (then the follow-up dates matter)."""
    return any(d.decision in PLAN_DECISIONS for d in conference.decisions)


# ------------------------------------------------------------------ categories


def category_name(code: str, names: Mapping[str, str] = HARM_CATEGORY_LABELS) -> str:
    """A category's words: the profile's (``names``), else the app's own, else the stored code itself."""
    return names.get(code) or HARM_CATEGORY_LABELS.get(code) or code


def categories_outside(categories: list[str], names: Mapping[str, str]) -> list[str]:
    """Categories recorded that the chosen profile does not name (kept, never dropped: shown with a note)."""
    return [c for c in categories if c not in names]


def outside_note(categories: list[str], names: Mapping[str, str], profile_title: str) -> str:
    """The note beside a record holding categories the chosen profile does not name, or ""."""
    outside = categories_outside(categories, names)
    if not outside:
        return ""
    words = ", ".join(category_name(c, names) for c in outside)
    return f"Not a category in the jurisdiction profile '{profile_title}', kept as recorded: {words}."


def statistics_category(categories: list[str], names: Mapping[str, str] = HARM_CATEGORY_LABELS) -> str:
    """The category England's statistics count: the one category's words, "Multiple" for more, "" for none."""
    if len(categories) > 1:
        return MULTIPLE_CATEGORY
    if categories:
        return category_name(categories[0], names)
    return ""


def categories_words(categories: list[str], names: Mapping[str, str] = HARM_CATEGORY_LABELS) -> str:
    """``Neglect and emotional abuse``: every category recorded, in the order of the profile's choices."""
    order = list(names)
    ordered = sorted(categories, key=lambda c: order.index(c) if c in order else len(order))
    words = [category_name(c, names) for c in ordered]
    words = [words[0], *(w[0].lower() + w[1:] for w in words[1:])] if words else words
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# ------------------------------------------------------------------ the checks


def _child_name(meeting: Meeting, child_id: str) -> str:
    child = meeting.child(child_id)
    return one_line(child.name, 40) if child is not None and child.name.strip() else "a child"


def _person_name(meeting: Meeting, person_id: str) -> str:
    person = meeting.person(person_id)
    return one_line(person.name, 40) if person is not None and person.name.strip() else "someone"


def decision_checks(
    meeting: Meeting, decision: ChildDecision, stage: str, *, categories_named: bool = True
) -> list[ConferenceCheck]:
    """What one child's decision still lacks: the decision itself, a category, what happens instead.

    ``categories_named``: whether the chosen profile names categories of harm;
    where it names none, no category is asked for.
    """
    name = _child_name(meeting, decision.child_id)
    ref = decision.child_id
    if decision.decision is None:
        return [ConferenceCheck("decision-missing", f"No decision is recorded for {name}.", ref)]
    checks = []
    if decision.decision not in STAGE_DECISIONS.get(stage, ()):
        wants = "whether a plan is needed" if stage == "initial" else "whether the plan continues or ends"
        checks.append(
            ConferenceCheck(
                "decision-stage",
                f"The decision for {name} does not fit {_STAGE_WORDS.get(stage, stage)}: it decides {wants}.",
                ref,
            )
        )
    if decision.decision in PLAN_DECISIONS and not decision.categories and categories_named:
        checks.append(
            ConferenceCheck("category-missing", f"No category of harm is recorded for {name}'s plan.", ref)
        )
    if decision.decision in PLAN_DECISIONS and not decision.explanation.strip():
        checks.append(
            ConferenceCheck(
                "explanation-missing", f"The category for {name} is not explained in plain words.", ref
            )
        )
    if decision.decision in NO_PLAN_DECISIONS and decision.instead is None:
        checks.append(
            ConferenceCheck(
                "instead-missing", f"What happens instead of a plan for {name} is not recorded.", ref
            )
        )
    return checks


def child_view_checks(meeting: Meeting) -> list[ConferenceCheck]:
    """Each child in the children list has a view recorded, or a reason it was not sought."""
    views = {v.child_id: v for v in meeting.conference.child_views}
    checks = []
    for child in meeting.children:
        name = _child_name(meeting, child.id)
        view = views.get(child.id)
        if view is None or view.way is None:
            checks.append(ConferenceCheck("child-view-missing", f"{name}'s view is not recorded.", child.id))
        elif view.way == "not-sought" and not view.not_sought_reason.strip():
            checks.append(
                ConferenceCheck(
                    "child-view-reason", f"Why {name}'s view was not sought is not recorded.", child.id
                )
            )
        elif view.way != "not-sought" and not view.words.strip():
            checks.append(
                ConferenceCheck("child-view-words", f"{name}'s view has no words recorded.", child.id)
            )
    return checks


def people_checks(meeting: Meeting) -> list[ConferenceCheck]:
    """The lead practitioner and the core group are people in the people list; a plan needs both."""
    conference = meeting.conference
    known = {p.id for p in meeting.people}
    checks = []
    plan = needs_plan(conference)
    if conference.lead_practitioner:
        if conference.lead_practitioner not in known:
            checks.append(
                ConferenceCheck(
                    "lead-unknown",
                    "The lead practitioner is no longer in the people list.",
                    conference.lead_practitioner,
                )
            )
    elif plan:
        checks.append(ConferenceCheck("lead-missing", "No lead practitioner is named for the plan."))
    for member in conference.core_group:
        if member not in known:
            checks.append(
                ConferenceCheck(
                    "core-group-unknown", "A core group member is no longer in the people list.", member
                )
            )
    if plan and not conference.core_group:
        checks.append(ConferenceCheck("core-group-missing", "No core group members are named for the plan."))
    return checks


def date_checks(
    meeting: Meeting, timescales: Timescales | None = DEFAULT_TIMESCALES
) -> list[ConferenceCheck]:
    """The first core group and the review conference against the timescales, when their dates are set.

    ``timescales``: the jurisdiction profile's. None (the profile gives none):
    a missing date is still asked for, saying there is no timescale to count,
    and nothing is called late by another country's rule.
    """
    conference = meeting.conference
    held = meeting.held_on
    stage = conference_stage(meeting) or "initial"
    checks: list[ConferenceCheck] = []
    plan = needs_plan(conference)
    if held is None:
        return checks
    if timescales is None:
        return _untimed_checks(meeting, plan)
    core_due = core_group_deadline(held, timescales)
    first = conference.core_group_first
    if first is None:
        if plan:
            checks.append(
                ConferenceCheck(
                    "core-group-date-missing",
                    f"No first core group date: it should meet by {day_words(core_due)}.",
                    due=core_due,
                )
            )
    elif first < held:
        checks.append(
            ConferenceCheck(
                "core-group-early", "The first core group date is before the conference.", due=core_due
            )
        )
    elif first > core_due:
        late = working_days_after(held, first)
        checks.append(
            ConferenceCheck(
                "core-group-late",
                f"The first core group is {late} working days after the conference: "
                f"more than {timescales.core_group_working_days} "
                f"(by {day_words(core_due)}).",
                due=core_due,
            )
        )
    review_due = review_deadline(held, stage, timescales)
    months = review_months(stage, timescales)
    review = conference.review_date
    if review is None:
        if plan:
            checks.append(
                ConferenceCheck(
                    "review-date-missing",
                    f"No review conference date: it should be by {day_words(review_due)}.",
                    due=review_due,
                )
            )
    elif review <= held:
        checks.append(
            ConferenceCheck(
                "review-early", "The review conference date is not after this conference.", due=review_due
            )
        )
    elif review > review_due:
        checks.append(
            ConferenceCheck(
                "review-late",
                f"The review conference is more than {months} months after {_STAGE_WORDS.get(stage, stage)} "
                f"(by {day_words(review_due)}).",
                due=review_due,
            )
        )
    checks.extend(_closed_day_checks(first, review))
    return checks


def _untimed_checks(meeting: Meeting, plan: bool) -> list[ConferenceCheck]:
    """The date checks where the profile gives no timescale: ask for the dates, count nothing."""
    conference = meeting.conference
    held = meeting.held_on
    checks = []
    first, review = conference.core_group_first, conference.review_date
    if first is None and plan:
        why = NO_TIMESCALE.format(what="it")
        checks.append(
            ConferenceCheck("core-group-date-missing", f"No first core group date is recorded ({why}).")
        )
    elif first is not None and held is not None and first < held:
        checks.append(
            ConferenceCheck("core-group-early", "The first core group date is before the conference.")
        )
    if review is None and plan:
        why = NO_TIMESCALE.format(what="it")
        checks.append(
            ConferenceCheck("review-date-missing", f"No review conference date is recorded ({why}).")
        )
    elif review is not None and held is not None and review <= held:
        checks.append(
            ConferenceCheck("review-early", "The review conference date is not after this conference.")
        )
    checks.extend(_closed_day_checks(first, review))
    return checks


def _closed_day_checks(core_group_first: date | None, review: date | None) -> list[ConferenceCheck]:
    """A meeting set for a weekend or a bank holiday is most likely a slip of the date: ask."""
    checks = []
    for code, label, day in (
        ("core-group-closed-day", "first core group", core_group_first),
        ("review-closed-day", "review conference", review),
    ):
        if day is not None and not is_working_day(day):
            checks.append(
                ConferenceCheck(
                    code,
                    f"The {label} is set for {day_words(day)}, a weekend or bank holiday: is that right?",
                )
            )
    return checks


def dissent_checks(meeting: Meeting) -> list[ConferenceCheck]:
    """Each dissent entry says who disagreed and with what."""
    checks = []
    for entry in meeting.conference.dissent:
        if not entry.who.strip() or not entry.about.strip():
            checks.append(
                ConferenceCheck(
                    "dissent-incomplete", "A dissent entry does not say who disagreed with what.", entry.id
                )
            )
    return checks


def agency_view_checks(meeting: Meeting) -> list[ConferenceCheck]:
    """The agencies' views: at least one, each naming the agency and its view."""
    views = meeting.conference.agency_views
    if not views:
        return [ConferenceCheck("agency-views-missing", "No agency's view on significant harm is recorded.")]
    return [
        ConferenceCheck(
            "agency-view-incomplete", "An agency's view does not name the agency or its view.", v.id
        )
        for v in views
        if not v.agency.strip() or v.view is None
    ]


def missing_parts(
    meeting: Meeting, timescales: Timescales | None = DEFAULT_TIMESCALES, *, categories_named: bool = True
) -> list[ConferenceCheck]:
    """Every part of the decision record still missing or inconsistent, in the order of the conference.

    Empty for a meeting that is not a conference. ``timescales``: the chosen
    profile's (None where it gives none; see ``date_checks``); ``categories_named``:
    whether the profile names categories of harm (see ``decision_checks``).
    """
    if not is_conference(meeting):
        return []
    stage = conference_stage(meeting) or "initial"
    conference = meeting.conference
    checks = agency_view_checks(meeting)
    checks += child_view_checks(meeting)
    decided = {d.child_id: d for d in conference.decisions}
    for child in meeting.children:
        decision = decided.get(child.id)
        if decision is None:
            name = _child_name(meeting, child.id)
            checks.append(
                ConferenceCheck("decision-missing", f"No decision is recorded for {name}.", child.id)
            )
        else:
            checks += decision_checks(meeting, decision, stage, categories_named=categories_named)
    checks += people_checks(meeting)
    checks += date_checks(meeting, timescales)
    checks += dissent_checks(meeting)
    return checks


def parent_view_words(meeting: Meeting, person_id: str) -> str:
    """The words one parent's view is recorded in ("" when none)."""
    return next((v.words for v in meeting.conference.parent_views if v.person_id == person_id), "")


def person_label(meeting: Meeting, person_id: str) -> str:
    """A person's name for the record, or a plain phrase when they are not in the people list."""
    return _person_name(meeting, person_id)

"""The family's plan (each child's own plan is ``child_plan``).

The family version is what a coordinator sends to everyone who was there:
the family's words first, who does what, what happens if it does not work,
who keeps an eye on it, the professionals' response and the review date.
It never holds worries, case notes, captures, scale answers, preparation
notes, anyone marked "not to be invited" or why. The professionals'
version (``include_notes``) adds the bottom lines and their checks, the
reasons given with the response, and each action's progress.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import LeftOut, at_risk_ids, contact_details, shares_a_hidden_home
from sdm_facilitator.domain.plan_rules import plan_history
from sdm_facilitator.export.conference_plan import conference_decision_blocks
from sdm_facilitator.export.facts import child_names, header_line, kind_words, next_review
from sdm_facilitator.export.paper_blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Note,
    Paper,
    Paragraph,
    Table,
    paragraph_or_note,
)
from sdm_facilitator.export.plan_wording import plan_wording
from sdm_facilitator.export.wording import long_date, names_list, short_date

NO_ACTIONS = "No actions have been written down yet."
NO_REVIEW = "The review date is not set yet."


def _purpose(meeting: m.Meeting) -> str:
    children = names_list(child_names(meeting)) or "the children"
    when = f" on {long_date(meeting.held_on)}" if meeting.held_on else ""
    return (
        f"{plan_wording(meeting).made} at {kind_words(meeting)}{when} so that {children} can be safe and well. "
        "It uses the family's own words where it can."
    )


def _help(action: m.Action) -> str:
    if action.support_needed and action.support_from:
        return f"{action.support_needed} (from {action.support_from})"
    if action.support_from:
        return f"from {action.support_from}"
    return action.support_needed


def actions_table(plan: m.Plan, *, with_status: bool) -> list[Block]:
    """Who does what, by when, with what help; with progress for professionals."""
    if not plan.actions:
        return [Note(NO_ACTIONS)]
    headers: tuple[str, ...] = ("What", "Who", "By when", "Help, and who gives it")
    rows = []
    for action in plan.actions:
        row: tuple[str, ...] = (
            action.what,
            action.who or "not agreed yet",
            short_date(action.by_when) if action.by_when else "",
            _help(action),
        )
        if with_status:
            row += (m.ACTION_STATUS_LABELS.get(action.status, action.status),)
        rows.append(row)
    if with_status:
        headers += ("Progress",)
    return [Table(headers, tuple(rows))]


def keeping_an_eye(plan: m.Plan) -> list[Block]:
    if not (plan.family_keeper.strip() or plan.professional_lead.strip()):
        return [Note("Who keeps an eye on the plan has not been agreed yet.")]
    return [
        Fields(
            (
                ("In the family", plan.family_keeper or "not agreed yet"),
                ("In services, following it up", plan.professional_lead or "not agreed yet"),
            )
        )
    ]


def response_blocks(plan: m.Plan, *, with_reasons: bool) -> list[Block]:
    """What the professionals said about the plan, in one sentence and the changes they asked for."""
    response = plan.response
    on = f" on {long_date(response.date)}" if response.date else ""
    if response.decision is None:
        return [Note("The professionals have not given their response yet.")]
    sentence = {
        "agreed": f"The professionals agreed the plan{on}.",
        "agreed-with-changes": f"The professionals agreed the plan{on}, with the changes below.",
        "not-agreed": "The professionals have not agreed the plan yet.",
    }.get(response.decision, m.RESPONSE_LABELS.get(response.decision, response.decision))
    blocks: list[Block] = [Paragraph(sentence)]
    if response.changes.strip():
        blocks += [Heading("Changes they asked for", 3), Paragraph(response.changes)]
    if response.decision == "not-agreed" and response.would_make_acceptable.strip():
        blocks += [
            Heading("What would make the plan acceptable", 3),
            Paragraph(response.would_make_acceptable),
        ]
    if with_reasons and response.reasons.strip():
        blocks += [Heading("Their reasons", 3), Paragraph(response.reasons)]
    return blocks


def review_blocks(meeting: m.Meeting) -> list[Block]:
    if plan_wording(meeting).conference_decides and meeting.conference.review_date:
        return [Paragraph(f"The review conference is on {long_date(meeting.conference.review_date)}.")]
    review = next_review(meeting)
    if review is None:
        return [Note(NO_REVIEW)]
    return [Paragraph(f"The plan will be looked at again on {long_date(review)}.")]


#: Beside a person at risk on the professionals' version, which may print their details.
AT_RISK_MARK = "at risk: share these details only with those who must have them"


def _network(meeting: m.Meeting, paper: Paper, *, professionals: bool) -> list[Block]:
    """Everyone still part of the plan, with how to reach them: family and friends first, then professionals.

    The family's version leaves out the contact details of anyone the risk
    screen names as at risk, without a word on the paper, and notes on
    ``paper`` what it left out; the professionals' version prints them, marked.
    """
    people = [p for p in meeting.people if p.expected and p.name.strip()]
    people.sort(key=lambda p: p.is_professional)
    hidden = at_risk_ids(meeting)
    items = []
    for p in people:
        line = f"{p.name}, {p.relationship or m.ROLE_LABELS.get(p.role, p.role)}"
        details = contact_details(p)
        if details and p.id in hidden and not professionals:
            paper.left_out.append(LeftOut(p.name.strip(), tuple(words for words, _ in details)))
            details = []
        shared = "" if professionals else shares_a_hidden_home(meeting, p)
        if shared and any(words == "address" for words, _ in details):
            # Their home is where someone at risk now stays: the address would lead to them.
            paper.left_out.append(LeftOut(p.name.strip(), ("address",), lives_there=shared))
            details = [(words, value) for words, value in details if words != "address"]
        said = [f"{words}: {value}" for words, value in details]
        if said and p.id in hidden:
            said.insert(0, AT_RISK_MARK)
        items.append(f"{line} ({'; '.join(said)})" if said else line)
    return [Bullets(tuple(items))] if items else []


def _changes(meeting: m.Meeting, *, with_reasons: bool) -> list[Block]:
    items = []
    for change in plan_history(meeting):
        when = f"{short_date(change.date)}: " if change.date else ""
        why = f" (why: {change.reason})" if with_reasons and change.reason.strip() else ""
        items.append(f"{when}{change.what}{why}")
    return [Bullets(tuple(items))] if items else []


def _bottom_lines(meeting: m.Meeting) -> list[Block]:
    checks = {c.bottom_line: c for c in meeting.plan.bottom_line_checks}
    rows = []
    for line in meeting.referral.bottom_lines:
        check = checks.get(line)
        states: dict[bool | None, str] = {True: "Addressed", False: "Not addressed yet"}
        state = states.get(check.addressed if check else None, "Not checked yet")
        rows.append((line, state, check.note if check else ""))
    return [Table(("Bottom line", "Does the plan address it?", "Note"), tuple(rows))] if rows else []


def plan_paper(meeting: m.Meeting, *, include_notes: bool = False) -> Paper:
    """The family's plan (or, with ``include_notes``, the professionals' version of it)."""
    plan = meeting.plan
    wording = plan_wording(meeting)
    title = wording.title + (" (professionals' version)" if include_notes else "")
    paper = Paper(title, header_line(meeting))
    paper.add(Paragraph(_purpose(meeting)))
    paper.section(
        "In the family's words",
        paragraph_or_note(plan.family_words, "The family's words have not been written down yet."),
    )
    paper.section("Who does what", actions_table(plan, with_status=include_notes))
    paper.section(
        "If the plan does not work",
        paragraph_or_note(plan.contingency, "What to do if the plan does not work has not been agreed yet."),
    )
    paper.section("Keeping an eye on the plan", keeping_an_eye(plan))
    paper.section(
        "The people around the children",
        _network(meeting, paper, professionals=include_notes),
        missing="No one has been added to the family's network yet.",
    )
    if include_notes:
        paper.section(
            "Bottom lines", _bottom_lines(meeting), missing="No bottom lines were written in the referral."
        )
    decided = (
        conference_decision_blocks(meeting)
        if wording.conference_decides
        else response_blocks(plan, with_reasons=include_notes)
    )
    paper.section(wording.decided_heading, decided)
    paper.section("Changes since the meeting", _changes(meeting, with_reasons=include_notes))
    paper.section("The next review", review_blocks(meeting))
    return paper

"""The family's plan (each child's own plan is ``child_plan``).

The family version is what a coordinator sends to everyone who was there:
the family's words first, who does what, what happens if it does not work,
who keeps an eye on it, the professionals' response and the review date.
It never holds worries, case notes, captures, scale answers, preparation
notes, anyone marked "not to be invited" or why. The professionals'
version (``include_notes``) adds the bottom lines and their checks, the
reasons given with the response, and each action's progress.

Every word of the family's plan is asked of a ``Translator`` (``tr``), so the
same code makes it in English or Welsh (``domain/translation.py``); a test
fails on a string here that does not pass through it.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import LeftOut, at_risk_ids, contact_details, shares_a_hidden_home
from sdm_facilitator.domain.labels import HARM_CATEGORY_LABELS
from sdm_facilitator.domain.plan_rules import plan_history
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator
from sdm_facilitator.export.conference_plan import conference_decision_blocks
from sdm_facilitator.export.facts import child_names, header_line, kind_words_in, next_review
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

NO_ACTIONS = N_("No actions have been written down yet.")
NO_REVIEW = N_("The review date is not set yet.")


def _purpose(meeting: m.Meeting, tr: Translator) -> str:
    children = tr.names_list(child_names(meeting)) or tr("the children")
    made = tr(plan_wording(meeting).made)
    kind = kind_words_in(meeting, tr)
    if meeting.held_on:
        first = tr(
            "{made} at {kind} on {date} so that {children} can be safe and well.",
            made=made,
            kind=kind,
            date=tr.long_date(meeting.held_on),
            children=children,
        )
    else:
        first = tr(
            "{made} at {kind} so that {children} can be safe and well.",
            made=made,
            kind=kind,
            children=children,
        )
    return first + " " + tr("It uses the family's own words where it can.")


def _help(action: m.Action, tr: Translator) -> str:
    if action.support_needed and action.support_from:
        return tr("{help} (from {whom})", help=action.support_needed, whom=action.support_from)
    if action.support_from:
        return tr("from {whom}", whom=action.support_from)
    return action.support_needed


def actions_table(plan: m.Plan, *, with_status: bool, tr: Translator = ENGLISH) -> list[Block]:
    """Who does what, by when, with what help; with progress for professionals."""
    if not plan.actions:
        return [Note(tr(NO_ACTIONS))]
    headers: tuple[str, ...] = (tr("What"), tr("Who"), tr("By when"), tr("Help, and who gives it"))
    rows = []
    for action in plan.actions:
        row: tuple[str, ...] = (
            action.what,
            action.who or tr("not agreed yet"),
            tr.short_date(action.by_when) if action.by_when else "",
            _help(action, tr),
        )
        if with_status:
            row += (tr.label(m.ACTION_STATUS_LABELS, action.status),)
        rows.append(row)
    if with_status:
        headers += (tr("Progress"),)
    return [Table(headers, tuple(rows))]


def keeping_an_eye(plan: m.Plan, tr: Translator = ENGLISH) -> list[Block]:
    if not (plan.family_keeper.strip() or plan.professional_lead.strip()):
        return [Note(tr("Who keeps an eye on the plan has not been agreed yet."))]
    return [
        Fields(
            (
                (tr("In the family"), plan.family_keeper or tr("not agreed yet")),
                (tr("In services, following it up"), plan.professional_lead or tr("not agreed yet")),
            )
        )
    ]


def _response_sentence(response: m.ProfessionalResponse, tr: Translator) -> str:
    """The professionals' answer in one sentence, with its date when there is one."""
    dated = response.date is not None
    when = tr.long_date(response.date) if response.date else ""
    if response.decision == "agreed":
        return (
            tr("The professionals agreed the plan on {date}.", date=when)
            if dated
            else tr("The professionals agreed the plan.")
        )
    if response.decision == "agreed-with-changes":
        if dated:
            return tr("The professionals agreed the plan on {date}, with the changes below.", date=when)
        return tr("The professionals agreed the plan, with the changes below.")
    if response.decision == "not-agreed":
        return tr("The professionals have not agreed the plan yet.")
    return tr.label(m.RESPONSE_LABELS, response.decision)


def response_blocks(plan: m.Plan, *, with_reasons: bool, tr: Translator = ENGLISH) -> list[Block]:
    """What the professionals said about the plan, in one sentence and the changes they asked for."""
    response = plan.response
    if response.decision is None:
        return [Note(tr("The professionals have not given their response yet."))]
    blocks: list[Block] = [Paragraph(_response_sentence(response, tr))]
    if response.changes.strip():
        blocks += [Heading(tr("Changes they asked for"), 3), Paragraph(response.changes)]
    if response.decision == "not-agreed" and response.would_make_acceptable.strip():
        blocks += [
            Heading(tr("What would make the plan acceptable"), 3),
            Paragraph(response.would_make_acceptable),
        ]
    if with_reasons and response.reasons.strip():
        blocks += [Heading(tr("Their reasons"), 3), Paragraph(response.reasons)]
    return blocks


def review_blocks(meeting: m.Meeting, tr: Translator = ENGLISH) -> list[Block]:
    if plan_wording(meeting).conference_decides and meeting.conference.review_date:
        return [
            Paragraph(
                tr("The review conference is on {date}.", date=tr.long_date(meeting.conference.review_date))
            )
        ]
    review = next_review(meeting)
    if review is None:
        return [Note(tr(NO_REVIEW))]
    return [Paragraph(tr("The plan will be looked at again on {date}.", date=tr.long_date(review)))]


#: Beside a person at risk on the professionals' version, which may print their details.
AT_RISK_MARK = N_("at risk: share these details only with those who must have them")


def _network(meeting: m.Meeting, paper: Paper, *, professionals: bool, tr: Translator) -> list[Block]:
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
        line = tr(
            "{name}, {relationship}",
            name=p.name,
            relationship=p.relationship or tr.label(m.ROLE_LABELS, p.role),
        )
        details = contact_details(p)
        if details and p.id in hidden and not professionals:
            paper.left_out.append(LeftOut(p.name.strip(), tuple(words for words, _ in details)))
            details = []
        shared = "" if professionals else shares_a_hidden_home(meeting, p)
        if shared and any(words == "address" for words, _ in details):
            # Their home is where someone at risk now stays: the address would lead to them.
            paper.left_out.append(LeftOut(p.name.strip(), ("address",), lives_there=shared))
            details = [(words, value) for words, value in details if words != "address"]
        said = [tr("{what}: {value}", what=tr(words), value=value) for words, value in details]
        if said and p.id in hidden:
            said.insert(0, tr(AT_RISK_MARK))
        items.append(tr("{line} ({details})", line=line, details="; ".join(said)) if said else line)
    return [Bullets(tuple(items))] if items else []


def _changes(meeting: m.Meeting, *, with_reasons: bool, tr: Translator) -> list[Block]:
    items = []
    for change in plan_history(meeting):
        item = change.what
        if with_reasons and change.reason.strip():
            item = tr("{what} (why: {reason})", what=item, reason=change.reason)
        if change.date:
            item = tr("{date}: {what}", date=tr.short_date(change.date), what=item)
        items.append(item)
    return [Bullets(tuple(items))] if items else []


def _bottom_lines(meeting: m.Meeting, tr: Translator) -> list[Block]:
    checks = {c.bottom_line: c for c in meeting.plan.bottom_line_checks}
    rows = []
    for line in meeting.referral.bottom_lines:
        check = checks.get(line)
        states: dict[bool | None, str] = {True: tr("Addressed"), False: tr("Not addressed yet")}
        state = states.get(check.addressed if check else None, tr("Not checked yet"))
        rows.append((line, state, check.note if check else ""))
    if not rows:
        return []
    return [Table((tr("Bottom line"), tr("Does the plan address it?"), tr("Note")), tuple(rows))]


def plan_paper(
    meeting: m.Meeting,
    *,
    include_notes: bool = False,
    tr: Translator = ENGLISH,
    categories: Mapping[str, str] = HARM_CATEGORY_LABELS,
) -> Paper:
    """The family's plan (or, with ``include_notes``, the professionals' version of it), in ``tr``'s language.

    ``categories``: the chosen jurisdiction profile's words for a conference's categories of harm.
    """
    plan = meeting.plan
    wording = plan_wording(meeting)
    title = tr(wording.title)
    if include_notes:
        title = tr("{title} (professionals' version)", title=title)
    paper = Paper(title, header_line(meeting, tr), lang=tr.lang)
    paper.add(Paragraph(_purpose(meeting, tr)))
    paper.section(
        tr("In the family's words"),
        paragraph_or_note(plan.family_words, tr("The family's words have not been written down yet.")),
    )
    paper.section(tr("Who does what"), actions_table(plan, with_status=include_notes, tr=tr))
    paper.section(
        tr("If the plan does not work"),
        paragraph_or_note(
            plan.contingency, tr("What to do if the plan does not work has not been agreed yet.")
        ),
    )
    paper.section(tr("Keeping an eye on the plan"), keeping_an_eye(plan, tr))
    paper.section(
        tr("The people around the children"),
        _network(meeting, paper, professionals=include_notes, tr=tr),
        missing=tr("No one has been added to the family's network yet."),
    )
    if include_notes:
        paper.section(
            tr("Bottom lines"),
            _bottom_lines(meeting, tr),
            missing=tr("No bottom lines were written in the referral."),
        )
    decided = (
        conference_decision_blocks(meeting, tr, categories)
        if wording.conference_decides
        else response_blocks(plan, with_reasons=include_notes, tr=tr)
    )
    paper.section(tr(wording.decided_heading), decided)
    paper.section(tr("Changes since the meeting"), _changes(meeting, with_reasons=include_notes, tr=tr))
    paper.section(tr("The next review"), review_blocks(meeting, tr))
    return paper

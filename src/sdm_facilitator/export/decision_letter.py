"""The parents' letter after a child protection conference: what was decided, why, and what happens next.

Written to the parents in plain words: the decision for each child and the
chair's reasons, the category and what it means (the sentences are data in
``guides/conference-wording.toml``), who their lead practitioner is, when the
core group first meets and when the review conference is, their own view as
the conference recorded it (quoted as they said it), a child's view only
when the child's say allows the family to read it, and how to challenge the
decision (which stands while a challenge is looked at).

It never holds an agency's view the chair marked as not for the family: not
its agency, its person or its reason. Dissent between professionals is the
record's, not the letter's.

Every word is asked of a ``Translator`` (``tr``), the area's data included:
the wording file's sentences are catalogue messages like any other, so a
Welsh letter uses the catalogue's Welsh for them.
"""

from __future__ import annotations

from collections.abc import Mapping

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.conference import ChildDecision, Conference
from sdm_facilitator.domain.conference_rules import category_name
from sdm_facilitator.domain.conference_wording import ConferenceWording
from sdm_facilitator.domain.labels import (
    CHILD_VIEW_WAY_LABELS,
    HARM_CATEGORY_LABELS,
)
from sdm_facilitator.domain.translation import ENGLISH, N_, Translator
from sdm_facilitator.export.conference_facts import (
    FAMILY_READER,
    child_name,
    child_view_reaches,
    name_and_role,
    person_name,
)
from sdm_facilitator.export.facts import child_names, header_line
from sdm_facilitator.export.paper_blocks import Block, Bullets, Fields, Heading, Note, Paper, Paragraph

TITLE = N_("What the child protection conference decided")
NOT_SET = N_("not set yet")


def _quoted(words: str, tr: Translator) -> str:
    """A person's words exactly as typed, inside the language's quotation marks."""
    return tr("“{words}”", words=words.strip())


_STAGE_WORDS = {
    "initial": N_("the initial child protection conference"),
    "review": N_("the review child protection conference"),
}


def _conference_words(conference: Conference, tr: Translator) -> str:
    return tr(_STAGE_WORDS.get(conference.stage or "", N_("the child protection conference")))


def _opening(meeting: m.Meeting, tr: Translator) -> list[Block]:
    parents = [p.name.strip() for p in meeting.people if p.role == "parent" and p.name.strip() and p.expected]
    greeting = tr("Dear {names},", names=tr.names_list(parents)) if parents else tr("Dear parent or carer,")
    children = tr.names_list(child_names(meeting)) or tr("your children")
    conference = _conference_words(meeting.conference, tr)
    if meeting.held_on:
        told = tr(
            "This letter tells you what {conference} on {date} decided for {children}, why it decided "
            "that, and what happens next.",
            conference=conference,
            date=tr.long_date(meeting.held_on),
            children=children,
        )
    else:
        told = tr(
            "This letter tells you what {conference} decided for {children}, why it decided that, and "
            "what happens next.",
            conference=conference,
            children=children,
        )
    keep = tr("Please keep it, and ask your lead practitioner about anything that is not clear.")
    return [Paragraph(greeting), Paragraph(told + " " + keep)]


def _categories(
    decision: ChildDecision, wording: ConferenceWording, tr: Translator, names: Mapping[str, str]
) -> list[Block]:
    """Every category recorded, named as the chosen profile names it; explained where the wording can.

    A category the wording file has no sentence for (one an area's own profile
    adds) is still named: a parent is never told less than was decided.
    """
    recorded = list(dict.fromkeys(decision.categories))
    if not recorded:
        return []
    said = tr.names_list([tr(category_name(c, names)).lower() for c in recorded])
    explained = tuple(tr(wording.categories[c]) for c in recorded if c in wording.categories)
    blocks: list[Block] = [
        Heading(tr("The category"), 3),
        Paragraph(tr(wording.letter["categories_intro"]) + " " + tr("The category is {names}.", names=said)),
    ]
    if explained:
        blocks.append(Bullets(explained))
    if decision.explanation.strip():
        blocks += [
            Paragraph(tr("What the chair said about it:")),
            Paragraph(_quoted(decision.explanation, tr)),
        ]
    return blocks


def _child_decision(
    meeting: m.Meeting,
    child: m.Child,
    wording: ConferenceWording,
    tr: Translator,
    names: Mapping[str, str] = HARM_CATEGORY_LABELS,
) -> list[Block]:
    name = child.name.strip() or tr("your child")
    blocks: list[Block] = [Heading(tr("What the conference decided for {name}", name=name), 2)]
    decision = next((d for d in meeting.conference.decisions if d.child_id == child.id), None)
    if decision is None or decision.decision is None:
        blocks.append(Note(tr("The decision for {name} has not been written down yet.", name=name)))
        return blocks
    blocks.append(Paragraph(tr(wording.decisions[decision.decision])))
    if decision.instead is not None and decision.decision in ("plan-not-needed", "end-plan"):
        blocks.append(Paragraph(tr(wording.instead[decision.instead])))
    if decision.reason.strip():
        blocks += [Heading(tr("Why"), 3), Paragraph(decision.reason)]
    if decision.decision in ("plan-needed", "continue-plan"):
        blocks += _categories(decision, wording, tr, names)
    return blocks


def _next(meeting: m.Meeting, wording: ConferenceWording, tr: Translator) -> list[Block]:
    conference = meeting.conference
    not_set = tr(NOT_SET)
    lead = name_and_role(meeting, conference.lead_practitioner)
    first = tr.long_date(conference.core_group_first) if conference.core_group_first else not_set
    review = tr.long_date(conference.review_date) if conference.review_date else not_set
    blocks: list[Block] = [
        Fields(
            (
                (tr("Your lead practitioner"), lead or not_set),
                (tr("The first plan meeting"), first),
                (tr("The review conference"), review),
            )
        ),
        Paragraph(tr(wording.letter["core_group"])),
    ]
    members = [person_name(meeting, pid) for pid in conference.core_group]
    members = [name for name in members if name]
    if members:
        blocks += [Paragraph(tr("The people at plan meetings:")), Bullets(tuple(members))]
    blocks.append(Paragraph(tr(wording.letter["review"])))
    return blocks


def _parents_views(meeting: m.Meeting, tr: Translator) -> list[Block]:
    blocks: list[Block] = []
    for view in meeting.conference.parent_views:
        if not view.words.strip():
            continue
        who = person_name(meeting, view.person_id) or tr("A parent")
        blocks += [Paragraph(tr("{who} said:", who=who)), Paragraph(_quoted(view.words, tr))]
    return blocks


def _children_views(meeting: m.Meeting, tr: Translator) -> list[Block]:
    """Only views the child's say lets the family read; the others are left out without a word."""
    blocks: list[Block] = []
    for view in meeting.conference.child_views:
        if not view.words.strip() or not child_view_reaches(meeting, view.child_id, FAMILY_READER):
            continue
        name = child_name(meeting, view.child_id) or tr("A child")
        way = tr.label(CHILD_VIEW_WAY_LABELS, view.way) if view.way in CHILD_VIEW_WAY_LABELS else ""
        blocks += [
            Paragraph(tr("{name} ({way}):", name=name, way=way.lower()) if way else tr("{name}:", name=name)),
            Paragraph(_quoted(view.words, tr)),
        ]
    return blocks


def _agency_views(meeting: m.Meeting, wording: ConferenceWording, tr: Translator) -> list[Block]:
    """The professionals' views the chair did not mark as not for the family."""
    items = []
    for view in meeting.conference.agency_views:
        if view.not_for_family or not (view.agency.strip() or view.person.strip()):
            continue
        agency, person = view.agency.strip(), view.person.strip()
        if agency and person:
            who = tr("{agency} ({person})", agency=agency, person=person)
        else:
            who = agency or tr("({person})", person=person)
        view_words = wording.agency_views.get(view.view or "")
        said = tr(view_words) if view_words else tr("gave no view")
        item = tr("{who} {said}.", who=who, said=said)
        items.append(item + " " + view.reason.strip() if view.reason.strip() else item)
    return [Bullets(tuple(items))] if items else []


def _challenge(
    meeting: m.Meeting, wording: ConferenceWording, default_words: str, tr: Translator
) -> list[Block]:
    words = meeting.conference.challenge_words.strip() or tr(default_words)
    return [Paragraph(words), Paragraph(tr(wording.letter["decision_stands"]))]


def decision_letter(
    meeting: m.Meeting,
    wording: ConferenceWording,
    challenge_words: str,
    tr: Translator = ENGLISH,
    categories: Mapping[str, str] = HARM_CATEGORY_LABELS,
) -> Paper:
    """The letter to the parents; ``challenge_words`` is the area's sentence, used when the chair wrote none.

    ``categories``: the chosen jurisdiction profile's words for the categories of harm.
    """
    paper = Paper(tr(TITLE), header_line(meeting, tr), lang=tr.lang)
    paper.add(*_opening(meeting, tr))
    for child in meeting.children:
        paper.add(*_child_decision(meeting, child, wording, tr, categories))
    if not meeting.children:
        paper.add(Note(tr("No children have been added to this conference yet.")))
    paper.section(tr("What happens next"), _next(meeting, wording, tr))
    paper.section(
        tr("What you told the conference"),
        _parents_views(meeting, tr),
        missing=tr(
            "Your view was not written down at the conference. You can tell your lead practitioner at any time."
        ),
    )
    paper.section(tr("What the children told the conference"), _children_views(meeting, tr))
    paper.section(tr("What the professionals told the conference"), _agency_views(meeting, wording, tr))
    paper.section(tr("If you disagree with the decision"), _challenge(meeting, wording, challenge_words, tr))
    return paper

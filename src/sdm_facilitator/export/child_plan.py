"""A child's or young person's own plan, written for their age.

Three bands (``child_plan_rules``), each with its own sentence patterns from
``guides/child-plan-wording.toml``: the youngest in very short sentences that
say "Mum" and "Dad" (or what the child calls each person), 8 to 12 in short
ones, 13 and over addressed as a young person with their own actions under
their own heading. A child's plan shows only the actions meant for them (a
sibling's private action never reaches it), says the contingency only in the
child-facing words the coordinator wrote (``Plan.child_contingency``), never
the adults' words, and ends with "If you feel unsafe": a trusted adult and
the helplines.

Every word of it is asked of a ``Translator`` (``tr``), as the family's plan
is: the wording file's patterns, the family words and the helplines are the
catalogue's messages (keyed by their English, so a Welsh speaker corrects
them in ``translations/cy.po``), and the few sentences here are messages
too. A person's own words (an action, a child's views, the children's
contingency line) are put in as they are, never translated or re-read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.child_plan_rules import action_is_for, band_for, called, is_own_action
from sdm_facilitator.domain.child_plan_wording import BandWording, ChildPlanWording
from sdm_facilitator.domain.reading_level import ReadingLevel, reading_level
from sdm_facilitator.domain.sharing import view_reaches
from sdm_facilitator.domain.translation import ENGLISH, Translator
from sdm_facilitator.export.facts import header_line, next_review
from sdm_facilitator.export.paper_blocks import Block, Bullets, Heading, Note, PageBreak, Paper, Paragraph
from sdm_facilitator.export.plan_wording import plan_wording


@dataclass(frozen=True)
class ChildPlanChoice:
    """How a child's plan is written this time: the words, and a band chosen over the child's age."""

    wording: ChildPlanWording
    band: str | None = None
    #: The jurisdiction whose helplines are printed; None: the wording file's own.
    jurisdiction: str | None = None


def wording_in(wording: ChildPlanWording, tr: Translator) -> ChildPlanWording:
    """The wording with every pattern, family word and helpline in ``tr``'s language.

    Patterns are translated before they are filled in, so a Welsh pattern puts
    the names where Welsh needs them; a pattern the catalogue lacks stays
    English and is named to the coordinator (``Translator.missing``).
    """
    if tr.lang == "en":
        return wording
    bands = {
        band: BandWording({key: tr(text) for key, text in words.patterns.items()}, words.mum_and_dad)
        for band, words in wording.bands.items()
    }
    return replace(
        wording,
        bands=bands,
        helplines={where: tuple(tr(line) for line in lines) for where, lines in wording.helplines.items()},
        family_words={first: tr(word) for first, word in wording.family_words.items()},
    )


def _action_line(
    meeting: m.Meeting,
    action: m.Action,
    words: BandWording,
    choice: ChildPlanChoice,
    tr: Translator,
    *,
    own: bool = False,
) -> str:
    """One action in the band's words; under the young person's own heading, without their name."""
    who = called(meeting, action.who, words, choice.wording) if action.who.strip() and not own else ""
    line = (
        words.get("action", who=who, what=action.what)
        if who
        else words.get("action_nobody", what=action.what)
    )
    if action.by_when:
        # A pattern's spaces at either end are folded away on load: the space is put here.
        line += " " + words.get("action_by", date=tr.long_date(action.by_when))
    return line


def _actions(
    meeting: m.Meeting, child: m.Child, words: BandWording, choice: ChildPlanChoice, sub: int, tr: Translator
) -> list[Block]:
    mine = [a for a in meeting.plan.actions if action_is_for(meeting, a, child)]
    blocks: list[Block] = []
    own_heading = words.patterns.get("own_actions_heading", "")
    if own_heading:
        own = [a for a in mine if is_own_action(a, child)]
        mine = [a for a in mine if a not in own]
        if own:
            blocks += [
                Heading(own_heading, sub),
                Bullets(tuple(_action_line(meeting, a, words, choice, tr, own=True) for a in own)),
            ]
    blocks.append(Heading(words.get("actions_heading"), sub))
    if mine:
        blocks.append(Bullets(tuple(_action_line(meeting, a, words, choice, tr) for a in mine)))
    else:
        blocks.append(Note(words.get("no_actions")))
    return blocks


def _talk(meeting: m.Meeting, child: m.Child, words: BandWording, choice: ChildPlanChoice) -> list[Block]:
    plan = meeting.plan
    talk = []
    if plan.family_keeper.strip():
        talk.append(words.get("keeper", name=called(meeting, plan.family_keeper, words, choice.wording)))
    if child.advocate.strip():
        talk.append(words.get("advocate", name=child.advocate.strip()))
    if plan.professional_lead.strip():
        talk.append(words.get("lead", name=called(meeting, plan.professional_lead, words, choice.wording)))
    return [Bullets(tuple(talk))] if talk else [Note(words.get("talk_missing"))]


def _if_unsafe(
    meeting: m.Meeting, child: m.Child, words: BandWording, choice: ChildPlanChoice
) -> list[Block]:
    """The trusted adult named for this child (else the family's keeper of the plan), and the helplines."""
    trusted = child.trusted_adult.strip() or meeting.plan.family_keeper.strip()
    first = (
        words.get("trusted_adult", name=called(meeting, trusted, words, choice.wording))
        if trusted
        else words.get("trusted_missing")
    )
    return [
        Paragraph(first),
        Paragraph(words.get("helplines_intro")),
        Bullets(choice.wording.helplines_for(choice.jurisdiction)),
    ]


def child_part(
    meeting: m.Meeting, child: m.Child, choice: ChildPlanChoice, level: int, tr: Translator = ENGLISH
) -> list[Block]:
    """One child's plan in their band's words, headings one level below ``level``."""
    choice = replace(choice, wording=wording_in(choice.wording, tr))
    words = choice.wording.bands[band_for(child, choice.band)]
    sub = level + 1
    when = " " + tr("on {date}", date=tr.long_date(meeting.held_on)) if meeting.held_on else ""
    blocks: list[Block] = [
        Paragraph(words.get("intro", made=tr(plan_wording(meeting).made_for_a_child), when=when))
    ]
    # A family paper: the child's views only where their audience includes the family.
    if child.views.strip() and view_reaches(child, "family"):
        blocks += [Heading(words.get("views_heading"), sub), Paragraph(child.views)]
    blocks += _actions(meeting, child, words, choice, sub, tr)
    # Never the adults' contingency: only the line written for the children, or a gentle promise.
    gentle = meeting.plan.child_contingency.strip()
    blocks += [
        Heading(words.get("contingency_heading"), sub),
        Paragraph(meeting.plan.child_contingency) if gentle else Paragraph(words.get("contingency_missing")),
    ]
    blocks += [Heading(words.get("talk_heading"), sub), *_talk(meeting, child, words, choice)]
    review = next_review(meeting)
    blocks += [
        Heading(words.get("next_heading"), sub),
        Paragraph(words.get("next", date=tr.long_date(review)))
        if review
        else Note(words.get("next_missing")),
    ]
    blocks += [Heading(words.get("unsafe_heading"), sub), *_if_unsafe(meeting, child, words, choice)]
    return blocks


def _title(child: m.Child, choice: ChildPlanChoice, tr: Translator) -> str:
    words = wording_in(choice.wording, tr).bands[band_for(child, choice.band)]
    name = child.name.strip()
    return words.get("title", name=name) if name else tr("Your plan")


def child_plan_paper(
    meeting: m.Meeting, children: list[m.Child], choice: ChildPlanChoice, tr: Translator = ENGLISH
) -> Paper:
    """The plan for each of ``children``, one after another, each on its own printed page."""
    if len(children) == 1:
        child = children[0]
        paper = Paper(_title(child, choice, tr), header_line(meeting, tr))
        paper.add(*child_part(meeting, child, choice, 1, tr))
        return paper
    names = tr.names_list([c.name.strip() for c in children]) or tr("the children")
    paper = Paper(tr("Plans for {names}", names=names), header_line(meeting, tr))
    if not children:
        paper.add(Note(tr("No children or young people have been added to this meeting yet.")))
    for index, child in enumerate(children):
        if index:
            paper.add(PageBreak())
        paper.add(Heading(_title(child, choice, tr), 2), *child_part(meeting, child, choice, 2, tr))
    return paper


def child_reading_level(meeting: m.Meeting, child: m.Child, choice: ChildPlanChoice) -> ReadingLevel:
    """The reading level of the child's plan as printed (its sentences, not its headings)."""
    part = Paper("", "")
    part.add(*(block for block in child_part(meeting, child, choice, 1) if not isinstance(block, Heading)))
    return reading_level(part.strings()[2:])

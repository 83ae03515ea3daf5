"""The family's pack: what the family keeps beside them in private family time.

Only what helps them make their plan on their own: the questions to talk
about, the bottom lines, the help services can offer and the information they
were given, what the children agreed the family may hear, and how to call the
professionals back. Nothing else: no worries, no notes, no captures, no one
marked not to be invited, no view a child kept from the family, and no
contact detail of anyone the risk screen names as at risk.
"""

from __future__ import annotations

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.contact_privacy import LeftOut, at_risk_ids, contact_details
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.sharing import view_reaches
from sdm_facilitator.export.facts import child_names, header_line, kind_words
from sdm_facilitator.export.paper_blocks import Block, Bullets, Note, Paper, Paragraph
from sdm_facilitator.export.wording import names_list, short_date

TITLE = "Your family's pack for private family time"


def _questions(guide: Guide | None) -> list[Block]:
    questions = guide.family_questions if guide else ()
    if not questions:
        return [Note("The coordinator will talk the questions through with you before you start.")]
    return [Bullets(tuple(f"{q.text} ({q.hint})" if q.hint.strip() else q.text for q in questions))]


def _bottom_lines(meeting: m.Meeting) -> list[Block]:
    lines = tuple(line for line in meeting.referral.bottom_lines if line.strip())
    if not lines:
        return [Note("The professionals did not give any bottom lines.")]
    return [
        Paragraph(
            "These are the things the professionals need your plan to make sure of. "
            "Everything else is for your family to decide."
        ),
        Bullets(lines),
    ]


def _offers(meeting: m.Meeting) -> list[Block]:
    """Help services have said they can give (from the plan's actions), and the information shared with the family."""
    help_items = []
    for action in meeting.plan.actions:
        if action.support_from.strip() and action.support_needed.strip():
            help_items.append(f"{action.support_needed} (from {action.support_from})")
        elif action.support_from.strip():
            help_items.append(f"Help from {action.support_from}")
    shared = [
        f"{share.document} (shared {short_date(share.shared)})"
        for share in meeting.info_sharing
        if share.shared is not None and share.document.strip()
    ]
    blocks: list[Block] = []
    if help_items:
        blocks += [
            Paragraph("Help services have said they can give:"),
            Bullets(tuple(dict.fromkeys(help_items))),
        ]
    if shared:
        blocks += [Paragraph("The information services shared with you:"), Bullets(tuple(shared))]
    return blocks or [Note("Ask the professionals what help they can offer when they come back.")]


def _children(meeting: m.Meeting) -> list[Block]:
    """Each child's views, only where the child agreed the family may hear them."""
    items = [
        f"{child.name.strip() or 'A child'}: {child.views}"
        for child in meeting.children
        if child.views.strip() and view_reaches(child, "family")
    ]
    return (
        [Bullets(tuple(items))]
        if items
        else [Note("The children did not ask for anything to be shared here.")]
    )


def _call_back(meeting: m.Meeting, paper: Paper) -> list[Block]:
    """The professionals at the meeting and how to reach them; details of anyone at risk are left out."""
    hidden = at_risk_ids(meeting)
    items = []
    for person in meeting.people:
        if not (person.is_professional and person.expected and person.name.strip()):
            continue
        details = [(words, value) for words, value in contact_details(person) if words in ("phone", "email")]
        if details and person.id in hidden:
            paper.left_out.append(LeftOut(person.name.strip(), tuple(words for words, _ in details)))
            details = []
        role = person.relationship.strip() or m.ROLE_LABELS.get(person.role, person.role).lower()
        said = "; ".join(f"{words}: {value}" for words, value in details)
        items.append(f"{person.name.strip()}, {role}" + (f" ({said})" if said else ""))
    blocks: list[Block] = [
        Paragraph(
            "When you have made your plan, or if you want to ask something, tell the coordinator "
            "and the professionals will come back in."
        )
    ]
    if items:
        blocks.append(Bullets(tuple(items)))
    return blocks


def family_pack(meeting: m.Meeting, guide: Guide | None) -> Paper:
    """The family's pack: questions, bottom lines, offers, children's views shared, calling back."""
    paper = Paper(TITLE, header_line(meeting))
    children = names_list(child_names(meeting)) or "the children"
    paper.add(
        Paragraph(
            f"This is for your family to keep during private family time at {kind_words(meeting)}. "
            f"You talk on your own and make a plan so that {children} can be safe and well."
        )
    )
    paper.section("The questions to talk about", _questions(guide))
    paper.section("What must happen: the bottom lines", _bottom_lines(meeting))
    paper.section("What services can offer", _offers(meeting))
    paper.section("What the children want you to know", _children(meeting))
    paper.section("Asking the professionals back", _call_back(meeting, paper))
    return paper

"""Every English message the family's screens and papers ask the translation layer for.

Two sources: the code (the first argument of each ``tr(...)`` and ``N_(...)``
call in the family-facing modules, found by reading their syntax tree) and
the data the code passes through it (labels, the plan's wording, the guides'
family questions and phase names, the conference wording). The Welsh
catalogue must hold every one of them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import sdm_facilitator
from sdm_facilitator.domain import labels
from sdm_facilitator.domain.contact_privacy import PERSON_CONTACT_FIELDS
from sdm_facilitator.domain.vocabulary import MEETING_KIND_LABELS
from sdm_facilitator.export.plan_wording import FAMILY_PLAN, OUTLINE_PLAN
from sdm_facilitator.guides.loader import bundled_child_plan_wording, bundled_conference_wording
from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS
from support.guide_library import bundled_library

SRC = Path(sdm_facilitator.__file__).parent
#: The modules whose words a family reads, relative to the package: every string in them is checked.
FAMILY_MODULES = (
    "ui/room/family_time.py",
    "export/plan_paper.py",
    "export/agenda_paper.py",
    "export/decision_letter.py",
    "export/conference_plan.py",
    "export/child_plan.py",
    "export/network_paper.py",
    "domain/network_words.py",
)
#: Those, and the modules they ask for shared words (the page header, dates and lists).
MESSAGE_MODULES = (*FAMILY_MODULES, "export/facts.py", "domain/translation.py")
#: Functions of those modules that are not (yet) routed through the layer (none: every one is).
NOT_YET_TRANSLATED: frozenset[str] = frozenset()
#: Calls whose first argument is a message for the catalogue (``say`` is the coordinator's English).
MESSAGE_CALLS = frozenset({"tr", "N_", "self"})


def call_name(node: ast.Call) -> str:
    """``tr`` for ``tr(...)``, ``self.tr(...)`` and ``tr.label(...)``'s owner; the called name otherwise."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def code_messages(relative: str) -> Iterator[str]:
    """The messages one module asks for: string first arguments of ``tr``/``N_`` calls."""
    tree = ast.parse((SRC / relative).read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in NOT_YET_TRANSLATED:
            skipped.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.Call):
            continue
        if call_name(node) in MESSAGE_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value


def data_messages() -> Iterator[str]:
    """The messages the code passes through the layer from tables and data files."""
    for table in (
        labels.ROLE_LABELS,
        labels.FORMAT_LABELS,
        labels.RESPONSE_LABELS,
        labels.ACTION_STATUS_LABELS,
        labels.HARM_CATEGORY_LABELS,
        labels.CHILD_VIEW_WAY_LABELS,
        labels.DECISION_LABELS,
        labels.INSTEAD_LABELS,
        labels.RELATION_LABELS,
        labels.SIDE_LABELS,
        labels.CONTACT_LABELS,
        labels.BOND_LABELS,
        labels.FOUND_THROUGH_LABELS,
        labels.INVITATION_LABELS,
    ):
        yield from table.values()
    yield from (words for _, words in PERSON_CONTACT_FIELDS)
    for wording in (FAMILY_PLAN, OUTLINE_PLAN):
        yield from (wording.title, wording.made, wording.decided_heading, wording.made_for_a_child)
    child_plan = bundled_child_plan_wording()
    for band in child_plan.bands.values():
        yield from band.patterns.values()
    for lines in child_plan.helplines.values():
        yield from lines
    yield from child_plan.family_words.values()
    for label in MEETING_KIND_LABELS.values():
        yield "the " + label[0].lower() + label[1:]
    conference = bundled_conference_wording()
    for table in (conference.decisions, conference.instead, conference.agency_views, conference.categories):
        yield from table.values()
    yield from conference.letter.values()
    yield DEFAULT_CHALLENGE_WORDS
    for guide in bundled_library().guides.values():
        for question in guide.family_questions:
            yield question.text
            if question.hint:
                yield question.hint
        for phase in guide.phases:
            yield phase.name


def family_messages() -> list[str]:
    """Every message, once, in a stable order."""
    found: dict[str, None] = {}
    for module in MESSAGE_MODULES:
        found.update(dict.fromkeys(code_messages(module)))
    found.update(dict.fromkeys(data_messages()))
    return [m for m in found if m.strip()]

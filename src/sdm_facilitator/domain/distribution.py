"""Who got which paper: the meeting's distribution list, with no user interface.

A paper counts as sent only when the coordinator says it was sent: writing a
file, printing or saving a PDF records nothing, because a file on a desk has
not reached anyone. Each entry names the paper, who it went to (a person on
the people list, or a recipient written in words: "the school", "Gran"), how
(post, email, by hand) and the day. The plan's "sent" marker reads the earliest
day the family's plan went out; files from before this list kept that day in
``plan.sent_on``, which still counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sdm_facilitator.domain.labels import SENT_HOW_LABELS, SENT_PAPER_LABELS
from sdm_facilitator.domain.model_base import choices, extra_field, new_id


class Person(Protocol):
    """A person on the people list as far as a recipient needs one (``meeting.Person``, which imports this)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


SENT_HOW_CHOICES = tuple(SENT_HOW_LABELS)
#: The paper whose sending the plan's fidelity marker measures (the family's version, not the professionals').
FAMILY_PLAN = "plan"
#: Who a family paper goes to when the coordinator names nobody.
THE_FAMILY = "the family"


class DistributionError(ValueError):
    """An entry that cannot be recorded, with a reason to show as it is."""


@dataclass
class PaperSent:
    """One paper that went to one recipient, one way, on one day."""

    id: str = field(default_factory=lambda: new_id("s-"))
    paper: str = ""
    # A person on the people list; empty when the recipient is written in words.
    person_id: str = ""
    recipient: str = ""
    how: str = field(default="post", metadata=choices(SENT_HOW_CHOICES))
    on: date | None = None
    extra: dict[str, Any] = extra_field()


def paper_label(paper: str) -> str:
    """The paper in words ("The family's plan"); a paper this version does not know, as it is stored."""
    return SENT_PAPER_LABELS.get(paper, paper)


def how_label(how: str) -> str:
    """How it went in words ("By post")."""
    return SENT_HOW_LABELS.get(how, how)


def _check(paper: str, how: str, on: date | None, person_id: str, recipient: str) -> None:
    if not paper.strip():
        raise DistributionError("Say which paper was sent.")
    if how not in SENT_HOW_CHOICES:
        raise DistributionError(f"How it was sent must be one of: {', '.join(SENT_HOW_CHOICES)}.")
    if on is None:
        raise DistributionError("Say the day it was sent.")
    if not person_id and not recipient.strip():
        raise DistributionError("Say who it went to.")


def record_sent(
    sent: list[PaperSent],
    paper: str,
    on: date | None,
    how: str,
    *,
    person_id: str = "",
    recipient: str = "",
) -> PaperSent:
    """Add one entry to the list (kept in the order papers went out) and return it."""
    _check(paper, how, on, person_id, recipient)
    entry = PaperSent(
        paper=paper, person_id=person_id, recipient="" if person_id else recipient.strip(), how=how, on=on
    )
    sent.append(entry)
    sent.sort(key=lambda e: e.on or date.min)
    return entry


def change_sent(
    sent: list[PaperSent],
    entry: PaperSent,
    paper: str,
    on: date | None,
    how: str,
    *,
    person_id: str = "",
    recipient: str = "",
) -> None:
    """Correct an entry written wrongly (the wrong day, the wrong person)."""
    _check(paper, how, on, person_id, recipient)
    entry.paper, entry.how, entry.on = paper, how, on
    entry.person_id = person_id
    entry.recipient = "" if person_id else recipient.strip()
    sent.sort(key=lambda e: e.on or date.min)


def remove_sent(sent: list[PaperSent], entry_id: str) -> PaperSent | None:
    """Take an entry off the list (recorded by mistake); return it, or None if it was not there."""
    found = next((e for e in sent if e.id == entry_id), None)
    if found is not None:
        sent.remove(found)
    return found


def plan_sent_on(sent: list[PaperSent], legacy_sent_on: date | None) -> date | None:
    """The first day the family's plan went out: from the list, or the day an older file kept."""
    days = [e.on for e in sent if e.paper == FAMILY_PLAN and e.on is not None]
    if legacy_sent_on is not None:
        days.append(legacy_sent_on)
    return min(days, default=None)


def recipient_words(entry: PaperSent, people: Sequence[Person]) -> str:
    """Who it went to: the person's name as the list has it now, or the words written for them."""
    if entry.person_id:
        person = next((p for p in people if p.id == entry.person_id), None)
        if person is None:
            return "someone no longer on the people list"
        return person.name.strip() or "a person with no name written"
    return entry.recipient.strip() or "nobody named"


def find_recipient(people: Sequence[Person], text: str) -> tuple[str, str]:
    """(person id, words) for a recipient typed on the command line.

    A person's id, or a name that matches exactly one person (ignoring case),
    points at that person; anything else is kept as the words typed.
    """
    wanted = text.strip()
    if not wanted:
        raise DistributionError("Say who it went to.")
    by_id = next((p for p in people if p.id == wanted), None)
    if by_id is not None:
        return by_id.id, ""
    named = [p for p in people if p.name.strip().casefold() == wanted.casefold()]
    if len(named) == 1:
        return named[0].id, ""
    return "", wanted

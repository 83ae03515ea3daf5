"""Handing a family's meeting over to a colleague: the record each copy keeps.

A meeting moves between coordinators in one encrypted handover file
(``storage/handover_file.py``). Each copy of the meeting keeps the history of
its handovers under ``[[handovers]]``: who handed it over, to whom, when and
in which file. The last entry says which copy this is:

- on the sender's laptop the last entry has no ``received_on``: this copy
  went to a colleague and is kept read-only (``handed_away_reason``), so two
  coordinators never carry on the same family's record apart; it can then be
  deleted with the ordinary, provable deletion;
- on the receiver's laptop the import sets ``received_on``: the meeting is
  theirs to work on, and its history says where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sdm_facilitator.domain.model_base import extra_field


@dataclass
class Handover:
    """One handover of a meeting from one coordinator to another."""

    by: str = ""
    to: str = ""
    on: datetime | None = None
    #: The handover file's name (never a family's name: see ``file_name_problem``).
    file_name: str = ""
    #: Set by the import on the receiving laptop; empty on the sender's copy.
    received_on: datetime | None = None
    extra: dict[str, Any] = extra_field()


def describe_handover(handover: Handover) -> str:
    """'Handed over by A to B on 3 March 2026' in the words a person reads."""
    when = f" on {handover.on.astimezone().strftime('%d %B %Y').lstrip('0')}" if handover.on else ""
    by = f" by {handover.by}" if handover.by else ""
    return f"Handed over{by} to {handover.to or 'a colleague'}{when}"


def handed_away(handovers: list[Handover]) -> Handover | None:
    """The handover that took this copy away, when this is the sender's copy (else None)."""
    if handovers and handovers[-1].received_on is None:
        return handovers[-1]
    return None


def handed_away_reason(handovers: list[Handover]) -> str | None:
    """Why this copy is read-only: it was handed over; where it went (None for a copy still in use)."""
    last = handed_away(handovers)
    if last is None:
        return None
    where = f" in the file {last.file_name}" if last.file_name else ""
    return (
        f"{describe_handover(last)}{where}. This copy is kept read-only so only your colleague carries "
        "the work on; once they have it, delete this copy (sdm-facilitator delete ID)."
    )


#: Words of a family label that are not names, so a file called "family-handover" is not refused.
_NOT_NAMES = frozenset({"family", "the", "and", "children", "child", "meeting", "review", "fgc"})


def file_name_problem(file_name: str, names: list[str]) -> str | None:
    """Why a handover file's name would carry a name from the meeting, or None.

    The file travels by e-mail and shared drives where its name is seen by
    anyone: it must not say whose family is inside.
    """
    lowered = file_name.casefold()
    for name in names:
        for word in name.replace("-", " ").replace("'", " ").split():
            word = word.strip(".,()").casefold()
            if len(word) >= 3 and word not in _NOT_NAMES and word in lowered:
                return (
                    f"the file name '{file_name}' carries a name from the meeting; choose a name that says "
                    "nothing about the family (or give a folder and the app names the file)"
                )
    return None


def handover_lines(handovers: list[Handover]) -> list[str]:
    """Each handover of the meeting as one line, for ``show``: where it came from and where it went."""
    lines = []
    for handover in handovers:
        received = (
            f"; received {handover.received_on.astimezone().strftime('%d %B %Y').lstrip('0')}"
            if handover.received_on
            else ""
        )
        lines.append(f"{describe_handover(handover)}{received}.")
    return lines

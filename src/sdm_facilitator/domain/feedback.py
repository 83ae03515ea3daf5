"""Family feedback: five plain statements scored 1 to 5, a child's version, and their averages.

The statements are fixed so answers from every meeting can be added up: a
service cannot compare feedback if each coordinator words it differently.
"I felt judged or ashamed" is reverse scored (1 is best); averages keep the
raw score and say so, rather than flipping it silently. A child answers the
same five things in simpler words with three faces, stored as 1, 3 and 5.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sdm_facilitator.domain.meeting import Feedback


@dataclass(frozen=True)
class Statement:
    """One feedback statement: the field it is stored in, and its words for an adult and for a child."""

    field: str
    family_text: str
    child_text: str
    # A few words for compact lists and table heads.
    short: str
    reverse_scored: bool = False


STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "understood_worries",
        "I understood what the worries were",
        "I knew why we were meeting",
        "understood the worries",
    ),
    Statement("listened_to", "I felt listened to", "People listened to me", "listened to"),
    Statement(
        "judged",
        "I felt judged or ashamed",
        "I felt bad about myself",
        "judged or ashamed (1 is best)",
        reverse_scored=True,
    ),
    Statement("plan_ours", "The plan is ours", "The plan is our family's plan", "the plan is ours"),
    Statement("know_next", "I know what happens next", "I know what happens now", "knows what happens next"),
)
STATEMENT_FIELDS: tuple[str, ...] = tuple(s.field for s in STATEMENTS)

#: Words for the 1 to 5 scale, for a family member.
SCALE_WORDS = {1: "Not at all", 2: "A little", 3: "Somewhat", 4: "Mostly", 5: "Completely"}
#: A child's three faces and the scores they are stored as.
FACES = {1: "☹ no", 3: "😐 a bit", 5: "☺ yes"}


def scores(item: Feedback) -> dict[str, int | None]:
    """The five scores of one feedback record, unanswered ones as None."""
    return {name: getattr(item, name) for name in STATEMENT_FIELDS}


@dataclass(frozen=True)
class Average:
    """The average score of one statement over the answers given, and how many answered."""

    field: str
    mean: float | None
    count: int


def averages(items: Iterable[Feedback]) -> list[Average]:
    """Per statement, the mean of the scores given (feedback that was declined has none)."""
    given = [i for i in items if i.status == "given"]
    out = []
    for name in STATEMENT_FIELDS:
        values = [v for v in (getattr(i, name) for i in given) if v is not None]
        out.append(Average(name, sum(values) / len(values) if values else None, len(values)))
    return out

"""The export dialog's "Was it sent?" block: who got the paper and how, asked, never assumed.

Writing a file is not sending it, so the answer starts at "no" and nothing is
recorded unless the coordinator ticks it. Ticked, it asks who (the family, a
person on the people list, or someone written in words) and how (post, email,
by hand); the meeting screen records it with today's date
(``domain.distribution``), and the follow-up section corrects it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Select

from sdm_facilitator.domain.distribution import SENT_HOW_CHOICES, THE_FAMILY, how_label
from sdm_facilitator.domain.meeting import Person
from sdm_facilitator.domain.safe_text import one_line

#: The recipient choices that are not a person on the list.
FAMILY_CHOICE = "@family"
OTHER_CHOICE = "@other"


@dataclass(frozen=True)
class SentAnswer:
    """Who the paper went to (a person's id, or words) and how."""

    person_id: str
    recipient: str
    how: str


def recipient_options(people: Sequence[Person]) -> list[tuple[str, str]]:
    """The family first, then everyone on the list with a name, then "someone else"."""
    named = [(one_line(p.name, 40), p.id) for p in people if p.name.strip() and p.invitation != "not-invited"]
    return [("The family", FAMILY_CHOICE), *named, ("Someone else (write who)", OTHER_CHOICE)]


class SentFields(Vertical):
    """A tick box (unticked) and, once ticked, who and how."""

    def __init__(self, people: Sequence[Person]) -> None:
        super().__init__(id="export-sent")
        self.people = tuple(people)

    def compose(self) -> ComposeResult:
        yield Checkbox(
            "It was sent: record who got it (writing a file records nothing)", False, id="sent-yes"
        )
        with Horizontal(id="sent-details"):
            yield Select(recipient_options(self.people), value=FAMILY_CHOICE, allow_blank=False, id="sent-to")
            yield Select(
                [(how_label(how), how) for how in SENT_HOW_CHOICES],
                value="email",
                allow_blank=False,
                id="sent-how",
            )
        yield Input(placeholder="Who it went to, in words", id="sent-other")

    def on_mount(self) -> None:
        self._show()

    @on(Checkbox.Changed, "#sent-yes")
    @on(Select.Changed, "#sent-to")
    def _show(self) -> None:
        ticked = self.query_one("#sent-yes", Checkbox).value
        self.query_one("#sent-details").display = ticked
        other = ticked and self.query_one("#sent-to", Select).value == OTHER_CHOICE
        self.query_one("#sent-other", Input).display = other
        self.screen.set_class(ticked, "-sent")

    def answer(self) -> SentAnswer | None | str:
        """None when not sent; the answer; or a sentence saying what is missing."""
        if not self.query_one("#sent-yes", Checkbox).value:
            return None
        chosen = str(self.query_one("#sent-to", Select).value)
        how = str(self.query_one("#sent-how", Select).value)
        if chosen == FAMILY_CHOICE:
            return SentAnswer("", THE_FAMILY, how)
        if chosen == OTHER_CHOICE:
            words = self.query_one("#sent-other", Input).value.strip()
            return SentAnswer("", words, how) if words else 'Say who it went to, or untick "It was sent".'
        return SentAnswer(chosen, "", how)

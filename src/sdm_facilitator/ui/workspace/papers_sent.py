"""Who got which paper, in the follow-up section: a table, and the keys to add, correct and remove entries.

Entries come from the export dialog's "It was sent" or are added here (a
paper handed over at the door, sent from another system). Writing a file is
never an entry: only the coordinator says a paper went out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from sdm_facilitator.domain import distribution as d
from sdm_facilitator.domain.labels import SENT_PAPER_LABELS
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line, visible
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.widgets.fitted_table import FitColumn, FittedTable, RowDetail
from sdm_facilitator.ui.widgets.literal import literal, literal_cell
from sdm_facilitator.ui.workspace.record_section import RecordSection

FAMILY_CHOICE = "@family"
OTHER_CHOICE = "@other"
PAPER_OPTIONS: list[tuple[str, str]] = [(label, paper) for paper, label in SENT_PAPER_LABELS.items()]
HOW_OPTIONS: list[tuple[str, str]] = [(d.how_label(how), how) for how in d.SENT_HOW_CHOICES]


class PapersSentTable(FittedTable):
    """One row per paper sent; its keys add, correct and remove entries."""

    COLUMNS: ClassVar[tuple[FitColumn, ...]] = (
        FitColumn("Sent", "on"),
        FitColumn("Paper", "paper", flex=True),
        FitColumn("To", "to", flex=True),
        FitColumn("How", "how", drop=1),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "add", "Paper sent"),
        Binding("e", "change", "Correct"),
        Binding("delete,x", "remove", "Remove", show=False),
    ]

    def __init__(self, owner: PapersSent, detail: RowDetail, **kwargs: Any) -> None:
        super().__init__(self.COLUMNS, detail=detail, **kwargs)
        self.owner = owner

    def action_add(self) -> None:
        self.owner.add()

    def action_change(self) -> None:
        self.owner.change()

    def action_remove(self) -> None:
        self.owner.remove()


class PapersSent:
    """The distribution list's part of a section: fills its table, and asks before each change."""

    def __init__(self, section: RecordSection) -> None:
        self.section = section

    @property
    def meeting(self) -> Meeting:
        return self.section.meeting

    def table(self) -> PapersSentTable:
        return self.section.query_one("#fu-sent", PapersSentTable)

    def refill(self) -> None:
        m = self.meeting
        self.table().refill(
            [
                (
                    e.on.isoformat() if e.on else "-",
                    # A file may hold a paper or a way this version does not know: shown as text, never markup.
                    literal_cell(d.paper_label(e.paper)),
                    literal_cell(d.recipient_words(e, m.people)),
                    literal_cell(d.how_label(e.how).removeprefix("By ").lower()),
                )
                for e in m.papers_sent
            ],
            [e.id for e in m.papers_sent],
        )

    def words(self, index: int) -> Content | None:
        """The whole of one entry under the table."""
        sent = self.meeting.papers_sent
        if index >= len(sent):
            return None
        entry = sent[index]
        when = f"{entry.on:%a %d %b %Y}" if entry.on else "no date"
        return Content.assemble(
            (visible(d.paper_label(entry.paper)), "bold"),
            " to ",
            literal(d.recipient_words(entry, self.meeting.people)),
            f"\n{d.how_label(entry.how)}, {when} · e corrects it, x removes it",
        )

    def _selected(self) -> d.PaperSent | None:
        index = self.table().selected_index()
        sent = self.meeting.papers_sent
        return sent[index] if index is not None and index < len(sent) else None

    def _fields(self, entry: d.PaperSent | None) -> list[FormField]:
        people = [(one_line(p.name, 40), p.id) for p in self.meeting.people if p.name.strip()]
        to_options = [
            ("The family", FAMILY_CHOICE),
            *people,
            ("Someone else (write who below)", OTHER_CHOICE),
        ]
        if entry is None:
            to, words = FAMILY_CHOICE, ""
        elif entry.person_id and self.meeting.person(entry.person_id) is not None:
            to, words = entry.person_id, ""
        elif entry.recipient == d.THE_FAMILY:
            to, words = FAMILY_CHOICE, ""
        else:
            to, words = OTHER_CHOICE, entry.recipient
        return [
            FormField("paper", "Paper", "choice", entry.paper if entry else d.FAMILY_PLAN, PAPER_OPTIONS),
            FormField("to", "To", "choice", to, to_options),
            FormField("words", "Someone else: who", value=words, placeholder="e.g. the school office"),
            FormField("how", "How", "choice", entry.how if entry else "post", HOW_OPTIONS),
            FormField(
                "on",
                "Sent on",
                "date",
                entry.on if entry else self.section.today(),
                required=True,
                happened=True,
            ),
        ]

    def _ask(
        self, title: str, entry: d.PaperSent | None, keep: Callable[[str, str, dict[str, Any]], None]
    ) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            to = str(values["to"])
            person_id = "" if to in (FAMILY_CHOICE, OTHER_CHOICE) else to
            words = d.THE_FAMILY if to == FAMILY_CHOICE else str(values["words"] or "")
            try:
                keep(person_id, words, values)
            except d.DistributionError as error:
                self.section.notify(f"Nothing recorded: {error}", severity="warning", markup=False)
                return
            self.section.edited()

        self.section.app.push_screen(FormDialog(title, self._fields(entry)), done)

    def add(self) -> None:
        """Record a paper that went out (handed over, or sent some other way)."""
        if not self.section.can_edit():
            return

        def keep(person_id: str, words: str, values: dict[str, Any]) -> None:
            d.record_sent(
                self.meeting.papers_sent,
                values["paper"],
                values["on"],
                values["how"],
                person_id=person_id,
                recipient=words,
            )

        self._ask("Record a paper sent", None, keep)

    def change(self) -> None:
        """Correct the highlighted entry (the wrong day, the wrong person)."""
        entry = self._selected()
        if entry is None or not self.section.can_edit():
            return

        def keep(person_id: str, words: str, values: dict[str, Any]) -> None:
            d.change_sent(
                self.meeting.papers_sent,
                entry,
                values["paper"],
                values["on"],
                values["how"],
                person_id=person_id,
                recipient=words,
            )

        self._ask("Correct a paper sent", entry, keep)

    def remove(self) -> None:
        """Take the highlighted entry off the list, after asking (it was recorded by mistake)."""
        entry = self._selected()
        if entry is None or not self.section.can_edit():
            return
        who = one_line(d.recipient_words(entry, self.meeting.people), 40)

        def done(yes: bool | None) -> None:
            if yes:
                d.remove_sent(self.meeting.papers_sent, entry.id)
                self.section.edited()

        self.section.app.push_screen(
            Confirm(
                f"Remove {d.paper_label(entry.paper).lower()} sent to {who}?", "Use it when it was not sent."
            ),
            done,
        )

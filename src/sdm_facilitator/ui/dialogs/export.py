"""The "Export / print" dialog: which paper, which format, and where.

It offers the family's plan first, as HTML (the format a browser prints or
saves as PDF), in the user's Documents folder or the data folder's
``exports/``. Language hints found in a family paper are listed before the
file is written; they never stop it. The dialog only asks: the meeting
screen writes the file, so saving and the "sent on" day stay in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.guide import Guide, LanguageHint
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.export.files import suggested_file_name
from sdm_facilitator.export.paper_catalogue import (
    FAMILY_PAPERS,
    FIXED_FORMATS,
    FORMAT_SUFFIXES,
    PAPERS,
    ExportOptions,
    PaperError,
    build_paper,
    describe_hint,
    language_check,
    offered,
    paper_description,
)
from sdm_facilitator.storage.drafts import DraftField
from sdm_facilitator.ui.dialogs.confirm import ask_before_discarding
from sdm_facilitator.ui.dialogs.drafts import RestoresDraft
from sdm_facilitator.ui.dialogs.early_keys import HoldsEarlyKeys
from sdm_facilitator.ui.widgets.literal import literal

Choice = tuple[str, str, bool, str]
#: What the dialog offers, in order: (choice id, paper, professionals' version, label).
CHOICES: tuple[Choice, ...] = (
    ("plan", "plan", False, PAPERS["plan"]),
    ("plan-notes", "plan", True, "The plan, professionals' version (bottom lines, reasons, progress)"),
    *(
        (kind, kind, False, PAPERS[kind])
        for kind in ("child-plan", "agenda", "record", "decision-letter", "calendar", "json")
    ),
)


def choices_for(meeting: Meeting) -> tuple[Choice, ...]:
    """The papers this meeting has, named for it: the decision letter for a conference only."""
    return tuple(
        (choice, kind, notes, paper_description(meeting, kind) if choice == "plan" else label)
        for choice, kind, notes, label in CHOICES
        if offered(meeting, kind)
    )


FORMAT_CHOICES = (("HTML, to print or save as PDF", "html"), ("Markdown", "md"), ("Plain text", "txt"))


@dataclass(frozen=True)
class ExportRequest:
    """What the coordinator asked for."""

    kind: str
    fmt: str
    path: Path
    include_notes: bool = False

    @property
    def options(self) -> ExportOptions:
        return ExportOptions(include_notes=self.include_notes, actions=self.kind == "calendar")


class ExportDialog(HoldsEarlyKeys, RestoresDraft, ModalScreen[ExportRequest | None]):
    """Choose a paper and a file; Enter on the file name (or ctrl+s) writes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "write", "Write the file", priority=True),
    ]

    def __init__(
        self, meeting: Meeting, guide: Guide | None, folder: Path, hints: tuple[LanguageHint, ...]
    ) -> None:
        super().__init__()
        self.meeting = meeting
        self.guide = guide
        self.folder = folder
        self.hints = hints
        self._choices = choices_for(meeting)
        self._choice = self._choices[0]
        self._path_edited = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static("Export / print", id="export-title")
            yield OptionList(
                *(Option(Content(label), id=choice) for choice, _, _, label in self._choices),
                id="export-paper",
            )
            yield Label("Format", classes="export-label")
            yield Select(FORMAT_CHOICES, value="html", allow_blank=False, id="export-format")
            yield Label("File", classes="export-label")
            yield Input(id="export-path")
            yield Static(id="export-hints", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        papers = self.query_one("#export-paper", OptionList)
        papers.highlighted = 0
        self._refresh()
        papers.focus()
        self.offer_draft()

    # ------------------------------------------------------------ choices

    @property
    def _format(self) -> str:
        kind = self._choice[1]
        fixed = FIXED_FORMATS.get(kind)
        return fixed if fixed else str(self.query_one("#export-format", Select).value)

    @on(OptionList.OptionHighlighted, "#export-paper")
    def _paper_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self._choice = next(c for c in self._choices if c[0] == event.option.id)
        self._refresh()

    @on(OptionList.OptionSelected, "#export-paper")
    def _paper_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        self._refresh()

    @on(Input.Changed, "#export-path")
    def _path_typed(self, event: Input.Changed) -> None:
        if event.value != self._suggested_path():
            self._path_edited = True

    def _suggested_path(self) -> str:
        kind = self._choice[0]
        return str(self.folder / suggested_file_name(self.meeting, kind, FORMAT_SUFFIXES[self._format]))

    def _refresh(self) -> None:
        kind = self._choice[1]
        self.query_one("#export-format", Select).disabled = kind in FIXED_FORMATS
        path = self.query_one("#export-path", Input)
        if not self._path_edited:
            with path.prevent(Input.Changed):
                path.value = self._suggested_path()
        self.query_one("#export-hints", Static).update(literal(self._hint_text()))

    def _hint_text(self) -> str:
        kind, include_notes = self._choice[1], self._choice[2]
        if kind not in FAMILY_PAPERS or include_notes:
            return ""
        try:
            paper = build_paper(self.meeting, self.guide, kind, ExportOptions())
        except PaperError as error:
            return str(error)
        found = language_check(paper, self.hints)
        if not found:
            return "No language hints in this paper."
        lines = [describe_hint(match, why=False) for match in found]
        return "Language hints (the paper is written as it is):\n" + "\n".join(f"- {line}" for line in lines)

    # ------------------------------------------------------------ answers

    @on(Input.Submitted, "#export-path")
    def action_write(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-hints", Static).update(literal("Give a file name."))
            return
        self.dismiss(ExportRequest(self._choice[1], self._format, Path(text).expanduser(), self._choice[2]))

    def unsaved_text(self) -> bool:
        """A file name typed here (not the one suggested) would be lost by closing now."""
        if not self.is_mounted:
            return False
        return self._path_edited and bool(self.query_one("#export-path", Input).value.strip())

    def draft_dialog(self) -> str:
        return "export"

    def draft_title(self) -> str:
        return "Export / print"

    def typed_fields(self) -> list[DraftField]:
        return [DraftField("path", "File", self.query_one("#export-path", Input).value)]

    def restore_typed(self, values: Mapping[str, str]) -> None:
        if values.get("path", "").strip():
            self._path_edited = True
            with self.query_one("#export-path", Input).prevent(Input.Changed):
                self.query_one("#export-path", Input).value = values["path"]

    def action_cancel(self) -> None:
        """Close; a file name that came back from a draft is only dropped after asking."""
        if self._restored is not None:
            ask_before_discarding(self)
        else:
            self.dismiss(None)

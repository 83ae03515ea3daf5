"""The "Export / print" dialog: which paper, which format, and where.

It offers the family's plan first, as HTML (the format a browser prints or
saves as PDF), in the user's Documents folder or the data folder's
``exports/``. Language hints found in a family paper are listed before the
file is written; they never stop it. So are the plan safety check's findings,
for every paper (``plan_findings``, given by the meeting screen). The dialog only asks: the meeting
screen writes the file, so saving and recording who got it stay in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.child_plan_rules import band_for
from sdm_facilitator.domain.child_plan_wording import BANDS, ChildPlanWording
from sdm_facilitator.domain.contact_privacy import left_out_sentence
from sdm_facilitator.domain.guide import Guide, LanguageHint
from sdm_facilitator.domain.labels import CHILD_BAND_LABELS
from sdm_facilitator.domain.language import risk_context
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_safety import PlanFinding
from sdm_facilitator.domain.safe_text import one_line
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
from sdm_facilitator.ui.dialogs.sent_fields import SentAnswer, SentFields
from sdm_facilitator.ui.widgets.literal import literal

Choice = tuple[str, str, bool, str]
#: What the dialog offers, in order: (choice id, paper, professionals' version, label).
CHOICES: tuple[Choice, ...] = (
    ("plan", "plan", False, PAPERS["plan"]),
    ("plan-notes", "plan", True, "The plan, professionals' version (bottom lines, reasons, progress)"),
    *(
        (kind, kind, False, PAPERS[kind])
        for kind in ("child-plan", "agenda", "family-pack", "invitation", "record", "decision-letter")
    ),
    ("network", "network", False, PAPERS["network"]),
    (
        "network-notes",
        "network",
        True,
        "The network map, professionals' version (everyone, invitations, who might be missing)",
    ),
    *((kind, kind, False, PAPERS[kind]) for kind in ("calendar", "json")),
)


def choices_for(meeting: Meeting) -> tuple[Choice, ...]:
    """The papers this meeting has, named for it: the decision letter for a conference only."""
    return tuple(
        (choice, kind, notes, paper_description(meeting, kind) if choice == "plan" else label)
        for choice, kind, notes, label in CHOICES
        if offered(meeting, kind)
    )


FORMAT_CHOICES = (("HTML, to print or save as PDF", "html"), ("Markdown", "md"), ("Plain text", "txt"))
#: A child's plan's band: each child's own (from their age), or one chosen for this export.
FROM_AGE = "from-age"
BAND_CHOICES = (("Each child's age", FROM_AGE), *((CHILD_BAND_LABELS[b], b) for b in BANDS))


def reading_lines(meeting: Meeting, band: str | None, wording: ChildPlanWording | None = None) -> list[str]:
    """One line per child: the band their plan is written in and its reading level (``reading_level``).

    ``wording``: the organisation's child plan words when it has its own (else the bundled
    ones), so the level shown is that of the paper that will be written.
    """
    from sdm_facilitator.export.child_plan import ChildPlanChoice, child_reading_level
    from sdm_facilitator.guides.loader import bundled_child_plan_wording

    choice = ChildPlanChoice(wording or bundled_child_plan_wording(), band)
    lines = []
    for child in meeting.children:
        chosen = band_for(child, band)
        why = "chosen" if band else ("from the age" if child.age is not None else "age not recorded")
        level = child_reading_level(meeting, child, choice).describe()
        name = one_line(child.name, 20) or "A child"
        lines.append(f"{name} ({CHILD_BAND_LABELS[chosen].lower()}, {why}): {level}")
    return lines


#: Findings listed by name here (one line each); the plan section and ``check`` show each in full.
SHOWN_FINDINGS = 3


def plan_check_words(findings: Sequence[PlanFinding]) -> str:
    """The plan safety check's findings in a few lines, for the top of the dialog ("" when none)."""
    if not findings:
        return ""
    shown = list(findings) if len(findings) <= SHOWN_FINDINGS else list(findings)[: SHOWN_FINDINGS - 1]
    lines = [f"• {one_line(f.short or f.text, 66)}" for f in shown]
    if len(shown) < len(findings):
        lines.append(f"• and {len(findings) - len(shown)} more: the plan section lists them all")
    return "Plan safety check (warnings; the paper is written as it is):\n" + "\n".join(lines)


@dataclass(frozen=True)
class ExportRequest:
    """What the coordinator asked for."""

    kind: str
    fmt: str
    path: Path
    include_notes: bool = False
    #: A child's plan's band chosen for this export; None: each child's own.
    band: str | None = None
    # Whether, and to whom and how, the coordinator says the paper was sent (None: not sent).
    sent: SentAnswer | None = None

    @property
    def options(self) -> ExportOptions:
        return ExportOptions(
            include_notes=self.include_notes, actions=self.kind == "calendar", band=self.band
        )


class ExportDialog(HoldsEarlyKeys, RestoresDraft, ModalScreen[ExportRequest | None]):
    """Choose a paper and a file; Enter on the file name (or ctrl+s) writes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "write", "Write the file", priority=True),
    ]

    def __init__(
        self,
        meeting: Meeting,
        guide: Guide | None,
        folder: Path,
        hints: tuple[LanguageHint, ...],
        plan_findings: Sequence[PlanFinding] = (),
        words: ExportOptions | None = None,
        *,
        downloads: bool = False,
    ) -> None:
        super().__init__()
        self.plan_findings = tuple(plan_findings)
        #: The organisation's (or bundled) wordings and law, as the paper will be written with them,
        #: so the preview's language hints and reading levels are those of that paper.
        self.words = words or ExportOptions()
        #: In a browser tab the paper goes to the browser as a download: the box holds a file
        #: name only, as no folder of this computer is one the person in the browser can open.
        self.downloads = downloads
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
            findings = plan_check_words(self.plan_findings)
            plan_check = Static(literal(findings), id="export-plan-check", markup=False)
            plan_check.display = bool(findings)
            yield plan_check
            # The warnings take their room from the list of papers (it scrolls), so the file fits at 80x24.
            self.set_class(bool(findings), "-plan-check")
            yield OptionList(
                *(Option(Content(label), id=choice) for choice, _, _, label in self._choices),
                id="export-paper",
            )
            with Horizontal(id="export-band-row"):
                yield Label("Written for ", classes="export-label")
                yield Select(BAND_CHOICES, value=FROM_AGE, allow_blank=False, compact=True, id="export-band")
            yield Label("Format", classes="export-label")
            yield Select(FORMAT_CHOICES, value="html", allow_blank=False, id="export-format")
            yield Label(
                "File name (your browser downloads it)" if self.downloads else "File", classes="export-label"
            )
            yield Input(id="export-path")
            # Was it sent? Its own block (``sent_fields``): unticked, nothing is recorded.
            yield SentFields(self.meeting.people)
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

    @on(Select.Changed, "#export-band")
    def _band_changed(self) -> None:
        self._refresh()

    @property
    def _band(self) -> str | None:
        """The band chosen for a child's plan, or None for each child's own."""
        value = self.query_one("#export-band", Select).value
        return value if isinstance(value, str) and value in BANDS else None

    @on(Input.Changed, "#export-path")
    def _path_typed(self, event: Input.Changed) -> None:
        if event.value != self._suggested_path():
            self._path_edited = True

    def _suggested_path(self) -> str:
        kind = self._choice[0]
        name = suggested_file_name(self.meeting, kind, FORMAT_SUFFIXES[self._format])
        return name if self.downloads else str(self.folder / name)

    def _refresh(self) -> None:
        kind = self._choice[1]
        self.query_one("#export-format", Select).disabled = kind in FIXED_FORMATS
        self.query_one("#export-band-row").display = kind == "child-plan"
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
            options = dataclasses.replace(self.words, band=self._band)
            paper = build_paper(self.meeting, self.guide, kind, options)
        except PaperError as error:
            return str(error)
        # What the paper leaves out because someone is at risk comes first: it is about safety.
        left_out = left_out_sentence(paper.left_out)
        # A child's plan: each child's band and how easy it is to read, before the language hints.
        reading = (
            "\n".join(reading_lines(self.meeting, self._band, self.words.child_wording))
            if kind == "child-plan"
            else ""
        )
        found = language_check(paper, self.hints, risk_context(self.meeting.risks))
        if not found:
            return "\n".join(filter(None, (left_out, reading, "No language hints in this paper.")))
        lines = [describe_hint(match, why=False) for match in found]
        hints = "Language hints (the paper is written as it is):\n" + "\n".join(f"- {line}" for line in lines)
        return "\n".join(filter(None, (left_out, reading, hints)))

    # ------------------------------------------------------------ answers

    @on(Input.Submitted, "#export-path")
    def action_write(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-hints", Static).update(literal("Give a file name."))
            return
        band = self._band if self._choice[1] == "child-plan" else None
        sent = self.query_one(SentFields).answer()
        if isinstance(sent, str):
            self.query_one("#export-hints", Static).update(literal(sent))
            return
        path = Path(text).expanduser()
        if self.downloads:
            # Only the name travels to the browser; a folder typed here would mean nothing there.
            path = Path(
                path.name or suggested_file_name(self.meeting, self._choice[0], FORMAT_SUFFIXES[self._format])
            )
        self.dismiss(
            ExportRequest(self._choice[1], self._format, path, self._choice[2], band=band, sent=sent)
        )

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

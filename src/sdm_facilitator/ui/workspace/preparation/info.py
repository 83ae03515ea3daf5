"""Information sharing: which reports go to whom, when, and on what lawful basis.

Each item keeps its own UK GDPR Article 6 basis (usually public task or legal
obligation in child protection), any special category data with its Article 9
condition, and, for a child's own views, whether the child's own agreement
was sought. The family agreeing to the meeting is a separate question (the
referral section).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from sdm_facilitator.domain.labels import (
    CHILD_AGREEMENT_LABELS,
    LAWFUL_BASIS_HELP,
    LAWFUL_BASIS_LABELS,
    SPECIAL_CATEGORY_LABELS,
)
from sdm_facilitator.domain.meeting import InfoShare, Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.sharing import (
    CHILD_AGREEMENT_CHOICES,
    LAWFUL_BASIS_CHOICES,
    SPECIAL_CATEGORY_CHOICES,
    basis_warning,
)
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.confirm import Confirm
from sdm_facilitator.ui.dialogs.editor import EditorDialog
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    choice_list,
    choice_select,
    date_text,
    merge_choices,
    parse_date,
    set_attr,
    set_required_reason,
    show_reason_field,
    text_area,
)
from sdm_facilitator.ui.workspace.preparation.base import PrepSection


def shared_words(share: InfoShare, today) -> str:  # type: ignore[no-untyped-def]
    if share.shared is not None:
        return f"✓ {share.shared:%d %b}"
    if share.due is not None and share.due < today:
        return "✗ overdue"
    return "✗ not yet"


REASON_MISSING = "required: say why the child's own agreement was not sought"

ART9_PLACEHOLDER = "e.g. DPA 2018 Sch 1 para 18, safeguarding of children"


def basis_words(meeting: Meeting, basis: str | None) -> str:
    """What the chosen basis means, and the warning when it is doubtful for this meeting."""
    if basis is None:
        return "Usually public task or legal obligation in child protection."
    warning = basis_warning(meeting, basis)
    meaning = LAWFUL_BASIS_HELP.get(basis, "")
    return f"⚠ {warning}" if warning else meaning


class InfoShareEditor(EditorDialog):
    """One report or piece of information, edited in place."""

    def __init__(
        self, share: InfoShare, meeting: Meeting, on_edit: Callable[[], None], *, read_only: bool = False
    ) -> None:
        title = f"Report: {one_line(share.document, 40)}" if share.document else "New report to share"
        super().__init__(title, on_edit, read_only=read_only)
        self.share = share
        self.meeting = meeting

    def body(self) -> ComposeResult:
        s = self.share
        yield Field(
            "Report or information",
            Input(s.document, placeholder="e.g. social worker's assessment", id="is-document"),
            hints=True,
        )
        yield Field("Goes to", Input(s.to, placeholder="who should see it before the day", id="is-to"))
        yield Field("Share by", Input(date_text(s.due), placeholder=DATE_PLACEHOLDER, id="is-due"))
        yield Field(
            "Shared on",
            Input(date_text(s.shared), placeholder=DATE_PLACEHOLDER, id="is-shared"),
            help="Leave empty until it has been shared.",
        )
        yield Field(
            "Lawful basis for sharing it",
            choice_select(LAWFUL_BASIS_CHOICES, LAWFUL_BASIS_LABELS, s.lawful_basis, id="is-basis"),
        )
        yield Static(
            Content(basis_words(self.meeting, s.lawful_basis)), id="is-basis-words", classes="field-help"
        )
        yield Field(
            "Special category data in it",
            choice_list(
                [(SPECIAL_CATEGORY_LABELS[c], c) for c in SPECIAL_CATEGORY_CHOICES],
                s.special_categories,
                id="is-special",
            ),
            help="Tick with space. Each needs an Article 9 condition as well as the basis.",
        )
        yield Field(
            "Article 9 condition",
            Input(s.art9_condition, placeholder=ART9_PLACEHOLDER, id="is-art9"),
            hints=True,
        )
        yield Field(
            "A child's own views: their agreement",
            choice_select(
                CHILD_AGREEMENT_CHOICES,
                CHILD_AGREEMENT_LABELS,
                s.child_agreement,
                id="is-child-agreement",
                prompt="Not recorded",
            ),
            help="Ask a child old enough to understand before their own views are shared.",
        )
        yield Field(
            "Why it was not sought",
            Input(s.child_agreement_reason, id="is-child-reason"),
            hints=True,
            id="is-child-reason-field",
        )
        yield Field("Note", text_area(s.note, id="is-note"), hints=True)

    def on_mount(self) -> None:
        s = self.share
        today = sdm_app(self).today()
        self.bind_field("is-basis", self._set_basis)
        self.bind_field(
            "is-special",
            lambda v: set_attr(
                s,
                "special_categories",
                merge_choices(list(SPECIAL_CATEGORY_CHOICES), s.special_categories, v),
            ),
        )
        self.bind_field("is-art9", lambda v: set_attr(s, "art9_condition", v))
        self.bind_field("is-child-agreement", self._set_child_agreement)
        self.bind_field("is-child-reason", self._set_child_reason)
        self._check_child_reason()
        self.bind_field("is-document", self._set_document)
        self.bind_field("is-to", lambda v: set_attr(s, "to", v))
        self.bind_field("is-due", lambda v: set_attr(s, "due", parse_date(v, today)))
        self.bind_field("is-shared", lambda v: set_attr(s, "shared", parse_date(v, today)))
        self.bind_field("is-note", lambda v: set_attr(s, "note", v))
        super().on_mount()

    def _set_basis(self, value: str | None) -> bool:
        changed = set_attr(self.share, "lawful_basis", value)
        self.query_one("#is-basis-words", Static).update(Content(basis_words(self.meeting, value)))
        return changed

    def _set_child_agreement(self, value: str | None) -> bool:
        changed = set_attr(self.share, "child_agreement", value)
        self._check_child_reason()
        return changed

    def _set_child_reason(self, value: str) -> bool:
        return set_required_reason(
            self,
            self.share,
            "child_agreement_reason",
            value,
            required=self.share.child_agreement == "not-sought",
            message=REASON_MISSING,
        )

    def _check_child_reason(self) -> None:
        show_reason_field(
            self.query_one("#is-child-reason-field", Field),
            needed=self.share.child_agreement == "not-sought",
            current=self.share.child_agreement_reason,
            message=REASON_MISSING,
        )

    def _set_document(self, value: str) -> bool:
        changed = set_attr(self.share, "document", value)
        if not value.strip():
            if changed:
                self.edited()
            raise ValueError("name the report, so everyone knows which one it is")
        return changed


class InfoSection(PrepSection):
    """Reports and who sees them before the day."""

    BINDINGS = [
        Binding("a", "add_share", "Add"),
        Binding("e", "edit_share", "Edit", show=False),
        Binding("s", "toggle_shared", "Shared"),
        Binding("delete,x", "remove_share", "Remove"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Nothing new should be sprung on the family on the day: share every report with them "
                "first, in words they understand. Each needs a lawful basis (usually public task). "
                "a: add · s: shared today · enter: edit"
            ),
            classes="section-help",
        )
        table: DataTable[Text] = DataTable(id="info-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(
            Content("No reports listed yet. Press a to add one."), id="info-empty", classes="empty-note"
        )
        yield Static("", id="info-summary", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()
        super().on_mount()

    def refresh_from_meeting(self) -> None:
        table = self.query_one("#info-table", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        width = max(16, (self.size.width or 56) - 29)
        table.add_column("Report and who it goes to", width=width)
        table.add_column("Share by")
        table.add_column("Shared")
        today = self.today()
        shares = self.meeting.info_sharing
        for share in shares:
            what = Text(one_line(share.document, width) or "(no name yet)", style="bold")
            basis = LAWFUL_BASIS_LABELS.get(share.lawful_basis or "", "✗ no lawful basis yet")
            to = f"to {one_line(share.to) or '(nobody named yet)'}"
            what.append("\n" + one_line(f"{to} · {basis}", width), style="dim")
            table.add_row(
                what,
                Text(f"{share.due:%a %d %b}" if share.due else "-"),
                Text(shared_words(share, today)),
                key=share.id,
                height=2,
            )
        if shares:
            table.move_cursor(row=min(keep, len(shares) - 1))
        self.query_one("#info-empty").display = not shares
        done = sum(1 for s in shares if s.shared)
        late = sum(1 for s in shares if not s.shared and s.due and s.due < today)
        summary = f"{done} of {len(shares)} shared" + (f" · ✗ {late} overdue" if late else "")
        self.query_one("#info-summary", Static).update(Content(summary if shares else ""))

    def on_resize(self) -> None:
        # A resize can arrive before the section's widgets are composed (a busy machine).
        if self.is_mounted and self.children:
            self.refresh_from_meeting()

    def first_focus_target(self) -> Widget | None:
        return self.query_one("#info-table", DataTable)

    def _current(self) -> InfoShare | None:
        table = self.query_one("#info-table", DataTable)
        shares = self.meeting.info_sharing
        if not shares or table.cursor_row < 0:
            return None
        return shares[min(table.cursor_row, len(shares) - 1)]

    def _edit(self, share: InfoShare, *, new: bool = False) -> None:
        def closed(_result: None) -> None:
            if new and not (share.document.strip() or share.to.strip() or share.note.strip()):
                self.meeting.info_sharing.remove(share)
                self.edited()
            self.refresh_from_meeting()
            if share in self.meeting.info_sharing:
                table = self.query_one("#info-table", DataTable)
                table.move_cursor(row=self.meeting.info_sharing.index(share))
                table.focus()

        self.app.push_screen(
            InfoShareEditor(share, self.meeting, self.edited, read_only=self.read_only), closed
        )

    def action_add_share(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        share = InfoShare()
        self.meeting.info_sharing.append(share)
        self._edit(share, new=True)

    def action_edit_share(self) -> None:
        share = self._current()
        if share is not None:
            self._edit(share)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_share()

    def action_toggle_shared(self) -> None:
        share = self._current()
        if share is None or self.read_only:
            return
        share.shared = None if share.shared else self.today()
        self.edited()
        self.refresh_from_meeting()

    def action_remove_share(self) -> None:
        share = self._current()
        if share is None or self.read_only:
            return
        name = one_line(share.document, 40) or "this report"

        def answered(yes: bool | None) -> None:
            if yes and share in self.meeting.info_sharing:
                self.meeting.info_sharing.remove(share)
                self.edited()
                self.refresh_from_meeting()

        self.app.push_screen(Confirm(f"Remove “{name}” from the list of reports?", yes="Remove"), answered)

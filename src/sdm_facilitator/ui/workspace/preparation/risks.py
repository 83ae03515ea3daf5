"""The risk screen: each kind of harm screened, who is at risk, and the specialist advice taken.

One row per kind (several for "other", each named). Keys set the status
(p present, u not known, n not present), choose people from the people list
(w), record the source and date (s), the advice (a) and tick conditions only a
person can know are met (c). The panel under the table shows the selected
risk in full, with the conditions and how each ticks, and, for forced
marriage, the warning that a family meeting may be the wrong tool (its text
is data: ``guides/risk-warnings.toml``, adaptable by an organisation). The rules are ``domain.risk_rules``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sdm_facilitator.domain.labels import (
    ADVICE_OUTCOME_LABELS,
    CONDITION_KIND_LABELS,
    RISK_KIND_LABELS,
    RISK_STATUS_LABELS,
)
from sdm_facilitator.domain.risk_rules import (
    TICKED_BY_HAND,
    advice_gap,
    check_condition,
    condition_title,
    people_words,
    record_problems,
    risk_title,
    status_words,
)
from sdm_facilitator.domain.risks import (
    ADVICE_OUTCOME_CHOICES,
    CONDITION_KINDS,
    RISK_KINDS,
    AdviceCondition,
    Risk,
    RiskAdvice,
)
from sdm_facilitator.domain.safe_text import visible
from sdm_facilitator.guides.loader import bundled_risk_warnings
from sdm_facilitator.guides.risk_warnings import warnings_for
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.dialogs.form import FormDialog, FormField
from sdm_facilitator.ui.dialogs.pick import PickDialog
from sdm_facilitator.ui.widgets.literal import literal_cell
from sdm_facilitator.ui.workspace.preparation.base import PrepSection

#: A row: the kind it stands for, and its entry (None: not screened yet).
Row = tuple[str, Risk | None]


def _short(kind: str) -> str:
    """A kind's label without its bracketed detail, for narrow rows."""
    return RISK_KIND_LABELS.get(kind, kind).split(" (")[0]


class RisksSection(PrepSection):
    """Screen each kind of harm; a risk present or not known waits for recorded specialist advice."""

    BINDINGS = [
        Binding("p", "set_status('present')", "Present"),
        Binding("u", "set_status('not-known')", "Not known", show=False),
        Binding("n", "set_status('not-present')", "Not there"),
        Binding("a", "advice", "Advice"),
        Binding("w", "choose_people", "Who", show=False),
        Binding("s", "source", "Source, date", show=False),
        Binding("c", "tick_conditions", "Conditions met", show=False),
        Binding("e", "name_other", "Name", show=False),
        Binding("plus", "add_other", "Another risk", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Present or not known: the meeting waits for specialist advice (a). u not known · "
                "w who · s source and date · c conditions met · e name · + another risk"
            ),
            classes="section-help",
        )
        yield Static("", id="risks-summary", markup=False)
        table: DataTable[Text] = DataTable(id="risks-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="risk-warning", markup=False)
        yield Static("", id="risk-details", markup=False)

    def on_mount(self) -> None:
        self.refresh_from_meeting()
        super().on_mount()

    # ------------------------------------------------------------ rows

    def rows(self) -> list[Row]:
        """One row per kind, in the screen's order; every "other" entry has its own."""
        rows: list[Row] = []
        for kind in RISK_KINDS:
            entries = [r for r in self.meeting.risks if r.kind == kind]
            if entries:
                rows.extend((kind, r) for r in entries)
            else:
                rows.append((kind, None))
        return rows

    def refresh_from_meeting(self) -> None:
        table = self.query_one("#risks-table", DataTable)
        keep = max(table.cursor_row, 0)
        table.clear(columns=True)
        status_width = 22
        width = max(16, (self.size.width or 60) - status_width - 6)
        table.add_column("Kind of harm", width=width)
        table.add_column("Where it stands", width=status_width)
        rows = self.rows()
        for index, (kind, risk) in enumerate(rows):
            title = risk_title(risk) if risk else _short(kind)
            status = status_words(risk) if risk else "not screened"
            table.add_row(literal_cell(title, width), Text(status, no_wrap=True), key=f"row-{index}")
        table.move_cursor(row=min(keep, len(rows) - 1))
        screened = sum(1 for kind in RISK_KINDS if any(r.kind == kind for r in self.meeting.risks))
        waiting = sum(1 for _, r in rows if r is not None and status_words(r).startswith("■"))
        summary = f"{screened} of {len(RISK_KINDS)} kinds screened"
        if waiting:
            summary += f" · ■ {waiting} holding the meeting back"
        self.query_one("#risks-summary", Static).update(Content(summary))
        self.show_current()

    def on_resize(self) -> None:
        if self.is_mounted and self.children:
            self.refresh_from_meeting()

    def current(self) -> Row | None:
        table = self.query_one("#risks-table", DataTable)
        rows = self.rows()
        if not rows or table.cursor_row < 0:
            return None
        return rows[min(table.cursor_row, len(rows) - 1)]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_current()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_advice()

    def show_current(self) -> None:
        """The selected risk in full under the table, and its warning if it has one."""
        row = self.current()
        warning = self.query_one("#risk-warning", Static)
        details = self.query_one("#risk-details", Static)
        if row is None:
            warning.display = False
            details.update("")
            return
        kind, risk = row
        # The bundled warnings, with the organisation's own for the kinds its file names.
        warnings = sdm_app(self).library.risk_warnings or bundled_risk_warnings()
        found = warnings_for(warnings, kind, risk.status) if risk else []
        warning.display = bool(found)
        if found:
            warning.update(Content("\n".join(f"⚠ {w.title}\n{w.text}" for w in found)))
        details.update(Content("\n".join(self._details(kind, risk))))

    def _details(self, kind: str, risk: Risk | None) -> Iterator[str]:
        if risk is None:
            yield f"{RISK_KIND_LABELS.get(kind, kind)}: not screened yet."
            return
        yield f"{risk_title(risk)}: {RISK_STATUS_LABELS.get(risk.status, risk.status)}"
        for problem in record_problems(self.meeting, risk):
            yield f"! {visible(problem)}"
        yield "At risk: " + people_words(self.meeting, risk.at_risk)
        yield "Thought to cause harm: " + people_words(self.meeting, risk.causing_harm)
        source = visible(risk.source.strip()) or "not recorded"
        when = f"{risk.screened_on:%d %b %Y}" if risk.screened_on else "no date"
        yield f"Source: {source} · screened {when}"
        if risk.status == "not-present":
            return
        advice = risk.advice
        if not advice.recorded:
            yield "Specialist advice: not recorded yet (a to record it)"
            return
        role = f" ({visible(advice.role.strip())})" if advice.role.strip() else ""
        outcome = ADVICE_OUTCOME_LABELS.get(advice.outcome or "", "")
        on = f"{advice.on:%d %b %Y}" if advice.on else ""
        yield f"Advice: {outcome}, from {visible(advice.by.strip())}{role} on {on}"
        gap = advice_gap(advice)
        if gap:
            yield f"! {gap}"
        if advice.outcome == "do-not-go-ahead" and advice.instead.strip():
            yield "Instead: " + visible(advice.instead.strip())
        for condition in advice.conditions:
            check = check_condition(self.meeting, risk, condition)
            mark = "✓" if check.met else "✗"
            yield f"{mark} {visible(condition_title(condition))}: {check.says}"

    # ------------------------------------------------------------ focus

    def first_focus_target(self) -> Widget | None:
        return self.query_one("#risks-table", DataTable)

    def focus_step(self, step_id: str) -> None:
        """Move to a risk by its id, or to the first row of a kind (from a guide step or readiness)."""
        for index, (kind, risk) in enumerate(self.rows()):
            if (risk is not None and risk.id == step_id) or kind == step_id:
                table = self.query_one("#risks-table", DataTable)
                table.move_cursor(row=index)
                table.focus()
                self.show_current()
                return

    def _select(self, risk: Risk) -> None:
        self.refresh_from_meeting()
        self.focus_step(risk.id)

    # ------------------------------------------------------------ changes

    def _entry(self, create: bool = True) -> Risk | None:
        """The selected row's entry, made now (screened today) when it has none and ``create``."""
        row = self.current()
        if row is None or not self.can_edit():
            return None
        kind, risk = row
        if risk is None and create:
            risk = Risk(kind=kind, screened_on=self.today())
            self.meeting.risks.append(risk)
        return risk

    def action_set_status(self, status: str) -> None:
        row = self.current()
        if row is None or not self.can_edit():
            return
        kind, risk = row
        if kind == "other" and status != "not-present" and (risk is None or not risk.name.strip()):
            self._ask_name(risk, status)
            return
        if (
            status == "not-present"
            and risk is not None
            and risk.needs_advice
            and risk.screened_on is not None
        ):
            self._clear_with_source(risk)
            return
        risk = self._entry()
        if risk is None:
            return
        risk.status = status
        if risk.screened_on is None:
            risk.screened_on = self.today()
        self.edited()
        self._select(risk)

    def _clear_with_source(self, risk: Risk) -> None:
        """A harm screened as present or not known is only cleared with how it is known, never by one key.

        Clearing it takes it off what holds the meeting back and hides its warning, so the
        coordinator says how they know (the source, required) and when; who was at risk and
        the advice stay in the record.
        """
        kept = []
        if risk.at_risk:
            kept.append(f"{len(risk.at_risk)} at risk")
        if risk.advice.recorded:
            kept.append(f"advice from {risk.advice.by.strip()}")
        status = RISK_STATUS_LABELS.get(risk.status, risk.status).lower()
        intro = (
            f"It is recorded as {status}{' (' + ', '.join(kept) + ')' if kept else ''}. Not present takes it "
            "off what holds the meeting back. Say how you know; what was recorded stays in the file."
        )

        def answered(values: dict[str, Any] | None) -> None:
            if not values or not str(values["source"]).strip():
                return
            risk.status = "not-present"
            risk.source = str(values["source"]).strip()
            risk.screened_on = values["screened_on"]
            self.edited()
            self._select(risk)

        self.app.push_screen(
            FormDialog(
                f"{risk_title(risk)}: not present?",
                [
                    FormField(
                        "source",
                        "How you know",
                        required=True,
                        placeholder="e.g. police check, spoke to Mum alone",
                    ),
                    FormField("screened_on", "Screened on", "date", value=self.today(), happened=True),
                ],
                intro=intro,
            ),
            answered,
        )

    def _ask_name(self, risk: Risk | None, status: str | None) -> None:
        def answered(values: dict[str, Any] | None) -> None:
            if not values or not str(values["name"]).strip():
                return
            target = risk
            if target is None:
                target = Risk(kind="other", screened_on=self.today())
                self.meeting.risks.append(target)
            target.name = str(values["name"]).strip()
            if status is not None:
                target.status = status
            self.edited()
            self._select(target)

        self.app.push_screen(
            FormDialog(
                "Another kind of harm",
                [FormField("name", "What the harm is", value=risk.name if risk else "", required=True)],
                intro="Name it in plain words, for example “dangerous dogs at the home”.",
            ),
            answered,
        )

    def action_name_other(self) -> None:
        row = self.current()
        if row is None or row[0] != "other" or not self.can_edit():
            return
        self._ask_name(row[1], None)

    def action_add_other(self) -> None:
        if self.can_edit():
            self._ask_name(None, "present")

    def _people_options(self) -> list[tuple[str, str]]:
        return [(p.name.strip() or "(no name yet)", p.id) for p in self.meeting.people]

    def _at_risk_options(self) -> list[tuple[str, str]]:
        """The children first (a child is so often the one at risk), then the people list."""
        children = [(f"{c.name.strip() or '(no name yet)'} (child)", c.id) for c in self.meeting.children]
        return children + self._people_options()

    def action_choose_people(self) -> None:
        risk = self._screened()
        if risk is None:
            return

        def harm_chosen(ids: list[str] | None) -> None:
            if ids is not None:
                risk.causing_harm = ids
                self.edited()
            self._select(risk)

        def at_risk_chosen(ids: list[str] | None) -> None:
            if ids is None:
                return
            risk.at_risk = ids
            self.edited()
            self.app.push_screen(
                PickDialog(
                    f"{risk_title(risk)}: who is thought to cause harm?",
                    self._people_options(),
                    risk.causing_harm,
                ),
                harm_chosen,
            )

        self.app.push_screen(
            PickDialog(
                f"{risk_title(risk)}: who is at risk?",
                self._at_risk_options(),
                risk.at_risk,
                intro="Children and people come from their lists; add anyone missing there first.",
            ),
            at_risk_chosen,
        )

    def _screened(self) -> Risk | None:
        """The selected row's entry; an unscreened row says to screen it first (no entry is made)."""
        risk = self._entry(create=False)
        if risk is None and self.current() is not None and not self.read_only:
            self.notify("Screen it first: p present, u not known or n not present.", markup=False)
        return risk

    def action_source(self) -> None:
        risk = self._screened()
        if risk is None:
            return

        def answered(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            risk.source = str(values["source"])
            risk.screened_on = values["screened_on"]
            self.edited()
            self._select(risk)

        self.app.push_screen(
            FormDialog(
                f"{risk_title(risk)}: source and date",
                [
                    FormField("source", "Source", value=risk.source, placeholder="e.g. police, school, Mum"),
                    FormField("screened_on", "Screened on", "date", value=risk.screened_on, happened=True),
                ],
            ),
            answered,
        )

    def action_advice(self) -> None:
        row = self.current()
        if row is None:
            return
        risk = row[1]
        if risk is None or risk.status == "not-present":
            self.notify("Advice is recorded for a risk present or not known (p or u first).", markup=False)
            return
        if not self.can_edit():
            return
        self.app.push_screen(
            FormDialog(
                f"{risk_title(risk)}: specialist advice",
                advice_fields(risk.advice),
                intro="Who advised, when, and what they said. A condition is listed when its box has "
                "words in it (say what is agreed).",
                validate=advice_problem,
            ),
            lambda values: self._advice_given(risk, values),
        )

    def _advice_given(self, risk: Risk, values: dict[str, Any] | None) -> None:
        if values is None:
            return
        risk.advice = advice_from(values, risk.advice)
        self.edited()
        self._select(risk)

    def action_tick_conditions(self) -> None:
        risk = self._entry(create=False)
        if risk is None or not self.can_edit():
            return
        by_hand = [c for c in risk.advice.conditions if c.kind in TICKED_BY_HAND]
        if not by_hand:
            self.notify("No condition here is ticked by hand: the others tick from the record.", markup=False)
            return
        options = [(condition_title(c), str(i)) for i, c in enumerate(by_hand)]
        chosen = [str(i) for i, c in enumerate(by_hand) if c.met]

        def answered(ticked: list[str] | None) -> None:
            if ticked is None:
                return
            for i, condition in enumerate(by_hand):
                condition.met = True if str(i) in ticked else None
            self.edited()
            self._select(risk)

        self.app.push_screen(
            PickDialog(f"{risk_title(risk)}: which conditions are in place?", options, chosen), answered
        )

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Risk screen: record advice", "a", self.action_advice)
        yield SystemCommand("Risk screen: who is at risk", "w", self.action_choose_people)


def advice_fields(advice: RiskAdvice) -> list[FormField]:
    """The advice form: who, role, when, outcome, what instead, and one box per condition kind."""
    existing = {c.kind: c for c in advice.conditions}
    outcomes = [(ADVICE_OUTCOME_LABELS[o], o) for o in ADVICE_OUTCOME_CHOICES]
    fields = [
        FormField("by", "Advised by", value=advice.by, required=True, placeholder="name"),
        FormField("role", "Role", value=advice.role, placeholder="e.g. IDVA, MARAC, Forced Marriage Unit"),
        FormField("on", "Advised on", "date", value=advice.on, required=True, happened=True),
        FormField("outcome", "Advice", "choice", value=advice.outcome, options=outcomes),
        FormField(
            "instead", "If not: instead", "long", value=advice.instead, placeholder="what happens instead"
        ),
    ]
    for kind in CONDITION_KINDS:
        condition = existing.get(kind)
        value = (condition.what or "yes") if condition else ""
        fields.append(
            FormField(
                f"cond-{kind}", CONDITION_KIND_LABELS[kind], value=value, placeholder="empty: not a condition"
            )
        )
    return fields


def advice_from(values: dict[str, Any], before: RiskAdvice) -> RiskAdvice:
    """The advice typed in, keeping what the record knew of conditions that stay (people, ticks)."""
    existing = {c.kind: c for c in before.conditions}
    conditions = []
    for kind in CONDITION_KINDS:
        what = str(values.get(f"cond-{kind}") or "").strip()
        if not what:
            continue
        kept = existing.get(kind) or AdviceCondition(kind=kind)
        kept.what = "" if what.lower() == "yes" else what
        conditions.append(kept)
    on = values.get("on")
    return RiskAdvice(
        by=str(values.get("by") or "").strip(),
        role=str(values.get("role") or "").strip(),
        on=on if isinstance(on, date) else None,
        outcome=str(values["outcome"]),
        conditions=conditions,
        instead=str(values.get("instead") or ""),
        extra=before.extra,
    )


def advice_problem(values: dict[str, Any]) -> str | None:
    """Refuse advice the rules would not count, before the dialog closes."""
    return advice_gap(advice_from(values, RiskAdvice()))

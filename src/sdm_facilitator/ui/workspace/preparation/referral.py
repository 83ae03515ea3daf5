"""The referral: worries, strengths, bottom lines, and the family's consent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from sdm_facilitator.domain.conference_rules import is_conference
from sdm_facilitator.domain.consent import agreement_question, agreement_required
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES, LEGAL_STAGE_LABELS
from sdm_facilitator.domain.sharing import legacy_sharing_words
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    choice_select,
    date_text,
    parse_date,
    set_attr,
    text_area,
    tri_bool,
    tri_select,
)
from sdm_facilitator.ui.workspace.preparation.base import PrepSection


class ReferralSection(PrepSection):
    """Why the meeting was asked for, in plain words, and what the family agreed to."""

    def compose(self) -> ComposeResult:
        r = self.meeting.referral
        yield Static(
            Content(
                "Write it as you would say it to the family: they will hear every word. "
                "Worries and strengths side by side; bottom lines are what any plan must cover."
            ),
            classes="section-help",
        )
        yield Field("Referred on", Input(date_text(r.date), placeholder=DATE_PLACEHOLDER, id="ref-date"))
        yield Field("Referred by", Input(r.referrer, placeholder="name and role", id="ref-referrer"))
        yield Field(
            "Referrer contacted on",
            Input(date_text(r.referrer_contacted), placeholder=DATE_PLACEHOLDER, id="ref-referrer-contacted"),
            help="The day you first spoke to the referrer (its own marker: within 2 working days).",
        )
        yield Field(
            "Legal stage at referral",
            choice_select(
                LEGAL_STAGE_CHOICES,
                LEGAL_STAGE_LABELS,
                r.baseline_stage,
                id="ref-stage",
                prompt="Not recorded",
            ),
            help="Where the case stood when it was referred: the report compares like with like by it.",
        )
        yield Field(
            "Letter before proceedings sent on",
            Input(date_text(r.pre_proceedings_letter), placeholder=DATE_PLACEHOLDER, id="ref-letter"),
            help="Only when one was sent: outcomes may be counted from it, as the national trial did.",
        )
        if is_conference(self.meeting):
            yield Field(
                "Strategy discussion on",
                Input(date_text(r.strategy_discussion), placeholder=DATE_PLACEHOLDER, id="ref-strategy"),
                help="The conference's timescale counts from it: 15 working days.",
            )
        yield Field(
            "What are we worried about?", text_area(r.worries, id="ref-worries", classes="tall"), hints=True
        )
        yield Field(
            "What is working well? (strengths)",
            text_area(r.strengths, id="ref-strengths", classes="tall"),
            hints=True,
        )
        yield Field(
            "Bottom lines",
            text_area("\n".join(r.bottom_lines), id="ref-bottom-lines", classes="tall"),
            help="One per line: what any plan must address to be agreed.",
            hints=True,
        )
        yield Field(
            agreement_question(self.meeting),
            tri_select(r.consent_meeting, id="ref-consent-meeting"),
            help=(
                "A voluntary meeting cannot go ahead without the family's agreement."
                if agreement_required(self.meeting)
                else "A conference is statutory: it goes ahead whether or not the parents agree; "
                "their wish is recorded so they can be helped to take part."
            ),
        )
        yield Static(
            Content(
                "Sharing information is recorded per report, with its lawful basis, in Information sharing."
            ),
            classes="field-help",
        )
        legacy = legacy_sharing_words(r)
        if legacy:
            yield Static(Content(legacy), id="ref-legacy-sharing", classes="field-help")

    def on_mount(self) -> None:
        r = self.meeting.referral
        self.bind_field("ref-date", lambda v: set_attr(r, "date", parse_date(v, self.today())))
        self.bind_field("ref-referrer", lambda v: set_attr(r, "referrer", v))
        self.bind_field(
            "ref-referrer-contacted", lambda v: set_attr(r, "referrer_contacted", parse_date(v, self.today()))
        )
        self.bind_field("ref-stage", lambda v: set_attr(r, "baseline_stage", v or None))
        self.bind_field(
            "ref-letter", lambda v: set_attr(r, "pre_proceedings_letter", parse_date(v, self.today()))
        )
        if is_conference(self.meeting):
            self.bind_field(
                "ref-strategy", lambda v: set_attr(r, "strategy_discussion", parse_date(v, self.today()))
            )
        self.bind_field("ref-worries", lambda v: set_attr(r, "worries", v))
        self.bind_field("ref-strengths", lambda v: set_attr(r, "strengths", v))
        self.bind_field(
            "ref-bottom-lines",
            lambda v: set_attr(r, "bottom_lines", [ln for ln in v.split("\n") if ln.strip()]),
        )
        self.bind_field("ref-consent-meeting", lambda v: set_attr(r, "consent_meeting", tri_bool(v)))
        super().on_mount()

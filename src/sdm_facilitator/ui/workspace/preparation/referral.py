"""The referral: worries, strengths, bottom lines, and the family's consent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from sdm_facilitator.domain.conference_rules import is_conference
from sdm_facilitator.domain.consent import agreement_question, agreement_required
from sdm_facilitator.domain.labels import FGDM_ANSWER_LABELS
from sdm_facilitator.domain.legal_record_checks import PRE_PROCEEDINGS, shows_fgdm_offer
from sdm_facilitator.domain.legal_records import FGDM_ANSWER_CHOICES
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
        if shows_fgdm_offer(self.meeting, self.law):
            yield self._fgdm_offer()
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

    def _fgdm_offer(self) -> Vertical:
        """The pre-proceedings offer of a family group decision-making meeting (England's law)."""
        offer = self.meeting.referral.fgdm_offer
        law = self.law_words("pre_proceedings_offer")
        return Vertical(
            Field(
                "Offered a family group decision-making meeting in the letter",
                tri_select(offer.offered, id="ref-fgdm-offered", prompt="Not recorded"),
                help=law
                or "Recorded here because it was recorded before; the chosen profile does not ask for it.",
            ),
            Field(
                "Offered on",
                Input(date_text(offer.offered_on), placeholder=DATE_PLACEHOLDER, id="ref-fgdm-on"),
            ),
            Field(
                "The family's answer",
                choice_select(
                    FGDM_ANSWER_CHOICES,
                    FGDM_ANSWER_LABELS,
                    offer.answer,
                    id="ref-fgdm-answer",
                    prompt="Not recorded",
                ),
            ),
            Field(
                "Held before any application to court",
                tri_select(offer.held_before_application, id="ref-fgdm-held", prompt="Not recorded"),
            ),
            Field(
                "Why it was not offered",
                Input(offer.not_offered_reason, id="ref-fgdm-reason"),
                help="Only where a meeting is not in the child's best interests: say why.",
                hints=True,
            ),
            id="ref-fgdm",
        )

    def _show_fgdm_offer(self) -> None:
        """The offer's fields while the case stood at pre-proceedings at referral, or once any is recorded."""
        for group in self.query("#ref-fgdm"):
            r = self.meeting.referral
            group.display = r.baseline_stage == PRE_PROCEEDINGS or not r.fgdm_offer.is_empty

    def _set_stage(self, value: str | None) -> bool:
        changed = set_attr(self.meeting.referral, "baseline_stage", value or None)
        self._show_fgdm_offer()
        return changed

    def on_mount(self) -> None:
        r = self.meeting.referral
        self.bind_field("ref-date", lambda v: set_attr(r, "date", parse_date(v, self.today())))
        self.bind_field("ref-referrer", lambda v: set_attr(r, "referrer", v))
        self.bind_field(
            "ref-referrer-contacted", lambda v: set_attr(r, "referrer_contacted", parse_date(v, self.today()))
        )
        self.bind_field("ref-stage", self._set_stage)
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
        offer = r.fgdm_offer
        self.bind_field("ref-fgdm-offered", lambda v: set_attr(offer, "offered", tri_bool(v)))
        self.bind_field("ref-fgdm-on", lambda v: set_attr(offer, "offered_on", parse_date(v, self.today())))
        self.bind_field("ref-fgdm-answer", lambda v: set_attr(offer, "answer", v or None))
        self.bind_field("ref-fgdm-held", lambda v: set_attr(offer, "held_before_application", tri_bool(v)))
        self.bind_field("ref-fgdm-reason", lambda v: set_attr(offer, "not_offered_reason", v))
        self._show_fgdm_offer()
        super().on_mount()

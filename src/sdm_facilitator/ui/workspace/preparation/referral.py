"""The referral: worries, strengths, bottom lines, and the family's consent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from sdm_facilitator.domain.consent import agreement_question, agreement_required
from sdm_facilitator.domain.sharing import legacy_sharing_words
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
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
        self.bind_field("ref-worries", lambda v: set_attr(r, "worries", v))
        self.bind_field("ref-strengths", lambda v: set_attr(r, "strengths", v))
        self.bind_field(
            "ref-bottom-lines",
            lambda v: set_attr(r, "bottom_lines", [ln for ln in v.split("\n") if ln.strip()]),
        )
        self.bind_field("ref-consent-meeting", lambda v: set_attr(r, "consent_meeting", tri_bool(v)))
        super().on_mount()

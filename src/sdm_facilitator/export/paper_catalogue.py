"""Which papers there are, which formats each comes in, and making one.

One entry point for the command line and the app, so both offer the same
papers with the same rules: the family's papers are checked against the
language hints before they go out, the calendar is always iCalendar and the
whole record always JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_facilitator.domain import meeting as m
from sdm_facilitator.domain.child_plan_wording import BANDS, ChildPlanWording
from sdm_facilitator.domain.conference_wording import ConferenceWording
from sdm_facilitator.domain.contact_privacy import left_out_sentence
from sdm_facilitator.domain.guide import Guide, LanguageHint
from sdm_facilitator.domain.language import HintMatch, LanguageMatcher, risk_context
from sdm_facilitator.domain.profile_law import ProfileLaw
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.translation import LANGUAGES, Translator, language_from_choice
from sdm_facilitator.domain.vocabulary import MEETING_KIND_LABELS
from sdm_facilitator.export.bilingual import BilingualPaper
from sdm_facilitator.export.conference_facts import CONFERENCE_KIND
from sdm_facilitator.export.paper_blocks import Paper

if TYPE_CHECKING:
    from sdm_facilitator.export.child_plan import ChildPlanChoice
    from sdm_facilitator.export.network_svg import NetworkDrawing
    from sdm_facilitator.guides.network_finding import NetworkFinding

#: The papers, in the order the app offers them, with what each is for.
PAPERS: dict[str, str] = {
    "plan": "The family's plan, for the family and everyone who was there",
    "child-plan": "The plan for each child or young person, in short sentences",
    "agenda": "The agenda, for sending to the family before the day",
    "family-pack": "The family's pack to keep in private family time",
    "invitation": "Invitations, one a page for each person invited",
    "record": "The record of the day, for professionals",
    "decision-letter": "The letter to the parents: what the conference decided, and what happens next",
    "network": "The network map, drawn, to look at together with the family",
    "calendar": "Calendar entries: the meeting and the review (.ics)",
    "json": "The whole record as JSON (subject access requests, other systems)",
}
#: Each paper in a sentence ("Wrote the agenda to ...").
PAPER_NAMES: dict[str, str] = {
    "plan": "the family's plan",
    "child-plan": "the plan for the children",
    "agenda": "the agenda",
    "family-pack": "the family's pack",
    "invitation": "the invitations",
    "record": "the record of the day",
    "decision-letter": "the decision letter",
    "network": "the network map",
    "calendar": "the calendar entries",
    "json": "the whole record",
}
#: Papers that may go to the family: they get the language check.
FAMILY_PAPERS = ("plan", "child-plan", "agenda", "decision-letter", "family-pack", "invitation", "network")
#: Papers whose every word passes through the translation layer: they come in Welsh and bilingual too.
TRANSLATED_PAPERS = ("plan", "child-plan", "agenda", "decision-letter", "network")
#: Each paper language in words, for messages.
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh", "cy+en": "Welsh and English side by side"}
#: Papers made for one kind of meeting only: the kind, and what to say to anyone asking for another.
KIND_PAPERS: dict[str, str] = {"decision-letter": CONFERENCE_KIND}
PAPER_FORMATS = ("md", "html", "txt")
#: Papers that come in one format only.
FIXED_FORMATS = {"calendar": "ics", "json": "json"}
SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".ics": "ics",
    ".json": "json",
}
FORMAT_SUFFIXES = {"md": ".md", "html": ".html", "txt": ".txt", "ics": ".ics", "json": ".json"}


class PaperError(ValueError):
    """A paper that cannot be made as asked; the message is meant for the coordinator."""


@dataclass(frozen=True)
class ExportOptions:
    """How to make a paper. ``zone`` and ``now`` are fixed by tests; the app uses the computer's."""

    include_notes: bool = False
    child: str | None = None
    names: bool = False
    actions: bool = False
    zone: tzinfo | None = None
    now: datetime | None = None
    #: The decision letter's words (the library's); None means the bundled ones.
    conference_wording: ConferenceWording | None = None
    #: The area's sentence on challenging a decision (the setting); "" means the app's default.
    challenge_words: str = ""
    #: A child's plan's age band chosen for this export (``BANDS``); None: from each child's age.
    band: str | None = None
    #: An invitation for this person only (name or id); None: one for each person invited.
    person: str | None = None
    #: A child's plan's words (the library's); None means the bundled ones.
    child_wording: ChildPlanWording | None = None
    #: The organisation's who-might-be-missing guidance for the network map; None means the bundled one.
    network_finding: NetworkFinding | None = None
    #: ``en``, ``cy`` or ``cy+en``; None means the family's language choice for the meeting.
    lang: str | None = None
    #: The organisation's guides folder, whose ``translations/`` may correct the bundled catalogue.
    translations_dir: Path | None = None
    #: The chosen jurisdiction profile's conference law (categories of harm, records the law asks for);
    #: None means the app's own words (England's).
    law: ProfileLaw | None = None


@dataclass(frozen=True)
class Exported:
    """A finished paper: its bytes, its format and the language hints found in it."""

    kind: str
    format: str
    data: bytes
    hints: tuple[HintMatch, ...] = field(default=())
    #: What the person must be told about what was left out (one sentence), or "".
    note: str = ""
    #: The calendar's note can be undone with ``--names``; a note about someone at risk cannot.
    names_would_add: bool = False
    #: What the coordinator must know about the paper's language (English words left in a Welsh paper), or "".
    language_note: str = ""

    @property
    def suffix(self) -> str:
        return FORMAT_SUFFIXES[self.format]

    @property
    def is_family_plan(self) -> bool:
        return self.kind == "plan"


def resolve_format(kind: str, requested: str | None) -> str:
    """The format a paper is written in; a calendar or JSON asked for in another format is an error."""
    fixed = FIXED_FORMATS.get(kind)
    if fixed is not None:
        if requested not in (None, fixed):
            raise PaperError(f"the {kind} paper is always written as {fixed}, not {requested}")
        return fixed
    if requested not in (None, *PAPER_FORMATS):
        raise PaperError(f"the {kind} paper can be written as {', '.join(PAPER_FORMATS)}, not {requested}")
    return requested or "md"


def format_from_suffix(suffix: str) -> str | None:
    """The format a file name asks for, if its suffix names one."""
    return SUFFIX_FORMATS.get(suffix.lower())


def children_for(meeting: m.Meeting, wanted: str | None) -> list[m.Child]:
    """The children a child's plan is for: all of them, or the one named (by name or id)."""
    if wanted is None:
        return list(meeting.children)
    key = wanted.strip().casefold()
    found = [c for c in meeting.children if c.id.casefold() == key or c.name.strip().casefold() == key]
    if not found:
        known = ", ".join(one_line(c.name, 40) for c in meeting.children) or "none added yet"
        raise PaperError(f"no child called '{one_line(wanted, 40)}' in this meeting (children: {known})")
    return found[:1]


def offered(meeting: m.Meeting, kind: str) -> bool:
    """Whether ``kind`` is a paper for this meeting (the decision letter is a conference's only)."""
    wanted = KIND_PAPERS.get(kind)
    return wanted is None or meeting.kind == wanted


def paper_name(meeting: m.Meeting, kind: str, *, include_notes: bool = False) -> str:
    """The paper in a sentence for this meeting: a conference's plan is its outline child protection plan.

    The professionals' version of the plan is named as such, so nobody takes it for the one to send.
    """
    if kind == "plan":
        from sdm_facilitator.export.plan_wording import plan_wording

        title = plan_wording(meeting).title
        name = title[0].lower() + title[1:]
        return f"the professionals' version of {name}" if include_notes else name
    return PAPER_NAMES[kind]


def paper_description(meeting: m.Meeting, kind: str) -> str:
    """What the paper is for, as the export dialog offers it for this meeting."""
    if kind == "plan":
        from sdm_facilitator.export.plan_wording import plan_wording

        return f"{plan_wording(meeting).title}, for the family and everyone who was there"
    return PAPERS[kind]


def _refuse_other_kinds(meeting: m.Meeting, kind: str) -> None:
    if not offered(meeting, kind):
        wanted = MEETING_KIND_LABELS.get(KIND_PAPERS[kind], KIND_PAPERS[kind]).lower()
        this = MEETING_KIND_LABELS.get(meeting.kind, meeting.kind).lower()
        raise PaperError(f"{PAPER_NAMES[kind]} is only for a {wanted}; this meeting is a {this}")


def child_plan_choice(options: ExportOptions) -> ChildPlanChoice:
    """How a child's plan is written for these options: the band asked for, the words in use."""
    from sdm_facilitator.export.child_plan import ChildPlanChoice
    from sdm_facilitator.guides.loader import bundled_child_plan_wording

    if options.band is not None and options.band not in BANDS:
        raise PaperError(f"unknown age band '{one_line(options.band, 20)}'; bands: {', '.join(BANDS)}")
    return ChildPlanChoice(options.child_wording or bundled_child_plan_wording(), options.band)


def paper_language(meeting: m.Meeting, kind: str, options: ExportOptions) -> str:
    """The language the paper is made in: the one asked for, else the family's choice for the meeting.

    A paper with no translation yet is in English when the language came from
    the meeting; asking for it in Welsh by name is an error that says so.
    """
    if options.lang is not None:
        if options.lang not in LANGUAGES:
            raise PaperError(
                f"unknown language '{one_line(options.lang, 20)}'; languages: {', '.join(LANGUAGES)}"
            )
        if options.lang != "en" and kind not in TRANSLATED_PAPERS:
            raise PaperError(
                f"{PAPER_NAMES[kind]} is not translated yet: it can only be made in English "
                f"(papers in Welsh: {', '.join(TRANSLATED_PAPERS)})"
            )
        return options.lang
    chosen = language_from_choice(meeting.choices.language)
    return chosen if kind in TRANSLATED_PAPERS else "en"


def _translator(lang: str, options: ExportOptions) -> Translator:
    from sdm_facilitator.guides.translations import translator_for

    return translator_for(lang, options.translations_dir)


def _in_one_language(
    meeting: m.Meeting, guide: Guide | None, kind: str, options: ExportOptions, tr: Translator
) -> Paper:
    if kind == "plan":
        from sdm_facilitator.export.plan_paper import plan_paper

        return plan_paper(
            meeting,
            include_notes=options.include_notes,
            tr=tr,
            categories=(options.law or ProfileLaw()).categories,
        )
    if kind == "child-plan":
        from sdm_facilitator.export.child_plan import child_plan_paper

        return child_plan_paper(meeting, children_for(meeting, options.child), child_plan_choice(options), tr)
    if kind == "family-pack":
        from sdm_facilitator.export.family_pack import family_pack

        return family_pack(meeting, guide)
    if kind == "invitation":
        from sdm_facilitator.export.invitation import NotInvited, invitation_paper

        try:
            return invitation_paper(meeting, guide, options.person)
        except NotInvited as error:
            raise PaperError(str(error)) from None
    if kind == "agenda":
        from sdm_facilitator.export.agenda_paper import agenda_paper

        return agenda_paper(meeting, guide, tr)
    if kind == "record":
        from sdm_facilitator.export.record_paper import record_paper
        from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS

        return record_paper(
            meeting,
            guide,
            options.zone,
            options.challenge_words.strip() or DEFAULT_CHALLENGE_WORDS,
            options.law,
        )
    if kind == "decision-letter":
        from sdm_facilitator.export.decision_letter import decision_letter
        from sdm_facilitator.guides.loader import bundled_conference_wording
        from sdm_facilitator.storage.settings import DEFAULT_CHALLENGE_WORDS

        wording = options.conference_wording or bundled_conference_wording()
        return decision_letter(
            meeting,
            wording,
            options.challenge_words.strip() or DEFAULT_CHALLENGE_WORDS,
            tr,
            (options.law or ProfileLaw()).categories,
        )
    if kind == "network":
        return _network(meeting, options, tr)[0]
    raise PaperError(f"unknown paper '{one_line(kind, 40)}'; papers: {', '.join(PAPERS)}")


def build_paper(meeting: m.Meeting, guide: Guide | None, kind: str, options: ExportOptions) -> Paper:
    """The paper of ``kind`` as blocks before it is given a format; of a bilingual paper, its English.

    (The language hints and what a paper left out read the same in either language.)
    """
    built, _ = build_paper_in_language(meeting, guide, kind, options)
    return built.english if isinstance(built, BilingualPaper) else built


def build_paper_in_language(
    meeting: m.Meeting, guide: Guide | None, kind: str, options: ExportOptions
) -> tuple[Paper | BilingualPaper, str]:
    """The paper of ``kind`` in its language (both side by side for ``cy+en``), and a note on its words.

    The note names the messages the catalogue has no translation for, which
    the paper shows in English, so the coordinator is never surprised by them.
    """
    _refuse_other_kinds(meeting, kind)
    lang = paper_language(meeting, kind, options)
    if lang == "en":
        return _in_one_language(meeting, guide, kind, options, Translator("en")), ""
    welsh = _translator("cy", options)
    in_welsh = _in_one_language(meeting, guide, kind, options, welsh)
    if lang == "cy":
        return in_welsh, untranslated_note(welsh)
    english = _in_one_language(meeting, guide, kind, options, Translator("en"))
    return BilingualPaper(in_welsh, english), untranslated_note(welsh)


def untranslated_note(tr: Translator) -> str:
    """One sentence naming the messages left in English in a paper meant to be in ``tr``'s language."""
    if not tr.missing:
        return ""
    shown = sorted(tr.missing)
    listed = "; ".join(f"'{one_line(text, 60)}'" for text in shown[:3])
    more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
    return (
        f"{len(shown)} words or sentences have no {LANGUAGE_NAMES.get(tr.lang, tr.lang)} translation in the "
        f"catalogue and are in English on this paper: {listed}{more}. Add them to translations/{tr.lang}.po "
        "in your guides folder."
    )


def language_check(
    paper: Paper | BilingualPaper, hints: tuple[LanguageHint, ...], risks: frozenset[str] = frozenset()
) -> tuple[HintMatch, ...]:
    """Language hints found in a family paper, each phrase once, in the order they appear.

    ``risks`` are the meeting's risk-screen kinds present or not known
    (``risk_context``): "argument" is a hint where there is domestic abuse.
    """
    matcher = LanguageMatcher(hints)
    seen: set[str] = set()
    found = []
    for text in paper.strings():
        for match in matcher.find(text, risks):
            key = match.text.casefold()
            if key not in seen:
                seen.add(key)
                found.append(match)
    return tuple(found)


def describe_hint(match: HintMatch, *, why: bool = True) -> str:
    """One line for the coordinator: the phrase, plainer words, and (unless short) why."""
    hint = match.hint
    line = f'"{one_line(match.text)}" -> try: {"; ".join(one_line(a) for a in hint.alternatives)}'
    return f"{line} ({one_line(hint.why)})" if why else line


def render(paper: Paper | BilingualPaper, fmt: str) -> str:
    """A paper in one of the paper formats."""
    if isinstance(paper, BilingualPaper):
        from sdm_facilitator.export.bilingual import (
            bilingual_to_html,
            bilingual_to_markdown,
            bilingual_to_text,
        )

        renderers = {"md": bilingual_to_markdown, "html": bilingual_to_html, "txt": bilingual_to_text}
        if fmt not in renderers:
            raise PaperError(f"unknown format '{one_line(fmt, 20)}'; formats: {', '.join(PAPER_FORMATS)}")
        return renderers[fmt](paper)
    if fmt == "md":
        from sdm_facilitator.export.markdown import paper_to_markdown

        return paper_to_markdown(paper)
    if fmt == "html":
        from sdm_facilitator.export.html import paper_to_html

        return paper_to_html(paper)
    if fmt == "txt":
        from sdm_facilitator.export.paper_text import paper_to_text

        return paper_to_text(paper)
    raise PaperError(f"unknown format '{one_line(fmt, 20)}'; formats: {', '.join(PAPER_FORMATS)}")


def export_meeting(
    meeting: m.Meeting,
    guide: Guide | None,
    kind: str,
    fmt: str | None = None,
    options: ExportOptions | None = None,
    hints: tuple[LanguageHint, ...] = (),
) -> Exported:
    """Make the paper of ``kind`` for ``meeting``; raise ``PaperError`` with a kind message if it cannot be."""
    options = options or ExportOptions()
    fmt = resolve_format(kind, fmt)
    if kind == "json":
        from sdm_facilitator.export.json_export import meeting_to_json

        return Exported(kind, fmt, (meeting_to_json(meeting) + "\n").encode("utf-8"))
    if kind == "calendar":
        from sdm_facilitator.export.calendar import PLACE_LEFT_OUT, NothingToPutInCalendar, meeting_calendar

        try:
            data = meeting_calendar(
                meeting,
                guide,
                now=options.now or datetime.now(UTC),
                names=options.names,
                actions=options.actions,
                zone=options.zone,
            )
        except NothingToPutInCalendar as error:
            raise PaperError(str(error)) from None
        left_out = "" if options.names or not meeting.choices.venue.strip() else PLACE_LEFT_OUT
        return Exported(kind, fmt, data, note=left_out, names_would_add=bool(left_out))
    drawing: NetworkDrawing | None = None
    language_note = ""
    paper: Paper | BilingualPaper
    if kind == "network":
        paper, drawing, language_note = _network_in_language(meeting, options)
    else:
        paper, language_note = build_paper_in_language(meeting, guide, kind, options)
    text = render(paper, fmt)
    if drawing is not None and fmt == "html":
        from sdm_facilitator.export.network_svg import network_html

        text = network_html(text, drawing)
    found = (
        language_check(paper, hints, risk_context(meeting.risks)) if kind in FAMILY_PAPERS and hints else ()
    )
    return Exported(
        kind,
        fmt,
        text.encode("utf-8"),
        found,
        note=left_out_sentence(paper.left_out),
        language_note=language_note,
    )


def _network(
    meeting: m.Meeting, options: ExportOptions, tr: Translator, also: Translator | None = None
) -> tuple[Paper, NetworkDrawing]:
    """The network map's paper in ``tr``'s language and its drawing, with the guide data's N and prompts."""
    from sdm_facilitator.export.network_paper import network_parts
    from sdm_facilitator.guides.loader import bundled_finding

    finding = options.network_finding or bundled_finding()
    return network_parts(
        meeting,
        include_notes=options.include_notes,
        enough=finding.enough_for(meeting.kind),
        prompts=finding.prompts,
        tr=tr,
        also=also,
    )


def _network_in_language(
    meeting: m.Meeting, options: ExportOptions
) -> tuple[Paper | BilingualPaper, NetworkDrawing, str]:
    """The network map in its language, its drawing (both languages' words on a bilingual paper) and its note."""
    lang = paper_language(meeting, "network", options)
    if lang == "en":
        paper, drawing = _network(meeting, options, Translator("en"))
        return paper, drawing, ""
    welsh = _translator("cy", options)
    english = Translator("en")
    in_welsh, drawing = _network(meeting, options, welsh, english if lang == "cy+en" else None)
    if lang == "cy":
        return in_welsh, drawing, untranslated_note(welsh)
    in_english, _ = _network(meeting, options, english)
    return BilingualPaper(in_welsh, in_english), drawing, untranslated_note(welsh)

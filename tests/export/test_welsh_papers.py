"""The family's papers in Welsh and side by side in Welsh and English, from the fixed meeting.

Golden files hold whole papers (read them to review the Welsh); the other
tests say what must hold whatever the wording: nothing left in English
without the coordinator being told, a person's words never doubled or
translated, hostile text still text in the two-column HTML.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sdm_facilitator.domain.child_plan_wording import BANDS
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.bilingual import BilingualPaper, bilingual_to_html
from sdm_facilitator.export.family_pack import TITLE
from sdm_facilitator.export.paper_blocks import Paper, Paragraph
from sdm_facilitator.export.paper_catalogue import (
    PAPER_FORMATS,
    ExportOptions,
    PaperError,
    export_meeting,
)
from support.fixed_meeting import NOW, ZONE
from support.hostile import fill_meeting
from support.strategies import HOSTILE_TEXTS

GOLDEN = Path(__file__).parent / "golden"
#: Tags a bilingual page may have: the one-language papers' own, and the columns.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "div", "h1", "h2", "h3", "p", "em"}
NASTY = [*HOSTILE_TEXTS, "<script>alert(1)</script>", "[x](javascript:alert(1))", "# heading", "a | b"]


class _Tags(HTMLParser):
    """Every tag and attribute name in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


CASES = [
    ("plan", "md", "cy"),
    ("plan", "txt", "cy"),
    ("plan", "html", "cy"),
    ("plan", "md", "cy+en"),
    ("plan", "txt", "cy+en"),
    ("plan", "html", "cy+en"),
    ("agenda", "md", "cy"),
    ("agenda", "html", "cy+en"),
    ("decision-letter", "md", "cy"),
    ("decision-letter", "txt", "cy+en"),
    ("child-plan", "md", "cy"),
    ("child-plan", "txt", "cy+en"),
    ("child-plan", "html", "cy+en"),
]


def _options(lang: str | None) -> ExportOptions:
    return ExportOptions(zone=ZONE, now=NOW, lang=lang)


@pytest.mark.parametrize(("kind", "fmt", "lang"), CASES)
def test_welsh_paper_matches_its_golden_file(
    kind: str, fmt: str, lang: str, meeting: Meeting, guide: Guide, request: pytest.FixtureRequest
) -> None:
    exported = export_meeting(meeting, guide, kind, fmt, _options(lang))
    assert exported.language_note == "", "every word of the paper has its Welsh"
    golden = GOLDEN / f"{kind}-{lang.replace('+', '-')}.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_bytes(exported.data)
    assert golden.is_file(), f"no golden file {golden.name}: run pytest tests/export --update-golden"
    assert exported.data == golden.read_bytes(), (
        f"{golden.name} changed; if on purpose, run with --update-golden"
    )


def test_the_familys_choice_of_welsh_makes_the_papers_welsh(meeting: Meeting, guide: Guide) -> None:
    meeting.choices.language = "Cymraeg"
    plan = export_meeting(meeting, guide, "plan", "txt", _options(None)).data.decode()
    assert plan.startswith("Amlinelliad o'r cynllun amddiffyn plant")
    meeting.choices.language = "Welsh and English"
    both = export_meeting(meeting, guide, "plan", "txt", _options(None)).data.decode()
    assert both.startswith("Amlinelliad o'r cynllun amddiffyn plant / The outline child protection plan")
    english = export_meeting(meeting, guide, "plan", "txt", _options("en")).data.decode()
    assert english.startswith("The outline child protection plan"), "--lang en wins over the meeting's choice"


def test_a_paper_not_translated_yet_is_english_unless_welsh_is_asked_for_by_name(
    meeting: Meeting, guide: Guide
) -> None:
    meeting.choices.language = "Cymraeg"
    record = export_meeting(meeting, guide, "record", "md", _options(None))
    assert record.data.decode().startswith("# Record")
    with pytest.raises(PaperError, match="not translated yet"):
        export_meeting(meeting, guide, "family-pack", "md", _options("cy"))
    pack = export_meeting(meeting, guide, "family-pack", "md", _options(None))
    assert pack.data.decode().startswith(f"# {TITLE}"), "the family's Welsh: English until translated"
    network = export_meeting(meeting, guide, "network", "md", _options("cy"))
    assert network.data.decode().startswith("# Y bobl o gwmpas"), "the network map is in Welsh now"


def test_words_the_catalogue_lacks_are_named_to_the_coordinator(meeting: Meeting, guide: Guide) -> None:
    """A phase the coordinator renamed has no Welsh: the paper shows it as typed and the export says so."""
    meeting.agenda[0] = dataclasses.replace(meeting.agenda[0], name="Coffee first")
    exported = export_meeting(meeting, guide, "agenda", "txt", _options("cy"))
    assert "Coffee first" in exported.data.decode()
    assert "'Coffee first'" in exported.language_note
    assert "translations/cy.po" in exported.language_note


def test_a_persons_words_are_printed_once_in_a_bilingual_paper(meeting: Meeting, guide: Guide) -> None:
    text = export_meeting(meeting, guide, "plan", "txt", _options("cy+en")).data.decode()
    assert text.count(meeting.plan.family_words.strip()) == 1
    assert text.count(meeting.plan.contingency.strip()) == 1
    assert text.count(meeting.family_label) == 1, "the header names the family once, the date in both"
    assert "The Hollins family · Dydd Mawrth 3 Mawrth 2026 / Tuesday 3 March 2026" in text
    assert "Yng ngeiriau'r teulu / In the family's words" in text


def test_bilingual_html_puts_welsh_left_and_english_right_with_their_languages(
    meeting: Meeting, guide: Guide
) -> None:
    page = export_meeting(meeting, guide, "plan", "html", _options("cy+en")).data.decode()
    assert '<html lang="cy">' in page
    first_pair = page.index('<div class="pair">')
    welsh, english = page.index('<div lang="cy">', first_pair), page.index('<div lang="en">', first_pair)
    assert welsh < english
    assert "grid-template-columns: 1fr 1fr" in page
    table = page.index("<table>")
    assert page.rindex('<div class="pair stacked">', 0, table) > page.rindex(
        '<div class="pair">', 0, table
    ), "a table stands Welsh above English at full width: four columns in half a page break words"
    assert ".pair.stacked { grid-template-columns: 1fr; }" in page


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_hostile_text_stays_text_in_the_two_columns(text: str) -> None:
    welsh = Paper("Teitl", "Pennawd", [Paragraph(text), Paragraph("Cymraeg")])
    english = Paper("Title", "Header", [Paragraph(text), Paragraph("English")])
    reader = _Tags()
    reader.feed(bilingual_to_html(BilingualPaper(welsh, english)))
    assert reader.tags <= ALLOWED_TAGS | {"br"}, reader.tags - ALLOWED_TAGS
    assert reader.attributes <= {"lang", "class", "charset", "name", "content"}


@pytest.mark.parametrize("band", BANDS)
def test_a_childs_plan_in_every_band_has_all_its_welsh(band: str, meeting: Meeting, guide: Guide) -> None:
    """Each band's own patterns (the fixed meeting's children cover only two of them) have their Welsh."""
    exported = export_meeting(
        meeting, guide, "child-plan", "txt", ExportOptions(zone=ZONE, now=NOW, lang="cy", band=band)
    )
    assert exported.language_note == ""
    assert exported.data.decode().startswith("Cynlluniau ar gyfer Leo a Ruby")


def test_the_youngest_childs_welsh_plan_says_mam_and_follows_the_familys_language(
    meeting: Meeting, guide: Guide
) -> None:
    """With no --lang the family's choice of Welsh makes the child's plan Welsh, "Mum" becoming "Mam"."""
    meeting.choices.language = "Cymraeg"
    action = meeting.plan.actions[0]
    meeting.plan.actions[0] = dataclasses.replace(action, who="Kerry")
    text = export_meeting(meeting, guide, "child-plan", "txt", _options(None)).data.decode()
    assert text.startswith("Cynlluniau ar gyfer Leo a Ruby")
    ruby = text.split("Cynllun Ruby", 1)[1]
    assert f"- Mam: {action.what}." in ruby, "Ruby, under 8, calls her mum what a Welsh child does"


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_hostile_text_stays_literal_in_a_welsh_childs_plan(text: str, meeting: Meeting, guide: Guide) -> None:
    """A person's words in a Welsh or bilingual child's plan are printed as typed: never markup, never translated."""
    hostile = fill_meeting(meeting, [text])
    shown = " ".join(one_line(text).split())[:200]
    for lang in ("cy", "cy+en"):
        for fmt in PAPER_FORMATS:
            data = export_meeting(hostile, guide, "child-plan", fmt, _options(lang)).data.decode()
            if fmt == "html":
                reader = _Tags()
                reader.feed(data)
                assert reader.tags <= ALLOWED_TAGS | {"ul", "li", "hr", "br"}, reader.tags - ALLOWED_TAGS
                assert reader.attributes <= {"lang", "class", "charset", "name", "content"}
            elif fmt == "txt":
                assert shown in " ".join(data.split())

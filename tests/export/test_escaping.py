"""Text a person typed stays text in every format: no heading, link, tag, table break or control character.

Every hostile string from the shared list goes through every paper and format,
and the HTML is parsed back to check which tags it has and what it says.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import icalendar
import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.html import markdown_to_html, paper_to_html
from sdm_facilitator.export.markdown import paper_to_markdown
from sdm_facilitator.export.paper_blocks import Bullets, Fields, Heading, Paper, Paragraph, Table
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from sdm_facilitator.export.paper_text import paper_to_text
from support.fixed_meeting import NOW, ZONE
from support.hostile import fill_meeting
from support.strategies import HOSTILE_TEXTS, any_text

NASTY = [
    "# not a heading",
    "## also not\n=====\n---",
    "a | b | c",
    "[x](javascript:alert(1))",
    "![img](https://example.org/x.png)",
    "<script>alert('x')</script>",
    "<https://example.org>",
    "Tom & Jerry &amp; &lt;b&gt; \"quoted\" 'single'",
    "1. not a list\n- nor this\n+ nor this\n> nor a quote",
    "    four spaces are not code",
    "`code` *star* _under_ **bold** ~~strike~~",
    "line ending in two spaces  \nnext",
    "\x1b[31mred\x1b[0m \u202eevil\u202c",
    "\\",
    "***",
]
ALL_TEXTS = [*HOSTILE_TEXTS, *NASTY]
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "h1",
    "h2",
    "h3",
    "p",
    "em",
    "strong",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend(attrs)
        self._in_style = tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def read_html(document: str) -> _Reader:
    reader = _Reader()
    reader.feed(document)
    return reader


def _squash(text: str) -> str:
    return " ".join(text.split())


def _paper(text: str) -> Paper:
    return Paper(
        text,
        text,
        [
            Heading(text),
            Paragraph(text),
            Bullets((text,)),
            Fields(((text, text),)),
            Table((text, "b"), ((text, text),)),
        ],
    )


@pytest.mark.parametrize("text", ALL_TEXTS, ids=range(len(ALL_TEXTS)))
def test_every_block_keeps_hostile_text_literal(text: str) -> None:
    paper = _paper(text)
    reader = read_html(paper_to_html(paper))
    assert reader.tags <= ALLOWED_TAGS, reader.tags - ALLOWED_TAGS
    assert not any(name in ("href", "src", "onload", "onerror") for name, _ in reader.attributes)
    shown = _squash(" ".join(reader.text))
    assert _squash(one_line(text)) in shown
    assert _squash(one_line(text)) in _squash(paper_to_text(paper))
    tokens = MarkdownIt("commonmark").enable("table").parse(paper_to_markdown(paper))
    kinds = {child.type for token in tokens for child in (token.children or [])}
    assert not kinds & {"link_open", "image", "html_inline", "code_inline", "s_open"}
    assert not {t.type for t in tokens} & {
        "html_block",
        "code_block",
        "fence",
        "blockquote_open",
        "ordered_list_open",
    }


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_any_text_reads_back_the_same_from_html(text: str) -> None:
    reader = read_html(markdown_to_html(paper_to_markdown(Paper("t", "h", [Paragraph(text)]))))
    assert reader.tags <= ALLOWED_TAGS
    assert _squash(" ".join(reader.text)).endswith(_squash(one_line(text)))


def test_raw_markdown_links_are_refused_even_unescaped() -> None:
    """The converter is the second wall: a link that reached it unescaped still does not become one."""
    out = markdown_to_html("[x](javascript:alert(1)) [y](https://example.org) <b>raw</b> ![i](data:x)")
    assert "<a" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;b&gt;raw&lt;/b&gt;" in out


def test_html_special_characters_are_escaped() -> None:
    out = paper_to_html(Paper("<script>&\"'", "x", [Paragraph('<script>alert(1)</script> & "q"')]))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" in out
    assert "<title>&lt;script&gt;&amp;&quot;&#x27;</title>" in out


def test_the_running_header_cannot_leave_its_css_string() -> None:
    out = paper_to_html(Paper("t", '"; } </style><script>x</script>', []))
    style = out.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "</" not in style and "<script>" not in out.split("</style>", 1)[1]


@pytest.mark.parametrize("text", ALL_TEXTS, ids=range(len(ALL_TEXTS)))
def test_hostile_text_in_every_field_through_every_paper(text: str, meeting: Meeting, guide: Guide) -> None:
    hostile = fill_meeting(meeting, [text])
    options = ExportOptions(zone=ZONE, now=NOW, names=True, actions=True, include_notes=True)
    for kind in ("plan", "child-plan", "agenda", "record", "decision-letter", "family-pack", "invitation"):
        for fmt in PAPER_FORMATS:
            data = export_meeting(hostile, guide, kind, fmt, options).data.decode()
            assert "\x1b" not in data and "\u202e" not in data
            if fmt == "html":
                reader = read_html(data)
                assert reader.tags <= ALLOWED_TAGS
                assert _squash(one_line(text))[:200] in _squash(" ".join(reader.text))
            elif fmt == "txt":
                assert _squash(one_line(text))[:200] in _squash(data)
    record = json.loads(export_meeting(hostile, guide, "json", None, options).data)
    assert record["family_label"] == text and record["plan"]["family_words"] == text
    calendar = export_meeting(hostile, guide, "calendar", None, options).data
    parsed = icalendar.Calendar.from_ical(calendar)
    summaries = [str(event["summary"]) for event in parsed.walk("VEVENT")]
    assert any(one_line(text) in summary for summary in summaries)

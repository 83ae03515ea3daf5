"""The network map on paper: golden pages, the family's version leaves out who it must, hostile names escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.domain.family_network import ChildRelation, NetworkPlace
from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from support.print_check import CHROMIUM, page_count, print_to_pdf

GOLDEN = Path(__file__).parent / "golden"
PLANTED = "Zebedee Notinvited"
PLANTED_REASON = "REASON-he frightened the children"
AT_RISK = "Kim Hidden"
AT_RISK_HOME = "Refuge on Quay Street"
ADDRESS = "ADDRESS-12 Elm Road"


def twenty_people() -> Meeting:
    """Two children and twenty people over both sides, four generations, households; one of each hidden kind."""
    m = Meeting(
        id="20261207-0a0b0c0d", kind="fgc", context="voluntary", family_label="The Okafor-Reid family"
    )
    m.created = m.updated = m.created.replace(year=2026, month=12, day=7, hour=9, minute=0, second=0)
    m.choices.when = m.choices.when  # unset: the header gives no date
    amara, tobi = Child(id="c-amara", name="Amara", age=9), Child(id="c-tobi", name="Tobi", age=4)
    m.children = [amara, tobi]
    both = [amara.id, tobi.id]
    amara.network = NetworkPlace(relations=[ChildRelation(tobi.id, "half-sibling")], household="Mum's flat")
    tobi.network = NetworkPlace(relations=[ChildRelation(amara.id, "half-sibling")], household="Mum's flat")

    def person(
        pid: str, name: str, relation: str, side: str | None, invitation: str = "invited", **place: object
    ) -> Person:
        return Person(
            id=pid,
            name=name,
            role="parent" if relation == "parent" else "wider-family",
            invitation=invitation,
            address=ADDRESS,
            network=NetworkPlace(relations=[ChildRelation(c, relation) for c in both], side=side, **place),  # type: ignore[arg-type]
        )

    m.people = [
        person(
            "p-grace",
            "Grace Okafor",
            "parent",
            "mother",
            "accepted",
            household="Mum's flat",
            bond="supportive",
        ),
        person("p-daniel", "Daniel Reid", "parent", "father", contact="little", bond="mixed"),
        person("p-bea", "Beatrice Okafor", "grandparent", "mother", "accepted", bond="supportive"),
        person("p-olu", "Olu Okafor", "grandparent", "mother", alive=False),
        person("p-great", "Ada Okafor", "great-grandparent", "mother", "suggested"),
        person("p-joyce", "Joyce Reid", "grandparent", "father", found_through="lifelong-links"),
        person("p-ken", "Ken Reid", "grandparent", "father", "declined", contact="lost-touch"),
        person("p-funmi", "Funmi Okafor", "aunt-uncle", "mother", household="Nana's house"),
        person("p-tunde", "Tunde Okafor", "aunt-uncle", "mother", household="Nana's house"),
        person("p-sam", "Sam Reid", "aunt-uncle", "father", "family-agreed", bond="stressful"),
        person("p-lee", "Lee Reid", "cousin", "father"),
        person("p-ife", "Ife Okafor", "cousin", "mother", household="Nana's house"),
        person("p-kemi", "Kemi Adeyemi", "community-faith", "not-related", bond="supportive"),
        person("p-ann", "Ann Next-Door", "neighbour", "not-related"),
        person("p-jo", "Jo Whitfield", "professional", "not-related", "accepted"),
        person("p-mo", "Mo Patel", "friend", "not-related", bond="broken"),
        person("p-step", "Chris Step", "step-parent", None),
        person("p-zed", PLANTED, "aunt-uncle", "father", "not-invited"),
        person("p-kim", AT_RISK, "aunt-uncle", "mother", household=AT_RISK_HOME),
        person("p-ros", "Ros Shelter", "cousin", "mother", household=AT_RISK_HOME),
    ]
    m.people[0].prep_visit = date(2026, 12, 1)
    m.people[2].prep_visit = date(2026, 12, 2)
    m.people[-3].not_invited_reason = PLANTED_REASON
    m.risks = [Risk(kind="domestic-abuse", status="present", at_risk=["p-kim"])]
    return m


def _export(meeting: Meeting, fmt: str, *, notes: bool = False) -> tuple[str, str]:
    exported = export_meeting(meeting, None, "network", fmt, ExportOptions(include_notes=notes))
    return exported.data.decode(), exported.note


def _svg(page: str) -> ET.Element:
    found = re.search(r"<svg.*?</svg>", page, re.DOTALL)
    assert found is not None
    return ET.fromstring(found.group(0))


CASES = [(fmt, False) for fmt in PAPER_FORMATS] + [("html", True)]


@pytest.mark.parametrize(("fmt", "notes"), CASES, ids=[f"{f}{'-notes' if n else ''}" for f, n in CASES])
def test_the_network_paper_matches_its_golden_file(
    fmt: str, notes: bool, request: pytest.FixtureRequest
) -> None:
    page, _note = _export(twenty_people(), fmt, notes=notes)
    golden = GOLDEN / f"network{'-notes' if notes else ''}.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed; if on purpose, --update-golden"
    )


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_the_familys_version_leaves_out_the_not_invited_the_reasons_addresses_and_who_is_at_risk(
    fmt: str,
) -> None:
    page, note = _export(twenty_people(), fmt)
    for secret in (
        PLANTED,
        "Zebedee",
        PLANTED_REASON,
        "REASON-",
        ADDRESS,
        "ADDRESS-",
        AT_RISK,
        AT_RISK_HOME,
        "Quay",
    ):
        assert secret not in page, secret
    assert "Ros Shelter" in page  # shares the home of someone at risk: shown, without the home's name
    assert "Beatrice Okafor" in page
    assert note == f"Left out: {AT_RISK}'s place on the network map, because {AT_RISK} is at risk."


def test_the_professionals_version_has_everyone_with_their_invitation_and_reason() -> None:
    page, note = _export(twenty_people(), "md", notes=True)
    assert PLANTED in page and PLANTED_REASON in page and AT_RISK in page
    assert "Not to be invited" in page or "not to be invited" in page
    assert "## Who might be missing" in page
    assert note == ""


def test_the_drawing_is_inline_svg_with_every_person_and_a_text_list() -> None:
    page, _note = _export(twenty_people(), "html")
    svg = _svg(page)
    texts = "".join(svg.itertext())
    for name in ("Grace Okafor", "Daniel Reid", "Amara", "Tobi", "Kemi Adeyemi", "Ken Reid"):
        assert name in texts and name in page.split("</svg>")[1]
    assert "size: A4 landscape" in page
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")


HOSTILE = [
    "<script>alert(1)</script> & [b]bold[/b] ]]> \"quoted\" 'single'",
    "مريم عبد الله",
    "Zoë 🙂👨‍👩‍👧 Okafor",
    "A" * 200,
]


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_hostile_names_are_escaped_in_the_drawing_and_the_list(fmt: str) -> None:
    meeting = twenty_people()
    for person, name in zip(meeting.people[:4], HOSTILE, strict=True):
        person.name = name
    meeting.people[4].network.household = "<rect/> & \u202eevil"
    page, _note = _export(meeting, fmt)
    if fmt != "txt":  # plain text shows them as the characters they are
        assert "<script>" not in page and "<rect/>" not in page
    assert "\u202e" not in page
    if fmt == "html":
        svg = _svg(page)  # parses as XML: nothing broke out of its text
        texts = "".join(svg.itertext())
        assert "<script>alert(" in texts  # cut to its box, as text
        assert "مريم عبد الله" in texts and "🙂" in texts
        assert "A" * 200 not in texts and "A" * 12 + "…" in texts  # cut to its box, with an ellipsis
        assert "A" * 200 in page  # whole in the list


def test_a_network_with_nobody_says_so() -> None:
    page, _note = _export(Meeting(kind="fgc", family_label="Empty"), "txt")
    assert "Nobody is listed yet." in page


@pytest.mark.slow  # about 5 s: a whole browser starts
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_the_twenty_person_map_prints_on_one_a4_page(tmp_path: Path) -> None:
    page = tmp_path / "network.html"
    page.write_text(_export(twenty_people(), "html")[0], encoding="utf-8")
    pdf = tmp_path / "network.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) == 1, "a network of twenty people and its list fit one A4 page"


# ------------------------------------------------------------------ in Welsh and side by side

WELSH_CASES = [(fmt, lang) for lang in ("cy", "cy+en") for fmt in PAPER_FORMATS]


def _in(meeting: Meeting, fmt: str, lang: str | None, *, notes: bool = False) -> tuple[str, str]:
    exported = export_meeting(meeting, None, "network", fmt, ExportOptions(include_notes=notes, lang=lang))
    return exported.data.decode(), exported.language_note


@pytest.mark.parametrize(("fmt", "lang"), WELSH_CASES, ids=[f"{f}-{lang}" for f, lang in WELSH_CASES])
def test_the_welsh_network_paper_matches_its_golden_file(
    fmt: str, lang: str, request: pytest.FixtureRequest
) -> None:
    page, language_note = _in(twenty_people(), fmt, lang)
    assert language_note == "", "every word of the map has its Welsh"
    golden = GOLDEN / f"network-{lang.replace('+', '-')}.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed; if on purpose, --update-golden"
    )


def test_the_welsh_drawing_has_welsh_headings_relations_and_legend() -> None:
    page, _ = _in(twenty_people(), "html", "cy")
    texts = "".join(_svg(page).itertext())
    for welsh in (
        "Ochr y fam",
        "Y plant",
        "Ochr y tad",
        "Mamau-cu a thadau-cu",
        "Mam-gu neu dad-cu",
        "plentyn y",
    ):
        assert welsh in texts, welsh
    for english in ("Mother's side", "Grandparents", "Grandparent", "invited and prepared"):
        assert english not in texts, english
    assert "mam-gu neu dad-cu i Amara a Tobi" in page.split("</svg>")[1]
    assert "<h2 class=\"legend\">Beth mae'r marciau'n ei olygu</h2>" in page, (
        "the legend's words hide on paper"
    )


def test_the_bilingual_drawing_joins_short_words_and_stands_welsh_above_english() -> None:
    page, _ = _in(twenty_people(), "html", "cy+en")
    svg = _svg(page)  # one drawing, parsed as XML
    assert page.count("<svg") == 1, "the drawing is never doubled"
    lines = [text.text or "" for text in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Ochr y fam / Mother's side" in lines
    assert "Mamau-cu a thadau-cu / Grandparents" in lines
    beatrice = lines.index("✓ \u2068Beatrice Okafor\u2069")
    assert lines[beatrice + 1 : beatrice + 3] == ["Mam-gu neu dad-cu ━", "Grandparent"], "Welsh above English"
    legend = [line for line in lines if line.startswith("★ ") and "\u2068" not in line]
    assert legend[0].startswith("★ plentyn") and legend[1].startswith("★ a child"), (
        "legend: Welsh above English"
    )
    assert page.index("<figure") < page.index('<div class="pair heading">\n<div lang="cy">\n<h2>')
    assert '<div class="pair heading legend">' in page and '<div class="pair legend">' in page
    assert page.count("Beatrice Okafor") == 3, "a name once in the drawing and once in each language's list"


def test_the_familys_choice_of_welsh_makes_the_map_welsh_and_lang_en_wins() -> None:
    meeting = twenty_people()
    meeting.choices.language = "Cymraeg"
    assert _in(meeting, "md", None)[0].startswith("# Y bobl o gwmpas Amara a Tobi\n")
    meeting.choices.language = "Welsh and English"
    assert _in(meeting, "md", None)[0].startswith(
        "# Y bobl o gwmpas Amara a Tobi / The people around Amara and Tobi"
    )
    assert _in(meeting, "md", "en")[0].startswith("# The people around Amara and Tobi\n")


def test_the_professionals_version_in_welsh_names_the_guides_prompts_left_in_english() -> None:
    """The prompts for finding people are the guide's English: the paper shows them and the export says so."""
    meeting = twenty_people()
    meeting.people = [p for p in meeting.people if p.network.side != "father"]
    page, language_note = _in(meeting, "md", "cy", notes=True)
    assert "# Y bobl o gwmpas Amara a Tobi (fersiwn y gweithwyr proffesiynol)" in page
    assert "Neb eto ar ochr y tad o'r teulu, y tu hwnt i'r tad." in page
    assert "## Pwy allai fod ar goll" in page and "Ffyrdd o ddod o hyd iddyn nhw" in page
    assert "translations/cy.po" in language_note


@pytest.mark.parametrize("lang", ["cy", "cy+en"])
@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_hostile_names_stay_literal_on_a_welsh_map(fmt: str, lang: str) -> None:
    meeting = twenty_people()
    for person, name in zip(meeting.people[:4], HOSTILE, strict=True):
        person.name = name
    meeting.people[4].network.household = "<rect/> & \u202eevil {names} {relation}"
    page, _ = _in(meeting, fmt, lang)
    if fmt != "txt":
        assert "<script>" not in page and "<rect/>" not in page
    assert "\u202e" not in page
    assert "A" * 200 in page, "whole in the list"
    assert "evil {names} {relation}" in page, "a person's words are never read as a message's template"
    if fmt == "html":
        texts = "".join(_svg(page).itertext())
        assert "<script>alert(" in texts and "مريم عبد الله" in texts


@pytest.mark.slow  # about 10 s: a browser starts twice
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
@pytest.mark.parametrize(("lang", "pages"), [("cy", 1), ("cy+en", 2)])
def test_the_welsh_map_prints_on_one_page_and_the_bilingual_on_two(
    lang: str, pages: int, tmp_path: Path
) -> None:
    """Welsh beside the drawing as the English is; bilingual: the drawing across page one, the two lists on two."""
    page = tmp_path / "network.html"
    page.write_text(_in(twenty_people(), "html", lang)[0], encoding="utf-8")
    pdf = tmp_path / "network.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")
    assert page_count(pdf.read_bytes()) == pages

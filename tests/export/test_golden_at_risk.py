"""Papers while someone is at risk: the family's papers leave out their contact details and the venue.

A small meeting of its own (not the demo's), so these golden files change only
when these papers do. The at-risk case and the close case differ only in the
risk screen's status: where nobody is at risk, the same details print.
A deliberate change: ``pytest tests/export --update-golden``, then read the diff.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Action, Child, Meeting, Person
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, export_meeting
from sdm_facilitator.guides.loader import GuideLibrary
from support.fixed_meeting import NOW, ZONE

GOLDEN = Path(__file__).parent / "golden"
KERRY_ADDRESS = "Flat 2, 9 Quay Street"
KERRY_PHONE = "07700 900481"
KERRY_EMAIL = "kerry@example.org"
KERRY_WORK = "Harbour Bakery"
VENUE = "Sue's home, 41 Orchard Way"
KERRY_DETAILS = (KERRY_ADDRESS, KERRY_PHONE, KERRY_EMAIL, KERRY_WORK)


def screened_meeting(status: str) -> Meeting:
    """Kerry and the children stay with Sue, where the meeting is held; the screen says ``status``."""
    m = Meeting(kind="fgc", context="statutory", family_label="The Quay family", guide_id="fgc")
    m.id = "20260301-0a7e15c0"
    m.choices.when = datetime(2026, 3, 10, 10, 0)
    m.choices.venue = VENUE
    kerry = Person(
        id="p-kerry",
        name="Kerry",
        role="parent",
        relationship="mum",
        invitation="accepted",
        address=KERRY_ADDRESS,
        phone=KERRY_PHONE,
        email=KERRY_EMAIL,
        school_or_work=KERRY_WORK,
        lives_at_venue=True,
    )
    dan = Person(id="p-dan", name="Dan", role="parent", relationship="dad", invitation="accepted")
    sue = Person(
        id="p-sue",
        name="Sue",
        role="wider-family",
        relationship="grandmother",
        invitation="accepted",
        address=VENUE.removeprefix("Sue's home, "),
        phone="07700 900123",
        lives_at_venue=True,
    )
    worker = Person(
        id="p-priya",
        name="Priya",
        role="professional",
        relationship="social worker",
        email="priya@council.example",
    )
    m.people = [kerry, dan, sue, worker]
    m.children = [Child(id="c-leo", name="Leo", age=9, school="Oakfield Primary")]
    m.plan.family_words = "We want Leo to feel safe at home and at Gran's."
    m.plan.actions = [Action(id="a-1", what="Dan goes to the respectful relationships course", who="Dan")]
    m.plan.contingency = "If Dan misses a session, Priya tells the family group and meets Dan the same week."
    m.plan.review_date = date(2026, 6, 10)
    m.risks = [
        Risk(
            id="k-1",
            kind="domestic-abuse",
            status=status,
            at_risk=["p-kerry", "c-leo"],
            causing_harm=["p-dan"],
            screened_on=date(2026, 3, 1),
        )
    ]
    return m


CASES = [
    *(("at-risk", "plan", fmt, False) for fmt in PAPER_FORMATS),
    ("at-risk", "plan", "md", True),
    ("at-risk", "agenda", "md", False),
    ("nobody-at-risk", "plan", "md", False),
    ("nobody-at-risk", "plan", "md", True),
    ("nobody-at-risk", "agenda", "md", False),
]


def _export(library: GuideLibrary, case: str, kind: str, fmt: str, notes: bool) -> tuple[bytes, str]:
    meeting = screened_meeting("present" if case == "at-risk" else "not-present")
    exported = export_meeting(
        meeting, library.get("fgc"), kind, fmt, ExportOptions(include_notes=notes, zone=ZONE, now=NOW)
    )
    return exported.data, exported.note


@pytest.mark.parametrize(("case", "kind", "fmt", "notes"), CASES)
def test_paper_matches_its_golden_file(
    case: str,
    kind: str,
    fmt: str,
    notes: bool,
    library: GuideLibrary,
    london: None,
    request: pytest.FixtureRequest,
) -> None:
    data, _ = _export(library, case, kind, fmt, notes)
    golden = GOLDEN / f"{case}-{kind}{'-notes' if notes else ''}.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_bytes(data)
    assert golden.is_file(), f"no golden file {golden.name}: run pytest tests/export --update-golden"
    assert data == golden.read_bytes(), f"{golden.name} changed; if on purpose, run with --update-golden"


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_the_family_plan_leaves_out_every_detail_of_the_person_at_risk(
    fmt: str, library: GuideLibrary, london: None
) -> None:
    data, note = _export(library, "at-risk", "plan", fmt, False)
    text = data.decode()
    assert [detail for detail in KERRY_DETAILS if detail in text] == []
    assert "Kerry" in text and "07700 900123" in text  # she is still in the network; Sue's number prints
    # Nothing on the paper says who is being protected.
    assert "at risk" not in text and "coordinator will tell" not in text
    # Sue's home is where Kerry stays now (both live at the venue): her address would lead there.
    assert "41 Orchard Way" not in text
    assert note == (
        "Left out: Kerry's phone, email, address and school or workplace; "
        "Sue's address, as Kerry lives or stays there too, because Kerry is at risk."
    )
    assert not [detail for detail in KERRY_DETAILS if detail in note]


def test_the_agenda_leaves_out_the_venue_where_the_person_at_risk_stays(
    library: GuideLibrary, london: None
) -> None:
    data, note = _export(library, "at-risk", "agenda", "txt", False)
    assert VENUE not in data.decode() and "41 Orchard Way" not in data.decode()
    assert note == "Left out: the venue, as it is where Kerry lives or stays, because Kerry is at risk."


def test_where_nobody_is_at_risk_the_details_and_venue_print_and_nothing_is_said(
    library: GuideLibrary, london: None
) -> None:
    for kind, notes in (("plan", False), ("plan", True), ("agenda", False)):
        data, note = _export(library, "nobody-at-risk", kind, "md", notes)
        assert note == ""
        text = data.decode()
        assert (VENUE if kind == "agenda" else KERRY_ADDRESS) in text


def test_the_professionals_version_prints_the_details_marked(library: GuideLibrary, london: None) -> None:
    data, note = _export(library, "at-risk", "plan", "txt", True)
    text = " ".join(data.decode().split())
    assert note == ""
    assert KERRY_ADDRESS in text and KERRY_PHONE in text
    assert "at risk: share these details only with those who must have them" in text


def test_a_risk_not_known_counts_and_a_risk_with_no_one_named_hides_nothing(
    library: GuideLibrary, london: None
) -> None:
    unknown = screened_meeting("not-known")
    exported = export_meeting(unknown, library.get("fgc"), "plan", "md", ExportOptions(zone=ZONE, now=NOW))
    assert KERRY_ADDRESS not in exported.data.decode()
    nobody_named = screened_meeting("present")
    nobody_named.risks[0].at_risk = []
    exported = export_meeting(
        nobody_named, library.get("fgc"), "plan", "md", ExportOptions(zone=ZONE, now=NOW)
    )
    assert KERRY_ADDRESS in exported.data.decode() and exported.note == ""

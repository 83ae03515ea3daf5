"""Papers for each reader (issue 25): a child's plan for their age, the family's pack, invitations.

Golden files hold each band's child plan, the pack and the invitations in
every format, from the fixed meeting with hostile text typed in (brackets,
right-to-left script, emoji, markup-like text). The rules that keep a
sibling's, the adults' and the protected people's words off these papers are
tested on their own, so a golden update cannot hide them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.domain.child_plan_rules import band_for_age
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import NO_CHILD_PLAN, Meeting
from sdm_facilitator.export.child_plan import ChildPlanChoice, child_reading_level
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, ExportOptions, PaperError, export_meeting
from sdm_facilitator.guides.loader import bundled_child_plan_wording
from support.fixed_meeting import FORBIDDEN_IN_FAMILY_PAPERS, NOT_INVITED_NAME, NOW, ZONE
from support.reader_papers import (
    CHILD_CONTINGENCY,
    HOSTILE_ACTION,
    KERRY_PHONE,
    LEO_ONLY_ACTION,
    PROTECTED_ADDRESS,
    SUE_CALLED,
    protect,
    readers_meeting,
)

GOLDEN = Path(__file__).parent / "golden"
BANDS = {"under-8": "Ruby", "8-12": "Ruby", "13-plus": "Leo"}


def _export(meeting: Meeting, guide: Guide, kind: str, fmt: str, **options: str | None) -> str:
    chosen = ExportOptions(zone=ZONE, now=NOW, **options)  # type: ignore[arg-type]
    return export_meeting(meeting, guide, kind, fmt, chosen).data.decode()


@pytest.fixture
def readers(meeting: Meeting) -> Meeting:
    return readers_meeting(meeting)


CASES = [
    *((f"child-plan-{band}", "child-plan", {"band": band, "child": child}) for band, child in BANDS.items()),
    ("family-pack", "family-pack", {}),
    ("invitations", "invitation", {}),
]


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize(("name", "kind", "options"), CASES, ids=[case[0] for case in CASES])
def test_each_readers_paper_matches_its_golden_file(
    name: str,
    kind: str,
    options: dict[str, str],
    fmt: str,
    readers: Meeting,
    guide: Guide,
    request: pytest.FixtureRequest,
) -> None:
    data = _export(readers, guide, kind, fmt, **options).encode()
    golden = GOLDEN / f"{name}.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_bytes(data)
    assert golden.is_file(), f"no golden file {golden.name}: run pytest tests/export --update-golden"
    assert data == golden.read_bytes(), f"{golden.name} changed; if on purpose, run with --update-golden"
    # The hostile words are printed as words (each format escapes the markup-like ones its own way).
    text = data.decode()
    hostile = {
        "child-plan": "😀" if options.get("child") == "Leo" else "مرحبا 🎈",
        "invitation": "(العربية too) 👋",
    }
    assert hostile.get(kind, "") in text
    assert fmt != "html" or "<b>" not in text


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
@pytest.mark.parametrize("band", ["under-8", "8-12", "13-plus", None])
def test_one_childs_private_action_never_reaches_a_siblings_plan(
    band: str | None, fmt: str, readers: Meeting, guide: Guide
) -> None:
    ruby = _export(readers, guide, "child-plan", fmt, child="Ruby", band=band)
    leo = _export(readers, guide, "child-plan", fmt, child="Leo", band=band)
    assert "school counsellor" in leo and "school counsellor" not in ruby
    assert "football club" in leo and "football club" not in ruby
    # Marked by hand, an action goes where it is marked, whatever its words say.
    counsellor = next(a for a in readers.plan.actions if a.what == LEO_ONLY_ACTION)
    counsellor.for_children = [readers.children[1].id]
    assert "school counsellor" in _export(readers, guide, "child-plan", fmt, child="Ruby", band=band)
    assert "school counsellor" not in _export(readers, guide, "child-plan", fmt, child="Leo", band=band)
    counsellor.for_children = [NO_CHILD_PLAN]
    both = _export(readers, guide, "child-plan", fmt, band=band)
    assert "school counsellor" not in both


@pytest.mark.parametrize("band", ["under-8", "8-12", "13-plus"])
def test_a_childs_plan_never_copies_the_adults_contingency(band: str, readers: Meeting, guide: Guide) -> None:
    adults = readers.plan.contingency
    text = _export(readers, guide, "child-plan", "txt", band=band)
    assert adults.strip() and adults not in text and CHILD_CONTINGENCY in text
    readers.plan.child_contingency = ""
    text = _export(readers, guide, "child-plan", "txt", band=band)
    assert adults not in text
    gentle = bundled_child_plan_wording().bands[band].patterns["contingency_missing"]
    assert gentle in text and ("grown-ups" in gentle or "adults" in gentle)


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_every_child_plan_ends_with_if_you_feel_unsafe_and_the_helplines(
    fmt: str, readers: Meeting, guide: Guide
) -> None:
    for band in ("under-8", "8-12", "13-plus"):
        text = _export(readers, guide, "child-plan", fmt, child="Ruby", band=band)
        tail = text[text.rindex("If you feel unsafe") :]
        assert "0800 1111" in tail and "999" in tail and SUE_CALLED in tail, band
        assert "Childline" in tail


def test_the_youngest_plan_says_mum_dad_and_the_childs_own_names(readers: Meeting, guide: Guide) -> None:
    young = _export(readers, guide, "child-plan", "txt", child="Ruby", band="under-8")
    assert "Dad: Go to his brother's when an argument starts." in young
    assert "Mum: Read a story" in young and f"{SUE_CALLED}: Have Leo and Ruby" in young
    assert "Mark:" not in young and "Kerry:" not in young
    older = _export(readers, guide, "child-plan", "txt", child="Ruby", band="8-12")
    assert "Mark: Go to his brother's" in older and f"{SUE_CALLED}: Have Leo and Ruby" in older


def test_a_young_person_finds_their_own_actions_under_their_own_heading(
    readers: Meeting, guide: Guide
) -> None:
    text = _export(readers, guide, "child-plan", "txt", child="Leo")
    own, others = text.index("What you will do"), text.index("What others will do")
    assert own < text.index("football club") < others < text.index("school counsellor")
    assert "- Keep going to football club" in text and "Leo: Keep going" not in text
    assert "grown-ups will do" not in text


def test_the_band_comes_from_the_age_and_an_unknown_band_is_refused(readers: Meeting, guide: Guide) -> None:
    assert [band_for_age(age) for age in (0, 7, 8, 12, 13, 17, None)] == [
        "under-8",
        "under-8",
        "8-12",
        "8-12",
        "13-plus",
        "13-plus",
        "8-12",
    ]
    both = _export(readers, guide, "child-plan", "txt")
    assert "What you will do" in both and "What will happen" in both  # Leo 13, Ruby 6
    with pytest.raises(PaperError, match="unknown age band"):
        _export(readers, guide, "child-plan", "txt", band="toddler")


def test_the_youngest_plan_reads_younger_than_the_oldest(readers: Meeting) -> None:
    wording = bundled_child_plan_wording()
    ruby = readers.children[1]
    young = child_reading_level(readers, ruby, ChildPlanChoice(wording, "under-8"))
    old = child_reading_level(readers, ruby, ChildPlanChoice(wording, "13-plus"))
    assert young.words_per_sentence < old.words_per_sentence
    assert young.reading_age < old.reading_age


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_the_family_pack_holds_only_what_the_family_may_read(
    fmt: str, readers: Meeting, guide: Guide
) -> None:
    text = _export(readers, guide, "family-pack", fmt)
    assert [secret for secret in FORBIDDEN_IN_FAMILY_PAPERS if secret in text] == []
    assert readers.referral.worries not in text and readers.plan.contingency not in text
    for line in readers.referral.bottom_lines:
        assert line in text
    assert "What are you most worried about?" in text  # the guide's questions
    assert "I just want it to be calm at home." in text  # Leo agreed the family may hear it
    assert "Social work report" in text and "priya.nair@example.org" in text
    assert HOSTILE_ACTION not in text  # actions are the family's to make, not in the pack


@pytest.mark.parametrize("fmt", PAPER_FORMATS)
def test_an_invitation_never_names_anyone_not_invited_nor_a_protected_address(
    fmt: str, readers: Meeting, guide: Guide
) -> None:
    text = _export(readers, guide, "invitation", fmt)
    assert NOT_INVITED_NAME not in text and "Dwayne" not in text
    assert PROTECTED_ADDRESS not in text and KERRY_PHONE not in text
    # Names as each chose: Sue and Priya by first name, the others by role only.
    assert "Sue, aunt (mum's sister)" in text and "Priya, social worker" in text
    assert "Kerry" not in text.split("An invitation for Kerry Hollins", 1)[1]
    # An interpreter booked for Kerry, in her language.
    assert "An interpreter for Polski (العربية too) 👋 is booked for you." in text


def test_an_invitation_for_one_person_and_refusals(readers: Meeting, guide: Guide) -> None:
    mark = _export(readers, guide, "invitation", "txt", person="Mark")
    assert mark.startswith("An invitation for Mark Hollins") and "Sue Barnes" not in mark
    with pytest.raises(PaperError, match="is not invited"):
        _export(readers, guide, "invitation", "txt", person=NOT_INVITED_NAME)
    with pytest.raises(PaperError, match="no one called"):
        _export(readers, guide, "invitation", "txt", person="Zed")


def test_a_contacts_details_and_a_protected_venue_are_left_out_and_the_coordinator_told(
    readers: Meeting, guide: Guide
) -> None:
    protect(readers, 3)  # Priya at risk now
    readers.people[0].lives_at_venue = True  # Kerry, at risk, lives at the venue
    exported = export_meeting(readers, guide, "invitation", "txt", ExportOptions(zone=ZONE, now=NOW))
    text = exported.data.decode()
    assert "01632 960001" not in text and "priya.nair@example.org" not in text
    assert readers.choices.venue not in text and "the coordinator will tell you" in text
    assert "Priya Nair's phone and email" in exported.note and "the venue" in exported.note

"""Taking part and sharing, separated: what each kind of meeting requires, and a lawful basis per item.

A voluntary meeting cannot go ahead without the family; a child protection
conference is statutory and goes ahead either way (the parents are told and
invited). Sharing is answered per item by a UK GDPR Article 6 basis, with an
Article 9 condition for special category data.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from sdm_facilitator.domain import consent, meeting, participation, sharing
from sdm_facilitator.domain.meeting import Child, InfoShare, Meeting, Person, Referral
from sdm_facilitator.domain.readiness import readiness
from support.app_helpers import FIXED_TODAY

VOLUNTARY = ("fgc", "fgdm", "family-unity", "cin-meeting", "review")


def _texts(m: Meeting) -> list[str]:
    return [item.text for item in readiness(m, None, FIXED_TODAY).items]


def _conference(**referral: bool | None) -> Meeting:
    m = Meeting(kind="cp-conference", context="statutory", referral=Referral(**referral))
    m.choices.when = datetime.combine(FIXED_TODAY + timedelta(days=5), time(10, 0))
    return m


@pytest.mark.parametrize("kind", VOLUNTARY)
def test_a_voluntary_meeting_cannot_go_ahead_without_the_family(kind: str) -> None:
    m = Meeting(kind=kind)
    assert consent.agreement_required(m)
    assert consent.NOT_RECORDED in _texts(m)
    m.referral.consent_meeting = False
    assert consent.NOT_AGREED in _texts(m)
    m.referral.consent_meeting = True
    assert not {consent.NOT_RECORDED, consent.NOT_AGREED} & set(_texts(m))


def test_a_conference_is_never_gated_on_the_parents_agreeing() -> None:
    m = _conference(consent_meeting=None)
    m.people = [Person(name="Mum", role="parent", invitation="invited")]
    assert not consent.agreement_required(m)
    texts = _texts(m)
    assert not any("agree" in t for t in texts), texts
    m.referral.consent_meeting = False
    texts = _texts(m)
    assert consent.PARENTS_DECLINED in texts
    assert not any("cannot go ahead" in t for t in texts)


def test_a_conference_asks_that_the_parents_are_told_and_invited() -> None:
    m = _conference()
    assert consent.NO_PARENT_LISTED in _texts(m)
    m.people = [
        Person(id="p-mum", name="Mum", role="parent", invitation="suggested"),
        Person(id="p-dad", name="Dad", role="parent", invitation="accepted"),
        Person(id="p-gran", name="Gran", role="wider-family", invitation="suggested"),
    ]
    items = readiness(m, None, FIXED_TODAY).items
    mum = [i for i in items if i.ref == "p-mum"]
    assert [i.text for i in mum][0] == "Mum: not yet told about the conference and invited"
    assert not any("the family has not said yet" in i.text for i in mum), (
        "said once, in the conference's words"
    )
    assert "Gran: the family has not said yet whether to invite them" in [i.text for i in items]
    assert not any(i.ref == "p-dad" and "told" in i.text for i in items)
    assert consent.NO_PARENT_LISTED not in [i.text for i in items]


def test_the_referral_question_fits_the_kind() -> None:
    assert consent.agreement_question(Meeting(kind="fgc")) == "Family agrees to the meeting"
    assert "goes ahead either way" in consent.agreement_question(Meeting(kind="cp-conference"))


def test_an_item_without_a_lawful_basis_is_a_check_and_a_basis_clears_it() -> None:
    m = Meeting(kind="fgc")
    share = InfoShare(id="i-1", document="School report", to="Everyone")
    m.info_sharing = [share]
    result = readiness(m, None, FIXED_TODAY)
    item = next(i for i in result.items if i.ref == "i-1" and i.kind == "check")
    assert item.text == "“School report”: no lawful basis recorded"
    assert item.section == "prep-info"
    share.lawful_basis = "public-task"
    assert not any(i.ref == "i-1" and i.kind == "check" for i in readiness(m, None, FIXED_TODAY).items)


def test_special_category_needs_its_article_9_condition_and_not_sought_needs_a_reason() -> None:
    share = InfoShare(
        document="Health visitor's notes", lawful_basis="public-task", special_categories=["health"]
    )
    assert sharing.share_problems(share) == ["special category data without the Article 9 condition"]
    share.art9_condition = "DPA 2018 Sch 1 para 18"
    share.child_agreement = "not-sought"
    assert sharing.share_problems(share) == [
        "the child's agreement was not sought, and the reason is not written"
    ]
    share.child_agreement_reason = "Too young to understand (2)"
    assert sharing.share_problems(share) == []


def test_consent_as_a_basis_is_warned_against_only_where_the_meeting_is_statutory() -> None:
    assert sharing.basis_warning(Meeting(kind="cp-conference"), "consent") == sharing.CONSENT_WARNING
    assert (
        sharing.basis_warning(Meeting(kind="fgc", context="statutory"), "consent") == sharing.CONSENT_WARNING
    )
    assert sharing.basis_warning(Meeting(kind="fgc", context="voluntary"), "consent") == ""
    assert sharing.basis_warning(Meeting(kind="fgc"), "public-task") == ""
    assert "public authority" in sharing.basis_warning(Meeting(kind="fgc"), "recognised-legitimate-interest")
    assert "public authority" in sharing.basis_warning(Meeting(kind="fgc"), "legitimate-interests")


def test_the_old_consent_to_share_reads_as_a_record_of_what_the_family_said() -> None:
    assert sharing.legacy_sharing_words(Referral()) == ""
    assert sharing.legacy_sharing_words(Referral(consent_sharing=True)) == (
        "The family agreed to sharing (recorded before lawful bases were kept)."
    )
    assert "did not agree" in sharing.legacy_sharing_words(Referral(consent_sharing=False))
    m = Meeting(kind="fgc", referral=Referral(consent_meeting=True, consent_sharing=False))
    assert not any("shar" in t for t in _texts(m)), "never asked for again"


def test_a_childs_views_reach_only_their_audience() -> None:
    child = Child(views="I miss my dad", views_consent=True, views_audience=["professionals"])
    assert not sharing.view_reaches(child, "family")
    assert sharing.view_reaches(child, "professionals")
    assert sharing.view_reaches(child, "chair")
    child.views_audience = ["named"]
    child.views_named = ["p-gran"]
    assert not sharing.view_reaches(child, "family"), "a family paper goes to all of the family"
    assert sharing.view_reaches(child, "family", "p-gran")
    child.views_audience = ["family"]
    assert sharing.view_reaches(child, "family")
    assert not sharing.view_reaches(child, "professionals")


def test_old_files_views_keep_their_meaning() -> None:
    assert sharing.view_audience(Child(views="x", views_consent=True)) == ("everyone",)
    assert sharing.view_audience(Child(views="x", views_consent=None)) == ("chair",)
    assert sharing.view_audience(Child(views="x", views_consent=False, views_audience=["everyone"])) == (
        "chair",
    )


def test_a_childs_ways_come_from_the_old_single_choice_until_ways_are_recorded() -> None:
    child = Child(participation="remote")
    assert participation.child_ways(child) == ("online",)
    assert participation.child_way_decided(child)
    assert participation.child_in_the_room(child)
    assert participation.child_ways(Child(participation="written-views")) == ("in-writing",)
    assert not participation.child_in_the_room(Child(participation="written-views"))
    child.ways = ["drawing-or-recording", "phone"]
    assert participation.child_ways(child) == ("drawing-or-recording", "phone")
    assert participation.ways_words(child.ways) == "by phone, through a drawing or recording"
    assert not participation.child_way_decided(Child())


def test_taking_part_words_name_the_guides_phases() -> None:
    from sdm_facilitator.domain.guide import Guide, Phase

    guide = Guide("g", "G", "1", ("fgc",), "s", (), (Phase("welcome", "Welcome", 10, ()),), (), ())
    assert participation.taking_part_words(["in-person"], [], guide) == "in person"
    assert participation.taking_part_words(["in-person", "phone"], ["welcome", "gone"], guide) == (
        "in person, by phone (Welcome, gone)"
    )
    assert participation.taking_part_words([], ["welcome"], guide) == ""


def test_a_child_with_ways_but_no_named_advocate_is_asked_for_one() -> None:
    m = Meeting(kind="fgc", children=[Child(name="Leo", ways=["advocate", "in-writing"])])
    texts = _texts(m)
    assert "Leo: takes part through an advocate, but no advocate is named" in texts
    assert "Leo: how they take part is not decided yet" not in texts


def test_the_new_free_texts_are_walked_for_hints_and_hostile_text() -> None:
    m = Meeting(info_sharing=[InfoShare(art9_condition="Sch 1 para 18", child_agreement_reason="aged 2")])
    texts = dict(meeting.iter_meeting_texts(m))
    assert texts["information 1: Article 9 condition"] == "Sch 1 para 18"
    assert texts["information 1: why the child's agreement was not sought"] == "aged 2"

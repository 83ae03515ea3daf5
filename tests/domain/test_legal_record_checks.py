"""Readiness and the record paper ask for the records the chosen profile's law asks for, and only those.

England: the offer of a family group decision-making meeting in the letter
before proceedings, when the case stood at pre-proceedings at referral. The
United States: each child's ICWA inquiry. Neither is asked for under a
profile whose law does not have it, unless something of it was recorded.
"""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain.jurisdiction import JurisdictionProfile
from sdm_facilitator.domain.legal_records import FgdmOffer, IcwaInquiry
from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw, profile_law
from sdm_facilitator.domain.readiness import SECTION_CHILDREN, SECTION_REFERRAL, readiness
from sdm_facilitator.export.paper_catalogue import ExportOptions, build_paper
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR
from sdm_facilitator.guides.loader import load_profile_file
from sdm_facilitator.paths import bundled_guides_dir

TODAY = date(2026, 12, 1)
ENGLAND = ProfileLaw()


def bundled(profile_id: str) -> JurisdictionProfile:
    profile, problems = load_profile_file(bundled_guides_dir() / JURISDICTIONS_DIR / f"{profile_id}.toml")
    assert problems == [] and profile is not None
    return profile


def meeting(stage: str | None = "pre_proceedings") -> Meeting:
    m = Meeting(kind="fgc", family_label="Hollins")
    m.referral.baseline_stage = stage
    m.children = [Child(id="c-leo", name="Leo"), Child(id="c-ruby", name="Ruby")]
    return m


#: Words only the items about the law's records hold (the sections list other things too).
LAW_WORDS = ("family group decision-making", "ICWA")


def texts(m: Meeting, law: ProfileLaw, section: str) -> list[str]:
    items = readiness(m, None, TODAY, law).items
    return [i.text for i in items if i.section == section and any(w in i.text for w in LAW_WORDS)]


def test_england_asks_for_the_pre_proceedings_offer_step_by_step() -> None:
    m = meeting()
    assert texts(m, ENGLAND, SECTION_REFERRAL) == [
        "Whether the letter before proceedings offered a family group decision-making meeting is not recorded"
    ]
    m.referral.fgdm_offer = FgdmOffer(offered=True)
    assert texts(m, ENGLAND, SECTION_REFERRAL) == [
        "The day a family group decision-making meeting was offered is not recorded",
        "The family's answer to the offer of a family group decision-making meeting is not recorded",
    ]
    m.referral.fgdm_offer = FgdmOffer(offered=True, offered_on=date(2026, 11, 20), answer="accepted")
    assert texts(m, ENGLAND, SECTION_REFERRAL) == [
        "Whether the family group decision-making meeting was held before any application to court "
        "is not recorded"
    ]
    m.referral.fgdm_offer.held_before_application = True
    assert texts(m, ENGLAND, SECTION_REFERRAL) == []
    m.referral.fgdm_offer = FgdmOffer(offered=False)
    assert (
        "Why a family group decision-making meeting was not offered" in texts(m, ENGLAND, SECTION_REFERRAL)[0]
    )


def test_the_offer_is_asked_for_only_at_pre_proceedings_and_only_where_the_law_has_it() -> None:
    assert texts(meeting("child_in_need"), ENGLAND, SECTION_REFERRAL) == []
    assert texts(meeting(), profile_law(bundled("wales")), SECTION_REFERRAL) == []
    assert texts(meeting(), profile_law(bundled("us")), SECTION_REFERRAL) == []
    assert texts(meeting(), profile_law(bundled("england")), SECTION_REFERRAL) != []


def test_the_us_profile_asks_each_childs_icwa_inquiry() -> None:
    us = profile_law(bundled("us"))
    m = meeting(None)
    assert texts(m, ENGLAND, SECTION_CHILDREN) == []
    assert texts(m, us, SECTION_CHILDREN) == [
        "ICWA inquiry not recorded for Leo",
        "ICWA inquiry not recorded for Ruby",
    ]
    m.children[0].icwa = IcwaInquiry(asked=True, answer="may-be")
    m.children[1].icwa = IcwaInquiry(asked=True, answer="no-reason-to-know")
    assert texts(m, us, SECTION_CHILDREN) == [
        "ICWA: the tribe is not named for Leo",
        "ICWA: the day Leo's tribe was notified is not recorded",
    ]
    # A record begun is a record to finish, whatever the profile.
    assert texts(m, ENGLAND, SECTION_CHILDREN) == texts(m, us, SECTION_CHILDREN)


def record(m: Meeting, law: ProfileLaw) -> str:
    return "\n".join(build_paper(m, None, "record", ExportOptions(law=law)).strings())


def test_the_record_paper_prints_what_the_law_asks_for() -> None:
    m = meeting()
    m.referral.fgdm_offer = FgdmOffer(offered=True, offered_on=date(2026, 11, 20), answer="declined")
    paper = record(m, ENGLAND)
    assert "The offer of a family group decision-making meeting before proceedings" in paper
    assert "Indian Child Welfare Act" not in paper
    m.referral.fgdm_offer = FgdmOffer()
    m.children[0].icwa = IcwaInquiry(asked=True, answer="member-or-eligible", tribe="Navajo Nation")
    paper = record(m, profile_law(bundled("us")))
    assert "The Indian Child Welfare Act's inquiry" in paper
    assert "before proceedings" not in paper
    assert "ICWA: the day Leo's tribe was notified is not recorded." in paper
    assert "ICWA inquiry not recorded for Ruby." in paper

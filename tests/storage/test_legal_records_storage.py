"""The records a profile's law asks for (England's pre-proceedings offer, each child's ICWA inquiry) are stored.

They round-trip through the file, their free text is walked by the hostile
text and language-hint suites, and a file written before them opens and
saves byte for byte the same.
"""

from __future__ import annotations

import tomllib
from datetime import date

from sdm_facilitator.domain.legal_records import FgdmOffer, IcwaInquiry
from sdm_facilitator.domain.meeting import Child, Meeting, iter_meeting_texts
from sdm_facilitator.storage.codec import meeting_from_dict, meeting_to_toml

OLD_FILE = """id = "20261201-abcdef01"
schema_version = 1
created = 2026-12-01T10:00:00Z
updated = 2026-12-01T10:00:00Z
kind = "fgc"

[referral]
baseline_stage = "pre_proceedings"
pre_proceedings_letter = 2026-11-20

[[children]]
id = "c-leo"
name = "Leo"
age = 9
"""


def recorded() -> Meeting:
    meeting = Meeting(kind="fgc", family_label="Hollins")
    meeting.referral.fgdm_offer = FgdmOffer(
        offered=True, offered_on=date(2026, 11, 20), answer="accepted", held_before_application=True
    )
    meeting.children = [
        Child(
            id="c-leo",
            name="Leo",
            icwa=IcwaInquiry(
                asked=True, answer="may-be", tribe="Cherokee Nation", tribe_notified=date(2026, 12, 1)
            ),
        )
    ]
    return meeting


def test_the_offer_and_the_icwa_inquiry_round_trip() -> None:
    meeting = recorded()
    text = meeting_to_toml(meeting)
    assert "[referral.fgdm_offer]" in text and "[children.icwa]" in text
    assert meeting_from_dict(tomllib.loads(text)) == meeting


def test_a_file_without_them_opens_and_saves_unchanged() -> None:
    meeting = meeting_from_dict(tomllib.loads(OLD_FILE))
    assert meeting.referral.fgdm_offer.is_empty and meeting.children[0].icwa.is_empty
    assert meeting_to_toml(meeting) == meeting_to_toml(
        meeting_from_dict(tomllib.loads(meeting_to_toml(meeting)))
    )
    assert "fgdm_offer" not in meeting_to_toml(meeting) and "icwa" not in meeting_to_toml(meeting)


def test_their_free_text_is_walked() -> None:
    meeting = recorded()
    meeting.referral.fgdm_offer.not_offered_reason = "reason [b]"
    texts = dict(iter_meeting_texts(meeting))
    assert texts["child 1: ICWA tribe"] == "Cherokee Nation"
    assert texts["referral: why the pre-proceedings meeting was not offered"] == "reason [b]"

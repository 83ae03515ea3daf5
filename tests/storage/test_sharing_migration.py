"""Files from before lawful bases, ways of taking part and view audiences open unchanged and keep their meaning.

An old ``consent_sharing`` stays in the file and reads as what the family said
then; a child's single ``participation`` gives their ways; views the child
agreed to share still reach everyone; nothing is rewritten by opening and saving.
"""

from __future__ import annotations

import tomllib

import pytest

from sdm_facilitator.domain import participation, sharing
from sdm_facilitator.storage.codec import CodecError, meeting_from_dict, meeting_to_toml
from storage.test_new_tables_migration import demo_meetings

OLD_FILE = """\
id = "20260201-abcdef01"
schema_version = 1
created = 2026-02-01T10:00:00Z
updated = 2026-02-01T10:00:00Z
kind = "fgc"
context = "voluntary"
family_label = "Old file family"

[referral]
consent_meeting = true
consent_sharing = false

[[children]]
id = "c-1"
name = "Amara"
participation = "remote"
views = "I like Gran"
views_consent = true

[[people]]
id = "p-1"
name = "Sue"
role = "wider-family"
invitation = "suggested"
attendance = "remote"

[[info_sharing]]
id = "i-1"
document = "School letter"
to = "Grace"
"""


def test_an_old_file_opens_saves_unchanged_and_reads_with_its_old_meaning() -> None:
    meeting = meeting_from_dict(tomllib.loads(OLD_FILE))
    saved = meeting_to_toml(meeting)
    assert tomllib.loads(saved) == tomllib.loads(OLD_FILE)
    assert meeting_to_toml(meeting_from_dict(tomllib.loads(saved))) == saved
    assert (
        "did not agree to sharing (recorded before lawful bases were kept)"
        in sharing.legacy_sharing_words(meeting.referral)
    )
    amara = meeting.children[0]
    assert participation.child_ways(amara) == ("online",)
    assert sharing.view_audience(amara) == ("everyone",)
    assert sharing.view_reaches(amara, "family")
    assert meeting.info_sharing[0].lawful_basis is None


def test_the_demo_meetings_save_and_reopen_unchanged() -> None:
    for meeting in demo_meetings():
        text = meeting_to_toml(meeting)
        assert meeting_to_toml(meeting_from_dict(tomllib.loads(text))) == text


def test_new_fields_round_trip_and_a_wrong_choice_in_a_list_is_named() -> None:
    text = OLD_FILE.replace(
        'participation = "remote"', 'ways = ["online", "phone"]\nviews_audience = ["family"]'
    )
    meeting = meeting_from_dict(tomllib.loads(text))
    assert meeting.children[0].ways == ["online", "phone"]
    assert meeting_to_toml(meeting_from_dict(tomllib.loads(meeting_to_toml(meeting)))) == meeting_to_toml(
        meeting
    )
    with pytest.raises(CodecError) as caught:
        meeting_from_dict(tomllib.loads(text.replace('"phone"', '"carrier-pigeon"')))
    assert caught.value.path == "children[0].ways[1]"

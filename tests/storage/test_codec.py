"""The codec: meetings to TOML and back, with clear errors on bad values."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timezone

import pytest

from sdm_facilitator.domain.meeting import Action, Child, Meeting, Person, StepState
from sdm_facilitator.storage.codec import (
    CodecError,
    FutureSchemaError,
    meeting_from_dict,
    meeting_to_toml,
    to_dict,
)


def full_meeting() -> Meeting:
    m = Meeting(kind="fgc", context="statutory", family_label="Test family")
    m.referral.date = date(2026, 1, 5)
    m.referral.bottom_lines = ["one", "two"]
    m.referral.consent_meeting = False
    m.children = [Child(name="A", age=0, views="line 1\nline 2")]
    m.people = [Person(name="B", role="parent", invitation="not-invited", not_invited_reason="agreed")]
    m.steps["prep-consent"] = StepState(status="done", date=date(2026, 1, 6))
    m.choices.when = datetime(2026, 2, 1, 10, 30)
    m.plan.actions = [Action(what="x", who="y", by_when=date(2026, 3, 1))]
    m.record.started = datetime(2026, 2, 1, 10, 31, tzinfo=UTC)
    return m


def test_round_trip_keeps_every_value() -> None:
    m = full_meeting()
    assert meeting_from_dict(tomllib.loads(meeting_to_toml(m))) == m


def test_dates_are_toml_dates_not_strings() -> None:
    text = meeting_to_toml(full_meeting())
    assert "date = 2026-01-05\n" in text
    assert "when = 2026-02-01 10:30:00\n" in text


def test_unset_values_are_omitted_but_false_and_zero_kept() -> None:
    data = to_dict(full_meeting())
    assert "worries" not in data["referral"]
    assert "consent_sharing" not in data["referral"]
    assert data["referral"]["consent_meeting"] is False
    assert data["children"][0]["age"] == 0
    assert "views_consent" not in data["children"][0]
    assert "family_time_extra_minutes" not in data["record"]
    assert "record" not in to_dict(Meeting(kind="fgc"))


def test_unknown_keys_survive_round_trip_at_every_level() -> None:
    data = to_dict(full_meeting())
    data["from_the_future"] = {"a": 1}
    data["people"][0]["pronouns"] = "she/her"
    data["steps"]["prep-consent"]["who"] = "Jo"
    again = to_dict(meeting_from_dict(tomllib.loads(meeting_to_toml(meeting_from_dict(data)))))
    assert again["from_the_future"] == {"a": 1}
    assert again["people"][0]["pronouns"] == "she/her"
    assert again["steps"]["prep-consent"]["who"] == "Jo"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["children"][0].update(age="ten"),
            "children[0].age: expected a whole number, found text",
        ),
        (lambda d: d["children"][0].update(age=-1), "children[0].age: must be between 0 and 25"),
        (lambda d: d["children"][0].update(age=10**30), "children[0].age: must be between 0 and 25"),
        (
            lambda d: d["people"][0].update(role="uncle"),
            "people[0].role: unknown value; expected one of child, parent",
        ),
        (lambda d: d.update(kind="party"), "kind: unknown value"),
        (
            lambda d: d["referral"].update(date="2026-01-05"),
            "referral.date: expected a date such as 2026-03-01, found text",
        ),
        (
            lambda d: d["referral"].update(date=datetime(2026, 1, 5, 10)),
            "referral.date: expected a date such as 2026-03-01, found a date and time",
        ),
        (lambda d: d["choices"].update(when=date(2026, 1, 5)), "choices.when: expected a date and time"),
        (
            lambda d: d["referral"].update(consent_meeting="yes"),
            "referral.consent_meeting: expected true or false, found text",
        ),
        (lambda d: d.update(people={"a": 1}), "people: expected a list, found a table"),
        (lambda d: d["steps"].update(x=3), "steps.x: expected a table, found a whole number"),
        (lambda d: d.update(id="../../etc/passwd"), "id: must be letters, digits"),
        (lambda d: d.pop("kind"), "kind: missing"),
        (
            lambda d: d.update(updated=datetime(2026, 1, 5, 10)),
            "updated: expected a date and time with a time zone",
        ),
        (
            lambda d: d["choices"].update(when=datetime(2026, 1, 5, 10, tzinfo=UTC)),
            "choices.when: expected a local date and time without a time zone",
        ),
        (
            lambda d: d["referral"].update(date=date(1, 1, 2)),
            "referral.date: must be a year between 1900 and 2200",
        ),
        (
            lambda d: d["choices"].update(when=datetime(9999, 12, 31, 10)),
            "choices.when: must be a year between",
        ),
        (lambda d: d["children"][0].update(id="child 1"), "children[0].id: must start with a letter"),
        (
            lambda d: d["children"].append(dict(d["children"][0])),
            "children[1].id: the same id as children[0]",
        ),
    ],
)
def test_bad_values_name_the_field(mutate, message: str) -> None:
    data = to_dict(full_meeting())
    mutate(data)
    with pytest.raises(CodecError) as caught:
        meeting_from_dict(data)
    assert str(caught.value).startswith(message)


def test_error_messages_never_quote_the_value() -> None:
    data = to_dict(full_meeting())
    data["children"][0]["age"] = "Secret Name"
    with pytest.raises(CodecError) as caught:
        meeting_from_dict(data)
    assert "Secret" not in str(caught.value)


def test_future_schema_is_refused_unless_allowed() -> None:
    data = to_dict(full_meeting())
    data["schema_version"] = 99
    with pytest.raises(FutureSchemaError, match="newer version"):
        meeting_from_dict(data)
    assert meeting_from_dict(data, allow_future=True).schema_version == 99


@pytest.mark.parametrize(
    "text", ["a\r\nb", "tab\there", 'quote " and \\ backslash', "\x00\x1b[31m\x7f\x85\u202e", "'''", '"""']
)
def test_awkward_text_round_trips_exactly(text: str) -> None:
    m = full_meeting()
    m.referral.worries = text
    assert meeting_from_dict(tomllib.loads(meeting_to_toml(m))).referral.worries == text


def test_lone_surrogate_is_rejected_with_field_name() -> None:
    m = full_meeting()
    m.plan.family_words = "ok \ud800 not ok"
    with pytest.raises(
        CodecError, match=r"plan.family_words: contains a character that cannot be saved \(U\+D800"
    ):
        meeting_to_toml(m)


def test_datetime_with_sub_minute_offset_is_refused_not_corrupted() -> None:
    from datetime import timedelta

    m = full_meeting()
    m.record.started = datetime(2026, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=1, seconds=30)))
    with pytest.raises(CodecError, match="read back"):
        meeting_to_toml(m)


def test_never_writes_what_it_would_refuse_to_read() -> None:
    m = full_meeting()
    m.choices.when = datetime(2026, 2, 1, 10, 30, tzinfo=UTC)
    with pytest.raises(CodecError, match="choices.when: expected a local date and time"):
        meeting_to_toml(m)

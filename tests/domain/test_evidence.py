"""The evidence language: field paths, presence, counts, comparisons; nothing else, and never eval."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.evidence import EvidenceError, compile_evidence, source_label
from sdm_facilitator.domain.meeting import Child, Meeting, Person, Review


def meeting() -> Meeting:
    m = Meeting()
    m.people = [Person(name="Gran", invitation="accepted"), Person(name="Dan", invitation="not-invited")]
    m.children = [Child(name="Amara", age=9)]
    return m


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("count(people) == 2", True),
        ("count(people) >= 3", False),
        ('count(people, invitation == "accepted") == 1', True),
        ('any(people, invitation == "not-invited" and not_invited_reason)', False),
        ('every(people, invitation != "suggested")', True),
        ("every(follow_up.reviews, held)", True),  # true for an empty list: combine it with a count
        ("any(follow_up.reviews, held)", False),
        ("referral.worries", False),
        ("not referral.worries", True),
        ("plan.sent_on or plan.review_date", False),
        ("any(children, age >= 9)", True),
        ("any(children, age > 9)", False),
        ('kind == "fgc"', True),
        ("referral.consent_meeting == false", False),  # not recorded is not "no"
        ("(count(people) == 2) and (count(children) == 1)", True),
    ],
)
def test_expressions_read_the_record(text: str, expected: bool) -> None:
    assert compile_evidence(text).holds(meeting()) is expected


def test_presence_means_something_was_written() -> None:
    m = meeting()
    expression = compile_evidence("referral.worries and count(referral.bottom_lines) >= 1")
    m.referral.worries, m.referral.bottom_lines = "   ", ["", " "]
    assert not expression.holds(m)
    m.referral.worries, m.referral.bottom_lines = "Mum is unwell", ["", "Amara is in school"]
    assert expression.holds(m)
    m.follow_up.reviews = [Review(held=date(2026, 1, 5))]
    assert compile_evidence("any(follow_up.reviews, held)").holds(m)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("referral.worrys", "unknown field 'worrys' in referral; did you mean 'worries'? (at character 1)"),
        ("people.name", "'people' is a list of records, so it has no field 'name' (at character 1)"),
        ("count(referral.worries)", "count() needs a list; 'referral.worries' is text (at character 7)"),
        (
            "count(referral.bottom_lines, x)",
            "'referral.bottom_lines' is a list of text; a condition needs a list "
            "of records (at character 28)",
        ),
        (
            "any(people)",
            "any() needs a condition after the list, such as any(people, prep_visit) (at character 1)",
        ),
        (
            "referral.worries > 3",
            "cannot compare 'referral.worries' (text) with a number using > (at character 18)",
        ),
        (
            'kind == "case"',
            "'case' is not a choice of 'kind'; expected one of fgc, fgdm, family-unity, "
            "cp-conference, cin-meeting, review (at character 9)",
        ),
        (
            "count(people)",
            "a number cannot stand alone as a condition; compare it, such as count(...) >= 1 "
            "(at character 1)",
        ),
        ("referral", "'referral' is a group of fields; name one of its fields (at character 1)"),
        (
            "referal.worries",
            "unknown field 'referal' in the meeting; did you mean 'referral'? (at character 1)",
        ),
        ("", "the expression is empty"),
        ("referral.worries and", "the expression ends too soon (at character 21)"),
        ("__import__('os')", 'unexpected character "\'" (at character 12)'),
        ("referral.worries; plan", "unexpected character ';' (at character 17)"),
        (
            '"a" == "b"',
            "compare a field with a value, such as plan.review_date or count(people) >= 2 (at character 5)",
        ),
    ],
)
def test_mistakes_are_explained(text: str, message: str) -> None:
    with pytest.raises(EvidenceError) as caught:
        compile_evidence(text)
    assert str(caught.value) == message


def test_an_unknown_field_with_no_close_match_lists_the_known_ones() -> None:
    with pytest.raises(EvidenceError) as caught:
        compile_evidence("steps")  # the step states themselves are never evidence
    message = str(caught.value)
    assert message.startswith("unknown field 'steps' in the meeting; known fields: agenda, children, ")
    assert "referral" in message and "steps" not in message.split("known fields:")[1]


def test_deep_nesting_and_long_expressions_are_refused() -> None:
    with pytest.raises(EvidenceError, match="nests more than"):
        compile_evidence("(" * 20 + "referral.worries" + ")" * 20)
    with pytest.raises(EvidenceError, match="characters long"):
        compile_evidence(" and ".join(["referral.worries"] * 40))


def test_source_label_names_where_the_evidence_comes_from() -> None:
    assert source_label(compile_evidence("referral.worries")) == "the referral"
    assert source_label(compile_evidence("any(follow_up.reviews, held)")) == "the follow-up"
    assert source_label(compile_evidence("count(people) >= 1")) == "the people list"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('abcdefghijklmnoprstuvwy_.()", =<>!0123456789')), max_size=60))
def test_any_text_is_either_an_expression_or_a_clear_error(text: str) -> None:
    try:
        expression = compile_evidence(text)
    except EvidenceError as error:
        assert error.message
        return
    assert expression.holds(meeting()) in (True, False)

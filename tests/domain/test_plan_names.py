"""Finding people's names in the plan's free text: folding, word boundaries, possessives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.plan_names import PeopleNames, Phrases, fold
from support.guide_library import bundled_library

WORDS = bundled_library().plan_check_words

# Names as people type them: letters with accents, apostrophes, hyphens, spaces and emoji.
name_chars = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéëøñçßİıǅ'’- 🙂👩👧\u200d\u0301"))
names = st.text(name_chars, min_size=1, max_size=20)
letters = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz")), min_size=1, max_size=6)


def meeting_with(*people: Person) -> Meeting:
    m = Meeting()
    m.people = list(people)
    return m


@settings(max_examples=300, deadline=None)
@given(name=names, text=st.text(max_size=80))
def test_any_name_and_any_text_never_crash(name: str, text: str) -> None:
    people = PeopleNames(meeting_with(Person(id="p-1", name=name, relationship=name)), WORDS)
    for mention in people.mentions(fold(text)):
        assert mention.person_id == "p-1"
        assert mention.typed  # always some of the words as typed


@settings(max_examples=300, deadline=None)
@given(
    name=st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéø")), min_size=1, max_size=12),
    before=letters,
    after=letters,
)
def test_a_name_inside_another_word_never_matches(name: str, before: str, after: str) -> None:
    people = PeopleNames(meeting_with(Person(id="p-1", name=name.capitalize())), WORDS)
    for text in (f"{before}{name}", f"{name}{after}", f"{before}{name}{after}"):
        assert people.mentions(fold(text)) == []
    (mention,) = people.mentions(fold(f"({name.upper()})"))
    assert mention.person_id == "p-1"


@settings(max_examples=200, deadline=None)
@given(name=names)
def test_a_name_is_found_as_typed_with_a_possessive(name: str) -> None:
    people = PeopleNames(meeting_with(Person(id="p-1", name=name)), WORDS)
    text = f"at {name}'s house"
    found = people.mentions(fold(text))
    if found:  # a name of only spaces or marks has nothing to find
        assert found[0].person_id == "p-1"


def test_accents_case_and_apostrophes_are_folded() -> None:
    people = PeopleNames(meeting_with(Person(id="p-z", name="Zoë O'Brien")), WORDS)
    (first,) = people.mentions(fold("ZOE will ring"))
    assert first.typed == "ZOE" and not first.possessive
    (full,) = people.mentions(fold("at zoe o’brien’s flat"))
    assert full.possessive and full.typed == "zoe o’brien"


def test_possessive_and_closing_quote_are_told_apart() -> None:
    people = PeopleNames(
        meeting_with(Person(id="p-j", name="James Lee"), Person(id="p-s", name="Sue")), WORDS
    )
    james, sue = people.mentions(fold("James' car, and 'Sue' said"))
    assert james.possessive and not sue.possessive


def test_relationship_words_only_when_one_person_has_the_relationship() -> None:
    mum = Person(id="p-mum", name="Kerry", relationship="Mum")
    aunt = Person(id="p-aunt", name="Sue", relationship="aunt (mum's sister)")
    people = PeopleNames(meeting_with(mum, aunt), WORDS)
    assert [m.person_id for m in people.mentions(fold("Mother and Auntie go"))] == ["p-mum", "p-aunt"]
    stepmum = Person(id="p-step", name="Ann", relationship="mother")
    people = PeopleNames(meeting_with(mum, aunt, stepmum), WORDS)
    assert [m.person_id for m in people.mentions(fold("Mum goes"))] == []


def test_children_are_found_too() -> None:
    m = meeting_with(Person(id="p-1", name="Kerry"))
    m.children = [Child(id="c-1", name="Léo")]
    assert [x.person_id for x in PeopleNames(m, WORDS).mentions(fold("leo and Kerry"))] == ["c-1", "p-1"]


def test_phrases_match_whole_words_and_hyphens_as_spaces() -> None:
    nights = Phrases(["night-time", "every night"])
    assert nights.find(fold("At NIGHT TIME and every   night")) == ["NIGHT TIME", "every   night"]
    assert nights.find(fold("everynight, nighttime")) == []

"""A person's place in the family's network: kept in the file, optional, offered from their own words."""

from __future__ import annotations

import tomllib

import pytest

from sdm_facilitator.domain.family_network import ChildRelation, NetworkPlace, suggest_place
from sdm_facilitator.domain.meeting import Child, Meeting, Person, iter_meeting_texts
from sdm_facilitator.storage.codec import CodecError, meeting_from_dict, meeting_to_toml, to_dict


def _meeting() -> Meeting:
    m = Meeting(kind="fgc", context="voluntary", family_label="Test")
    m.children = [Child(id="c-a", name="Amara"), Child(id="c-t", name="Tobi")]
    m.people = [Person(id="p-g", name="Grace", role="parent", relationship="Gran")]
    return m


def test_a_file_without_network_fields_is_written_exactly_as_before() -> None:
    text = meeting_to_toml(_meeting())
    assert "network" not in text
    assert meeting_to_toml(meeting_from_dict(tomllib.loads(text))) == text


def test_every_network_field_round_trips_through_the_file() -> None:
    m = _meeting()
    m.people[0].network = NetworkPlace(
        relations=[ChildRelation("c-a", "parent"), ChildRelation("c-t", "step-parent")],
        side="mother",
        household="Grace's flat",
        alive=True,
        contact="in-touch",
        bond="mixed",
        found_through="lifelong-links",
    )
    m.children[1].network = NetworkPlace(
        relations=[ChildRelation("c-a", "half-sibling")], household="Grace's flat"
    )
    text = meeting_to_toml(m)
    assert "[people.network]" in text
    assert meeting_from_dict(tomllib.loads(text)) == m


def test_a_wrong_relation_in_a_hand_edited_file_names_the_field() -> None:
    m = _meeting()
    m.people[0].network.relations = [ChildRelation("c-a", "parent")]
    data = to_dict(m)
    data["people"][0]["network"]["relations"][0]["relation"] = "godmother"
    with pytest.raises(CodecError) as caught:
        meeting_from_dict(data)
    assert str(caught.value).startswith("people[0].network.relations[0].relation")


def test_a_person_related_to_two_children_differently() -> None:
    place = NetworkPlace()
    assert place.set_relation("c-a", "parent")
    assert place.set_relation("c-t", "step-parent")
    assert not place.set_relation("c-t", "step-parent")
    assert (place.relation_to("c-a"), place.relation_to("c-t")) == ("parent", "step-parent")
    assert place.closest_relation() == "parent"
    assert place.closest_relation(["c-t"]) == "step-parent"
    assert place.set_relation("c-a", None)
    assert place.relation_to("c-a") is None
    assert [r.child for r in place.relations] == ["c-t"]


def test_the_household_is_free_text_walked_by_the_hints() -> None:
    m = _meeting()
    m.people[0].network.household = "Nana's house"
    m.children[0].network.household = "Mum's flat"
    texts = dict(iter_meeting_texts(m))
    assert texts["person 1: household"] == "Nana's house"
    assert texts["child 1: household"] == "Mum's flat"


@pytest.mark.parametrize(
    ("words", "relation", "side"),
    [
        ("Gran", "grandparent", None),
        ("grandmother (mum's mum)", "grandparent", "mother"),
        ("maternal aunt", "aunt-uncle", "mother"),
        ("Dad's brother", "aunt-uncle", "father"),
        ("mum's mum", "grandparent", "mother"),
        ("paternal uncle", "aunt-uncle", "father"),
        ("dad (lives apart)", "parent", "father"),
        ("mum", "parent", "mother"),
        ("great gran on dad's side", "great-grandparent", "father"),
        ("half-sister", "half-sibling", None),
        ("stepdad", "step-parent", None),
        ("family friend from church", "community-faith", "not-related"),
        ("next door neighbour", "neighbour", "not-related"),
    ],
)
def test_a_relation_is_offered_from_the_persons_own_words(
    words: str, relation: str, side: str | None
) -> None:
    found = suggest_place(words)
    assert found is not None
    assert (found.relation, found.side) == (relation, side)


@pytest.mark.parametrize("words", ["", "   ", "family support worker", "Granville Street"])
def test_no_relation_is_offered_where_the_words_do_not_say_one(words: str) -> None:
    assert suggest_place(words) is None

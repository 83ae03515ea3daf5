"""Who might be missing from the network, and the guide file whose prompts and N the panel uses."""

from __future__ import annotations

from typing import Any

import pytest

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.family_network import ChildRelation, NetworkPlace
from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.domain.network_missing import (
    FEW_BEYOND_PARENTS,
    NO_AUNT_UNCLE,
    NO_GRANDPARENT,
    NO_ONE_ON_SIDE,
    RULES,
    who_might_be_missing,
)
from sdm_facilitator.guides.loader import bundled_finding
from sdm_facilitator.guides.network_finding import NETWORK_FINDING_FILE, NetworkFindingError, parse_finding
from sdm_facilitator.paths import bundled_guides_dir


def _person(name: str, relation: str | None, side: str | None, role: str = "wider-family") -> Person:
    relations = [ChildRelation("c-a", relation)] if relation else []
    return Person(name=name, role=role, network=NetworkPlace(relations=relations, side=side))


def _meeting(*people: Person) -> Meeting:
    m = Meeting(kind="fgc")
    m.children = [Child(id="c-a", name="Amara")]
    m.people = list(people)
    return m


def _found(meeting: Meeting, enough: int = 3) -> list[tuple[str, str | None]]:
    return [(m.rule, m.side) for m in who_might_be_missing(meeting, enough)]


def test_only_the_father_himself_means_no_one_on_the_fathers_side() -> None:
    meeting = _meeting(
        _person("Mum", "parent", "mother", role="parent"),
        _person("Nana", "grandparent", "mother"),
        _person("Aunt", "aunt-uncle", "mother"),
        _person("Friend", "friend", "not-related", role="friend-community"),
        _person("Dad", "parent", "father", role="parent"),
    )
    assert _found(meeting) == [(NO_ONE_ON_SIDE, "father")]
    missing = who_might_be_missing(meeting, 3)[0]
    assert missing.words == "No one yet on the father's side of the family, beyond the father."


def test_a_side_without_a_grandparent_or_an_aunt_or_uncle_is_named() -> None:
    meeting = _meeting(
        _person("Nana", "grandparent", "mother"),
        _person("Aunt", "aunt-uncle", "mother"),
        _person("Cousin", "cousin", "father"),
    )
    assert _found(meeting) == [(NO_GRANDPARENT, "father"), (NO_AUNT_UNCLE, "father")]


def test_someone_on_both_sides_counts_for_each() -> None:
    meeting = _meeting(_person("Gran", "grandparent", "both"), _person("Uncle", "aunt-uncle", "both"))
    assert _found(meeting, enough=2) == []


def test_fewer_than_the_guides_number_beyond_the_parents() -> None:
    meeting = _meeting(
        _person("Mum", "parent", "mother", role="parent"), _person("Nana", "grandparent", "mother")
    )
    (few,) = [
        m
        for m in who_might_be_missing(meeting, 6, {FEW_BEYOND_PARENTS: ("Ask the children.",)})
        if m.rule == FEW_BEYOND_PARENTS
    ]
    assert few.words == "1 person beyond the parents; the guide suggests at least 6."
    assert few.prompts == ("Ask the children.",)
    assert FEW_BEYOND_PARENTS not in [m.rule for m in who_might_be_missing(meeting, 1)]


def test_the_bundled_finding_file_has_n_and_prompts_for_every_rule() -> None:
    finding = bundled_finding()
    assert finding.beyond_parents >= 1
    assert set(finding.prompts) == set(RULES)


def _bundled_data() -> dict[str, Any]:
    return toml_reading.loads((bundled_guides_dir() / NETWORK_FINDING_FILE).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(beyond_parents="six"), "f.toml: beyond_parents: expected a whole number"),
        (lambda d: d.update(beyond_parents=0), "f.toml: beyond_parents: expected a whole number"),
        (lambda d: d.update(colour="red"), "f.toml: colour: unknown key"),
        (
            lambda d: d["prompts"][1].update(rule="no-cousin"),
            "f.toml: prompts[2].rule: unknown rule 'no-cousin'",
        ),
        (lambda d: d["prompts"][0].update(text="  "), "f.toml: prompts[1].text: expected text in quotes"),
        (lambda d: d["prompts"][0].update(when="x"), "f.toml: prompts[1].when: unknown key"),
        (lambda d: d.update(prompts="x"), "f.toml: prompts: expected [[prompts]] tables"),
        (
            lambda d: d.update(beyond_parents_by_kind={"fgc-typo": 4}),
            "f.toml: beyond_parents_by_kind.fgc-typo: unknown kind of meeting",
        ),
        (
            lambda d: d.update(beyond_parents_by_kind={"cp-conference": 0}),
            "f.toml: beyond_parents_by_kind.cp-conference: expected a whole number",
        ),
        (lambda d: d.update(beyond_parents_by_kind=4), "f.toml: beyond_parents_by_kind: expected a table"),
    ],
)
def test_a_bad_finding_file_is_rejected_with_file_key_and_problem(change: Any, message: str) -> None:
    data = _bundled_data()
    change(data)
    with pytest.raises(NetworkFindingError) as caught:
        parse_finding(data, "f.toml")
    assert str(caught.value).startswith(message)


def test_a_kind_of_meeting_can_have_its_own_number_beyond_the_parents() -> None:
    data = _bundled_data()
    data["beyond_parents_by_kind"] = {"cp-conference": 3}
    finding = parse_finding(data, "f.toml")
    assert finding.enough_for("cp-conference") == 3
    assert finding.enough_for("fgc") == finding.beyond_parents == data["beyond_parents"]


def test_a_prompt_with_a_hidden_direction_character_is_refused() -> None:
    data = _bundled_data()
    data["prompts"][0]["text"] = "Ask the \u202efamily"
    with pytest.raises(NetworkFindingError) as caught:
        parse_finding(data, "f.toml")
    assert str(caught.value).startswith(
        "f.toml: prompts[1].text: contains an invisible, control or direction"
    )

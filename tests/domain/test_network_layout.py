"""The network drawing's layout: sides apart, generations in rows, households boxed, nothing overlapping."""

from __future__ import annotations

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.family_network import (
    RELATION_CHOICES,
    SIDE_CHOICES,
    ChildRelation,
    NetworkPlace,
)
from sdm_facilitator.domain.meeting import Child, Person
from sdm_facilitator.domain.network_layout import (
    AROUND,
    FATHER,
    MIDDLE,
    MOTHER,
    NOT_PLACED,
    Geometry,
    NetworkLayout,
    network_layout,
)

AMARA, TOBI = "c-amara", "c-tobi"


def _children() -> list[Child]:
    return [
        Child(id=AMARA, name="Amara"),
        Child(id=TOBI, name="Tobi", network=NetworkPlace(relations=[ChildRelation(AMARA, "half-sibling")])),
    ]


def _person(pid: str, relation: str | None, side: str | None, household: str = "", **kw: object) -> Person:
    relations = [ChildRelation(AMARA, relation)] if relation else []
    return Person(
        id=pid, name=pid, network=NetworkPlace(relations=relations, side=side, household=household), **kw
    )  # type: ignore[arg-type]


def _assert_sound(layout: NetworkLayout) -> None:
    """No two boxes overlap, no two frames overlap, each frame holds its people, all inside the drawing."""
    for a, b in combinations(layout.nodes, 2):
        assert not a.box.overlaps(b.box), (a.key, b.key)
    for a, b in combinations(layout.households, 2):
        assert not a.box.overlaps(b.box), (a.name, b.name)
    for frame in layout.households:
        for key in frame.members:
            node = layout.node(key)
            assert node is not None and frame.box.contains(node.box)
        for node in layout.nodes:
            if node.key not in frame.members:
                assert not frame.box.overlaps(node.box)
    for node in layout.nodes:
        assert node.box.x >= 0 and node.box.x + node.box.w <= layout.width
        assert node.box.y >= 0 and node.box.y + node.box.h <= layout.height


def test_children_in_the_middle_sides_apart_generations_in_rows() -> None:
    people = [
        _person("mum", "parent", "mother", "Mum's flat"),
        _person("dad", "parent", "father"),
        _person("nana", "grandparent", "mother"),
        _person("great-nan", "great-grandparent", "mother"),
        _person("uncle", "aunt-uncle", "father"),
        _person("friend", "friend", "not-related"),
        _person("gran?", None, None, role="wider-family"),
    ]
    layout = network_layout(_children(), people)
    _assert_sound(layout)
    node = {n.key: n for n in layout.nodes}
    assert node[AMARA].column == node[TOBI].column == MIDDLE
    assert node["mum"].column == node["nana"].column == MOTHER
    assert node["dad"].column == node["uncle"].column == FATHER
    assert node["mum"].box.x < node[AMARA].box.x < node["dad"].box.x
    assert node["great-nan"].box.y < node["nana"].box.y < node["mum"].box.y < node[AMARA].box.y
    assert node["mum"].row == node["dad"].row == node["uncle"].row == -1
    assert layout.households[0].box.y == node["dad"].box.y
    assert node["friend"].row == AROUND and node["gran?"].row == NOT_PLACED
    assert node[AMARA].box.y < node["friend"].box.y < node["gran?"].box.y
    assert [h.name for h in layout.households] == ["Mum's flat"]


def test_half_siblings_share_the_childrens_row_and_a_household_is_boxed_round_them() -> None:
    children = _children()
    for child in children:
        child.network.household = "Mum's flat"
    layout = network_layout(children, [_person("half-brother", "half-sibling", "father")])
    _assert_sound(layout)
    node = {n.key: n for n in layout.nodes}
    assert node[TOBI].relation == "half-sibling"
    assert node["half-brother"].row == node[TOBI].row == 0
    assert node["half-brother"].column == FATHER
    (frame,) = layout.households
    assert set(frame.members) == {AMARA, TOBI}


def test_a_person_related_to_two_children_differently_is_placed_by_the_closest() -> None:
    person = Person(
        id="sam",
        name="Sam",
        network=NetworkPlace(
            relations=[ChildRelation(TOBI, "parent"), ChildRelation(AMARA, "step-parent")], side="father"
        ),
    )
    layout = network_layout(_children(), [person])
    node = layout.node("sam")
    assert node is not None and node.relation == "parent" and node.row == -1


def test_the_arrows_follow_the_drawing() -> None:
    people = [
        _person("mum", "parent", "mother"),
        _person("dad", "parent", "father"),
        _person("nana", "grandparent", "mother"),
    ]
    layout = network_layout(_children(), people)
    assert layout.neighbour("mum", "right") == "dad"
    assert layout.neighbour("dad", "left") == "mum"
    assert layout.neighbour("mum", "up") == "nana"
    assert layout.neighbour("nana", "down") == "mum"
    assert layout.neighbour("mum", "down") == AMARA
    assert layout.neighbour("nana", "up") is None


def test_sixty_people_two_households_per_side_do_not_overlap() -> None:
    people = [
        _person(
            f"p{i}",
            RELATION_CHOICES[i % len(RELATION_CHOICES)],
            SIDE_CHOICES[i % 4],
            f"house {i % 5}" if i % 3 else "",
        )
        for i in range(60)
    ]
    for across in (1, 2, 3):
        layout = network_layout(_children(), people, Geometry(across=across))
        assert len(layout.nodes) == 62
        _assert_sound(layout)


_people = st.lists(
    st.tuples(
        st.sampled_from((None, *RELATION_CHOICES)),
        st.sampled_from((None, *SIDE_CHOICES)),
        st.sampled_from(("", "", "A", "B", "C")),
        st.sampled_from(("parent", "wider-family", "professional", "friend-community", "other")),
    ),
    max_size=60,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=_people, across=st.integers(1, 4), box_w=st.integers(6, 24))
def test_no_two_boxes_ever_overlap(
    people: list[tuple[str | None, str | None, str, str]], across: int, box_w: int
) -> None:
    chosen = [
        _person(f"p{i}", rel, side, house, role=role) for i, (rel, side, house, role) in enumerate(people)
    ]
    layout = network_layout(_children(), chosen, Geometry(box_w=box_w, across=across))
    assert len(layout.nodes) == len(chosen) + 2
    _assert_sound(layout)

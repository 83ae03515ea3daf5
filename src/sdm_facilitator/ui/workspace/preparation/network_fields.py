"""The form fields for someone's place in the family's network, shared by the person and child forms.

One group of fields (how they are related to each child, side of the family,
household, alive, contact, how the relationship is for the child, found
through family finding), kept apart from the rest of each form. Where the
free-text relationship reads like a relation ("Gran", "maternal aunt") and
none is recorded, an offer says so with a button: nothing is set until the
person presses it, and the free text is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from sdm_facilitator.domain.family_network import (
    BOND_CHOICES,
    CONTACT_CHOICES,
    FOUND_THROUGH_CHOICES,
    RELATION_CHOICES,
    SIDE_CHOICES,
    NetworkPlace,
    PlaceSuggestion,
    suggest_place,
)
from sdm_facilitator.domain.labels import (
    BOND_LABELS,
    CONTACT_LABELS,
    FOUND_THROUGH_LABELS,
    RELATION_LABELS,
    SIDE_LABELS,
)
from sdm_facilitator.domain.meeting import Child
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.ui.widgets.form_fields import (
    Field,
    FieldBinder,
    choice_select,
    set_attr,
    tri_bool,
    tri_select,
)


def relation_field_id(prefix: str, child: Child) -> str:
    """The widget id of the "related to this child" choice (child ids are safe as widget ids)."""
    return f"{prefix}-rel-{child.id}"


def network_place_fields(
    place: NetworkPlace, children: Sequence[Child], *, prefix: str, offer: bool = True
) -> Iterator[Widget]:
    """The group's widgets, under their own subtitle: one relation choice per child, then the rest."""
    yield Static(Content("Their place in the family's network"), classes="dialog-subtitle")
    if offer:
        with Horizontal(id=f"{prefix}-offer", classes="network-offer"):
            yield Static("", id=f"{prefix}-offer-words", markup=False)
            yield Button(Content("Use it"), id=f"{prefix}-offer-use", compact=True)
    for child in children:
        name = one_line(child.name, 30) or "this child"
        yield Field(
            f"Related to {name} as",
            choice_select(
                RELATION_CHOICES,
                RELATION_LABELS,
                place.relation_to(child.id),
                id=relation_field_id(prefix, child),
            ),
        )
    yield Field(
        "Side of the family",
        choice_select(SIDE_CHOICES, SIDE_LABELS, place.side, id=f"{prefix}-side"),
        help="The network drawing puts the mother's side and the father's side apart.",
    )
    yield Field(
        "Household",
        Input(
            place.household,
            placeholder="a short name shared by people who live together",
            id=f"{prefix}-household",
        ),
        hints=True,
    )
    yield Field("Alive", tri_select(place.alive, id=f"{prefix}-alive"))
    yield Field(
        "Contact with the child",
        choice_select(CONTACT_CHOICES, CONTACT_LABELS, place.contact, id=f"{prefix}-contact"),
    )
    yield Field(
        "How the relationship is for the child",
        choice_select(BOND_CHOICES, BOND_LABELS, place.bond, id=f"{prefix}-bond"),
        help="The ecomap's line between them and the child.",
    )
    yield Field(
        "Found through",
        choice_select(FOUND_THROUGH_CHOICES, FOUND_THROUGH_LABELS, place.found_through, id=f"{prefix}-found"),
    )


def bind_network_place(
    binder: FieldBinder, place: NetworkPlace, children: Sequence[Child], *, prefix: str
) -> None:
    """Bind every field of the group to ``place``."""
    for child in children:
        binder.bind_field(relation_field_id(prefix, child), _relation_setter(place, child.id))
    binder.bind_field(f"{prefix}-side", lambda v: set_attr(place, "side", v))
    binder.bind_field(f"{prefix}-household", lambda v: set_attr(place, "household", v))
    binder.bind_field(f"{prefix}-alive", lambda v: set_attr(place, "alive", tri_bool(v)))
    binder.bind_field(f"{prefix}-contact", lambda v: set_attr(place, "contact", v))
    binder.bind_field(f"{prefix}-bond", lambda v: set_attr(place, "bond", v))
    binder.bind_field(f"{prefix}-found", lambda v: set_attr(place, "found_through", v))


def _relation_setter(place: NetworkPlace, child_id: str):  # type: ignore[no-untyped-def]
    return lambda value: place.set_relation(child_id, value)


def offer_for(relationship: str, place: NetworkPlace, children: Sequence[Child]) -> PlaceSuggestion | None:
    """The relation to offer: only while the words suggest one and some child has none recorded."""
    found = suggest_place(relationship)
    if found is None or not children:
        return None
    if all(place.relation_to(child.id) is not None for child in children):
        return None
    return found


def offer_words(found: PlaceSuggestion, relationship: str) -> str:
    """ "Their relationship says "Gran": Grandparent, mother's side? (nothing changes until you say)"."""
    side = f", {SIDE_LABELS[found.side].lower()}" if found.side else ""
    return (
        f"Their relationship says \u201c{one_line(relationship, 40)}\u201d: "
        f"{RELATION_LABELS[found.relation].lower()}{side}?"
    )


def show_offer(
    screen: Widget, relationship: str, place: NetworkPlace, children: Sequence[Child], *, prefix: str
) -> None:
    """Show or hide the offer under the group's subtitle."""
    found = offer_for(relationship, place, children)
    row = screen.query_one(f"#{prefix}-offer", Horizontal)
    row.display = found is not None
    if found is not None:
        screen.query_one(f"#{prefix}-offer-words", Static).update(offer_words(found, relationship))


def use_offer(
    binder: FieldBinder,
    screen: Widget,
    relationship: str,
    place: NetworkPlace,
    children: Sequence[Child],
    *,
    prefix: str,
) -> None:
    """The person said yes: set the offered relation for each child with none, and the side if unset.

    The free-text relationship is left as it is; the choices on screen show the new values.
    """
    found = offer_for(relationship, place, children)
    if found is None:
        return
    for child in children:
        if place.relation_to(child.id) is None:
            place.set_relation(child.id, found.relation)
            screen.query_one(f"#{relation_field_id(prefix, child)}", Select).value = found.relation
    if found.side is not None and place.side is None:
        place.side = found.side
        screen.query_one(f"#{prefix}-side", Select).value = found.side
    binder.edited()
    show_offer(screen, relationship, place, children, prefix=prefix)

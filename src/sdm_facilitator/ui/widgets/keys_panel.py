"""The `?` panel: the keys that do something here first, moving around last.

Textual's own help panel lists bindings in the order keys are looked up, which
starts with the focused widget: on a list or a long page that means a dozen
scroll and cursor keys before "Add an action" or "Save". A coordinator pressing
`?` in the middle of a meeting wants the second kind. This panel groups the same
bindings (Textual's public `Screen.active_bindings`) by what they are for:

- this part of the screen (bindings of the app's own widgets around the focus),
- this screen, then anywhere in the app,
- moving around (bindings Textual's widgets bring: cursor, scroll, page keys).

Descriptions are the app's own words and are shown as text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

HERE = "Here"
ON_THIS_SCREEN = "On this screen"
ANYWHERE = "Anywhere"
MOVING_AROUND = "Moving around"

#: The order the groups are shown in.
GROUP_ORDER = (HERE, ON_THIS_SCREEN, ANYWHERE, MOVING_AROUND)


@dataclass(frozen=True)
class KeyLine:
    """One row of the panel: the keys and what they do."""

    keys: str
    description: str
    enabled: bool


@cache
def bound_actions(node_type: type[DOMNode], *, by_textual: bool) -> frozenset[str]:
    """The actions this kind of node binds: in Textual's own classes, or in the app's."""
    actions: set[str] = set()
    for cls in node_type.__mro__:
        if cls.__module__.startswith("textual.") != by_textual:
            continue
        for entry in cls.__dict__.get("BINDINGS", ()):
            actions.add(entry.action if isinstance(entry, Binding) else entry[1])
    return frozenset(actions)


def group_of(namespace: DOMNode, binding: Binding) -> str:
    """Which group a binding belongs to, from where it is bound.

    An action the app binds itself (Enter as "Open" on the meetings list) counts as
    the app's even where a Textual class binds the same action.
    """
    if isinstance(namespace, App):
        return ANYWHERE
    kind = type(namespace)
    if binding.action in bound_actions(kind, by_textual=True) and binding.action not in bound_actions(
        kind, by_textual=False
    ):
        return MOVING_AROUND
    if isinstance(namespace, Screen):
        return ON_THIS_SCREEN
    return HERE


def key_groups(screen: Screen[object]) -> dict[str, list[KeyLine]]:
    """The screen's active bindings, grouped and in the order the panel shows them.

    Keys bound to the same action in one group share a row ("down j"); system
    bindings (Textual's own housekeeping) are left out, as Textual's panel does.
    """
    by_action: dict[tuple[str, str], list[tuple[Binding, bool]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system:
            continue
        group = group_of(active.node, binding)
        by_action.setdefault((group, binding.action), []).append((binding, active.enabled))
    groups: dict[str, list[KeyLine]] = {name: [] for name in GROUP_ORDER}
    display = screen.app.get_key_display
    for (group, _action), bindings in by_action.items():
        first, enabled = bindings[0]
        keys = " ".join(dict.fromkeys(display(binding) for binding, _ in bindings))
        description = first.description or first.action.replace("_", " ")
        groups[group].append(KeyLine(keys, description, enabled))
    return {name: lines for name, lines in groups.items() if lines}


def keys_table(groups: dict[str, list[KeyLine]]) -> Table:
    """The groups as a two-column table: keys right-aligned, words beside them."""
    widest = max((len(line.keys) for lines in groups.values() for line in lines), default=1)
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", no_wrap=True, width=widest)
    table.add_column(ratio=1, overflow="fold")
    for number, (name, lines) in enumerate(groups.items()):
        if number:
            table.add_row("", "")
        table.add_row("", Text(name, style="bold underline"))
        for line in lines:
            style = "" if line.enabled else "dim"
            table.add_row(Text(line.keys, style=f"bold {style}"), Text(line.description, style=style))
    return table


class KeysPanel(VerticalScroll, can_focus=False):
    """A panel down the right of the screen listing its keys; `?` again closes it."""

    DEFAULT_CSS = """
    KeysPanel {
        split: right;
        width: 33%;
        min-width: 30;
        max-width: 60;
        height: 1fr;
        border-left: vkey $foreground 30%;
        padding: 0 1;
    }
    KeysPanel > #keys-table {
        width: 100%;
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="keys-table")

    def on_mount(self) -> None:
        self._show()
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.call_after_refresh(self._show)

    def _show(self) -> None:
        if self.is_attached:
            self.query_one("#keys-table", Static).update(keys_table(key_groups(self.screen)))

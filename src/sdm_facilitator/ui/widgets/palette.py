"""Command palette entries for the keys a screen shows in its footer.

Every action reachable by a key shown in the footer is also a palette
command, named by the binding's description, so the palette and the footer
never disagree, and each action is listed once: screens and sections add
their own commands only for actions that have no footer key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

#: Actions the app already lists itself (quit, keys, palette, high contrast).
_APP_ACTIONS = {
    "quit",
    "help_keys",
    "command_palette",
    "toggle_high_contrast",
    "app.quit",
    "app.help_keys",
    "app.command_palette",
    "app.toggle_high_contrast",
}
_OWN_PACKAGE = "sdm_facilitator."


def _own_bindings(node: DOMNode) -> Iterator[Binding]:
    """The key bindings this app's own classes declare on ``node``, one per key.

    Textual's own widget keys (cursor movement, text editing) are left out:
    they are not actions of the meeting. Hidden ones are included: a key
    kept out of the footer to fit 80 columns is still an action to offer.
    """
    for cls in type(node).__mro__:
        if cls.__module__.startswith(_OWN_PACKAGE):
            declared = [b for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)]
            yield from Binding.make_bindings(declared)


def binding_commands(
    screen: Screen[Any], prefix: str = "", also: Iterable[DOMNode] = ()
) -> Iterator[SystemCommand]:
    """One command per key action of ``screen``'s focused chain, named as its key is.

    ``also``: more widgets whose keys are listed even without the focus (a
    workspace section and its tables), so the palette offers them wherever
    the focus is in that section. Each action and each key is listed once.
    """
    seen_actions: set[tuple[int, str]] = set()
    seen_keys: set[str] = set()
    focused = screen.focused
    chain: list[DOMNode] = [*(([focused, *focused.ancestors]) if focused is not None else [screen])]
    nodes = [n for n in [*chain, *also] if n is not screen.app]
    for node in dict.fromkeys(nodes):
        for binding in _own_bindings(node):
            action = binding.action
            if action in _APP_ACTIONS or not binding.description:
                continue
            if (id(node), action) in seen_actions or binding.key in seen_keys:
                continue
            seen_actions.add((id(node), action))
            seen_keys.add(binding.key)
            shown_key = binding.key_display or screen.app.get_key_display(binding)

            def run(node: DOMNode = node, action: str = action) -> None:
                screen.app.call_later(screen.app.run_action, action, node)

            yield SystemCommand(f"{prefix}{binding.description}", f"key: {shown_key}", run)

"""Command palette entries for the keys a screen shows in its footer.

Every action reachable by a key shown in the footer is also a palette
command, named by the binding's description, so the palette and the footer
never disagree, and each action is listed once: screens and sections add
their own commands only for actions that have no footer key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

#: Actions the app already lists itself (quit, keys, palette).
_APP_ACTIONS = {"quit", "help_keys", "command_palette", "app.quit", "app.help_keys", "app.command_palette"}


def _shown_bindings(node: DOMNode) -> Iterator[tuple[str, Binding]]:
    """The footer bindings ``node`` declares, whether or not it has the focus now."""
    # DOMNode keeps its merged bindings here; there is no public accessor.
    for key, bindings in node._bindings.key_to_bindings.items():
        for binding in bindings:
            if binding.show:
                yield key, binding


def binding_commands(
    screen: Screen[object], prefix: str = "", also: Iterable[DOMNode] = ()
) -> Iterator[SystemCommand]:
    """One command per shown, enabled key binding of ``screen``'s focused chain.

    ``also``: more widgets whose footer keys are listed even without the
    focus (a workspace section's tables), so the palette offers them wherever
    the focus is in that section.
    """
    seen: set[str] = set()

    def command(key: str, binding: Binding, node: DOMNode) -> SystemCommand | None:
        if binding.action in _APP_ACTIONS or not binding.description or binding.description in seen:
            return None
        seen.add(binding.description)
        shown_key = binding.key_display or screen.app.get_key_display(binding)
        action = binding.action

        def run(node: DOMNode = node, action: str = action) -> None:
            screen.app.call_later(node.run_action, action)

        return SystemCommand(f"{prefix}{binding.description}", f"key: {shown_key or key}", run)

    found: list[SystemCommand | None] = []
    for key, active in screen.active_bindings.items():
        if active.binding.show and active.enabled:
            found.append(command(key, active.binding, active.node))
    for node in also:
        found += [command(key, binding, node) for key, binding in _shown_bindings(node)]
    yield from (c for c in found if c is not None)

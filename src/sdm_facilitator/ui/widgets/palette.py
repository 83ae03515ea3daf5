"""Command palette entries for the keys a screen shows in its footer.

Every action reachable by a key shown in the footer is also a palette
command, named by the binding's description, so the palette and the footer
never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import SystemCommand
from textual.screen import Screen

#: Actions the app already lists itself (quit, keys, palette).
_APP_ACTIONS = {"quit", "help_keys", "command_palette", "app.quit", "app.help_keys", "app.command_palette"}


def binding_commands(screen: Screen[object], prefix: str = "") -> Iterator[SystemCommand]:
    """One command per shown, enabled key binding of ``screen``'s focused chain."""
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.show or not active.enabled or binding.action in _APP_ACTIONS:
            continue
        if binding.description in seen or not binding.description:
            continue
        seen.add(binding.description)
        node, action = active.node, binding.action
        shown_key = binding.key_display or screen.app.get_key_display(binding)

        def run(node=node, action=action) -> None:  # type: ignore[no-untyped-def]
            screen.app.call_later(node.run_action, action)

        yield SystemCommand(f"{prefix}{binding.description}", f"key: {shown_key or key}", run)

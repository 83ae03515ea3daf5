"""Keys typed before a dialog is ready are held, then given to it in order once a field has the focus.

A dialog is on screen the moment it is asked for, but its fields are built
and focused a moment later. A quick typist's next keys (the first words, a
Tab to the next field, ctrl+s) arrive in that moment; without this they would
reach a dialog with nothing focused and be dropped, or a Tab would move the
focus before the fields exist and both texts would land in one field.

The app gives every key to ``hold_key`` first (``SdmApp.on_event``); while the
dialog is not ready the key is kept. When a field of the dialog gets the
focus, the release runs on the app's own queue, so the held keys go to the
dialog before any key typed after them, in the order they were typed, one at
a time (``ui/key_order.py``): a held Tab moves the focus before the words
after it are given out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App

#: However a dialog is built, keys are never held longer than this.
LONGEST_HOLD_SECONDS = 1.0


class HoldsEarlyKeys:
    """Mixed into a dialog (before ``ModalScreen``): it holds keys until one of its fields has the focus."""

    _held_keys: list[events.Key] | None = None
    _keys_released = False

    app: App[object]

    def hold_key(self, event: events.Key) -> bool:
        """Keep ``event`` if the dialog is not ready for it yet; False once it is."""
        if self._keys_released:
            return False
        if self._held_keys is None:
            self._held_keys = []
        self._held_keys.append(event)
        return True

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        """A field has the focus: give it the held keys (after anything already queued for the app)."""
        self._release_soon()

    def on_mount(self) -> None:
        self.set_timer(LONGEST_HOLD_SECONDS, self._release_soon)  # type: ignore[attr-defined]

    def _release_soon(self) -> None:
        if not self._keys_released:
            self.app.call_later(self._release_held_keys)

    async def _release_held_keys(self) -> None:
        if self._keys_released:
            return
        self._keys_released = True
        held, self._held_keys = self._held_keys or [], None
        for event in held:
            # Through the app's own handling, as if typed now: one at a time (``ui/key_order.py``),
            # so a Tab moves the focus before the keys after it are given out.
            await self.app.on_event(event)

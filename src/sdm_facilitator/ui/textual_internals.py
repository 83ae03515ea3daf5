"""Every use of Textual's private names, in one place.

Textual is pinned exactly (see pyproject.toml). Where the app needs
behaviour Textual has no public API for, the private access lives here, each
with a test in ``tests/ui/test_textual_internals.py`` that fails if a newer
Textual changes it, so moving the pin is a change to this module and the
snapshots.
"""

from __future__ import annotations

from textual.widgets import TextArea


def rewrap(text_area: TextArea) -> None:
    """Wrap ``text_area``'s text again for the width it has now.

    A TextArea wraps when it is resized or its scrollbar comes or goes; when
    its container gains a scrollbar in the same layout pass, it can keep the
    wrap of the width it had a moment before (one word too wide), depending
    on the order the machine ran things in. Wrapping again once the layout has
    settled gives the same lines every time.
    """
    text_area._rewrap_and_refresh_virtual_size()

"""The running app, typed by what screens use of it, for screens and widgets.

Textual types ``self.app`` as a plain ``App``; every screen here runs inside
``SdmApp`` and uses its store, clock and guides. One cast, here, to the
``AppServices`` contract (``ui/contracts.py``), instead of a ``type: ignore``
at every use (Posting does the same with a cast to its app).
"""

from __future__ import annotations

from typing import cast

from textual.dom import DOMNode

from sdm_facilitator.ui.contracts import AppServices


def sdm_app(node: DOMNode) -> AppServices:
    """The app ``node`` runs in."""
    return cast(AppServices, node.app)

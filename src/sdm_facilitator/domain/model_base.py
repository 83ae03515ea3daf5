"""Building blocks every part of the meeting model uses: field metadata, ids and the ``extra`` table.

Kept apart from ``meeting`` so the parts of the model that live in their own
modules (the risk screen, the conference's decision) use the same rules
without importing the whole meeting.
"""

from __future__ import annotations

import secrets
from dataclasses import field
from typing import Any


def choices(values: tuple[str, ...]) -> dict[str, Any]:
    """Field metadata naming the allowed values, read by the codec's checks."""
    return {"choices": values}


def new_id(prefix: str = "") -> str:
    """A random id, safe as a file name, never derived from anyone's name."""
    return f"{prefix}{secrets.token_hex(4)}"


def extra_field() -> Any:
    """The ``extra`` table: keys this version does not know, kept so a round trip never drops them."""
    return field(default_factory=dict, repr=False, compare=True)

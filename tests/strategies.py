"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Any text a person could type or paste: every code point except lone
# surrogates (which no keyboard or UTF-8 file can produce).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)

HOSTILE_TEXTS = [
    "[/]",
    "[/x]",
    "[b",
    "[@click=app.quit]x[/]",
    "[link=https://example.org]x[/link]",
    "list[int]",
    "trailing backslash \\",
    "emoji 👨‍👩‍👧 ❤️",
    "مرحبا بالعائلة",
    "x" * 10_000,
]

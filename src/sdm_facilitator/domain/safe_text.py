"""Make user text safe to show on a terminal, without changing what is stored.

Control characters in a note (pasted from another program, or hostile) could
move the cursor, change colours or reorder text if they reached the terminal
raw. For display they become visible symbols; the stored text stays exact.
"""

from __future__ import annotations

import re

# Bidirectional embedding, override and isolate controls can make text appear
# in a different order than it is stored (the "Trojan Source" family).
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# Characters that show as nothing, or break a line where a terminal, a JSON
# reader or a table does not expect it, so a text can hide words or look like
# something else: the line and paragraph separators (U+2028, U+2029: raw in
# JSON, a line break in some terminals), zero-width space, word joiner and the
# invisible operators, the byte-order mark inside text, the soft hyphen, the
# Mongolian vowel separator, the deprecated format controls, the interlinear
# annotation marks (U+FFF9 to U+FFFB) and the tag characters (U+E0000 to
# U+E007F). The zero-width joiner and non-joiner are left alone: several
# scripts and emoji need them.
_INVISIBLE = (
    "\u00ad\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f" + _BIDI_CONTROLS + _INVISIBLE + "]")


def first_unsafe_character(text: str) -> tuple[int, int] | None:
    """Position and code point of the first character ``visible`` would replace, or None."""
    match = _UNSAFE.search(text)
    return None if match is None else (match.start(), ord(match.group()))


def escape_for_json(json_text: str) -> str:
    """JSON text with every terminal control character left raw by ``json.dumps`` escaped.

    ``json.dumps(..., ensure_ascii=False)`` escapes only characters below
    U+0020, so DEL, the C1 controls (U+0080 to U+009F, which some terminals
    obey) and the bidirectional overrides would reach the terminal raw. They
    can only occur inside JSON strings, where a ``\\uXXXX`` escape means the same text,
    so the data read back is unchanged.
    """
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ ␁ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩


def visible(text: str) -> str:
    """``text`` with every terminal control character shown as a visible symbol.

    Tabs and newlines are kept: they are ordinary layout in notes.
    """
    return _UNSAFE.sub(_symbol, text)


def one_line(text: str, limit: int | None = None) -> str:
    """``visible`` text folded onto one line, shortened with an ellipsis at ``limit``."""
    # Fold line breaks before making controls visible, or a pasted "\r\n" would show as "␍".
    flat = visible(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " "))
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)] + "…"
    return flat

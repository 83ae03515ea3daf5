"""Where a note quotes someone's own words, so language hints leave them alone.

The guides ask for a child's or parent's words to be recorded word for word:
"Mia said 'I hate it when they shout'". A hint on those words would ask the
writer to change what someone said. So text inside quotation marks that are
attributed to a person is never flagged. The rules, kept simple enough to
explain to a coordinator:

* quotation marks are straight or curly, double or single, or guillemets;
  a quote may hold another quote ("Mum said “he told me ‘you provoked me’”"),
  and only the outer one counts;
* an apostrophe inside a word ("don't", "Kerry’s") is never a quotation mark;
* a quote that is never closed runs to the end of the sentence it starts in,
  so a stray mark hides at most one sentence of the writer's own words;
* a quote is attributed when its sentence names the speaking before it
  ("said", "told the police", "wrote", "in her words", "asked me" ...), when
  a colon leads into it ("Mia: 'I hate it'"), or when the speaking follows
  it ("“It was only verbal,” Kerry said"). Quotation marks round a word with
  nobody speaking ("a 'domestic incident'") are the writer's own words and
  are still checked;
* a blank line ends every quote: quotes never run across paragraphs.

Sentences end at ".", "!" or "?" followed by a space, a closing mark or the
end of the text, and at a line break.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["QuotedWords", "sentence_bounds"]

#: How far (characters) to look for a sentence's start or end; longer sentences are cut there.
SENTENCE_REACH = 400

_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'\u201d\u2019)\]]|$)|\n")
# The same, for text read backwards: a newline, or a closing character then "." "!" "?".
_SENTENCE_END_BACKWARDS = re.compile(r"\n|(?<=[\s\"'\u201d\u2019)\]])[.!?]")
_MARKS = re.compile("[\"\u201c\u201d\u201e\u2018\u2019'\u00ab\u00bb]|\n[ \t]*\n")
_OPEN_BEFORE = set(" \t\n([{:\u2014\u2013-/\u201c\u2018\"'")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}\u2014\u2013-\u201d\u2019\"'")
# Families of marks: a closing mark only closes a quote opened by its own family.
_DOUBLE, _SINGLE, _GUILLEMET = "d", "s", "g"

_REPORTING = (
    r"said|says|say|saying|told|tells|tell|telling|asked|asks|ask|asking|wrote|writes|write|writing|written"
    r"|texted|texts|messaged|emailed|shouted|shouts|screamed|yelled|cried|whispered|sobbed|replied|replies"
    r"|answered|explained|explains|described|describes|describe|describing|added|adds|stated|states"
    r"|disclosed|discloses|admitted|admits|insisted|insists|recalled|recalls|commented|remarked|mentioned"
    r"|repeated|repeats|words|quote|quoted|quoting|according\s+to|put\s+it|puts\s+it"
    r"|call(?:s|ed)?\s+(?:it|him|her|them|me|this|that)"
)
_SPEAKING_BEFORE = re.compile(rf"(?<!\w)(?:{_REPORTING})(?!\w)", re.IGNORECASE)
_SPEAKING_AFTER = re.compile(
    rf"[\s,.!?\u2014\u2013-]*(?:[^\s\"\u201c\u201d\u2018\u2019'\u00ab\u00bb]+\s+){{0,3}}?(?:{_REPORTING})(?!\w)",
    re.IGNORECASE,
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``text[start:end]`` (looking at most ``SENTENCE_REACH`` each way)."""
    low = max(0, start - SENTENCE_REACH)
    # The last sentence end before ``start``: search the text before it backwards,
    # led by the character at ``start`` (the end of the text counts as a space).
    begin = low
    if start:
        backwards = (text[start] if start < len(text) else " ") + text[
            start - 1 : low - 1 if low else None : -1
        ]
        before = _SENTENCE_END_BACKWARDS.search(backwards, 1)
        if before is not None:
            begin = start - before.start() + 1
    limit = min(len(text), end + SENTENCE_REACH)
    after = _SENTENCE_END.search(text, end, limit)
    return begin, after.end() if after is not None else limit


def _family(mark: str) -> str:
    if mark in '"\u201c\u201d\u201e':
        return _DOUBLE
    if mark in "\u00ab\u00bb":
        return _GUILLEMET
    return _SINGLE


def _role(text: str, pos: int, mark: str, open_families: list[str]) -> str:
    """'open', 'close' or '' (not a quotation mark here: an apostrophe in a word)."""
    if mark in "\u201c\u201e\u00ab":
        return "open"
    if mark in "\u201d\u00bb":
        return "close"
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return ""  # an apostrophe inside a word
    may_open = before in _OPEN_BEFORE and not after.isspace()
    may_close = not before.isspace() and (after in _CLOSE_AFTER or pos + 1 == len(text))
    if mark == "\u2018":
        may_close = False
    if mark == "\u2019":
        may_open = False
    if may_open and not may_close:
        return "open"
    if may_close and not may_open:
        return "close"
    if may_open and may_close:  # squeezed between marks or punctuation: close what is open
        return "close" if _family(mark) in open_families else "open"
    return ""


def _quote_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Every outermost quotation in ``text[begin:end]``: start of its opening mark, end of its closing one."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (family, position of the opening mark)

    def close_unclosed(limit: int) -> None:
        if stack:
            start = stack[0][1]
            end = min(sentence_bounds(text, start + 1, start + 1)[1], limit)
            spans.append((start, end))
            stack.clear()

    for found in _MARKS.finditer(text, begin, end):
        mark, pos = found.group(), found.start()
        if mark[0] == "\n":  # a blank line
            close_unclosed(pos)
            continue
        role = _role(text, pos, mark, [family for family, _ in stack])
        if role == "open":
            stack.append((_family(mark), pos))
        elif role == "close":
            family = _family(mark)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == family:
                    if depth == 0:
                        spans.append((stack[0][1], pos + 1))
                    del stack[depth:]
                    break
    close_unclosed(end)
    spans.sort()
    return spans


def _attributed(text: str, start: int, end: int) -> bool:
    """True when someone is said to be speaking the quotation ``text[start:end]``."""
    begin, _ = sentence_bounds(text, start, start)
    lead = text[begin:start]
    if lead.rstrip().endswith(":") or _SPEAKING_BEFORE.search(lead):
        return True
    return _SPEAKING_AFTER.match(text, end, min(len(text), end + 60)) is not None


class QuotedWords:
    """The attributed quotations in one text (or the part from ``begin`` to ``end``), ready for asking whether a match lies inside one.

    Read a paragraph at a time: quotes never run across a blank line.
    """

    def __init__(self, text: str, begin: int = 0, end: int | None = None) -> None:
        stop = len(text) if end is None else end
        self.spans: list[tuple[int, int]] = [
            (start, finish)
            for start, finish in _quote_spans(text, begin, stop)
            if _attributed(text, start, finish)
        ]
        self._starts = [start for start, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` overlaps someone's quoted words."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index >= 0 and self.spans[index][1] > start:
            return True
        following = index + 1
        return following < len(self.spans) and self.spans[following][0] < end

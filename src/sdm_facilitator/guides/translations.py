"""Reading and checking translation catalogues: gettext ``.po`` files, read as they are.

The catalogue for Welsh is ``guides/translations/cy.po``; an organisation
may keep its own ``translations/cy.po`` in its guides folder, whose entries
replace the bundled ones message by message (that is how its Welsh speaker
corrects or approves a translation: in the catalogue, never in code).

Why ``.po`` read directly rather than compiled ``.mo``: the file a speaker
edits is then the file the app reads, with no build step to forget and no
binary to ship, and every problem can name the line to fix. The format is
plain gettext, so Poedit, Weblate or Babel's ``pybabel`` open it unchanged
(a test reads the bundled catalogue with Babel and must get the same
messages). Each entry carries a translator comment ``# review: needs-check``
or ``# review: approved``; gettext's own ``fuzzy`` flag is not used for this,
because tools that honour it would drop every unchecked translation.

A file with problems is reported like a guide (file, line, key and what is
wrong); its good entries are still used, a bad entry never is.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sdm_facilitator.domain.safe_text import first_unsafe_character, one_line
from sdm_facilitator.domain.translation import (
    REVIEW_STATES,
    Catalogue,
    CatalogueEntry,
    Translator,
    placeholders,
)
from sdm_facilitator.guides.validate import GuideProblem
from sdm_facilitator.paths import bundled_guides_dir
from sdm_facilitator.storage.files import read_regular_file

#: The folder inside a guides folder holding one catalogue per language.
TRANSLATIONS_DIR = "translations"
#: Catalogues with a translation shipped with the app.
BUNDLED_LANGUAGES: tuple[str, ...] = ("cy",)
#: A catalogue is a text file of a few hundred messages; anything bigger is a mistake.
MAX_CATALOGUE_BYTES = 1_000_000

_REVIEW = re.compile(r"^#\s*review:\s*(\S*)\s*$")
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*)$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def catalogue_path(guides_dir: Path, lang: str) -> Path:
    """Where the catalogue for ``lang`` lives in a guides folder."""
    return guides_dir / TRANSLATIONS_DIR / f"{lang}.po"


def _unquote(literal: str) -> str | None:
    """A quoted .po string's text, or None when it is not one quoted string."""
    if len(literal) < 2 or not literal.startswith('"') or not literal.endswith('"'):
        return None
    out: list[str] = []
    body = literal[1:-1]
    index = 0
    while index < len(body):
        ch = body[index]
        if ch == "\\":
            if index + 1 >= len(body) or body[index + 1] not in _ESCAPES:
                return None
            out.append(_ESCAPES[body[index + 1]])
            index += 2
            continue
        if ch == '"':
            return None
        out.append(ch)
        index += 1
    return "".join(out)


class _Entry:
    """An entry while it is read: its keywords' texts, review comment and first line."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.parts: dict[str, list[str]] = {}
        self.review: str | None = None
        self.last: str | None = None


def _entries(text: str, file: Path, problems: list[GuideProblem]) -> list[_Entry]:
    """The file split into entries (blank lines between them), each keyword's strings joined."""
    found: list[_Entry] = []
    current: _Entry | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            current = None
            continue
        if current is None:
            current = _Entry(number)
            found.append(current)
        if line.startswith("#"):
            review = _REVIEW.match(line)
            if review:
                current.review = review.group(1)
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            name, literal = keyword.groups()
            if name in current.parts:
                problems.append(GuideProblem(file, name, number, f"{name} appears twice in one entry"))
            current.parts[name] = []
            current.last = name
        elif line.startswith('"') and current.last is not None:
            literal = line
        else:
            problems.append(
                GuideProblem(file, "", number, 'expected msgid, msgstr, a "quoted" line or a # comment')
            )
            current.last = None
            continue
        value = _unquote(literal)
        if value is None:
            problems.append(GuideProblem(file, current.last or "", number, "not a correctly quoted string"))
            continue
        current.parts[current.last or ""].append(value)
    return found


def _check_entry(entry: _Entry, lang: str, file: Path) -> tuple[CatalogueEntry | None, list[GuideProblem]]:
    """The entry as a catalogue entry, or None and why it cannot be used."""
    joined = {name: "".join(values) for name, values in entry.parts.items()}
    msgid = joined.get("msgid")
    key = one_line(msgid, 60) if msgid else "msgid"

    def problem(message: str) -> tuple[None, list[GuideProblem]]:
        return None, [GuideProblem(file, key, entry.line, message)]

    if msgid is None or "msgstr" not in joined:
        return problem("an entry needs both msgid and msgstr")
    if set(joined) - {"msgid", "msgstr"}:
        extra = ", ".join(sorted(set(joined) - {"msgid", "msgstr"}))
        return problem(f"{extra} is not used by this app; give one msgid and one msgstr")
    msgstr = joined["msgstr"]
    if not msgid:  # the header: says which language the file is for
        match = re.search(r"^Language:\s*(\S+)\s*$", msgstr, re.MULTILINE)
        if match and match.group(1) != lang:
            return problem(f"the header says Language: {match.group(1)}, but this is the file for '{lang}'")
        return None, []
    if entry.review not in REVIEW_STATES:
        said = f"'{entry.review}'" if entry.review is not None else "nothing"
        return problem(f"the comment '# review: ...' says {said}; expected one of {', '.join(REVIEW_STATES)}")
    if not msgstr.strip():
        return problem("msgstr is empty; write the translation, or leave the entry out")
    if "\n" in msgstr or first_unsafe_character(msgstr) is not None:
        return problem("msgstr must be one line without control, invisible or direction characters")
    try:
        wanted = placeholders(msgid)
    except ValueError:
        return problem("msgid has a stray { or }; it is not a message the app asks for")
    wanted_words = ", ".join(f"{{{n}}}" for n in sorted(wanted)) or "none"
    try:
        same = placeholders(msgstr) == wanted
        msgstr.format_map({name: "" for name in wanted})
    except (ValueError, IndexError, KeyError):
        same = False
    if not same:
        return problem(
            f"msgstr must use the same {{names}} as msgid ({wanted_words}), each in braces; "
            "write {{ or }} for a brace"
        )
    return CatalogueEntry(msgid, msgstr, entry.review), []


def parse_catalogue(text: str, lang: str, file: Path) -> tuple[Catalogue, list[GuideProblem]]:
    """The usable entries of a .po text, and every problem found."""
    problems: list[GuideProblem] = []
    entries: dict[str, CatalogueEntry] = {}
    lines: dict[str, int] = {}
    for raw in _entries(text.removeprefix("\ufeff"), file, problems):
        entry, found = _check_entry(raw, lang, file)
        problems.extend(found)
        if entry is None:
            continue
        if entry.msgid in entries:
            problems.append(
                GuideProblem(
                    file,
                    one_line(entry.msgid, 60),
                    raw.line,
                    f"this msgid is already translated at line {lines[entry.msgid]}",
                )
            )
            continue
        entries[entry.msgid] = entry
        lines[entry.msgid] = raw.line
    return Catalogue(lang, entries), problems


def load_catalogue(path: Path, lang: str) -> tuple[Catalogue, list[GuideProblem]]:
    """Read one catalogue file: its usable entries, and every problem."""
    try:
        raw, info = read_regular_file(path, MAX_CATALOGUE_BYTES)
    except OSError as error:
        return Catalogue(lang), [GuideProblem(path, "", None, f"could not read the file: {error.strerror}")]
    if info.st_size > MAX_CATALOGUE_BYTES or len(raw) > MAX_CATALOGUE_BYTES:
        return Catalogue(lang), [GuideProblem(path, "", None, "file is larger than 1 MB")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Catalogue(lang), [
            GuideProblem(
                path, "", None, f"file is not UTF-8 text (unexpected byte at position {error.start})"
            )
        ]
    return parse_catalogue(text, lang, path)


@cache
def bundled_catalogue(lang: str) -> Catalogue:
    """The catalogue shipped with the app; a broken bundled catalogue is a bug, so it raises."""
    catalogue, problems = load_catalogue(catalogue_path(bundled_guides_dir(), lang), lang)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return catalogue


def catalogue_for(lang: str, user_dir: Path | None = None) -> tuple[Catalogue, list[GuideProblem]]:
    """The bundled catalogue for ``lang`` with the organisation's entries in place of its own."""
    base = bundled_catalogue(lang) if lang in BUNDLED_LANGUAGES else Catalogue(lang)
    if user_dir is None:
        return base, []
    path = catalogue_path(user_dir, lang)
    if (
        not (path.exists() or path.is_symlink())
        or path.resolve() == catalogue_path(bundled_guides_dir(), lang).resolve()
    ):
        return base, []
    own, problems = load_catalogue(path, lang)
    return Catalogue(lang, {**base.entries, **own.entries}), problems


#: Catalogues read from one organisation's folder: a few languages, not a library.
MAX_USER_CATALOGUES = 20


def user_catalogue_problems(user_dir: Path) -> list[GuideProblem]:
    """Every problem in the organisation's catalogues (``translations/*.po`` in its guides folder)."""
    folder = user_dir / TRANSLATIONS_DIR
    if not folder.is_dir() or folder.resolve() == (bundled_guides_dir() / TRANSLATIONS_DIR).resolve():
        return []
    problems: list[GuideProblem] = []
    for path in sorted(folder.glob("*.po"))[:MAX_USER_CATALOGUES]:
        problems.extend(load_catalogue(path, path.stem)[1])
    return problems


def translator_for(lang: str, user_dir: Path | None = None) -> Translator:
    """A translator for ``lang`` (``en`` needs no catalogue); problems are for ``guides check``."""
    if lang == "en":
        return Translator("en")
    catalogue, _ = catalogue_for(lang, user_dir)
    return Translator(lang, catalogue)

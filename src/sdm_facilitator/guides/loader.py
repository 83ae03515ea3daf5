"""Reading guide files and the language hints from disk.

Bundled guides ship with the app; an organisation may keep its own guides in
a user guides folder (``SDM_FACILITATOR_GUIDES_DIR`` or ``DATA/guides``). A
user guide with the same id as a bundled one replaces it, and the app says so.
A file that cannot be used never stops the others: it is listed as unusable,
with one message per problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.child_plan_wording import ChildPlanWording
from sdm_facilitator.domain.conference_wording import ConferenceWording
from sdm_facilitator.domain.guide import Guide, LanguageHint
from sdm_facilitator.domain.jurisdiction import DEFAULT_JURISDICTION, JurisdictionProfile, apply_profile
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.terminology import Vocabulary, apply_vocabulary
from sdm_facilitator.guides.child_plan_wording import CHILD_PLAN_WORDING_FILE, parse_child_plan_wording
from sdm_facilitator.guides.conference_wording import CONFERENCE_WORDING_FILE, parse_conference_wording
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR, parse_profile, profile_files
from sdm_facilitator.guides.library import GuideLibrary
from sdm_facilitator.guides.network_finding import (
    NETWORK_FINDING_FILE,
    NetworkFinding,
    parse_finding,
)
from sdm_facilitator.guides.plan_checks import PLAN_CHECKS_FILE, parse_plan_checks, words_from
from sdm_facilitator.guides.risk_warnings import (
    RISK_WARNINGS_FILE,
    RiskWarning,
    parse_warnings,
    with_own_warnings,
)
from sdm_facilitator.guides.terms import TERMS_FILE, guide_vocabulary_problems, parse_terms, use_problem
from sdm_facilitator.guides.validate import (
    Checker,
    GuideProblem,
    KeyedFileError,
    format_key,
    parse_guide,
    parse_language,
    phrase_key,
)
from sdm_facilitator.paths import bundled_guides_dir
from sdm_facilitator.storage.files import read_regular_file

__all__ = [
    "CHILD_PLAN_WORDING_FILE",
    "NETWORK_FINDING_FILE",
    "RISK_WARNINGS_FILE",
    "CONFERENCE_WORDING_FILE",
    "LANGUAGE_FILE",
    "PLAN_CHECKS_FILE",
    "TERMS_FILE",
    "MAX_FILE_BYTES",
    "MAX_GUIDE_FILES",
    "GuideLibrary",
    "GuideProblem",
    "bundled_child_plan_wording",
    "bundled_conference_wording",
    "bundled_finding",
    "bundled_risk_warnings",
    "load_child_plan_wording",
    "load_conference_wording",
    "load_guide_file",
    "load_language_hints",
    "load_library",
    "load_network_finding",
    "load_risk_warnings",
    "load_plan_checks",
    "load_terms_file",
]

#: The file holding language hints; every other ``*.toml`` in a guides folder is a guide.
#: A wording file's checked words (``ConferenceWording``, ``ChildPlanWording``).
W = TypeVar("W")
#: What a data file read whole builds (``NetworkFinding``, the risk warnings).
T = TypeVar("T")
LANGUAGE_FILE = "language.toml"
#: Guides are short text files; anything bigger is a mistake (or not a guide).
MAX_FILE_BYTES = 1_000_000
#: Guide files read from one folder, in name order. An organisation keeps a
#: handful; 10,000 made every command take a minute and 1.3 GB.
MAX_GUIDE_FILES = 200
#: Bytes of guide files read from one folder, all files together (a bundled
#: guide is about 40 KB, so 200 of them fit).
MAX_GUIDE_FOLDER_BYTES = 16_000_000


#: tomllib takes time quadratic in the number of parts of one dotted key
#: (``a.b.c...``); a guide needs at most two, so a line with more is refused
#: before parsing rather than freezing the app for minutes.
MAX_DOTTED_PARTS = 32
_STRINGS_AND_COMMENTS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)


def _structure_problem(path: Path, text: str) -> GuideProblem | None:
    """A key with absurdly many dotted parts, found before tomllib sees it."""
    if max((line.count(".") for line in text.split("\n")), default=0) <= MAX_DOTTED_PARTS:
        return None
    bare = _STRINGS_AND_COMMENTS.sub(lambda m: "\n" * m.group().count("\n"), text)
    for number, line in enumerate(bare.split("\n"), 1):
        if line.count(".") > MAX_DOTTED_PARTS:
            return GuideProblem(
                path,
                "",
                number,
                f"a key or table name has more than {MAX_DOTTED_PARTS} dotted parts; "
                "guide keys need at most two",
            )
    return None


def _syntax_problem(path: Path, error: toml_reading.TOMLDecodeError) -> GuideProblem:
    """tomllib says "... (at line 3, column 5)": move the line to the front."""
    message = str(error)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    line = None
    if match:
        line = int(match.group(1))
        message = f"{message[: match.start()]} (column {match.group(2)})"
    else:
        message = re.sub(r"\s*\(at end of document\)\s*$", " (at the end of the file)", message)
    return GuideProblem(path, "", line, f"TOML syntax error: {message}")


def _read_toml(path: Path) -> tuple[Any, str, list[GuideProblem]]:
    """Parsed data (or None), the text, and any problem reading or parsing it."""
    try:
        raw, info = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, "", [GuideProblem(path, "", None, f"could not read the file: {reason}")]
    if info.st_size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        return (
            None,
            "",
            [
                GuideProblem(
                    path, "", None, "file is larger than 1 MB; a guide file should be a short text file"
                )
            ],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            None,
            "",
            [
                GuideProblem(
                    path,
                    "",
                    None,
                    f"file is not UTF-8 text (unexpected byte at position {error.start}); save it as UTF-8",
                )
            ],
        )
    text = text.removeprefix("\ufeff")
    too_dotted = _structure_problem(path, text)
    if too_dotted is not None:
        return None, text, [too_dotted]
    try:
        data = toml_reading.loads(text)
    except toml_reading.TOMLDecodeError as error:
        return None, text, [_syntax_problem(path, error)]
    except RecursionError:
        return None, text, [GuideProblem(path, "", None, "TOML syntax error: values are nested too deeply")]
    except ValueError as error:
        return None, text, [GuideProblem(path, "", None, f"TOML syntax error: {error}")]
    return data, text, []


def load_guide_file(path: Path, *, bundled: bool) -> tuple[Guide | None, list[GuideProblem]]:
    """Read one guide. Returns the guide and no problems, or None and every problem."""
    data, text, problems = _read_toml(path)
    if problems:
        return None, problems
    try:
        return parse_guide(data, path, text, bundled=bundled)
    except RecursionError:  # pragma: no cover - defensive: deeply nested data
        return None, [GuideProblem(path, "", None, "values are nested too deeply")]


def load_language_hints(path: Path) -> tuple[tuple[LanguageHint, ...], list[GuideProblem]]:
    """Read a language file. Hints with problems are left out; the rest are kept."""
    data, text, problems = _read_toml(path)
    if problems:
        return (), problems
    return parse_language(data, path, text)


def load_terms_file(
    path: Path, known: dict[str, Vocabulary] | None = None
) -> tuple[list[Vocabulary], str, list[GuideProblem]]:
    """Read a terms file: its vocabularies, the one it chooses, and every problem.

    ``use`` may name a vocabulary of the file itself or of ``known`` (the bundled ones).
    """
    data, text, problems = _read_toml(path)
    if problems:
        return [], "", problems
    vocabularies, chosen, problems = parse_terms(data, path, text)
    everything = dict(known or {})
    everything.update({v.id: v for v in vocabularies})
    wrong_use = use_problem(path, text, chosen, everything)
    if wrong_use is not None:
        problems.append(wrong_use)
        chosen = ""
    return vocabularies, chosen, problems


def load_conference_wording(path: Path) -> tuple[ConferenceWording | None, list[GuideProblem]]:
    """Read and check a conference wording file: the words, or None and every problem."""
    data, text, problems = _read_toml(path)
    if problems:
        return None, problems
    return parse_conference_wording(data, path, text)


def _bundled_or_raise(load: Callable[[Path], tuple[T | None, list[GuideProblem]]], file_name: str) -> T:
    """A data file shipped with the app, read and checked once; a broken bundled file is a bug, so it raises."""
    found, problems = load(bundled_guides_dir() / file_name)
    if found is None:
        raise ValueError("; ".join(str(p) for p in problems))
    return found


@cache
def bundled_conference_wording() -> ConferenceWording:
    """The letter's words shipped with the app."""
    return _bundled_or_raise(load_conference_wording, CONFERENCE_WORDING_FILE)


def load_child_plan_wording(path: Path) -> tuple[ChildPlanWording | None, list[GuideProblem]]:
    """Read and check a child plan wording file: the words, or None and every problem."""
    data, text, problems = _read_toml(path)
    if problems:
        return None, problems
    return parse_child_plan_wording(data, path, text)


@cache
def bundled_child_plan_wording() -> ChildPlanWording:
    """A child's plan's words shipped with the app."""
    return _bundled_or_raise(load_child_plan_wording, CHILD_PLAN_WORDING_FILE)


def _load_keyed(path: Path, parse: Callable[[Any, str], T]) -> tuple[T | None, list[GuideProblem]]:
    """Read a data file and build it with ``parse``, which stops at the first mistake naming its key.

    The mistake becomes a problem like any guide's: file, line (found from the key) and key.
    """
    data, text, problems = _read_toml(path)
    if problems:
        return None, problems
    try:
        return parse(data, path.name), []
    except KeyedFileError as error:
        checker = Checker(path, text)
        checker.add(error.key, error.message)
        return None, checker.report()


def load_network_finding(path: Path) -> tuple[NetworkFinding | None, list[GuideProblem]]:
    """Read and check a network finding file: the guidance, or None and its problem (file, line, key)."""
    return _load_keyed(path, parse_finding)


def load_risk_warnings(path: Path) -> tuple[tuple[RiskWarning, ...] | None, list[GuideProblem]]:
    """Read and check a risk warnings file: the warnings, or None and its problem (file, line, key)."""
    return _load_keyed(path, parse_warnings)


def _warnings_kind_by_kind(
    bundled: tuple[RiskWarning, ...] | None, own: tuple[RiskWarning, ...] | None
) -> tuple[RiskWarning, ...]:
    """The organisation's warnings for the kinds it names; the bundled ones for every other kind."""
    return with_own_warnings(bundled or (), own or ())


@cache
def bundled_risk_warnings() -> tuple[RiskWarning, ...]:
    """The risk screen's warnings shipped with the app."""
    return _bundled_or_raise(load_risk_warnings, RISK_WARNINGS_FILE)


@cache
def bundled_finding() -> NetworkFinding:
    """Who-might-be-missing guidance shipped with the app."""
    return _bundled_or_raise(load_network_finding, NETWORK_FINDING_FILE)


def _present(path: Path) -> bool:
    """Whether something (a file, a pipe, a link, a folder) has this name.

    A named pipe or a folder called ``language.toml`` or ``terms.toml`` is
    not a file, but it is not absent either: reading it reports why it cannot
    be used, where ``is_file()`` had skipped it without a word.
    """
    return path.is_symlink() or path.exists()


#: Files in a guides folder that are data of another kind, not guides.
_NOT_GUIDES = (
    LANGUAGE_FILE,
    TERMS_FILE,
    PLAN_CHECKS_FILE,
    CONFERENCE_WORDING_FILE,
    CHILD_PLAN_WORDING_FILE,
    NETWORK_FINDING_FILE,
    RISK_WARNINGS_FILE,
)


def _guide_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Not only regular files: a pipe or link named like a guide is listed as
    # unusable (reading refuses it) rather than silently skipped.
    return sorted(p for p in folder.glob("*.toml") if p.name not in _NOT_GUIDES and not p.is_dir())


def _merge_hints(base: tuple[LanguageHint, ...], extra: tuple[LanguageHint, ...]) -> tuple[LanguageHint, ...]:
    """``extra`` replaces hints of ``base`` sharing a phrase or variant, and adds the rest."""
    replaced: set[str] = set()
    for hint in extra:
        replaced.update(phrase_key(form) for form in (hint.phrase, *hint.variants))
    kept = [
        hint
        for hint in base
        if not any(phrase_key(form) in replaced for form in (hint.phrase, *hint.variants))
    ]
    return tuple(kept) + tuple(extra)


def _within_caps(files: list[Path]) -> tuple[list[Path], int]:
    """The files to read (name order) within the count and size caps, and how many are left out.

    Sizes come from ``lstat``, before anything is read; a file too big by itself
    is kept, to be reported as unusable by the reader.
    """
    kept: list[Path] = []
    total = 0
    for path in files[:MAX_GUIDE_FILES]:
        try:
            size = path.lstat().st_size
        except OSError:
            size = 0
        size = min(size, MAX_FILE_BYTES + 1)
        if kept and total + size > MAX_GUIDE_FOLDER_BYTES:
            break
        kept.append(path)
        total += size
    return kept, len(files) - len(kept)


def skipped_note(folder: Path, skipped: int, found: int) -> str:
    """One sentence saying how many guide files were not read, and why."""
    return (
        f"{skipped:,} of the {found:,} guide files in {folder} were not read: the app reads at most "
        f"{MAX_GUIDE_FILES} guide files ({MAX_GUIDE_FOLDER_BYTES // 1_000_000} MB) from a folder, in name "
        "order. Move the guides you do not use out of that folder."
    )


def _add_guides(library: GuideLibrary, folder: Path, *, bundled: bool) -> None:
    # Ids seen in this folder -> the file that claimed them first.
    claimed: dict[str, Path] = {}
    found = _guide_files(folder)
    files, skipped = _within_caps(found)
    if skipped:
        library.skipped.append(skipped_note(folder, skipped, len(found)))
    for path in files:
        guide, problems = load_guide_file(path, bundled=bundled)
        if guide is None:
            library.unusable[path] = problems
            continue
        if guide.id in claimed:
            library.unusable[path] = [
                GuideProblem(
                    path,
                    format_key(("guide", "id")),
                    None,
                    f"guide id '{guide.id}' is already used by {claimed[guide.id].name}; "
                    "give this guide a different id",
                )
            ]
            continue
        claimed[guide.id] = path
        if not bundled and guide.id in library.guides:
            library.overridden[guide.id] = path
        library.guides[guide.id] = guide


def load_library(
    user_dir: Path | None, *, bundled_dir: Path | None = None, jurisdiction: str = DEFAULT_JURISDICTION
) -> GuideLibrary:
    """Load the bundled guides, then the user's (which may add or replace by id).

    ``bundled_dir`` is for tests; the app always uses the guides it ships with.
    ``jurisdiction`` is the profile (the ``jurisdiction`` setting) whose law the guides name.
    """
    library = GuideLibrary()
    bundled_dir = bundled_dir if bundled_dir is not None else bundled_guides_dir()
    _add_guides(library, bundled_dir, bundled=True)
    hints: tuple[LanguageHint, ...] = ()
    problems: list[GuideProblem] = []
    if _present(bundled_dir / LANGUAGE_FILE):
        hints, problems = load_language_hints(bundled_dir / LANGUAGE_FILE)
    library.language_problems.extend(problems)
    if user_dir is not None and user_dir.resolve() != bundled_dir.resolve():
        _add_guides(library, user_dir, bundled=False)
        user_language = user_dir / LANGUAGE_FILE
        if _present(user_language):
            extra, problems = load_language_hints(user_language)
            library.language_problems.extend(problems)
            hints = _merge_hints(hints, extra)
    library.language_hints = hints
    _load_jurisdiction(library, bundled_dir, user_dir, jurisdiction)
    _apply_terms(library, bundled_dir, user_dir)
    _apply_plan_checks(library, bundled_dir, user_dir)
    _add_conference_wording(library, bundled_dir, user_dir)
    _add_child_plan_wording(library, bundled_dir, user_dir)
    library.network_finding, problems = _bundled_then_own(
        load_network_finding, NETWORK_FINDING_FILE, bundled_dir, user_dir
    )
    library.network_finding_problems.extend(problems)
    library.risk_warnings, problems = _bundled_then_own(
        load_risk_warnings,
        RISK_WARNINGS_FILE,
        bundled_dir,
        user_dir,
        combine=_warnings_kind_by_kind,
    )
    library.risk_warning_problems.extend(problems)
    return library


def load_plan_checks(
    path: Path, base: PlanCheckWords | None = None
) -> tuple[PlanCheckWords, list[GuideProblem]]:
    """Read a plan-checks file: ``base`` with the file's good lists in place, and every problem.

    Without ``base`` the file is the bundled one and must give every list.
    """
    data, text, problems = _read_toml(path)
    if problems:
        return base or PlanCheckWords(), problems
    found, problems = parse_plan_checks(data, path, text, complete=base is None)
    return words_from(found, base), problems


def _apply_plan_checks(library: GuideLibrary, bundled_dir: Path, user_dir: Path | None) -> None:
    """The bundled words, then the organisation's lists in place of the bundled ones."""
    if _present(bundled_dir / PLAN_CHECKS_FILE):
        library.plan_check_words, problems = load_plan_checks(bundled_dir / PLAN_CHECKS_FILE)
        library.plan_check_problems.extend(problems)
    user_file = user_dir / PLAN_CHECKS_FILE if user_dir is not None else None
    if user_file is not None and user_file.parent.resolve() != bundled_dir.resolve() and _present(user_file):
        library.plan_check_words, problems = load_plan_checks(user_file, library.plan_check_words)
        library.plan_check_problems.extend(problems)


def _bundled_then_own(
    load: Callable[[Path], tuple[W | None, list[GuideProblem]]],
    file_name: str,
    bundled_dir: Path,
    user_dir: Path | None,
    combine: Callable[[W | None, W], W] | None = None,
) -> tuple[W | None, list[GuideProblem]]:
    """A data file's contents: the bundled file's, and the organisation's own in their place when it is usable.

    A file with any problem is not used at all, so a paper never mixes an
    organisation's half-checked sentences with the bundled ones. The usable
    organisation's file replaces the bundled one whole, or, with ``combine``, is
    combined with it (the risk warnings: kind by kind). Every problem of both
    files is returned, to be reported with its file, line and key.
    """
    wording: W | None = None
    problems: list[GuideProblem] = []
    if _present(bundled_dir / file_name):
        wording, found = load(bundled_dir / file_name)
        problems.extend(found)
    if user_dir is None or user_dir.resolve() == bundled_dir.resolve() or not _present(user_dir / file_name):
        return wording, problems
    own, found = load(user_dir / file_name)
    problems.extend(found)
    if own is None:
        return wording, problems
    return (combine(wording, own) if combine is not None else own), problems


def _add_conference_wording(library: GuideLibrary, bundled_dir: Path, user_dir: Path | None) -> None:
    """The parents' decision letter's words (``conference-wording.toml``)."""
    library.conference_wording, problems = _bundled_then_own(
        load_conference_wording, CONFERENCE_WORDING_FILE, bundled_dir, user_dir
    )
    library.conference_wording_problems.extend(problems)


def _add_child_plan_wording(library: GuideLibrary, bundled_dir: Path, user_dir: Path | None) -> None:
    """A child's own plan's words (``child-plan-wording.toml``)."""
    library.child_plan_wording, problems = _bundled_then_own(
        load_child_plan_wording, CHILD_PLAN_WORDING_FILE, bundled_dir, user_dir
    )
    library.child_plan_wording_problems.extend(problems)


def _apply_terms(library: GuideLibrary, bundled_dir: Path, user_dir: Path | None) -> None:
    """Read the vocabularies, refuse guides naming unknown ones, apply the organisation's choice."""
    if _present(bundled_dir / TERMS_FILE):
        found, _, problems = load_terms_file(bundled_dir / TERMS_FILE)
        library.vocabularies.update({v.id: v for v in found})
        library.terms_problems.extend(problems)
    user_terms = user_dir / TERMS_FILE if user_dir is not None else None
    if (
        user_terms is not None
        and user_terms.parent.resolve() != bundled_dir.resolve()
        and _present(user_terms)
    ):
        found, chosen, problems = load_terms_file(user_terms, library.vocabularies)
        library.vocabularies.update({v.id: v for v in found})
        library.vocabulary_in_use = chosen
        library.terms_problems.extend(problems)
    profile = library.jurisdiction or JurisdictionProfile(library.jurisdiction_id, library.jurisdiction_id)
    if not library.vocabulary_in_use and profile.vocabulary in library.vocabularies:
        # The organisation's own choice (terms.toml "use") wins; else the jurisdiction's words.
        library.vocabulary_in_use = profile.vocabulary
    for guide_id, guide in list(library.guides.items()):
        problems = guide_vocabulary_problems(guide, library.vocabularies)
        if problems:
            assert guide.source is not None
            library.unusable[guide.source] = problems
            del library.guides[guide_id]
            library.overridden.pop(guide_id, None)
            continue
        guide = library.guides[guide_id] = apply_profile(guide, profile)
        chosen = library.vocabulary_in_use
        if chosen and chosen in guide.vocabularies:
            library.guides[guide_id] = apply_vocabulary(guide, library.vocabularies[chosen])


def load_profile_file(path: Path) -> tuple[JurisdictionProfile | None, list[GuideProblem]]:
    """Read and check one jurisdiction profile: the profile, or None and every problem."""
    data, text, problems = _read_toml(path)
    if problems:
        return None, problems
    return parse_profile(data, path, text)


def profile_paths(bundled_dir: Path, user_dir: Path | None) -> dict[str, Path]:
    """Every profile by id: the bundled ones, then the organisation's (which replace by id)."""
    found = {path.stem: path for path in profile_files(bundled_dir / JURISDICTIONS_DIR)}
    if user_dir is not None and user_dir.resolve() != bundled_dir.resolve():
        found.update({path.stem: path for path in profile_files(user_dir / JURISDICTIONS_DIR)})
    return found


def _load_jurisdiction(library: GuideLibrary, bundled_dir: Path, user_dir: Path | None, chosen: str) -> None:
    """The chosen profile, or None and why: never another jurisdiction's in its place."""
    library.jurisdiction_id = chosen
    paths = profile_paths(bundled_dir, user_dir)
    if chosen not in paths:
        known = ", ".join(sorted(paths)) or "none"
        library.jurisdiction_problems.append(
            GuideProblem(
                bundled_dir / JURISDICTIONS_DIR,
                "",
                None,
                f"no jurisdiction profile '{chosen}'; profiles: {known}",
            )
        )
        return
    library.jurisdiction, problems = load_profile_file(paths[chosen])
    library.jurisdiction_problems.extend(problems)
